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


def ticks_during(call):
    """Runs call() while another thread notes the time every 2 ms; returns (ticks inside the
    call, seconds the call took). A call that held the GIL throughout would see none inside."""
    ticks, stop = [], threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.monotonic())
            time.sleep(0.002)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.05)
    start = time.monotonic()
    call()
    end = time.monotonic()
    stop.set()
    t.join()
    margin = 0.02  # the ticker's own sleep and a switch interval at either end
    return sum(1 for x in ticks if start + margin < x < end - margin), end - start


def long_enough(make_call, least=0.3):
    """A call built by make_call(scale), its input doubled until one call takes `least` seconds."""
    scale = 1
    while True:
        call = make_call(scale)
        start = time.monotonic()
        call()
        if time.monotonic() - start >= least or scale >= 1 << 12:
            return call
        scale *= 2


def assert_released(make_call):
    call = long_enough(make_call)
    inside, seconds = ticks_during(call)
    # a free GIL lets the ticker run about every 2 ms; ask for a tenth of that
    assert seconds >= 0.2
    assert inside >= seconds / 0.002 / 10, (inside, seconds)


TEXT = b"".join(p.read_bytes() for p in sorted((CORPUS / "reports").glob("*.txt")))


def test_extract_lets_go_of_the_gil():
    assert_released(lambda n: (lambda data=TEXT * n: ogi.extract(data)))


def test_validate_lets_go_of_the_gil():
    report = json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))

    def make(n):
        r = dict(report, narrative={"overview": "本机关主动公开政府信息123条。" * (2000 * n)})
        text = json.dumps(r, ensure_ascii=False).encode()
        return lambda: ogi.validate(text)

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
