"""ogi.validate(): the corpus's own slips, and the same findings as `ogi validate`."""
import copy
import json
from decimal import Decimal

import pytest

import ogi
from conftest import CORPUS, EXAMPLES, EXPECTED, run_tool, tool_diagnostics, write_json

# tests/corpus/expected/README.md, "the report's own arithmetic failures", plus the layout warning
# the hongze reports deserve (edition 2021 with the single （六） row), as tests/corpus_rules_test.cpp.
SLIPS = {
    "liucheng-2020": set(),
    "huaian-2024.pdftotext-layout": set(),
    "pingtan-2019": set(),
    "pingtan-2020": {("OGI-T3-SUM", "/applications/total/natural_person"), ("OGI-T3-SUM", "/applications/total/total")},
    "pingtan-2021": set(),
    "pingtan-2023": set(),
    "pingtan-2024": set(),
    "hongze-2023.pdftotext-layout": {("OGI-T4-TOTAL", "/reviews/administrative_review/total"),
                                     ("OGI-T4-TOTAL", "/reviews/litigation_after_review/total"),
                                     ("OGI-M-VARIANT", "/applications/other")},
    "hongze-2023.pdftotext-raw": {("OGI-T4-TOTAL", "/reviews/administrative_review/total"),
                                  ("OGI-T4-TOTAL", "/reviews/litigation_after_review/total"),
                                  ("OGI-M-VARIANT", "/applications/other")},
    "hongze-2024.pdftotext-layout": {("OGI-M-VARIANT", "/applications/other")},
}


def report_from_key(key):
    """The report JSON an answer key describes (undecided cells blank)."""
    doc = {"edition": key["edition"], "year": key["year"],
           "agency": {"name": key["agency"] if isinstance(key["agency"], str) else "?"}}
    if isinstance(key["published_on"], str):
        doc["published_on"] = key["published_on"]
    cells = dict(key["cells"])
    cells.update({p: None for p in key.get("ambiguous", {})})
    for pointer, value in cells.items():
        *parents, last = pointer.lstrip("/").split("/")
        node = doc
        for part in parents:
            node = node.setdefault(part, {})
        node[last] = value
    return doc


@pytest.mark.parametrize("name", sorted(SLIPS))
def test_the_validator_finds_exactly_each_reports_own_slips(name):
    key = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    result = ogi.validate(report_from_key(key))
    found = {(d.rule, d.path) for d in result.diagnostics if d.rule != "OGI-C-BLANK"}
    assert found == SLIPS[name]
    assert result.valid == (not any(d.severity == "error" for d in result.diagnostics))
    # a check is skipped only for a cell the text leaves blank or undecided, never guessed
    blank = {p for p, v in key["cells"].items() if v is None} | set(key.get("ambiguous", {}))
    assert {d.path for d in result.diagnostics if d.rule == "OGI-C-BLANK"} <= blank


def test_the_slips_of_extracted_reports_too():
    res = ogi.extract(CORPUS / "reports" / "pingtan-2020.txt")
    slips = [d for d in ogi.validate(res.report).diagnostics if d.rule == "OGI-T3-SUM"]
    assert [(d.path, d.expected, d.actual) for d in slips] == [
        ("/applications/total/natural_person", 26, 20), ("/applications/total/total", 27, 21)]
    assert "/applications/granted/natural_person" in slips[0].related


def seed():
    return json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))


def spoilt():
    """The seed with two slips: a row total off by one, and an impossible date."""
    r = seed()
    r["applications"]["granted"]["total"] += 1
    r["published_on"] = "2021-02-30"
    return r


@pytest.mark.parametrize("make", [seed, spoilt], ids=["clean", "spoilt"])
@pytest.mark.parametrize("flags", [(), ("--werror",), ("--blanks-as-zero",)], ids=["plain", "werror", "blanks"])
def test_the_same_findings_as_ogi_validate_from_a_dict_bytes_or_a_path(ogi_tool, tmp_path, make, flags):
    report = make()
    path = write_json(tmp_path / "r.json", report)
    status, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "validate", *flags, path)
    want = json.loads(out)
    options = {"warnings_as_errors": "--werror" in flags, "blanks_as_zero": "--blanks-as-zero" in flags}
    for given in (report, path.read_bytes(), path, str(path)):
        got = ogi.validate(given, **options)
        assert got.valid == want["valid"] == (status == 0)
        assert tool_diagnostics(got.diagnostics) == want["diagnostics"]
    if make is spoilt:
        rules = {d.rule for d in ogi.validate(report).diagnostics}
        assert {"OGI-T3-ROW-TOTAL", "OGI-M-DATE"} <= rules


def test_a_document_that_is_no_report_gets_the_schemas_findings(ogi_tool, tmp_path):
    report = {"edition": "2021", "year": "x", "agency": {"name": 5}}
    path = write_json(tmp_path / "bad.json", report)
    _, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "validate", path, check_status=1)
    got = ogi.validate(report)
    assert not got.valid
    assert tool_diagnostics(got.diagnostics) == json.loads(out)["diagnostics"]
    assert ("OGI-S-SCHEMA", "/year") in {(d.rule, d.path) for d in got.diagnostics}
    assert got.count("error") == len(got.diagnostics)


def test_json_that_does_not_parse_is_an_ogi_s_json_finding(ogi_tool, tmp_path):
    text = b'{"edition": "2021",\n  "year": 2021,,}'
    path = tmp_path / "broken.json"
    path.write_bytes(text)
    _, out, _ = run_tool(ogi_tool, "--format", "json", "--lang", "en", "validate", path, check_status=1)
    got = ogi.validate(text)
    assert [d.rule for d in got.diagnostics] == ["OGI-S-JSON"]
    assert got.diagnostics[0].line == 2
    assert tool_diagnostics(got.diagnostics) == json.loads(out)["diagnostics"]


def test_money_is_exact_whether_a_string_a_float_or_a_decimal():
    base = seed()
    results = []
    for amount in ("38297.38", 38297.38, Decimal("38297.38")):
        r = copy.deepcopy(base)
        r["proactive"]["procurement"]["amount"] = amount
        results.append(ogi.validate(r))
    assert results[0] == results[1] == results[2]
    # and exact past a double's 15 to 17 digits: 17 digits summed in C++ come back exact
    for amount in ("123456789012.34567", Decimal("123456789012.34567")):
        r = copy.deepcopy(base)
        r["proactive"]["procurement"]["amount"] = amount
        assert ogi.validate(r).valid
        total = ogi.aggregate([r, r]).report["proactive"]["procurement"]["amount"]
        assert total == "246913578024.69134"


def test_numpy_style_integers_count_as_integers():
    class Index:  # what numpy.int64 offers: __index__, not int
        def __init__(self, n):
            self.n = n

        def __index__(self):
            return self.n

    r = seed()
    want = ogi.validate(r)
    r["applications"]["granted"]["total"] = Index(r["applications"]["granted"]["total"])
    assert ogi.validate(r) == want
