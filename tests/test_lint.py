"""The code base passes ``ruff check src tests benchmarks`` and ``mypy src`` (settings in pyproject.toml)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# PENDING: files still being edited when the lint/type pass was done; their mypy errors are fixed by the lead.
# While every remaining error is in one of these files the mypy test is reported as xfail (not pass); any error
# elsewhere fails it. Empty this set once `python -m mypy src` is clean.
MYPY_PENDING: frozenset[str] = frozenset()

_ERROR_LINE = re.compile(r"^(?P<path>[^:\n]+\.pyi?):\d+(?::\d+)?: error:", re.MULTILINE)


def _run(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def _pending(path: str) -> bool:
    p = path.replace("\\", "/")
    return any(p == f or (f.endswith("/") and p.startswith(f)) for f in MYPY_PENDING)


def test_lint_ruff_check_passes() -> None:
    pytest.importorskip("ruff")
    proc = _run("ruff", "check", "--no-cache", "src", "tests", "benchmarks", timeout=300)
    assert proc.returncode == 0, f"ruff check failed:\n{proc.stdout}\n{proc.stderr}"


@pytest.mark.slow
def test_lint_mypy_strict_passes() -> None:
    pytest.importorskip("mypy")
    proc = _run("mypy", "src", timeout=900)
    output = f"{proc.stdout}\n{proc.stderr}"
    if proc.returncode != 0 and MYPY_PENDING:
        files = {m["path"] for m in _ERROR_LINE.finditer(proc.stdout)}
        if files and all(_pending(f) for f in files):
            pytest.xfail(f"mypy errors only in files pending a fix: {sorted(files)}")
    assert proc.returncode == 0, f"mypy src failed:\n{output}"
