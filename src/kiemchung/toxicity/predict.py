"""Batch prediction shared by the detector and the evaluation: document scores and offending spans."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from kiemchung.toxicity.model import FloatArray, ToxicityModel
from kiemchung.types import NormalizedText


@dataclass(frozen=True, slots=True)
class Span:
    start: int  # original text offsets
    end: int
    norm_start: int
    norm_end: int
    score: float  # highest token probability inside the span


@dataclass(frozen=True, slots=True)
class Prediction:
    offensive: float
    hate: float
    spans: tuple[Span, ...]

    @property
    def label(self) -> str | None:
        """The post's class: hate > offensive > clean, at the calibrated threshold 0.5."""
        if self.hate >= 0.5:
            return "toxicity.hate"
        if self.offensive >= 0.5:
            return "toxicity.offensive"
        return None


def merge_spans(
    norm: NormalizedText, starts: Sequence[int], ends: Sequence[int], probs: Sequence[float], keep: Sequence[bool]
) -> list[Span]:
    """Merge flagged tokens separated only by whitespace into spans, mapped to the original text."""
    out: list[Span] = []
    text = norm.normalized
    cur: list[float] = []  # [ns, ne, p]
    for s, e, p, k in zip(starts, ends, probs, keep, strict=True):
        if not k:
            continue
        if cur and text[int(cur[1]) : s].isspace():
            cur[1] = e
            cur[2] = max(cur[2], p)
            continue
        if cur:
            out.append(_span(norm, cur))
        cur = [s, e, p]
    if cur:
        out.append(_span(norm, cur))
    return out


def _span(norm: NormalizedText, cur: list[float]) -> Span:
    ns, ne = int(cur[0]), int(cur[1])
    a, b = norm.to_original(ns, ne)
    return Span(a, b, ns, ne, float(cur[2]))


def predict(model: ToxicityModel, norms: Sequence[NormalizedText], *, spans_for_all: bool = False,
            raw: Sequence[FloatArray] | None = None) -> list[Prediction]:
    """Scores for every text; spans for texts whose class is not clean (or for all when ``spans_for_all``).
    ``raw``: the document parts' scores when already computed (``model.parts()``, e.g. by a joint pass)."""
    normalized = [n.normalized for n in norms]
    keys = [n.key for n in norms]
    scores = model.doc_scores(normalized, keys, raw)
    flagged = np.flatnonzero(scores.max(axis=1) >= 0.5) if not spans_for_all else np.arange(len(norms))
    spans: dict[int, tuple[Span, ...]] = {}
    if len(flagged):
        sub = [int(i) for i in flagged]
        toks, probs = model.tokens([normalized[i] for i in sub], [keys[i] for i in sub])
        thr = model.tok_threshold
        bounds = np.searchsorted(toks.doc, np.arange(len(sub) + 1))
        for j, i in enumerate(sub):
            a, b = int(bounds[j]), int(bounds[j + 1])
            if a == b:
                continue
            p = probs[a:b]
            keep = p >= thr
            if not keep.any() and not spans_for_all:
                keep = p >= p.max()  # a flagged post always points at its most offensive word
            spans[i] = tuple(
                merge_spans(norms[i], toks.start[a:b].tolist(), toks.end[a:b].tolist(), p.tolist(), keep.tolist())
            )
    return [
        Prediction(float(scores[i, 0]), float(scores[i, 1]), spans.get(i, ())) for i in range(len(norms))
    ]
