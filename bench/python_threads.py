#!/usr/bin/env python3
"""How a Python thread pool scales over the ogi module (docs/python.md, "Threads").

    PYTHONPATH=build/python /usr/bin/python3 bench/python_threads.py [--threads 1,2] [--rounds 5]

Times, for 1, 2, … threads of a concurrent.futures.ThreadPoolExecutor: ogi.extract() of the
corpus's published texts (bytes), ogi.validate() of report JSON bytes and of report dicts, and
ogi.render(); then ogi.read_folder() over a folder of copies with jobs=1, 2, …. Prints the best of
`rounds` runs of each, in calls per second, and the speed-up over one thread. A call that held the
GIL would stay at 1.0x; the dict conversions (Python objects, so with the GIL) are the part of
validate(dict) that cannot scale. Not a test: the numbers depend on the machine and its load.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import ogi

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"


def best_rate(run, calls, rounds):
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return calls / best


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--threads", default=f"1,{min(os.cpu_count() or 1, 4)}")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--copies", type=int, default=20, help="copies of the corpus per round")
    args = ap.parse_args()
    threads = sorted({int(t) for t in args.threads.split(",")})

    texts = [p.read_bytes() for p in sorted(CORPUS.glob("*/*.txt"))] * args.copies
    reports = [r.report for r in map(ogi.extract, texts[: len(texts) // args.copies]) if r.report and r.report["year"]]
    reports = reports * args.copies
    report_bytes = [json.dumps(r, ensure_ascii=False).encode() for r in reports]
    work = {
        "extract(bytes)": (ogi.extract, texts),
        "validate(bytes)": (ogi.validate, report_bytes),
        "validate(dict)": (ogi.validate, reports),
        "render(dict, html)": (ogi.render, reports),
    }
    print(f"ogi {ogi.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores; best of {args.rounds}")
    print(f"{'call':<20}" + "".join(f"{f'{t} thread' + ('s' if t > 1 else ''):>22}" for t in threads))
    for name, (fn, items) in work.items():
        rates = []
        for t in threads:
            with ThreadPoolExecutor(t) as pool:
                rates.append(best_rate(lambda: list(pool.map(fn, items, chunksize=8)), len(items), args.rounds))
        print(f"{name:<20}" + "".join(f"{r:>12.0f}/s {r / rates[0]:>6.2f}x" for r in rates))

    with tempfile.TemporaryDirectory() as d:
        sources = sorted(CORPUS.glob("*/*.txt"))
        for i in range(len(sources) * args.copies):
            shutil.copy(sources[i % len(sources)], Path(d) / f"{i:05}-{sources[i % len(sources)].name}")
        n = len(sources) * args.copies
        rates = [best_rate(lambda: ogi.read_folder(d, jobs=t, progress=False), n, args.rounds) for t in threads]
        print(f"{'read_folder(jobs=N)':<20}" + "".join(f"{r:>12.0f}/s {r / rates[0]:>6.2f}x" for r in rates))


if __name__ == "__main__":
    main()
