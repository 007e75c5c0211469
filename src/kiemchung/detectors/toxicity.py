"""Toxicity detector: ``toxicity.offensive`` and ``toxicity.hate`` with the words that make a post so.

A linear model over hashed word and character n-grams of the normalized text scores every post (both scores
are always reported); for a post whose class is offensive or hate (hate > offensive), a token model marks the
offending words (trained on ViHOS spans) and each merged span becomes a finding on the original text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from kiemchung.detectors.base import ModelFileDetector, Settings
from kiemchung.text.features import LinearPart
from kiemchung.toxicity.lexicon import CATEGORY_VI, lexicon_hits
from kiemchung.toxicity.model import MODEL_FILE, FloatArray, ToxicityModel
from kiemchung.toxicity.predict import Prediction, Span, predict, predict_arrays
from kiemchung.types import DetectorOutput, Evidence, Finding, Prepared, scored_output

OFFENSIVE = "toxicity.offensive"
HATE = "toxicity.hate"
_KIND_VI = {OFFENSIVE: "xúc phạm, thô tục", HATE: "thù ghét, kỳ thị"}

# Finding and Evidence are frozen: their ``__init__`` sets each field through ``object.__setattr__``. Flagged posts
# get a few of each, so their slots are filled directly (the same objects; outputs: ``types.scored_output``).
_new = object.__new__
_ev_kind = vars(Evidence)["kind"].__set__
_ev_detail = vars(Evidence)["detail"].__set__
_ev_delta = vars(Evidence)["score_delta"].__set__
_f_detector = vars(Finding)["detector"].__set__
_f_label = vars(Finding)["label"].__set__
_f_score = vars(Finding)["score"].__set__
_f_start = vars(Finding)["start"].__set__
_f_end = vars(Finding)["end"].__set__
_f_explanation = vars(Finding)["explanation"].__set__
_f_evidence = vars(Finding)["evidence"].__set__
_f_rule = vars(Finding)["rule"].__set__


def _evidence(kind: str, detail: str, score_delta: float) -> Evidence:
    e = _new(Evidence)
    _ev_kind(e, kind)
    _ev_detail(e, detail)
    _ev_delta(e, score_delta)
    return e


def _rounded(scores: FloatArray) -> list[float]:
    """``[round(float(x), 6) for x in scores]`` for float32 scores, in numpy: a float32 times 10**6 is exact in
    float64 (24 + 20 bits), ``rint`` rounds it half to even like ``round``, and dividing the integer by 10**6 is
    correctly rounded like the decimal-to-float conversion ``round`` ends with, so the floats are the same."""
    if scores.dtype != np.float32:
        return [round(x, 6) for x in scores.tolist()]
    out: list[float] = (np.rint(scores.astype(np.float64) * 1e6) / 1e6).tolist()
    return out


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
        return self._outputs(docs, raw)

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        return self._outputs(docs, None)

    def _outputs(self, docs: Sequence[Prepared], raw: Sequence[FloatArray] | None) -> list[DetectorOutput]:
        """One output per post: the rounded scores, and for a post whose class is not clean (hate when its score
        reaches 0.5, else offensive when that one does) a finding per offending span."""
        scores, spans = predict_arrays(self.model, [d.norm for d in docs], raw=raw)
        off, hate = _rounded(scores[:, 0]), _rounded(scores[:, 1])
        outs = [scored_output({OFFENSIVE: o, HATE: h}) for o, h in zip(off, hate, strict=True)]
        is_hate = scores[:, 1] >= 0.5
        labeled = np.flatnonzero(is_hate | (scores[:, 0] >= 0.5)).tolist()
        if labeled:
            off_raw, hate_raw = scores[labeled, 0].tolist(), scores[labeled, 1].tolist()
            hate_l = is_hate[labeled].tolist()
            for i, o, h, is_h in zip(labeled, off_raw, hate_raw, hate_l, strict=True):
                sp = spans.get(i)
                if sp:
                    label, score = (HATE, h) if is_h else (OFFENSIVE, o)
                    outs[i] = scored_output(outs[i].scores, self._findings(docs[i], label, score, sp))
        return outs

    def _findings(self, doc: Prepared, label: str, score: float, spans: tuple[Span, ...]) -> tuple[Finding, ...]:
        """A finding per span. What depends only on the post (its score, the model evidence) is built once;
        each finding still gets its own Evidence objects (equal ones, frozen either way)."""
        norm, text = doc.norm, doc.text
        model_detail = f"{self.model.version}: điểm {label} của cả bài = {score:.3f}"
        head = f"Bài viết có lời lẽ {_KIND_VI[label]} ở “"
        model_score = f"” (điểm mô hình {_fmt(score)}, từ này "
        out = []
        for span in spans:
            hits = lexicon_hits(norm.normalized, norm.key, span.norm_start, span.norm_end)
            evidence = [
                _evidence("model", model_detail, score),
                _evidence("span_model", f"xác suất từ thuộc đoạn độc hại = {span.score:.3f}", 0.0),
            ]
            lex = ""
            if hits:
                evidence += [_evidence("lexicon", f"{w} ({CATEGORY_VI[c]})", 0.0) for _, _, w, c in hits]
                lex = "; từ điển: " + ", ".join([f"“{w}” ({CATEGORY_VI[c]})" for _, _, w, c in hits])
            f = _new(Finding)
            _f_detector(f, self.name)
            _f_label(f, label)
            _f_score(f, float(score))
            _f_start(f, span.start)
            _f_end(f, span.end)
            _f_explanation(f, f"{head}{text[span.start : span.end]}{model_score}{_fmt(span.score)}{lex}).")
            _f_evidence(f, tuple(evidence))
            _f_rule(f, "")
            out.append(f)
        return tuple(out)


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
