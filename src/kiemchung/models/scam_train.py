"""``kiemchung train scam DATA… --out DIR``: rebuild the scam classifier (text model + stacked combiner).

Data: the IE403 SMS CSV (found under DATA, default ``../shared/data``; rows in ``rows_in_holdout_texts.csv``
dropped; names, phones, URLs, codes and digit runs masked before features are made), its deterministic 80 % train
split, the written examples in :mod:`kiemchung.scam.seed`, and any scam JSONL files given in DATA.

Every choice is made on the training side only:

1. the text model (logistic regression, balanced classes, C = ``C``) is fitted ``FOLDS`` times to get out-of-fold
   logits for every training text, ``CV_REPEATS`` times with different fold seeds;
2. the cross-validated F1 of the whole decision on the IE403 training side is reported per repetition (the
   combiner and its threshold chosen inside each training fold of a second, differently seeded split), with its
   spread;
3. the shipped combiner (logistic regression over :data:`kiemchung.scam.model.STACK_FEATURES`: out-of-fold logit,
   rule and link scores, guards, numbers, sender type, SMS length) is fitted on the rows of all repetitions, and its
   threshold is the one that maximises F1 on their out-of-fold probabilities, damped by guard phrases as the
   detector does (``GUARD_KEEP``);
4. the shipped text model is refitted on everything; the 20 % SMS dev split is scored once, at the end (not at
   all with ``score_dev=False``).

Nothing is printed from the data.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from kiemchung.errors import InputError
from kiemchung.scam.data import Example, default_data_dirs, find_ie403, ie403_split, read_ie403, read_jsonl
from kiemchung.scam.engine import assess, has_number, stack_features
from kiemchung.scam.features import SPEC, feature_matrix, train_key
from kiemchung.scam.model import FORMAT, GUARD_KEEP, MAX_GUARDS, STACK_FEATURES, ScamModel, sender_of
from kiemchung.scam.seed import SEED
from kiemchung.text.normalize import normalize

C = 20.0
STACK_C = 1.0
SEED_WEIGHT = 2.0
FOLDS = 5
CV_REPEATS = 3
FloatArray = npt.NDArray[np.float64]


def fit(masked: Sequence[str], labels: Sequence[int], weights: Sequence[float], *, c: float = C) -> tuple[np.ndarray, float]:
    """Text model: logistic regression on hashed word 1–2-grams of masked keys → (weights over 2**bits, bias)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", solver="liblinear")
    clf.fit(feature_matrix(masked), np.asarray(labels), sample_weight=np.asarray(weights))
    w = clf.coef_[0].astype(np.float32)
    w[np.abs(w) < 1e-4] = 0.0
    return w, float(clf.intercept_[0])


def _folds(labels: Sequence[int], k: int, seed: int) -> npt.NDArray[np.int64]:
    """Stratified fold number of each row."""
    rng = np.random.RandomState(seed)
    lab = np.asarray(labels)
    fold = np.zeros(len(lab), dtype=np.int64)
    for v in (0, 1):
        idx = np.flatnonzero(lab == v)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % k
    return fold


def _oof_logits(masked: list[str], labels: list[int], weights: list[float], seed: int) -> FloatArray:
    fold = _folds(labels, FOLDS, seed)
    z = np.zeros(len(masked))
    for f in range(FOLDS):
        tr = np.flatnonzero(fold != f)
        te = np.flatnonzero(fold == f)
        w, b = fit([masked[i] for i in tr], [labels[i] for i in tr], [weights[i] for i in tr])
        m = ScamModel(w, b, [0.0] * len(STACK_FEATURES), 0.0, {"threshold": 0.5})
        z[te] = m.logits_masked([masked[i] for i in te])
    return z


def _fit_stack(x: FloatArray, y: npt.NDArray[np.int64]) -> tuple[FloatArray, float]:
    from sklearn.linear_model import LogisticRegression

    st = LogisticRegression(C=STACK_C, class_weight="balanced", max_iter=2000).fit(x, y)
    return st.coef_[0].astype(np.float64), float(st.intercept_[0])


def _prob(x: FloatArray, coef: FloatArray, bias: float) -> FloatArray:
    result: FloatArray = 1.0 / (1.0 + np.exp(-(x @ coef + bias)))
    return result


def _best_threshold(p: FloatArray, y: npt.NDArray[np.int64]) -> float:
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.30, 0.96, 0.01), 2):
        f = prf(y.tolist(), (p >= t).astype(int).tolist())["f1"]
        if f > best[0]:
            best = (f, float(t))
    return best[1]


def _stack_cv(x: FloatArray, y: npt.NDArray[np.int64], keep: FloatArray, seed: int) -> tuple[FloatArray, FloatArray]:
    """Out-of-fold combiner probabilities (damped by guards) and decisions (threshold chosen in each training fold)."""
    fold = _folds(y.tolist(), FOLDS, seed)
    p = np.zeros(len(y))
    pred = np.zeros(len(y))
    for f in range(FOLDS):
        tr = fold != f
        coef, b = _fit_stack(x[tr], y[tr])
        t = _best_threshold(_prob(x[tr], coef, b) * keep[tr], y[tr])
        p[~tr] = _prob(x[~tr], coef, b) * keep[~tr]
        pred[~tr] = p[~tr] >= t
    return p, pred


def prf(gold: list[int], pred: list[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4)}


def _side_features(examples: Sequence[Example]) -> list[tuple[Any, bool, str, int]]:
    """(rule/link assessment, has a number, sender, length) of each example, as the detector computes them."""
    out = []
    for e in examples:
        out.append((assess(e.text, normalize(e.text).key, None), has_number(e.text), sender_of(e.sender_type),
                    len(e.text)))
    return out


def train(data: list[Path], out: Path, *, score_dev: bool = True) -> dict[str, Any]:
    """Train on IE403 (80 % split) + written examples (+ JSONL in ``data``); write the model to ``out``.

    ``score_dev=False`` leaves the SMS dev split unread (model selection runs on the training side only)."""
    paths = list(data) or default_data_dirs()
    csv_path = find_ie403(paths) or find_ie403(default_data_dirs())
    if csv_path is None:
        raise InputError("không tìm thấy ie403_sms_smishing/dataset.csv (IE403 data not found)")
    rows = read_ie403(csv_path)
    tr, dev = ie403_split(rows)
    extra: list[Example] = [Example(t, lab, typ) for t, lab, typ in SEED]
    for p in paths:
        if p.is_file() and p.suffix == ".jsonl":
            extra.extend(read_jsonl(p))
    examples = tr + extra
    masked = [train_key(e.text) for e in examples]
    labels = [e.label for e in examples]
    weights = [1.0] * len(tr) + [SEED_WEIGHT] * len(extra)
    side = _side_features(examples)
    y = np.asarray(labels, dtype=np.int64)
    keep = np.array([GUARD_KEEP[min(len(a.guards), MAX_GUARDS)] for a, *_ in side])
    n_sms = len(tr)

    def stack_x(z: FloatArray) -> FloatArray:
        return np.array([stack_features(a, float(zz), d, s, n) for (a, d, s, n), zz in zip(side, z)], dtype=np.float64)

    # out-of-fold text-model logits → combiner; CV estimate of the whole decision, per repetition
    # (the shipped combiner is fitted on the rows of every repetition and its threshold chosen on all their
    # out-of-fold probabilities: three draws of the text model's out-of-fold noise instead of one)
    cv: list[float] = []
    xs: list[FloatArray] = []
    ps: list[FloatArray] = []
    for rep in range(CV_REPEATS):
        x = stack_x(_oof_logits(masked, labels, weights, seed=rep))
        p_rep, pred = _stack_cv(x, y, keep, seed=100 + rep)
        cv.append(prf(labels[:n_sms], pred[:n_sms].astype(int).tolist())["f1"])
        xs.append(x)
        ps.append(p_rep)
    coef, sbias = _fit_stack(np.vstack(xs), np.tile(y, CV_REPEATS))
    threshold = _best_threshold(np.concatenate(ps), np.tile(y, CV_REPEATS))
    w, b = fit(masked, labels, weights)
    meta: dict[str, Any] = {
        "format": FORMAT,
        "version": _dt.date.today().strftime("%Y.%m") + "-3",
        "labels": ["not_scam", "scam"],
        "threshold": threshold,
        "features": "word 1-2-grams of the masked diacritic-free key, links as their TLD and host words "
                    "(kiemchung.text.features, 2**18 buckets, "
                    "sublinear tf, L2-normalized) → logistic regression; stacked combiner over " + ", ".join(STACK_FEATURES),
        "train_rows": {"ie403": len(tr), "written": len(extra)},
        "c": C,
        "stack_c": STACK_C,
        "cv_f1_ie403_train": cv,
    }
    model = ScamModel(w, b, coef.tolist(), sbias, meta, SPEC)
    model.save(out)
    result: dict[str, Any] = {"out": str(out), "threshold": threshold, "train": len(examples), "dev": len(dev),
                              "cv_f1": cv, "cv_f1_mean": round(float(np.mean(cv)), 4),
                              "cv_f1_std": round(float(np.std(cv)), 4)}
    if dev and score_dev:
        dside = _side_features(dev)
        z = model.logits([normalize(e.text).key for e in dev])
        pd = [model.combine(stack_features(a, float(zz), d, s, n), len(a.guards)) for (a, d, s, n), zz in zip(dside, z)]
        m = prf([e.label for e in dev], [int(q >= threshold) for q in pd])
        result.update({f"dev_model_{k}": v for k, v in m.items()})
    return result
