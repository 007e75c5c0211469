"""Shared fixtures: the shared datasets (skipped when absent) and a bare analyzer with no plugins."""

from __future__ import annotations

from pathlib import Path

import pytest

from kc_support import KeywordDetector
from kiemchung.analyzer import Analyzer

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA


@pytest.fixture()
def bare_analyzer() -> Analyzer:
    """An analyzer with only the test keyword detector (no entry-point plugins)."""
    return Analyzer([KeywordDetector()])
