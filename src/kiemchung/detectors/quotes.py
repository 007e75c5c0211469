"""Quote integrity detector (``vi.quotes.integrity.v1``): labels ``quote.truncated``, ``quote.altered``,
``quote.not_found``.

Each direct quote of a post is judged against ``Document.sources`` (see :mod:`kiemchung.quotes`); the report's
``quotes`` list carries one :class:`~kiemchung.types.QuoteCheck` per quote, and every verdict but ``faithful``
also makes a :class:`~kiemchung.types.Finding` on the quote's words with a side-by-side explanation.

A document without sources yields no quote checks and no findings: without a source the detector cannot tell
a faithful quote from a made-up one, and flagging every quote of every post ``not_found`` would bury reviewers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from kiemchung.detectors.base import Settings
from kiemchung.quotes.check import CheckedQuote, check_quotes
from kiemchung.quotes.explain import change_text
from kiemchung.types import EMPTY_OUTPUT, DetectorOutput, Evidence, Finding, Prepared

_SCORES = {"truncated": 0.8, "altered": 0.85, "not_found": 0.7}


class QuoteIntegrityDetector:
    """Checks direct quotes against the sources given with the document."""

    name: ClassVar[str] = "vi.quotes.integrity.v1"
    labels: ClassVar[frozenset[str]] = frozenset({"quote.truncated", "quote.altered", "quote.not_found"})
    model_version = "rules-1"

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        out: list[DetectorOutput] = []
        for doc in docs:
            sources = doc.document.sources
            if not sources:
                out.append(EMPTY_OUTPUT)
                continue
            checked = check_quotes(doc.norm, sources)
            out.append(
                DetectorOutput(
                    findings=tuple(self._finding(c) for c in checked if c.verdict.verdict != "faithful"),
                    quotes=tuple(c.to_quote_check() for c in checked),
                )
            )
        return out

    def _finding(self, c: CheckedQuote) -> Finding:
        v = c.verdict
        score = _SCORES[v.verdict]
        if v.verdict == "not_found" and len(c.text.split()) < 6:
            score = 0.6  # a short quote may be a paraphrase
        evidence = [Evidence("alignment", f"source={v.source_id or '-'} coverage={v.coverage:.2f}", score)]
        for ch in v.changes[:3]:
            evidence.append(Evidence(ch.kind, change_text(ch).split(": ", 1)[1]))
        return Finding(
            detector=self.name,
            label=f"quote.{v.verdict}",
            score=score,
            start=c.quote.start,
            end=c.quote.end,
            explanation=c.explanation,
            evidence=tuple(evidence),
        )


def create(settings: Settings) -> QuoteIntegrityDetector:
    return QuoteIntegrityDetector()
