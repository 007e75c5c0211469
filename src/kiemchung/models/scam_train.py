"""``kiemchung train scam DATA… --out DIR``: rebuild the scam classifier.

Data: the IE403 SMS CSV (found under DATA, default ``../shared/data``; rows in ``rows_in_holdout_texts.csv``
dropped; names, phones, URLs, codes and digit runs masked before features are made), its deterministic 80 % train
split, the written examples in :mod:`kiemchung.scam.seed`, and any scam JSONL files given in DATA. Reports F1 on
the 20 % SMS dev split. Nothing is printed from the data.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

import numpy as np

from kiemchung.errors import InputError
from kiemchung.scam.data import Example, default_data_dirs, find_ie403, ie403_split, read_ie403, read_jsonl
from kiemchung.scam.features import N_FEATURES, featurize_text
from kiemchung.scam.model import FORMAT, ScamModel
from kiemchung.scam.seed import SEED

C = 20.0
SEED_WEIGHT = 2.0


def _matrix(examples: list[Example]) -> Any:
    import scipy.sparse as sp

    ind: list[int] = []
    ptr = [0]
    data: list[float] = []
    for ex in examples:
        u = sorted(set(featurize_text(ex.text)))
        ind.extend(u)
        data.extend([1.0 / np.sqrt(len(u))] * len(u) if u else [])
        ptr.append(len(ind))
    return sp.csr_matrix((np.asarray(data, dtype=np.float64), ind, ptr), shape=(len(examples), N_FEATURES))


def fit(examples: list[Example], weights: list[float] | None = None, *, c: float = C) -> tuple[np.ndarray, float]:
    """Logistic regression on hashed features: (weights over N_FEATURES, bias)."""
    from sklearn.linear_model import LogisticRegression

    x = _matrix(examples)
    y = np.array([e.label for e in examples])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    clf.fit(x, y, sample_weight=np.asarray(weights) if weights is not None else None)
    w = clf.coef_[0].astype(np.float32)
    w[np.abs(w) < 1e-4] = 0.0
    return w, float(clf.intercept_[0])


def prf(gold: list[int], pred: list[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4)}


def train(data: list[Path], out: Path) -> dict[str, Any]:
    """Train on IE403 (80 % split) + written examples (+ JSONL in ``data``); write the model to ``out``."""
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
    weights = [1.0] * len(tr) + [SEED_WEIGHT] * len(extra)
    w, b = fit(examples, weights)
    # choose the threshold on the training side by 5-fold cross-validation (dev stays untouched)
    threshold = _cv_threshold(tr, extra)
    meta = {
        "format": FORMAT,
        "version": _dt.date.today().strftime("%Y.%m") + "-1",
        "labels": ["not_scam", "scam"],
        "threshold": threshold,
        "features": "crc32-hashed word 1-2-grams of the masked diacritic-free key, binary, L2-normalized",
        "n_features": N_FEATURES,
        "train_rows": {"ie403": len(tr), "written": len(extra)},
        "c": C,
    }
    model = ScamModel(w, b, meta)
    from kiemchung.text.normalize import normalize

    scores = model.predict_keys([normalize(e.text).key for e in dev])
    m = prf([e.label for e in dev], [int(s >= threshold) for s in scores])
    model.meta["metrics"] = {"ie403_dev_model_only": m}
    model.save(out)
    return {"out": str(out), "threshold": threshold, "train": len(examples), "dev": len(dev),
            **{f"dev_model_{k}": v for k, v in m.items()}}


def _cv_threshold(tr: list[Example], extra: list[Example]) -> float:
    from kiemchung.text.normalize import normalize

    folds = 5
    scores: list[float] = [0.0] * len(tr)
    for f in range(folds):
        fit_set = [e for i, e in enumerate(tr) if i % folds != f] + extra
        wts = [1.0] * (len(fit_set) - len(extra)) + [SEED_WEIGHT] * len(extra)
        w, b = fit(fit_set, wts)
        m = ScamModel(w, b, {"format": FORMAT})
        held = [i for i in range(len(tr)) if i % folds == f]
        for i, s in zip(held, m.predict_keys([normalize(tr[i].text).key for i in held])):
            scores[i] = s
    gold = [e.label for e in tr]
    best = max((prf(gold, [int(s >= t) for s in scores])["f1"], -abs(t - 0.5), t) for t in np.arange(0.2, 0.86, 0.025))
    return round(float(best[2]), 3)
