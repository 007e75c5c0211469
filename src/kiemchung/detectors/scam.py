"""Scam detector (``scam.<type>``): the Vietnamese scam playbook, link analysis and a text classifier.

A post is a scam when the classifier and/or the rules say so. Rules are the patterns Bộ Công an and Cục An toàn
thông tin describe (see :mod:`kiemchung.scam.playbook`); links are judged against a curated list of official
Vietnamese domains (:mod:`kiemchung.scam.links`); the classifier is a hashed logistic regression trained on the
IE403 SMS set plus written examples (:mod:`kiemchung.scam.model`). Each finding carries evidence (rule ids and
matched phrases, link verdicts, model score), the span of the strongest phrase or link in the ORIGINAL text and a
Vietnamese explanation naming the scam type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from kiemchung.detectors.base import Settings
from kiemchung.errors import ModelError
from kiemchung.scam.engine import Assessment, TypeEvidence, assess, type_name
from kiemchung.scam.model import MODEL_FILE, ScamModel
from kiemchung.scam.playbook import TYPES
from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared

__all__ = ["ScamDetector", "create"]

# a finding needs a combined score of at least this (the policy pack may ask for more)
MIN_SCORE = 0.5
# where the classifier is this sure a text is benign (an ordinary bank or operator notice), rule scores are halved
MODEL_FLOOR = 0.05
FLOOR_KEEP = 0.5
# the classifier's decision threshold used when combining (tuned on the IE403 dev split and tests/data/scam_dev.jsonl)
COMBINE_THRESHOLD = 0.4
# a warning ("cảnh giác", "không cung cấp") also damps the classifier: 0, 1, 2+ guard phrases
MODEL_GUARD_KEEP = (1.0, 0.6, 0.4)
# the classifier alone (no rule hit, no link other than official ones, no number) needs more confidence
UNCORROBORATED_KEEP = 0.6
# a phone number, an amount, a code: any run of three digits or more
_PHONE_OR_MONEY = re.compile(r"\d{3}")
# a type other than the main one gets its own finding when its rule score reaches this
SECOND_TYPE_SCORE = 0.6


def _rescale(p: float, t: float) -> float:
    """Map a model probability so that its threshold ``t`` lands on 0.5."""
    if p < t:
        return 0.5 * p / t if t > 0 else 0.0
    return 0.5 + 0.5 * (p - t) / (1.0 - t) if t < 1 else 1.0


class ScamDetector:
    """Finds scam patterns in Vietnamese posts and messages."""

    name: ClassVar[str] = "vi.scam.playbook.v1"
    labels: ClassVar[frozenset[str]] = frozenset(f"scam.{t}" for t in TYPES)

    def __init__(self, model: ScamModel | None = None, *, min_score: float = MIN_SCORE) -> None:
        self.model = model
        self.min_score = min_score
        self.model_version = model.version if model is not None else ""

    # --- pure scoring --------------------------------------------------------------------------------------------
    def predict(self, docs: Sequence[Prepared]) -> list[Assessment]:
        keys = [d.norm.key for d in docs]
        scores: list[float | None] = list(self.model.predict_keys(keys)) if self.model is not None else [None] * len(docs)
        out = [assess(d.text, k, s) for d, k, s in zip(docs, keys, scores)]
        for d, a in zip(docs, out):
            a.corroborated = (
                bool(a.types)
                or any(lv.verdict != "official" for lv in a.links)
                or _PHONE_OR_MONEY.search(d.text) is not None
                or d.document.meta.get("sender_type") == "personal_number"  # an SMS from a private number
            )
        return out

    def score(self, a: Assessment) -> tuple[float, float]:
        """(combined score, rescaled model score) of a document."""
        rule = max((te.score for te in a.types.values()), default=0.0)
        if a.model_score is None:
            return rule, 0.0
        if a.model_score < MODEL_FLOOR:
            rule *= FLOOR_KEEP
        pm = _rescale(a.model_score, COMBINE_THRESHOLD) * MODEL_GUARD_KEEP[min(len(a.guards), 2)]
        if not a.corroborated:
            pm *= UNCORROBORATED_KEEP
        return max(rule, pm), pm

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        return [self.to_output(d, a) for d, a in zip(docs, self.predict(docs))]

    def is_scam(self, docs: Sequence[Prepared]) -> list[bool]:
        return [self.score(a)[0] >= self.min_score for a in self.predict(docs)]

    # --- findings ------------------------------------------------------------------------------------------------
    def to_output(self, doc: Prepared, a: Assessment) -> DetectorOutput:
        total, pm = self.score(a)
        scores = {"scam": round(total, 4)}
        if total < self.min_score:
            return DetectorOutput(scores=scores)
        main = self._main_type(a)
        findings = [self._finding(doc, a, main, total, pm, a.guards)]
        for t, te in a.types.items():
            if t != main.type and te.score >= SECOND_TYPE_SCORE:
                findings.append(self._finding(doc, a, te, te.score, None, a.guards))
        return DetectorOutput(findings=tuple(findings), scores=scores)

    @staticmethod
    def _main_type(a: Assessment) -> TypeEvidence:
        if a.types:
            return max(a.types.values(), key=lambda te: te.score)
        return TypeEvidence("phishing", 0.0)

    def _finding(
        self, doc: Prepared, a: Assessment, te: TypeEvidence, score: float, pm: float | None, guards: list[tuple[int, int]]
    ) -> Finding:
        text = doc.text
        ev: list[Evidence] = []
        start, end = _trim(text, 0, len(text))
        why = ""
        if te.links and te.type == "lookalike_link" or (te.links and not te.hits):
            lv = te.links[0]
            start, end = lv.start, lv.end
            why = f"đường link {lv.host} — {lv.detail}" if lv.detail else f"đường link {lv.host}"
        elif te.hits:
            h = te.hits[0]
            start, end = doc.norm.to_original(h.start, h.end)
            why = h.rule.why
        for h in te.hits:
            a0, b0 = doc.norm.to_original(h.start, h.end)
            ev.append(Evidence("rule", f"{h.rule.id}: {text[a0:b0]}", h.rule.weight))
        for lv in te.links:
            ev.append(Evidence("link", f"{lv.verdict}: {lv.host}" + (f" ({lv.brand})" if lv.brand else ""), lv.risk))
        if a.model_score is not None and pm is not None:
            ev.append(Evidence("model", f"scam_classifier p={a.model_score:.3f}", pm))
        for gs, ge in guards[:3]:
            g0, g1 = doc.norm.to_original(gs, ge)
            ev.append(Evidence("guard", f"cảnh báo/khuyến cáo: {text[g0:g1]}", 0.0))
        if not why:
            why = "nội dung giống các tin nhắn lừa đảo đã biết (mô hình phân loại)"
        explanation = f"Dấu hiệu lừa đảo {type_name(te.type)}: {why}."
        return Finding(
            detector=self.name,
            label=f"scam.{te.type}",
            score=min(1.0, max(0.0, score)),
            start=start,
            end=end,
            explanation=explanation,
            evidence=tuple(ev),
        )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def create(settings: Settings) -> ScamDetector:
    """Entry point ``kiemchung.detectors: scam``: the shipped model (or ``settings.model_dir/scam``)."""
    model: ScamModel | None
    custom = settings.model_dir / "scam" if settings.model_dir is not None else None
    if custom is not None and (custom / MODEL_FILE).is_file():
        model = ScamModel.load(custom)
    else:
        try:
            model = ScamModel.load()
        except ModelError:
            model = None  # rules and links still work without the classifier
    return ScamDetector(model)
