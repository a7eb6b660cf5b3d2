"""Errors are Python exceptions with the library's (and the tool's) words, naming where."""
import json
import math

import pytest

import ogi
from conftest import CORPUS, EXAMPLES, run_tool, write_json


def seed():
    return json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))


def test_a_file_that_cannot_be_read(ogi_tool, tmp_path):
    missing = tmp_path / "missing.txt"
    with pytest.raises(FileNotFoundError) as caught:
        ogi.extract(missing)
    _, _, err = run_tool(ogi_tool, "--lang", "en", "extract", missing, check_status=2)
    assert err == f"ogi: {caught.value}\n"
    with pytest.raises(IsADirectoryError, match="is a directory, not a file"):
        ogi.extract(tmp_path)
    with pytest.raises(FileNotFoundError, match="missing.json"):
        ogi.validate(tmp_path / "missing.json")
    with pytest.raises(FileNotFoundError):
        ogi.render(tmp_path / "missing.json")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(OSError, match="over the limit of 1000 bytes \\(see max_bytes=\\)"):
        ogi.extract(big, max_bytes=1000)


def test_json_that_does_not_parse_names_line_and_column(ogi_tool, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(b'{"edition": "2021",\n  "year": 2021,,}')
    with pytest.raises(ValueError) as from_path:
        ogi.render(path)
    _, _, err = run_tool(ogi_tool, "--lang", "en", "compare", path, path, check_status=2)
    assert err == f"ogi: {from_path.value}\n"  # "<file>:2:16 is not valid JSON: …", as the tool says it
    assert str(from_path.value).startswith(f"{path}:2:")
    with pytest.raises(ValueError, match=r"^not valid JSON at 2:\d+: "):
        ogi.render(path.read_bytes())


def test_a_dict_that_is_no_report(ogi_tool, tmp_path):
    bad = seed()
    bad["applications"]["granted"]["total"] = -1
    with pytest.raises(ValueError) as caught:
        ogi.compare(seed(), bad)
    path = write_json(tmp_path / "bad.json", bad)
    _, _, err = run_tool(ogi_tool, "--lang", "en", "render", path, check_status=2)
    library = err.split(": ", 2)[2].rstrip("\n")  # "ogi: cannot draw FILE: <the library's sentence>"
    assert library.startswith("not a valid report: /applications/granted/total")
    assert str(caught.value) == f"later is {library} (see ogi.validate for every problem)"
    # validate() does not raise: it lists every problem
    assert not ogi.validate(bad).valid


@pytest.mark.parametrize("value, error, words", [
    ({1, 2}, TypeError, "a set is no JSON value"),
    (math.nan, ValueError, "nan is no JSON number"),
    (math.inf, ValueError, "inf is no JSON number"),
    ({1: 2}, TypeError, "the key 1 is not a str"),
    ("\ud800", ValueError, "no valid Unicode text"),
])
def test_what_is_no_json_is_refused_at_its_pointer(value, error, words):
    r = seed()
    r["narrative"]["overview"] = value
    with pytest.raises(error) as caught:
        ogi.validate(r)
    assert str(caught.value).startswith("report JSON at /narrative/overview")
    assert words in str(caught.value)


def test_a_dict_that_holds_itself_is_refused():
    r = seed()
    r["source"]["self"] = r
    with pytest.raises(ValueError, match="nested deeper than 64"):
        ogi.validate(r)


def test_what_is_no_report_at_all():
    with pytest.raises(TypeError, match="a report is a dict, report JSON as bytes, or the path"):
        ogi.validate(42)
    with pytest.raises(TypeError, match=r"^parts\[1\]: a report is a dict"):
        ogi.aggregate([seed(), 42])
    with pytest.raises(TypeError, match="extract\\(\\) reads a path"):
        ogi.extract(seed())


def test_keys_with_slashes_and_tildes_are_escaped_in_pointers():
    r = seed()
    r["source"]["a/b~c"] = [1, math.nan]
    with pytest.raises(ValueError, match=r"^report JSON at /source/a~1b~0c/1:"):
        ogi.validate(r)


def test_corpus_reports_convert_both_ways_unchanged():
    # a report dict given back to the library comes out the same (render's report is the dict's)
    r = ogi.extract(CORPUS / "reports" / "pingtan-2021.txt").report
    assert ogi.aggregate([r]).report["applications"] == r["applications"]
