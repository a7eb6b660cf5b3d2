"""ogi.to_dataframe(): reports as a pandas DataFrame with the columns of `ogi export`.

The C++ module gives the columns (their names are the library's: csv_long_header,
csv_wide_header, wide_cell_columns) and each value as csv_value() writes it, typed; here they
only become a DataFrame. pandas is imported when the function is called, so that `import ogi`
does not need it.
"""
from __future__ import annotations

import os
import warnings
from typing import Iterable, Optional, Sequence

from . import _ogi
from ._types import ExtractResult, FileReport


def _file_of(report: dict) -> str:
    source = report.get("source") if isinstance(report, dict) else None
    name = source.get("file") if isinstance(source, dict) else None
    return name if isinstance(name, str) else ""


def to_dataframe(reports: Iterable, form: str = "long", *, files: Optional[Sequence[str]] = None,
                 errors: str = "warn"):
    """Reports as a pandas DataFrame with exactly the columns of `ogi export --form long|wide`.

    reports: report dicts, ogi.FileReport (from ogi.read_folder) or ogi.ExtractResult objects,
    report JSON bytes or paths of report JSON files. form="long": a row per report and cell,
    columns file, agency, year, edition, table, row, column, value. form="wide": a row per
    report, columns file, agency, year, edition, published_on, then one per cell, named by its
    JSON Pointer without the leading slash (both editions' cells when both are present).

    The file column is the FileReport's path, files[i] when given, else the report's source.file
    (or ""). Values are those `ogi export` writes, typed: a count is an integer (a wide count
    column has pandas' Int64 dtype, blank is <NA>), money a decimal.Decimal (exact), a unit word
    a str, a blank cell None.

    errors="warn" (the default) leaves out what cannot be exported, as `ogi export` goes on past a
    file it cannot read, with one warning that names each and why: a FileReport without a report
    (the file could not be read or held no table), and a report the library does not take (an
    extracted text whose year was not found has year 0, for example; ogi.validate says every
    problem). errors="raise" raises ValueError (or OSError) at the first instead.
    """
    import pandas as pd

    if form not in ("long", "wide"):
        raise ValueError(f'form must be "long" or "wide", not {form!r}')
    if errors not in ("warn", "raise"):
        raise ValueError(f'errors must be "warn" or "raise", not {errors!r}')
    items = list(reports)
    if files is not None and len(files) != len(items):
        raise ValueError(f"{len(files)} file names for {len(items)} reports")
    sources, names, labels, left_out = [], [], [], []
    for i, item in enumerate(items):
        if isinstance(item, FileReport):
            if item.report is None:
                why = item.error or next((d.message_en for d in item.diagnostics if d.severity == "error"), "no report")
                if errors == "raise":
                    raise ValueError(f"{item.file}: {why}")
                left_out.append(f"{item.file} ({why})")
                continue
            sources.append(item.report)
            names.append(item.file if files is None else files[i])
            labels.append(names[-1])
            continue
        if isinstance(item, ExtractResult):
            if item.report is None:
                name = files[i] if files is not None else f"reports[{i}]"
                if errors == "raise":
                    raise ValueError(f"{name}: no table of the report form was found")
                left_out.append(f"{name} (no report)")
                continue
            item = item.report
        sources.append(item)
        if files is not None:
            names.append(files[i])
        elif isinstance(item, (str, os.PathLike)):
            names.append(os.fsdecode(item))  # a report JSON file: its path, as ogi export writes it
        else:
            names.append(_file_of(item) if isinstance(item, dict) else "")
        labels.append(f"reports[{i}]" if isinstance(item, dict) or not names[-1] else names[-1])
    columns, values, kinds, refused = _ogi._export_table(sources, names, labels, form == "wide", errors == "warn")
    left_out += [message for _, message in refused]
    if left_out:
        warnings.warn(f"ogi.to_dataframe: {len(left_out)} left out: " + "; ".join(left_out), stacklevel=2)

    dtypes = {"count": "Int64", "integer": "int64"}
    data = {name: pd.Series(column, dtype=dtypes.get(kind, object))
            for name, column, kind in zip(columns, values, kinds)}
    return pd.DataFrame(data, columns=columns)
