"""ogi.compare(), ogi.aggregate(), ogi.check_aggregate() and ogi.render(), against the ogi tool."""
import copy
import json
import pickle
from decimal import Decimal

import pytest

import ogi
from conftest import CORPUS, EXAMPLES, run_tool, tool_diagnostics, write_json


def extracted(name):
    return ogi.extract(CORPUS / "reports" / f"{name}.txt").report


def seed():
    return json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))


def lookup(report, pointer):
    node = report
    for part in pointer.lstrip("/").split("/"):
        node = node[part]
    return node


# ---------------------------------------------------------------- compare

def test_compare_finds_what_ogi_compare_finds(ogi_tool, tmp_path):
    a, b = extracted("pingtan-2023"), extracted("pingtan-2024")
    pa, pb = write_json(tmp_path / "a.json", a), write_json(tmp_path / "b.json", b)
    status, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "compare", pa, pb)
    want = json.loads(out)
    got = ogi.compare(a, b)
    assert got.valid == want["valid"] == (status == 0)
    assert tool_diagnostics(got.diagnostics) == want["diagnostics"]
    assert ogi.compare(pa, pb) == got
    # the year-on-year summary: each figure as the two reports have it, exact
    _, text, _ = run_tool(ogi_tool, "--lang", "en", "compare", pa, pb)
    assert len(got.year_on_year) >= 10
    for row in got.year_on_year:
        assert row.label in text
        for value, report in ((row.earlier, a), (row.later, b)):
            cell = lookup(report, row.pointer)
            assert value == (None if cell is None else Decimal(str(cell)))
        assert row.change == (None if row.earlier is None or row.later is None else row.later - row.earlier)
    fees = [r for r in got.year_on_year if r.pointer == "/proactive/fees/amount_wan_yuan"][0]
    assert fees.change == Decimal("12701.971333")


def test_a_cross_year_slip():
    a = seed()
    b = copy.deepcopy(a)
    b["year"] = a["year"] + 1
    b["applications"]["carried_over"]["total"] = a["applications"]["carried_forward"]["total"] + 3
    got = ogi.compare(a, b)
    carry = [d for d in got.diagnostics if d.rule == "OGI-X-CARRY"]
    assert carry and carry[0].path.startswith("/applications/carried_over")
    assert any(r.startswith("earlier:/applications/carried_forward") for r in carry[0].related)


def test_not_comparable_raises_with_the_tools_words(ogi_tool, tmp_path):
    a, b = extracted("pingtan-2021"), extracted("pingtan-2023")
    pa, pb = write_json(tmp_path / "a.json", a), write_json(tmp_path / "b.json", b)
    with pytest.raises(ogi.NotComparable) as caught:
        ogi.compare(a, b)
    e = caught.value
    assert isinstance(e, ValueError)
    _, _, en = run_tool(ogi_tool, "--lang", "en", "compare", pa, pb, check_status=2)
    _, _, zh = run_tool(ogi_tool, "--lang", "zh", "compare", pa, pb, check_status=2)
    assert en.startswith(f"ogi: {e} (")
    assert zh.startswith(f"ogi: {e.message('zh')}（")
    assert "2022" in str(e) and e.message("en") == str(e)
    assert str(pickle.loads(pickle.dumps(e))) == str(e)
    assert ogi.compare(a, b, force=True).valid in (True, False)  # force compares them anyway


# ---------------------------------------------------------------- aggregate

def test_aggregate_sums_as_ogi_aggregate(ogi_tool, tmp_path):
    parts = [seed(), extracted("pingtan-2020")]
    paths = [write_json(tmp_path / f"p{i}.json", p) for i, p in enumerate(parts)]
    _, out, err = run_tool(ogi_tool, "--lang", "en", "aggregate", *paths, check_status=0)
    got = ogi.aggregate(parts)
    assert got.report == json.loads(out)
    assert ogi.aggregate(paths) == got
    assert got.notes and all(d.rule == "OGI-C-BLANK" for d in got.notes)
    for d in got.notes:
        assert d.message_en in err
    named = ogi.aggregate(parts, agency="某市汇总")
    assert named.report["agency"]["name"] == "某市汇总"
    total = got.report["applications"]["new_received"]["total"]
    assert total == parts[0]["applications"]["new_received"]["total"] + parts[1]["applications"]["new_received"]["total"]


def test_check_aggregate_finds_a_wrong_cell(ogi_tool, tmp_path):
    parts = [seed(), extracted("pingtan-2020")]
    total = ogi.aggregate(parts).report
    assert ogi.check_aggregate(total, parts).valid
    total["reviews"]["administrative_review"]["upheld"] += 2
    paths = [write_json(tmp_path / f"p{i}.json", p) for i, p in enumerate(parts)]
    given = write_json(tmp_path / "sum.json", total)
    _, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "aggregate", "--check", given, *paths,
                         check_status=1)
    got = ogi.check_aggregate(total, parts)
    assert not got.valid
    assert tool_diagnostics(got.diagnostics) == json.loads(out)["diagnostics"]
    assert ("OGI-A-SUM", "/reviews/administrative_review/upheld") in {(d.rule, d.path) for d in got.diagnostics}


def test_not_aggregatable_names_the_part(ogi_tool, tmp_path):
    parts = [extracted("pingtan-2019"), extracted("pingtan-2020")]
    paths = [write_json(tmp_path / f"p{i}.json", p) for i, p in enumerate(parts)]
    with pytest.raises(ogi.NotAggregatable) as caught:
        ogi.aggregate(parts)
    e = caught.value
    assert e.part == 1
    _, _, err = run_tool(ogi_tool, "--lang", "en", "aggregate", *paths, check_status=2)
    assert err.startswith(f"ogi: {e} (parts[1] is ")
    _, _, err = run_tool(ogi_tool, "--lang", "zh", "aggregate", *paths, check_status=2)
    assert err.startswith(f"ogi: {e.message('zh')}（parts[1] 为 ")
    restored = pickle.loads(pickle.dumps(e))
    assert restored.part == 1 and restored.message_zh == e.message_zh
    with pytest.raises(ogi.NotAggregatable):
        ogi.aggregate([])
    with pytest.raises(TypeError):
        ogi.aggregate(parts[0])  # one report is not a list of them


# ---------------------------------------------------------------- render

@pytest.mark.parametrize("to", ["html", "markdown", "text"])
@pytest.mark.parametrize("check", [False, True])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_render_draws_what_ogi_render_draws(ogi_tool, tmp_path, to, check, lang):
    report = seed()
    report["applications"]["granted"]["total"] += 1  # a slip for --check to mark
    path = write_json(tmp_path / "r.json", report)
    args = ["--lang", lang, "render", path, "--to", to] + (["--check"] if check else [])
    _, out, _ = run_tool(ogi_tool, *args)
    assert ogi.render(report, to, check=check, lang=lang) == out
    assert ogi.render(path, to=to, check=check, lang=lang) == out
    if check:
        assert "OGI-T3-ROW-TOTAL" in out


def test_render_refuses_what_it_cannot_draw(ogi_tool, tmp_path):
    with pytest.raises(ValueError, match='to must be "html", "markdown" or "text"'):
        ogi.render(seed(), "pdf")
    with pytest.raises(ValueError, match='lang must be "zh" or "en"'):
        ogi.render(seed(), lang="fr")
    no_report = {"edition": "2021"}
    with pytest.raises(ValueError) as caught:
        ogi.render(no_report)
    message = 'not a valid report: /: missing required key "year"'
    assert str(caught.value) == message + " (see ogi.validate for every problem)"
    path = write_json(tmp_path / "no-report.json", no_report)
    _, _, err = run_tool(ogi_tool, "--lang", "en", "render", path, check_status=2)
    assert err == f"ogi: cannot draw {path}: {message}\n"
