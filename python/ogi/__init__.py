"""ogi: 政府信息公开工作年度报告 (Open Government Information annual reports) in Python.

The ogi C++ library, as functions on plain Python values (docs/python.md):

    extract(path_or_bytes)      a published report (text, HTML, PDF, DOCX) -> ExtractResult
    validate(report)            the schema and every rule -> ValidationResult
    compare(earlier, later)     the cross-year rules -> CompareResult
    aggregate(parts)            the 汇总 sum -> AggregateResult; check_aggregate(aggregate, parts)
    render(report, to="html")   the three tables as the official form ("html", "markdown", "text")
    read_folder(path)           every report under a folder, on every core -> [FileReport]
    to_dataframe(reports)       a pandas DataFrame with the columns of `ogi export`
    rules(), schema()           the rule catalogue, the JSON Schema
    cell_label(pointer)         a cell's official label

A report is a dict in the shape of report JSON (docs/report-json.md), money as exact strings;
functions that take one also take report JSON as bytes or the path of a report JSON file.
Diagnostics are ogi.Diagnostic objects; errors are exceptions with the library's words
(NotComparable, NotAggregatable, ValueError for a dict that is no report, OSError for a file that
cannot be read). The C++ work runs without the GIL, so a thread pool uses every core.
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Optional, Sequence, Union

from . import _ogi
from ._frame import to_dataframe
from ._types import (AggregateResult, CompareResult, Diagnostic, ExtractResult, FileReport, NotAggregatable,
                     NotComparable, ValidationResult, YearOnYear)

__version__ = _ogi.__version__

extract = _ogi.extract
validate = _ogi.validate
compare = _ogi.compare
aggregate = _ogi.aggregate
check_aggregate = _ogi.check_aggregate
render = _ogi.render
rules = _ogi.rules
schema = _ogi.schema
cell_label = _ogi.cell_label
default_lang = _ogi.default_lang

#: What read_folder() reads under a folder by default: report JSON, and published reports to extract.
FOLDER_EXTENSIONS = (".json", ".txt", ".html", ".htm", ".pdf", ".docx")


def read_folder(path: Union[str, os.PathLike, Sequence[Union[str, os.PathLike]]], *,
                extensions: Iterable[str] = FOLDER_EXTENSIONS, validate: bool = False, jobs: int = 0,
                progress: Union[None, bool, Callable[[int, int], None]] = None,
                max_bytes: int = 64 << 20) -> list[FileReport]:
    """Every report under a folder (or several; a file stands for itself), on every core.

    Files whose names end in one of `extensions` (any case) are taken in path order, as
    `ogi validate -r` / `ogi extract -r` take them: *.json is read as report JSON, anything else
    extracted as ogi.extract() does. validate=True also runs the validator on each report, as
    `ogi extract --validate` does (its findings follow the extraction's in diagnostics). jobs: the
    number of threads (0: every core). progress: None draws a bar only where a person watches (a
    terminal or a notebook; tqdm when installed), True always, False never, or a callable
    progress(done, total). Ctrl-C stops the run (KeyboardInterrupt).

    Returns a FileReport per file, in path order: file, report (a dict, or None), diagnostics,
    complete (extracted files), error (why the file could not be read). A path that does not
    exist raises FileNotFoundError.
    """
    from . import _progress

    paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
    paths = [os.fsdecode(p) for p in paths]
    for p in paths:
        if not os.path.exists(p):
            raise FileNotFoundError(f"cannot open {p}: No such file or directory")
    extensions = list(extensions)
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (every core) or more, not {jobs}")

    bar = None
    callback = None
    if callable(progress):
        callback = progress
    elif progress or (progress is None and _progress.interactive()):
        bar = _progress.make_bar()
        callback = bar
    try:
        return _ogi._read_folder(paths, extensions, jobs, validate, max_bytes, callback)
    finally:
        if bar is not None:
            bar.close()


__all__ = [
    "AggregateResult", "CompareResult", "Diagnostic", "ExtractResult", "FileReport", "NotAggregatable",
    "NotComparable", "ValidationResult", "YearOnYear", "FOLDER_EXTENSIONS", "aggregate", "cell_label", "check_aggregate",
    "compare", "default_lang", "extract", "read_folder", "render", "rules", "schema", "to_dataframe", "validate",
]
