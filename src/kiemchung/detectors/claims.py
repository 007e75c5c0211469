"""``misinformation.claim``: a sentence of the post repeats a claim that a published fact-check rated.

Every matched fact-check goes into the report's ``claims`` (best first, span = the matched sentence of the
original post). A match to a claim rated false, partly false or misleading also gives a finding with the verdict,
the publisher and the link in its explanation, and ``Evidence("claim_match", <fact-check id>)``.
The fact-checks come from ``Settings.factchecks``: a file (JSONL / ClaimReview JSON-LD / Google Fact Check
Tools JSON) or a sequence of DESIGN §5 dicts (e.g. rows from the store). No fact-checks → no detector.
The raw texts go to :meth:`ClaimMatcher.match_texts`: a batch-wide candidate filter
(:mod:`kiemchung.claims.prefilter`) lets only the few posts that may match through to re-scoring.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from kiemchung.claims.loaders import factchecks_from_records, load_factchecks
from kiemchung.claims.matcher import ClaimMatcher, Match
from kiemchung.claims.model import FactCheck
from kiemchung.detectors.base import Settings
from kiemchung.types import EMPTY_OUTPUT, ClaimMatch, DetectorOutput, Evidence, Finding, Prepared

LABEL = "misinformation.claim"
VERDICT_VI = {
    "false": "sai sự thật",
    "partly_false": "sai một phần",
    "misleading": "gây hiểu nhầm",
    "true": "đúng",
    "unknown": "chưa rõ",
}


def explanation(fc: FactCheck) -> str:
    """One Vietnamese sentence: the verdict, who published it and where."""
    who = fc.publisher or "một tổ chức kiểm chứng"
    when = f" ngày {fc.date}" if fc.date else ""
    link = f": {fc.url}" if fc.url else ""
    return (
        f"Câu này lặp lại nhận định mà {who} đã kết luận là {VERDICT_VI.get(fc.verdict, fc.verdict)} "
        f"(“{fc.rating}”){when}{link}"
    )


class ClaimsDetector:
    """Matches each post against the fact-check store (pure, batch, picklable)."""

    name: ClassVar[str] = "vi.misinformation.claim.v1"
    labels: ClassVar[frozenset[str]] = frozenset({LABEL})

    def __init__(self, factchecks: Sequence[FactCheck], *, threshold: float | None = None, limit: int = 3) -> None:
        self.matcher = (
            ClaimMatcher(factchecks) if threshold is None else ClaimMatcher(factchecks, threshold=threshold)
        )
        self.limit = limit
        digest = hashlib.sha1()
        for fc in self.matcher.factchecks:
            digest.update(f"{fc.id}\x1f{fc.rating}\x1f{fc.claim}\x1e".encode())
        self.model_version = f"factchecks-{len(self.matcher)}-{digest.hexdigest()[:10]}"

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        texts = [d.document.text for d in docs]
        return [self._output(ms) if ms else EMPTY_OUTPUT for ms in self.matcher.match_texts(texts, limit=self.limit)]

    def _output(self, matches: list[Match]) -> DetectorOutput:
        if not matches:
            return EMPTY_OUTPUT
        claims = []
        findings = []
        for m in matches:
            fc = m.factcheck
            claims.append(ClaimMatch(
                factcheck_id=fc.id, score=m.score, rating=fc.rating, url=fc.url, start=m.start, end=m.end,
                claim=fc.claim, publisher=fc.publisher, verdict=fc.verdict,
            ))
            if fc.flagged:
                findings.append(Finding(
                    detector=self.name, label=LABEL, score=min(1.0, m.score), start=m.start, end=m.end,
                    explanation=explanation(fc),
                    evidence=(
                        Evidence("claim_match", fc.id, m.score),
                        Evidence("verdict", fc.verdict, 0.0),
                    ),
                ))
        return DetectorOutput(findings=tuple(findings), claims=tuple(claims))


def create(settings: Settings) -> ClaimsDetector | None:
    """Build from ``settings.factchecks`` (a path or a sequence of records); None when there are none."""
    src = settings.factchecks
    if src is None:
        return None
    if isinstance(src, (str, Path)):
        fcs = load_factchecks(Path(src))
    else:
        fcs = factchecks_from_records(list(src), source="settings.factchecks")
    if not fcs:
        return None
    return ClaimsDetector(fcs)
