"""Metrics without scikit-learn at run time: macro-F1, accuracy, per-class F1 and SemEval-2021 span F1."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

CLASS_NAMES = {3: ("clean", "offensive", "hate"), 2: ("clean", "toxic")}


def f1_per_class(y: npt.ArrayLike, p: npt.ArrayLike, n_classes: int) -> list[float]:
    ya, pa = np.asarray(y), np.asarray(p)
    out = []
    for k in range(n_classes):
        tp = float(np.sum((ya == k) & (pa == k)))
        fp = float(np.sum((ya != k) & (pa == k)))
        fn = float(np.sum((ya == k) & (pa != k)))
        out.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return out


def macro_f1(y: npt.ArrayLike, p: npt.ArrayLike, n_classes: int) -> float:
    return float(np.mean(f1_per_class(y, p, n_classes)))


def classification_report(y: npt.ArrayLike, p: npt.ArrayLike, n_classes: int) -> dict[str, Any]:
    ya, pa = np.asarray(y), np.asarray(p)
    f1s = f1_per_class(ya, pa, n_classes)
    return {
        "macro_f1": round(float(np.mean(f1s)), 4),
        "accuracy": round(float(np.mean(ya == pa)) if len(ya) else 0.0, 4),
        "f1_per_class": {name: round(f, 4) for name, f in zip(CLASS_NAMES[n_classes], f1s, strict=True)},
        "n": int(len(ya)),
    }


def span_f1(gold: Sequence[Collection[int]], pred: Sequence[Collection[int]]) -> float:
    """Mean over comments of the F1 between gold and predicted character offsets (SemEval-2021 Task 5).

    A comment with no gold offsets scores 1 when nothing is predicted and 0 otherwise.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    if not gold:
        return 0.0
    total = 0.0
    for g, q in zip(gold, pred, strict=True):
        gs, qs = set(g), set(q)
        if not gs and not qs:
            total += 1.0
            continue
        if not gs or not qs:
            continue
        tp = len(gs & qs)
        total += 2 * tp / (len(gs) + len(qs))
    return total / len(gold)
