"""The small objects the module gives back: diagnostics, results, errors (docs/python.md).

Reports themselves are plain dicts in the shape of report JSON (docs/report-json.md); these are
what the library says about them. Every field is filled by the C++ module; nothing here checks.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Optional

from . import _ogi


def _lang(lang: Optional[str]) -> str:
    if lang is None:
        return _ogi.default_lang()
    if lang not in ("zh", "en"):
        raise ValueError(f'lang must be "zh" or "en", not {lang!r}')
    return lang


@dataclass(frozen=True)
class Diagnostic:
    """One finding: a rule of the catalogue (ogi.rules()), where it is and what it says.

    path is a JSON Pointer into the report ("" for the whole document); expected and actual are
    the numbers compared, where the rule compares numbers; related are the other cells it
    concerns; line and column (1-based) say where in an extracted text it was found.
    """

    rule: str
    severity: str  # "error", "warning" or "info"
    path: str
    message_zh: str
    message_en: str
    expected: Optional[int] = None
    actual: Optional[int] = None
    related: tuple[str, ...] = ()
    line: Optional[int] = None
    column: Optional[int] = None

    def message(self, lang: Optional[str] = None) -> str:
        """The message in "zh" or "en" (default: the locale's, as the ogi tool chooses)."""
        return self.message_zh if _lang(lang) == "zh" else self.message_en

    def __str__(self) -> str:
        where = self.path or "/"
        if self.line is not None:
            where = f"{self.line}:{self.column} {where}"
        return f"{self.severity} {self.rule} {where}: {self.message()}"


@dataclass(frozen=True)
class ValidationResult:
    """What ogi.validate() and ogi.check_aggregate() find: valid is False when there is an error
    (or a warning, with warnings_as_errors=True)."""

    valid: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def count(self, severity: str) -> int:
        """How many diagnostics have this severity ("error", "warning" or "info")."""
        return sum(1 for d in self.diagnostics if d.severity == severity)


@dataclass(frozen=True)
class YearOnYear:
    """A main figure in both years and its change (exact; None where a cell is blank)."""

    pointer: str
    label: str
    earlier: Optional[Decimal]
    later: Optional[Decimal]
    change: Optional[Decimal]


@dataclass(frozen=True)
class CompareResult(ValidationResult):
    """What ogi.compare() finds, and the year-on-year summary `ogi compare` prints."""

    year_on_year: list[YearOnYear] = field(default_factory=list)


@dataclass(frozen=True)
class AggregateResult:
    """The 汇总 report (a dict) and its notes (OGI-C-BLANK: cells blank in some parts only)."""

    report: dict
    notes: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractResult:
    """What ogi.extract() read: the report (None when no table of the form was found), what it
    found on the way, whether every cell of the form was there, and where each cell came from
    (JSON Pointer -> (line, column))."""

    report: Optional[dict]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    complete: bool = False
    provenance: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class FileReport:
    """One file of ogi.read_folder(): its path, its report (None when none could be had), the
    diagnostics (extraction's, validation's when asked, or why a JSON file is no report),
    complete (for an extracted file; None for JSON) and error (why the file could not be read)."""

    file: str
    report: Optional[dict]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    complete: Optional[bool] = None
    error: Optional[str] = None


class _Bilingual(ValueError):
    """An error of the library with its message in both languages; str() is the English one."""

    def __init__(self, message_en: str, message_zh: str, *rest):
        super().__init__(message_en, message_zh, *rest)
        self.message_en = message_en
        self.message_zh = message_zh

    def message(self, lang: Optional[str] = None) -> str:
        return self.message_zh if _lang(lang) == "zh" else self.message_en

    def __str__(self) -> str:
        return self.message_en


class NotComparable(_Bilingual):
    """ogi.compare(): the reports are not consecutive years of one agency (force=True compares
    them anyway). The message names both years and both agencies."""


class NotAggregatable(_Bilingual):
    """ogi.aggregate() / ogi.check_aggregate(): the parts cannot be summed (different years,
    editions or layouts, no parts, a sum too large to hold). part is the index of the part to
    blame, or None."""

    def __init__(self, message_en: str, message_zh: str, part: Optional[int] = None):
        super().__init__(message_en, message_zh, part)
        self.part = part
