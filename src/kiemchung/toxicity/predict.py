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


# Span is frozen: its ``__init__`` sets each field through ``object.__setattr__``; spans are built for every
# flagged post, so their slots are filled directly (the same objects, as src/kiemchung/analyzer.py does).
_new = object.__new__
_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__
_set_norm_start = vars(Span)["norm_start"].__set__
_set_norm_end = vars(Span)["norm_end"].__set__
_set_score = vars(Span)["score"].__set__


def merge_spans(
    norm: NormalizedText, starts: Sequence[int], ends: Sequence[int], probs: Sequence[float], keep: Sequence[bool]
) -> list[Span]:
    """Merge flagged tokens separated only by whitespace into spans, mapped to the original text."""
    chosen = [t for t, (_, _, _, k) in enumerate(zip(starts, ends, probs, keep, strict=True)) if k]
    return list(_merge_chosen(norm, chosen, starts, ends, probs))


def _merge_chosen(norm: NormalizedText, chosen: list[int], starts: Sequence[int], ends: Sequence[int],
                  probs: Sequence[float]) -> tuple[Span, ...]:
    """:func:`merge_spans` of the tokens ``chosen`` (indices into the token lists, in order): the tokens it
    would skip are simply not visited."""
    out: list[Span] = []
    text = norm.normalized
    open_ = False
    ns = ne = 0
    best = 0.0
    for t in chosen:
        s, e, p = starts[t], ends[t], probs[t]
        if open_ and text[ne:s].isspace():
            ne = e
            best = max(best, p)
            continue
        if open_:
            out.append(_span(norm, ns, ne, best))
        ns, ne, best, open_ = s, e, p, True
    if open_:
        out.append(_span(norm, ns, ne, best))
    return tuple(out)


def _span(norm: NormalizedText, ns: int, ne: int, score: float) -> Span:
    ns, ne = int(ns), int(ne)
    a, b = norm.to_original(ns, ne)
    span = _new(Span)
    _set_start(span, a)
    _set_end(span, b)
    _set_norm_start(span, ns)
    _set_norm_end(span, ne)
    _set_score(span, float(score))
    return span


def predict_arrays(model: ToxicityModel, norms: Sequence[NormalizedText], *, spans_for_all: bool = False,
                   raw: Sequence[FloatArray] | None = None) -> tuple[FloatArray, dict[int, tuple[Span, ...]]]:
    """What :func:`predict` returns, unassembled: the ``(n, 2)`` float32 offensive/hate scores and the spans of
    the texts that have any (by index). The detector builds its outputs from these without a Prediction per post.
    """
    normalized = [n.normalized for n in norms]
    keys = [n.key for n in norms]
    scores = model.doc_scores(normalized, keys, raw)
    flagged = np.flatnonzero(scores.max(axis=1) >= 0.5) if not spans_for_all else np.arange(len(norms))
    spans: dict[int, tuple[Span, ...]] = {}
    if len(flagged):
        sub = flagged.tolist()
        toks, probs = model.tokens([normalized[i] for i in sub], [keys[i] for i in sub])
        keep_all = probs >= model.tok_threshold
        kept = np.flatnonzero(keep_all)
        grid = np.arange(len(sub) + 1)
        bounds = np.searchsorted(toks.doc, grid).tolist()
        kept_bounds = np.searchsorted(toks.doc[kept], grid).tolist()  # the kept tokens of each text
        kept_l = kept.tolist()
        starts, ends, probs_l = toks.start.tolist(), toks.end.tolist(), probs.tolist()
        for j, i in enumerate(sub):
            a, b = bounds[j], bounds[j + 1]
            if a == b:
                continue
            chosen = kept_l[kept_bounds[j] : kept_bounds[j + 1]]
            if not chosen and not spans_for_all:
                p = probs[a:b]  # a flagged post always points at its most offensive word
                chosen = (a + np.flatnonzero(p >= p.max())).tolist()
            spans[i] = _merge_chosen(norms[i], chosen, starts, ends, probs_l)
    return scores, spans


def predict(model: ToxicityModel, norms: Sequence[NormalizedText], *, spans_for_all: bool = False,
            raw: Sequence[FloatArray] | None = None) -> list[Prediction]:
    """Scores for every text; spans for texts whose class is not clean (or for all when ``spans_for_all``).
    ``raw``: the document parts' scores when already computed (``model.parts()``, e.g. by a joint pass)."""
    scores, spans = predict_arrays(model, norms, spans_for_all=spans_for_all, raw=raw)
    offensive, hate = scores[:, 0].tolist(), scores[:, 1].tolist()
    return [Prediction(offensive[i], hate[i], spans.get(i, ())) for i in range(len(norms))]
