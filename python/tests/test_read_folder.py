"""ogi.read_folder(): every report under a folder on every core, equal to the files one by one."""
import io
import json
import os
import shutil
from pathlib import Path

import pytest

import ogi
from ogi import _progress
from conftest import CORPUS, EXAMPLES, corpus_files, write_json


def test_the_corpus_folder_equals_extract_file_by_file():
    entries = ogi.read_folder(CORPUS, progress=False)
    texts = corpus_files()
    # the answer keys (*.json) are read as report JSON, the published texts extracted
    assert {Path(e.file) for e in entries if e.file.endswith(".txt")} == set(texts)
    for e in entries:
        assert e.error is None
        if e.file.endswith(".txt"):
            one = ogi.extract(e.file)
            assert (e.report, e.diagnostics, e.complete) == (one.report, one.diagnostics, one.complete), e.file
    # in path order, component by component, whatever the number of threads
    assert [Path(e.file).parts for e in entries] == sorted(Path(e.file).parts for e in entries)
    assert ogi.read_folder(CORPUS, jobs=1, progress=False) == entries


def test_report_json_is_read_and_what_is_no_report_is_said(tmp_path):
    write_json(tmp_path / "a.json", json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8")))
    (tmp_path / "sub").mkdir()
    write_json(tmp_path / "sub" / "b.JSON", json.loads((EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8")))
    (tmp_path / "broken.json").write_bytes(b'{"edition": "2021",\n ,}')
    write_json(tmp_path / "no-report.json", {"edition": "2021", "year": 2021})
    (tmp_path / "notes.md").write_text("not read")
    shutil.copy(CORPUS / "reports" / "pingtan-2020.txt", tmp_path / "sub" / "pingtan-2020.txt")

    entries = {Path(e.file).relative_to(tmp_path).as_posix(): e for e in ogi.read_folder(tmp_path, progress=False)}
    assert sorted(entries) == ["a.json", "broken.json", "no-report.json", "sub/b.JSON", "sub/pingtan-2020.txt"]
    assert entries["a.json"].report == json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))
    assert entries["a.json"].diagnostics == [] and entries["a.json"].complete is None
    assert entries["broken.json"].report is None
    assert [d.rule for d in entries["broken.json"].diagnostics] == ["OGI-S-JSON"]
    no_report = entries["no-report.json"]
    assert no_report.report is None
    assert no_report.diagnostics == ogi.validate(tmp_path / "no-report.json").diagnostics
    assert entries["sub/pingtan-2020.txt"].complete is True

    # validate=True: the validator's findings too, as ogi.validate gives them
    checked = {Path(e.file).name: e for e in ogi.read_folder(tmp_path, validate=True, progress=False)}
    assert checked["a.json"].diagnostics == ogi.validate(tmp_path / "a.json").diagnostics
    pingtan = checked["pingtan-2020.txt"]
    extracted = ogi.extract(tmp_path / "sub" / "pingtan-2020.txt")
    assert pingtan.diagnostics == extracted.diagnostics + ogi.validate(extracted.report).diagnostics
    assert "OGI-T3-SUM" in {d.rule for d in pingtan.diagnostics}


def test_only_the_extensions_asked_for(tmp_path):
    shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / "a.txt")
    shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / "b.htm")
    assert [Path(e.file).name for e in ogi.read_folder(tmp_path, extensions=[".htm"], progress=False)] == ["b.htm"]
    # several paths, a file standing for itself
    both = ogi.read_folder([tmp_path / "a.txt", str(tmp_path / "b.htm")], progress=False)
    assert [Path(e.file).name for e in both] == ["a.txt", "b.htm"]


def test_a_file_that_cannot_be_read(tmp_path):
    (tmp_path / "dir.json").mkdir()  # a directory named like a report is not taken under a folder
    shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / "big.txt")
    entries = ogi.read_folder(tmp_path, max_bytes=1000, progress=False)
    assert [Path(e.file).name for e in entries] == ["big.txt"]
    assert entries[0].report is None and "over the limit of 1000 bytes" in entries[0].error
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        ogi.read_folder(tmp_path / "no-such-folder")


def test_progress_is_told_from_zero_to_every_file(tmp_path):
    for i in range(40):
        shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / f"{i:02}.txt")
    seen = []
    ogi.read_folder(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 40) and seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_an_exception_in_progress_stops_the_run(tmp_path):
    for i in range(3):
        shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / f"{i}.txt")

    def stop(done, total):
        raise RuntimeError(f"stopped at {done} of {total}")

    with pytest.raises(RuntimeError, match="stopped at 0 of 3"):
        ogi.read_folder(tmp_path, progress=stop)


def test_the_plain_bar_draws_and_clears():
    out = io.StringIO()
    bar = _progress.PlainBar(stream=out)
    bar(0, 10)
    bar(10, 10)
    bar.close()
    text = out.getvalue()
    assert "] 0/10" in text and "[" + "#" * 30 + "] 10/10" in text and text.endswith("\r\x1b[K")
    quiet = io.StringIO()
    one = _progress.PlainBar(stream=quiet)
    one(1, 1)  # a single file: nothing to watch
    one.close()
    assert quiet.getvalue() == ""


def test_no_bar_where_nobody_watches(capfd, tmp_path):
    # pytest's standard error is no terminal and this is no notebook: nothing is drawn
    assert not _progress.interactive()
    for i in range(3):
        shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / f"{i}.txt")
    ogi.read_folder(tmp_path)
    assert capfd.readouterr().err == ""


def test_progress_true_draws_even_so(capfd, tmp_path):
    for i in range(3):
        shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / f"{i}.txt")
    ogi.read_folder(tmp_path, progress=True)
    err = capfd.readouterr().err
    try:
        import tqdm  # noqa: F401  (installed: its bar, which may not have redrawn before the end)
        assert "/3 " in err or "/3\r" in err or "/3 [" in err
    except ImportError:
        assert "] 3/3" in err and err.endswith("\r\x1b[K")
