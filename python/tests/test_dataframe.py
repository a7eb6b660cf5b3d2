"""ogi.to_dataframe(): the columns and values of `ogi export`, typed."""
import csv
import io
import json
import shutil
import warnings
from decimal import Decimal

import pandas as pd
import pytest

import ogi
from conftest import CORPUS, EXAMPLES, run_tool, write_json


def exported(tool, folder, form):
    _, out, _ = run_tool(tool, "export", "-r", folder, "--form", form, check_status=0)
    rows = list(csv.reader(io.StringIO(out, newline="")))
    return rows[0], rows[1:]


def as_csv_text(value):
    """A DataFrame value as `ogi export` writes it: blank is empty, everything else its str()."""
    if value is None or value is pd.NA:
        return ""
    return str(value)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Reports of both editions, both 三（六） layouts and with money, as report JSON files."""
    d = tmp_path_factory.mktemp("reports")
    for name in ("pingtan-2020", "pingtan-2021", "hongze-2024.pdftotext-layout", "huaian-2024.pdftotext-layout"):
        write_json(d / f"{name}.json", ogi.extract(CORPUS / "reports" / f"{name}.txt").report)
    for name in ("liucheng-2020", "huaian-2024"):
        write_json(d / f"example-{name}.json", json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8")))
    return d


@pytest.mark.parametrize("form", ["long", "wide"])
def test_the_columns_and_values_of_ogi_export(ogi_tool, folder, form):
    header, rows = exported(ogi_tool, folder, form)
    df = ogi.to_dataframe(ogi.read_folder(folder, progress=False), form)
    assert list(df.columns) == header
    assert len(df) == len(rows)
    got = [[as_csv_text(v) for v in row] for row in df.itertuples(index=False)]
    assert got == rows


@pytest.mark.parametrize("form", ["long", "wide"])
def test_one_edition_only_has_that_editions_columns(ogi_tool, tmp_path, form):
    write_json(tmp_path / "a.json", json.loads((EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8")))
    header, rows = exported(ogi_tool, tmp_path, form)
    df = ogi.to_dataframe([tmp_path / "a.json"], form)  # a path: read as report JSON
    assert list(df.columns) == header
    assert [[as_csv_text(v) for v in row] for row in df.itertuples(index=False)] == rows
    assert df["file"].iloc[0] == str(tmp_path / "a.json")


def test_values_are_typed_and_exact(folder):
    wide = ogi.to_dataframe(ogi.read_folder(folder, progress=False), "wide")
    assert str(wide["applications/new_received/total"].dtype) == "Int64"
    assert str(wide["year"].dtype) == "int64"
    fees = wide.set_index("agency")["proactive/fees/amount_wan_yuan"].dropna()
    assert all(isinstance(v, Decimal) for v in fees)
    assert Decimal("96171.6") in set(fees)
    units = wide["proactive/procurement/amount_unit"].dropna()
    assert set(units) <= {"yuan", "wan_yuan"}
    # the sum pandas gives is the exact one
    total = wide["applications/new_received/total"].sum()
    assert total == sum(int(v) for v in wide["applications/new_received/total"].dropna())
    # a blank cell is missing, not zero
    assert wide["applications/new_received/total"].isna().sum() == 0
    assert wide.isna().any().any()

    long = ogi.to_dataframe(ogi.read_folder(folder, progress=False))
    counts = long[(long.table == "applications") & (long.column == "total") & (long.row == "new_received")]
    assert sorted(counts.value) == sorted(wide["applications/new_received/total"])


def test_file_names_and_reports_without_one(tmp_path):
    seed = json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))
    # a dict: its source.file, or the name given
    assert set(ogi.to_dataframe([seed])["file"]) == {seed["source"]["file"]}
    assert set(ogi.to_dataframe([seed], files=["x.json"])["file"]) == {"x.json"}
    with pytest.raises(ValueError, match="2 file names for 1 reports"):
        ogi.to_dataframe([seed], files=["a", "b"])
    # a FileReport without a report is left out, and said
    (tmp_path / "empty.txt").write_bytes(b"no tables")
    write_json(tmp_path / "a.json", seed)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = ogi.to_dataframe(ogi.read_folder(tmp_path, progress=False), "wide")
    assert len(df) == 1
    assert len(caught) == 1 and "empty.txt" in str(caught[0].message)
    with pytest.raises(ValueError, match='form must be "long" or "wide"'):
        ogi.to_dataframe([seed], "tall")
    # no reports: the long header's columns, no rows
    empty = ogi.to_dataframe([])
    assert list(empty.columns) == ["file", "agency", "year", "edition", "table", "row", "column", "value"]
    assert len(empty) == 0


def test_what_the_library_does_not_take_is_left_out_and_said_or_raised(tmp_path):
    seed = json.loads((EXAMPLES / "liucheng-2020.json").read_text(encoding="utf-8"))
    message = r'reports\[1\] is not a valid report: /: missing required key "year"'
    with pytest.warns(UserWarning, match="1 left out: " + message):
        df = ogi.to_dataframe([seed, {"edition": "2021"}], "wide")
    assert len(df) == 1
    with pytest.raises(ValueError, match="^" + message):
        ogi.to_dataframe([seed, {"edition": "2021"}], errors="raise")
    # a folder's file is named by its path, as ogi export names it: an excerpt whose year is not
    # printed is extracted with year 0, which report JSON does not allow
    shutil.copy(CORPUS / "excerpts" / "016.txt", tmp_path / "016.txt")
    shutil.copy(CORPUS / "seed" / "liucheng-2020.txt", tmp_path / "seed.txt")
    entries = ogi.read_folder(tmp_path, progress=False)
    assert [e.report["year"] for e in entries] == [0, 2020]
    with pytest.warns(UserWarning, match=f"{tmp_path / '016.txt'} is not a valid report: /year"):
        assert len(ogi.to_dataframe(entries, "wide")) == 1
    # a FileReport without a report says why
    write_json(tmp_path / "no-year.json", dict(seed, year=0))
    with pytest.warns(UserWarning, match="no-year.json \\(expected the report year"):
        ogi.to_dataframe(ogi.read_folder(tmp_path / "no-year.json"))
