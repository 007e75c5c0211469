"""Check every quote of a post against its sources (library entry point used by the detector and the eval)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiemchung.quotes.align import index_source
from kiemchung.quotes.explain import detail_of, explain
from kiemchung.quotes.extract import Quote, extract_quotes
from kiemchung.quotes.tokens import TokenSeq, plain_view
from kiemchung.quotes.verdict import SEVERITY, QuoteVerdict, judge
from kiemchung.types import NormalizedText, QuoteCheck, Source


@dataclass(frozen=True, slots=True)
class CheckedQuote:
    """A quote of the post, its verdict and the sentence that explains it."""

    quote: Quote
    verdict: QuoteVerdict
    text: str
    explanation: str

    def to_quote_check(self) -> QuoteCheck:
        v = self.verdict
        return QuoteCheck(
            start=self.quote.start,
            end=self.quote.end,
            speaker=self.quote.speaker,
            verdict=v.verdict,
            source_id=v.source_id,
            source_start=v.source_span[0] if v.source_span else None,
            source_end=v.source_span[1] if v.source_span else None,
            detail=detail_of(v),
        )


def check_quotes(text: str | NormalizedText, sources: Sequence[Source]) -> list[CheckedQuote]:
    """Find the quotes in ``text`` and judge each against ``sources`` (empty list when there are no sources).

    A :class:`NormalizedText` is accepted for convenience; only its ``original`` is read (see
    :func:`~kiemchung.quotes.tokens.plain_view`)."""
    if not sources:
        return []
    norm = plain_view(text.original if isinstance(text, NormalizedText) else text)
    quotes = extract_quotes(norm)
    if not quotes:
        return []
    post = TokenSeq.of(norm)
    indexes = [index_source(s) for s in sources]
    out = []
    for q in quotes:
        v = judge(q, post, indexes)
        qt = norm.original[q.start : q.end]
        out.append(CheckedQuote(q, v, qt, explain(v, qt, q.speaker)))
    return out


def worst_verdict(verdicts: Sequence[str], default: str = "not_found") -> str:
    """The most severe verdict (not_found > altered > truncated > faithful); ``default`` when none."""
    if not verdicts:
        return default
    return max(verdicts, key=lambda v: SEVERITY[v])
