"""Kiểm Chứng: checks Vietnamese posts for toxicity, false claims, scams, personal data and altered quotes.

Library first: the CLI, the web app and the Ray engine are thin shells over :class:`Analyzer`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kiemchung.types import (  # noqa: E402
    ClaimMatch,
    DetectorOutput,
    Document,
    Evidence,
    Finding,
    NormalizedText,
    Prepared,
    QuoteCheck,
    Report,
    Source,
    Token,
)

__all__ = [
    "Analyzer",
    "ClaimMatch",
    "DetectorOutput",
    "Document",
    "Evidence",
    "Finding",
    "NormalizedText",
    "Prepared",
    "QuoteCheck",
    "Report",
    "Source",
    "Token",
    "__version__",
    "normalize",
]


def __getattr__(name: str) -> object:  # lazy: importing kiemchung stays cheap
    if name == "Analyzer":
        from kiemchung.analyzer import Analyzer

        return Analyzer
    if name == "normalize":
        from kiemchung.text.normalize import normalize

        return normalize
    raise AttributeError(name)
