"""The GIL is let go while C++ works: another Python thread runs meanwhile, and a thread pool gets
the same results as one thread. (How much faster the pool is, is bench/python_threads.py's to say.)"""
import json
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import ogi
from conftest import CORPUS, EXAMPLES, corpus_files


def tenths_during(call):
    """Runs call() while another thread notes the time as often as it can; returns (in how many
    tenths of the call the other thread ran, seconds the call took). The ticker runs Python code,
    which needs the GIL: during a call that holds it, the ticker runs at most a switch interval
    (5 ms) at either end, in the first and last tenths; during one that lets it go, it runs in
    every tenth, however busy the cores (only how often it runs in each depends on them)."""
    ran, stop = set(), threading.Event()

    def tick():
        while not stop.is_set():
            ran.add(time.monotonic())
            time.sleep(0)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.02)
    start = time.monotonic()
    call()
    end = time.monotonic()
    stop.set()
    t.join()
    tenths = {int(10 * (x - start) / (end - start)) for x in ran if start <= x < end}
    return len(tenths), end - start


def long_enough(make_call, least=0.2, most=512):
    """A call built by make_call(scale), its input doubled until one call takes `least` seconds
    (or the input is `most` times the first: the inputs below stay within the library's limits)."""
    scale = 1
    while True:
        call = make_call(scale)
        start = time.monotonic()
        call()
        if time.monotonic() - start >= least or scale >= most:
            return call
        scale *= 2


def assert_released(make_call):
    tenths, seconds = tenths_during(long_enough(make_call))
    # 0.1 s or more: a held GIL would leave the middle eight tenths without a tick (sum(range(10**7))
    # of 0.17 s here: 2 tenths), a free one lets the ticker run in all ten (10, also under ctest -j2)
    assert seconds >= 0.1, seconds
    assert tenths >= 8, (tenths, seconds)


TEXT = b"".join(p.read_bytes() for p in sorted((CORPUS / "reports").glob("*.txt")))  # 96 KB


def test_extract_lets_go_of_the_gil():
    assert_released(lambda n: (lambda data=TEXT * n: ogi.extract(data)))  # at most 48 MB


def test_validate_lets_go_of_the_gil():
    report = json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))

    def make(n):
        text = "本机关主动公开政府信息123条。" * (600 * n)  # 25 KB each time: at most 12.9 MB a string (limit: 16)
        r = dict(report, narrative={"overview": text, "problems": text, "other_matters": text})
        data = json.dumps(r, ensure_ascii=False).encode()
        return lambda: ogi.validate(data)

    assert_released(make)


def test_read_folder_lets_go_of_the_gil(tmp_path):
    sources = corpus_files()
    made = [0]

    def make(n):
        while made[0] < 8 * n:
            src = sources[made[0] % len(sources)]
            shutil.copy(src, tmp_path / f"{made[0]:05}-{src.name}")
            made[0] += 1
        return lambda: ogi.read_folder(tmp_path, jobs=1, progress=False)

    assert_released(make)


def test_a_thread_pool_gets_what_one_thread_gets():
    files = corpus_files() * 4
    serial = [ogi.extract(f) for f in files]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(ogi.extract, files)) == serial
        reports = [r.report for r in serial if r.report["year"]]  # an excerpt without its year is no report to draw
        assert list(pool.map(ogi.validate, reports)) == [ogi.validate(r) for r in reports]
        assert list(pool.map(lambda r: ogi.render(r, "markdown"), reports)) == [ogi.render(r, "markdown") for r in reports]
        frames = list(pool.map(lambda _: ogi.to_dataframe(reports, "wide"), range(4)))
    for f in frames[1:]:
        assert f.equals(frames[0])
    assert Path(serial[0].report["source"]["file"]).name == files[0].name
