"""Toxicity detector: ``toxicity.offensive`` and ``toxicity.hate`` with the words that make a post so.

A linear model over hashed word and character n-grams of the normalized text scores every post (both scores
are always reported); for a post whose class is offensive or hate (hate > offensive), a token model marks the
offending words (trained on ViHOS spans) and each merged span becomes a finding on the original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from kiemchung.detectors.base import ModelFileDetector, Settings
from kiemchung.text.features import LinearPart
from kiemchung.toxicity.lexicon import CATEGORY_VI, lexicon_hits
from kiemchung.toxicity.model import MODEL_FILE, FloatArray, ToxicityModel
from kiemchung.toxicity.predict import Prediction, Span, predict
from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared

OFFENSIVE = "toxicity.offensive"
HATE = "toxicity.hate"
_KIND_VI = {OFFENSIVE: "xúc phạm, thô tục", HATE: "thù ghét, kỳ thị"}


def _fmt(x: float) -> str:
    return f"{x:.2f}".replace(".", ",")


class ToxicityDetector(ModelFileDetector):
    """Scores posts for offensive and hateful language and points at the offending words."""

    name: ClassVar[str] = "vi.toxicity.linear.v1"
    labels: ClassVar[frozenset[str]] = frozenset({OFFENSIVE, HATE})

    load = staticmethod(ToxicityModel.load)
    model: ToxicityModel

    def predict(self, docs: Sequence[Prepared], raw: Sequence[FloatArray] | None = None) -> list[Prediction]:
        return predict(self.model, [d.norm for d in docs], raw=raw)

    def linear_parts(self) -> tuple[LinearPart, ...]:
        return self.model.parts()

    def detect_scored(self, docs: Sequence[Prepared], raw: Sequence[FloatArray]) -> list[DetectorOutput]:
        preds = self.predict(docs, raw)
        return [self._output(doc, p) for doc, p in zip(docs, preds, strict=True)]

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        preds = self.predict(docs)
        return [self._output(doc, p) for doc, p in zip(docs, preds, strict=True)]

    def _output(self, doc: Prepared, p: Prediction) -> DetectorOutput:
        scores = {OFFENSIVE: round(p.offensive, 6), HATE: round(p.hate, 6)}
        label = p.label
        if label is None:
            return DetectorOutput(scores=scores)
        score = p.hate if label == HATE else p.offensive
        findings = tuple(self._finding(doc, label, score, s) for s in p.spans)
        return DetectorOutput(findings=findings, scores=scores)

    def _finding(self, doc: Prepared, label: str, score: float, span: Span) -> Finding:
        norm = doc.norm
        excerpt = doc.text[span.start : span.end]
        hits = lexicon_hits(norm.normalized, norm.key, span.norm_start, span.norm_end)
        evidence = [
            Evidence("model", f"{self.model.version}: điểm {label} của cả bài = {score:.3f}", score),
            Evidence("span_model", f"xác suất từ thuộc đoạn độc hại = {span.score:.3f}", 0.0),
        ]
        evidence += [Evidence("lexicon", f"{w} ({CATEGORY_VI[c]})", 0.0) for _, _, w, c in hits]
        lex = ""
        if hits:
            lex = "; từ điển: " + ", ".join(f"“{w}” ({CATEGORY_VI[c]})" for _, _, w, c in hits)
        explanation = (
            f"Bài viết có lời lẽ {_KIND_VI[label]} ở “{excerpt}” "
            f"(điểm mô hình {_fmt(score)}, từ này {_fmt(span.score)}{lex})."
        )
        return Finding(
            detector=self.name,
            label=label,
            score=float(score),
            start=span.start,
            end=span.end,
            explanation=explanation,
            evidence=tuple(evidence),
        )


def create(settings: Settings) -> ToxicityDetector | None:
    """Entry point ``kiemchung.detectors: toxicity``. Uses ``settings.model_dir/toxicity.npz`` when present."""
    path = None
    if settings.model_dir is not None:
        for cand in (settings.model_dir / MODEL_FILE, settings.model_dir / "toxicity" / MODEL_FILE):
            if cand.is_file():
                path = cand
                break
    try:
        return ToxicityDetector(model_path=path)
    except FileNotFoundError:
        return None
