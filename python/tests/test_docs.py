"""docs/python.md's worked example, run as written: each ```python cell in order in one namespace,
its printed output equal to the ```text cell under it, and the figure drawn.

As a test it runs in a temporary directory that has the checkout's tests/ (the corpus) and an empty
docs/, so that the checkout is not written to. Run directly,

    PYTHONPATH=build/python /usr/bin/python3 python/tests/test_docs.py

it runs in the checkout, writes docs/python-slips.png and puts each cell's output into the
```text cell under it in docs/python.md: what to do when the example (or the library's
extraction of the corpus) changes; then look at the picture and the diff.
"""
import contextlib
import io
import os
import re
import struct
import sys
from pathlib import Path

ROOT = Path(os.environ.get("OGI_SOURCE_DIR") or Path(__file__).resolve().parents[2])
PAGE = ROOT / "docs" / "python.md"
FIGURE = "docs/python-slips.png"


def cells():
    """(code, expected output or None) for each python cell of the worked example."""
    text = PAGE.read_text(encoding="utf-8")
    example = text[text.index("## A worked example"):]
    blocks = re.findall(r"^```(\w*)\n(.*?)^```$", example, re.M | re.S)
    out = []
    for i, (kind, body) in enumerate(blocks):
        if kind == "python":
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            out.append((body, after[1] if after and after[0] == "text" else None))
    return out


def run(where):
    """Runs the cells with `where` as the working directory; returns (namespace, outputs)."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    namespace, outputs = {"__name__": "__docs__"}, []
    here = os.getcwd()
    os.chdir(where)
    try:
        for code, _ in cells():
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(code, str(PAGE), "exec"), namespace)
            outputs.append(buffer.getvalue())
    finally:
        os.chdir(here)
    return namespace, outputs


def png_size(path):
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_worked_example_runs_and_shows_what_it_prints(tmp_path):
    (tmp_path / "tests").symlink_to(ROOT / "tests")
    (tmp_path / "docs").mkdir()
    namespace, outputs = run(tmp_path)
    for (code, want), got in zip(cells(), outputs):
        if want is not None:
            assert got == want, f"the output of\n{code}\nis\n{got}"
    # what the page says it finds: the two reports whose tables do not add up
    slips = namespace["slips"]
    assert set(slips.file) == {"pingtan-2020.txt", "hongze-2023.pdftotext-layout.txt", "hongze-2023.pdftotext-raw.txt"}
    assert set(zip(slips.rule, slips.printed, slips.parts)) == {
        ("OGI-T3-SUM", 20, 26), ("OGI-T3-SUM", 21, 27), ("OGI-T4-TOTAL", 0, 11), ("OGI-T4-TOTAL", 0, 5)}
    assert len(namespace["shown"]) == 4
    # the figure is drawn, as big as the one the page shows
    assert png_size(tmp_path / FIGURE) == png_size(ROOT / FIGURE)


def write_outputs(outputs):
    """Puts each python cell's output into the ```text cell that follows it."""
    text = PAGE.read_text(encoding="utf-8")
    at = text.index("## A worked example")
    head, example = text[:at], text[at:]
    wanted = iter(o for o, (_, shown) in zip(outputs, cells()) if shown is not None)
    example = re.sub(r"^(```text\n)(.*?)(^```$)", lambda m: m.group(1) + next(wanted) + m.group(3), example,
                     flags=re.M | re.S)
    PAGE.write_text(head + example, encoding="utf-8")


if __name__ == "__main__":
    _, printed = run(ROOT)
    write_outputs(printed)
    print(f"wrote {ROOT / FIGURE} and the outputs in {PAGE}", file=sys.stderr)
