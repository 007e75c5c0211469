"""Scam detector (``scam.<type>``): the Vietnamese scam playbook, link analysis and a stacked text classifier.

Rules are the patterns Bộ Công an and Cục An toàn thông tin describe (see :mod:`kiemchung.scam.playbook`); links
are judged against a curated list of official Vietnamese domains (:mod:`kiemchung.scam.links`); a logistic
regression over hashed word n-grams (IE403 SMS set plus written examples) scores the text, and a small combiner
fitted out-of-fold turns its logit, the rule and link scores, guards, numbers and the sender type into P(scam)
(:mod:`kiemchung.scam.model`). Rules and links only run where they could change the decision (an exact gate).
Each finding carries evidence (rule ids and matched phrases, link verdicts, model score), the span of the
strongest phrase or link in the ORIGINAL text and a Vietnamese explanation naming the scam type."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar

from kiemchung.detectors.base import Settings
from kiemchung.errors import ModelError
from kiemchung.scam.engine import Assessment, TypeEvidence, assess, has_number, may_have_link, stack_features, type_name
from kiemchung.scam.model import MODEL_FILE, ScamModel, sender_of
from kiemchung.scam.playbook import TYPES
from kiemchung.scam.rules import rules_reach, trigger_words
from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared, scored_output

__all__ = ["ScamDetector", "create"]

# a finding needs a combined score of at least this (the policy pack may ask for more)
MIN_SCORE = 0.5
# a type other than the main one gets its own finding when its rule score reaches this
SECOND_TYPE_SCORE = 0.6


def _rescale(p: float, t: float) -> float:
    """Map a probability so that the threshold ``t`` lands on 0.5."""
    if p < t:
        return 0.5 * p / t if t > 0 else 0.0
    return 0.5 + 0.5 * (p - t) / (1.0 - t) if t < 1 else 1.0


_NO_TYPES: dict[str, TypeEvidence] = {}

def _score_only(total: float) -> DetectorOutput:
    """``DetectorOutput(scores={"scam": round(total, 4)})`` (most posts get a score and no finding)."""
    return scored_output({"scam": round(total, 4)})


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
        """Rules, links and the classifier for each document; ``model_score`` is the combined P(scam).

        Gate: the combiner is linear, so the most that rules, links and guards can add to its logit is known. When
        the text model, the numbers and the sender type already leave a document below the threshold even with
        that much added, rules and links cannot change the decision and are not run (its score is then the
        combined probability without them). A second, exact test, for texts without a link: do the rules (before
        guards) reach the score the document would need? Only rules whose trigger words occur are tried, strongest
        first, and only while the answer is open.
        """
        return [a if isinstance(a, Assessment) else Assessment(_NO_TYPES, [], [], a) for a in self._predict(docs)]

    def _predict(self, docs: Sequence[Prepared]) -> list[Assessment | float]:
        """``predict``, with the combined probability alone (a float) for documents the gate leaves out."""
        m = self.model
        if m is None:
            return [assess(d.text, d.norm.key, None) for d in docs]
        keys = [d.norm.key for d in docs]
        z = m.logits(keys).tolist()
        cut = m.logit_threshold - m.rule_side_max
        base_logit = m.base_logit
        exp = math.exp
        out: list[Assessment | float] = []
        append = out.append
        for d, key, zz in zip(docs, keys, z):
            doc = d.document
            text = doc.text
            digits = has_number(text)
            sender = sender_of(doc.meta.get("sender_type"))
            base = base_logit(zz, digits, sender, len(text))
            if base >= cut:  # a second, exact bound: the rules that match (before guards), links only if possible
                link = may_have_link(text)
                words: frozenset[str] | None = None
                need = math.inf
                if not link:
                    need = m.rule_need(base, False)
                    if need < 1.0:  # a type's rule score stays below 1 (every weight is): beyond that, out of reach
                        words = trigger_words(key)
                if link or (words is not None and rules_reach(key, words, need)):
                    a = assess(text, key, None, words=words)
                    a.model_score = m.combine(stack_features(a, zz, digits, sender, len(text)), len(a.guards))
                    append(a)
                    continue
            append(1.0 / (1.0 + exp(-max(-30.0, base))))
        return out

    def score(self, a: Assessment) -> float:
        """Combined score of a document: the rescaled combiner probability (rule score without a model)."""
        if a.model_score is None or self.model is None:
            return max((te.score for te in a.types.values()), default=0.0)
        return _rescale(a.model_score, self.model.threshold)

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        out = []
        t = self.model.threshold if self.model is not None else 0.0
        for d, a in zip(docs, self._predict(docs)):
            if isinstance(a, float):  # left out by the gate (so there is a model): ``score`` of its assessment
                total = _rescale(a, t)
                if total < self.min_score:
                    out.append(_score_only(total))
                    continue
                a = Assessment(_NO_TYPES, [], [], a)
            out.append(self.to_output(d, a))
        return out

    def is_scam(self, docs: Sequence[Prepared]) -> list[bool]:
        return [self.score(a) >= self.min_score for a in self.predict(docs)]

    # --- findings ------------------------------------------------------------------------------------------------
    def to_output(self, doc: Prepared, a: Assessment) -> DetectorOutput:
        total = self.score(a)
        if total < self.min_score:
            return _score_only(total)
        scores = {"scam": round(total, 4)}
        main = self._main_type(a)
        findings = [self._finding(doc, a, main, total, True)]
        for t, te in a.types.items():
            if t != main.type and te.score >= SECOND_TYPE_SCORE:
                findings.append(self._finding(doc, a, te, te.score, False))
        return DetectorOutput(findings=tuple(findings), scores=scores)

    @staticmethod
    def _main_type(a: Assessment) -> TypeEvidence:
        if a.types:
            return max(a.types.values(), key=lambda te: te.score)
        return TypeEvidence("phishing", 0.0)

    def _finding(self, doc: Prepared, a: Assessment, te: TypeEvidence, score: float, main: bool) -> Finding:
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
        if a.model_score is not None and main:
            ev.append(Evidence("model", f"scam_classifier p={a.model_score:.3f}", score))
        for gs, ge in a.guards[:3]:
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
