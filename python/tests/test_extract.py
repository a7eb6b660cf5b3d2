"""ogi.extract(): the corpus against its answer keys, and the same reports as `ogi extract`."""
import json
from decimal import Decimal

import pytest

import ogi
from conftest import CORPUS, EXAMPLES, answer_keys, corpus_files, run_tool, tool_diagnostics


def same_value(want, got):
    if isinstance(want, str) and isinstance(got, str):
        try:
            return Decimal(want) == Decimal(got)
        except ArithmeticError:
            pass
    return want == got and type(want) is type(got)


def lookup(report, pointer):
    node = report
    for part in pointer.lstrip("/").split("/"):
        if not isinstance(node, dict) or part not in node:
            return KeyError
        node = node[part]
    return node


def test_the_corpus_cell_by_cell_against_the_answer_keys():
    # As tests/extract_test.cpp: every cell the key lists, every undecided cell blank and said,
    # the edition right, and no number where the text has none.
    cells = exact = editions_right = 0
    invented, misses = [], []
    keys = answer_keys()
    assert len(keys) >= 20
    for name, key in keys.items():
        res = ogi.extract(CORPUS / key["file"])
        assert res.report is not None, name
        got = res.report
        editions_right += got["edition"] == key["edition"]
        assert res.complete == key["complete"], name
        said = {d.path for d in res.diagnostics if d.rule == "OGI-E-AMBIGUOUS"}
        for pointer, want in key["cells"].items():
            cells += 1
            g = lookup(got, pointer)
            if g is not KeyError and same_value(want, g):
                exact += 1
            else:
                misses.append((name, pointer, want, g))
        for pointer in key.get("ambiguous", {}):
            cells += 1
            if lookup(got, pointer) is None and pointer in said:
                exact += 1
            else:
                misses.append((name, pointer, "undecided", lookup(got, pointer)))
        listed = set(key["cells"]) | set(key.get("ambiguous", {}))
        for table in ("proactive", "applications", "reviews"):
            for row, columns in got[table].items():
                for column, value in columns.items():
                    pointer = f"/{table}/{row}/{column}"
                    if pointer not in listed and value is not None:
                        invented.append((name, pointer, value))
    assert exact / cells >= 0.995, misses
    assert editions_right == len(keys)
    assert invented == []


def test_the_seed_gives_the_bundled_example_exactly_and_validates_clean():
    res = ogi.extract(CORPUS / "seed" / "liucheng-2020.txt")
    assert res.report == json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))
    assert res.report["source"]["file"] == "liucheng-2020.txt"  # the file's name, as the tool records it
    assert res.complete
    assert ogi.validate(res.report).diagnostics == []


def test_money_stays_exact():
    res = ogi.extract(CORPUS / "reports" / "huaian-2024.pdftotext-layout.txt")
    fees = res.report["proactive"]["fees"]["amount_wan_yuan"]
    assert isinstance(fees, str) and fees == "96171.6"


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_the_same_report_and_diagnostics_as_ogi_extract(ogi_tool, path):
    _, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "extract", path)
    want = json.loads(out)
    res = ogi.extract(path)
    assert res.report == want["report"]
    assert tool_diagnostics(res.diagnostics) == want["diagnostics"]


def test_bytes_path_and_pathlike_read_alike():
    path = CORPUS / "reports" / "pingtan-2021.txt"
    from_path = ogi.extract(str(path))
    from_pathlike = ogi.extract(path)
    from_bytes = ogi.extract(path.read_bytes(), source_name="pingtan-2021.txt")
    assert from_path == from_pathlike == from_bytes
    unnamed = ogi.extract(bytearray(path.read_bytes()))
    assert "file" not in unnamed.report.get("source", {})
    assert unnamed.diagnostics == from_path.diagnostics


def test_gbk_bytes_read_as_the_utf8_text():
    path = CORPUS / "seed" / "liucheng-2020.txt"
    utf8 = ogi.extract(path.read_bytes())
    gbk = ogi.extract(path.read_text(encoding="utf-8").encode("gb18030"))
    assert gbk.report == utf8.report


def test_provenance_points_at_the_lines_of_the_text():
    path = CORPUS / "seed" / "liucheng-2020.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    res = ogi.extract(path, with_provenance=True)
    assert "provenance" in res.report["source"]
    assert len(res.provenance) >= 150
    line, column = res.provenance["/applications/new_received/natural_person"]
    assert 1 <= line <= len(lines) and column >= 1
    value = res.report["applications"]["new_received"]["natural_person"]
    assert str(value) in lines[line - 1]


def test_diagnostics_are_small_objects_with_both_messages():
    res = ogi.extract(CORPUS / "excerpts" / "013.txt")
    missing = [d for d in res.diagnostics if d.rule == "OGI-E-MISSING"]
    assert missing and missing[0].path == "/reviews"
    d = missing[0]
    assert d.severity == "warning"
    assert "四" in d.message_zh and "section" in d.message_en
    assert d.message("zh") == d.message_zh and d.message("en") == d.message_en
    with pytest.raises(ValueError):
        d.message("fr")
    assert str(d) == f"warning OGI-E-MISSING /reviews: {d.message()}"
    # a finding in the text says where: 13件 is on the line it names
    seed = CORPUS / "seed" / "liucheng-2020.txt"
    annotated = [d for d in ogi.extract(seed).diagnostics if d.path == "/proactive/procurement/projects"]
    assert [d.rule for d in annotated] == ["OGI-E-ANNOTATED"]
    line = seed.read_text(encoding="utf-8").split("\n")[annotated[0].line - 1]
    assert line[annotated[0].column - 1:].startswith("13件")


def test_no_table_gives_no_report_and_says_so():
    res = ogi.extract(b"nothing here")
    assert res.report is None and not res.complete
    assert [d.rule for d in res.diagnostics] == ["OGI-E-NO-TABLES"]


def test_over_the_size_limit():
    res = ogi.extract(b"x" * 2000, max_bytes=1000)
    assert res.report is None
    assert res.diagnostics[0].rule == "OGI-E-NO-TABLES" and "1000" in res.diagnostics[0].message_en
