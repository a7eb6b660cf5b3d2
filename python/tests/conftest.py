"""What the Python tests share: the checkout, the corpus, the ogi tool to compare with.

CTest runs them (python/CMakeLists.txt) with PYTHONPATH at the build's python/ folder,
OGI_SOURCE_DIR at the checkout, OGI at the ogi tool and OGI_BUILD_DIR at the build tree.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(os.environ.get("OGI_SOURCE_DIR") or Path(__file__).resolve().parents[2])
CORPUS = ROOT / "tests" / "corpus"
EXPECTED = CORPUS / "expected"
EXAMPLES = ROOT / "examples" / "data"


def answer_keys():
    """Every answer key of tests/corpus/expected (name -> parsed key), in name order."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(EXPECTED.glob("*.json"))}


def corpus_files():
    """Every published report of the corpus (seed, reports, excerpts), in path order."""
    return sorted(p for sub in ("seed", "reports", "excerpts") for p in (CORPUS / sub).glob("*.txt"))


@pytest.fixture(scope="session")
def ogi_tool():
    tool = os.environ.get("OGI")
    if not tool:
        pytest.skip("OGI (the ogi tool) is not given: the build has no examples")
    return tool


def run_tool(tool, *args, check_status=None, cwd=None):
    """Runs the ogi tool; returns (exit status, stdout, stderr) as text."""
    res = subprocess.run([tool, *map(str, args)], capture_output=True, cwd=cwd)
    if check_status is not None:
        assert res.returncode == check_status, res.stderr.decode("utf-8", "replace")
    return res.returncode, res.stdout.decode("utf-8"), res.stderr.decode("utf-8")


def tool_diagnostics(diagnostics):
    """ogi.Diagnostic objects in the shape `--format json --lang en` prints them (report-json.md)."""
    out = []
    for d in diagnostics:
        o = {"rule": d.rule, "severity": d.severity, "path": d.path, "message": d.message_en}
        if d.expected is not None:
            o["expected"] = d.expected
        if d.actual is not None:
            o["actual"] = d.actual
        if d.related:
            o["related"] = list(d.related)
        if d.line is not None:
            o["line"] = d.line
        if d.column is not None:
            o["column"] = d.column
        out.append(o)
    return out


def write_json(path: Path, report: dict) -> Path:
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
