"""``kiemchung train unreliable [DATA…] --out DIR``: rebuild ``models/data/unreliable/model.npz`` from ReINTEL.

Data: ReINTEL ``public_train.csv`` (default ``<repo>/../shared/data/reintel``). Rows listed in
``rows_in_holdout_texts.csv`` are dropped. A deterministic 20% of the rest is held out — grouped by the stripped
post text, chosen by ``sha256("kiemchung-unreliable|" + text) % 5 == 0`` — and the shipped model is trained on the
other 80% only, so the held-out ROC-AUC it reports is the shipped model's. A TF-IDF + logistic regression baseline
is trained and scored on the same split and printed beside it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
import unicodedata
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

from kiemchung.detectors.unreliable import (
    FORMAT_VERSION,
    LABEL,
    META_FEATURES,
    N_FEATURES,
    UnreliableModel,
    hashed_counts,
    meta_features,
    tfidf,
)
from kiemchung.errors import InputError

DEFAULT_DATA = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "reintel"
SPLIT_SALT = "kiemchung-unreliable|"


def _resolve(data: Sequence[Path]) -> tuple[Path, Path | None]:
    paths = list(data) or [DEFAULT_DATA]
    p = Path(paths[0])
    if p.is_dir():
        p = p / "public_train.csv"
    if not p.exists():
        raise InputError("không tìm thấy dữ liệu ReINTEL (public_train.csv)", file=str(p))
    holdout = p.parent / "rows_in_holdout_texts.csv"
    return p, holdout if holdout.exists() else None


def read_reintel(path: Path, holdout: Path | None = None) -> list[dict[str, Any]]:
    """ReINTEL rows as ``{"text", "label", "meta"}``, minus the rows listed in ``rows_in_holdout_texts.csv``."""
    drop: set[int] = set()
    if holdout is not None:
        with holdout.open(encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                if r.get("file") == path.name:
                    drop.add(int(r["row"]))
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            if i in drop:
                continue
            label = (r.get("label") or "").strip()
            if label not in ("0", "1"):
                raise InputError(f"nhãn không hợp lệ {label!r} (cần 0 hoặc 1)", file=str(path), record=i + 2)
            out.append({
                "text": unicodedata.normalize("NFC", r.get("post_message") or ""),
                "label": int(label),
                "meta": {
                    "likes": r.get("num_like_post"), "comments": r.get("num_comment_post"),
                    "shares": r.get("num_share_post"), "timestamp": r.get("timestamp_post"),
                },
            })
    return out


def is_heldout(text: str) -> bool:
    h = hashlib.sha256((SPLIT_SALT + text.strip()).encode("utf-8")).hexdigest()
    return int(h[:8], 16) % 5 == 0


def _idf(counts: sparse.csr_matrix) -> np.ndarray:
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf: np.ndarray = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    return idf


def _export_trees(gbm: Any) -> dict[str, np.ndarray]:
    feature, threshold, left, right, miss, leaf, value, roots = [], [], [], [], [], [], [], []
    offset = 0
    for (pred,) in gbm._predictors:  # one predictor per iteration for binary classification
        nodes = pred.nodes
        roots.append(offset)
        feature.append(nodes["feature_idx"].astype(np.int32))
        threshold.append(nodes["num_threshold"].astype(np.float64))
        left.append(nodes["left"].astype(np.int32) + offset)
        right.append(nodes["right"].astype(np.int32) + offset)
        miss.append(nodes["missing_go_to_left"].astype(np.uint8))
        leaf.append(nodes["is_leaf"].astype(np.uint8))
        value.append(nodes["value"].astype(np.float64))
        offset += len(nodes)
    baseline = float(np.asarray(gbm._baseline_prediction).ravel()[0])
    return {
        "tree_feature": np.concatenate(feature), "tree_threshold": np.concatenate(threshold),
        "tree_left": np.concatenate(left), "tree_right": np.concatenate(right),
        "tree_missing_left": np.concatenate(miss), "tree_is_leaf": np.concatenate(leaf),
        "tree_value": np.concatenate(value), "tree_roots": np.asarray(roots, dtype=np.int32),
        "tree_baseline": np.asarray([baseline]),
    }


Arrays = dict[str, np.ndarray]


def fit(rows: Sequence[dict[str, Any]], *, c: float = 10.0, seed: int = 0) -> tuple[Arrays, dict[str, Any]]:
    """Fit both stages on ``rows``; returns the arrays to save and training info.

    Runs single-threaded: on a shared machine OpenMP oversubscription makes the trees ~100× slower.
    """
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return _fit(rows, c=c, seed=seed)


def _fit(rows: Sequence[dict[str, Any]], *, c: float, seed: int) -> tuple[Arrays, dict[str, Any]]:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    texts = [r["text"] for r in rows]
    y = np.asarray([r["label"] for r in rows])
    counts = hashed_counts(texts)
    idf = _idf(counts)
    x = tfidf(counts, idf)
    # out-of-fold text logits, so the trees learn how far to trust the text model on unseen posts
    minority = int(min(np.bincount(y, minlength=2)))
    folds = max(2, min(5, minority))
    oof = np.zeros(len(y))
    for tr, te in StratifiedKFold(folds, shuffle=True, random_state=seed).split(x, y):
        lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        lr.fit(x[tr], y[tr])
        oof[te] = lr.decision_function(x[te])
    lr = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, y)
    meta = np.asarray([meta_features(r["text"], r["meta"]) for r in rows], dtype=np.float64)
    feats = np.column_stack([oof, meta])
    gbm = HistGradientBoostingClassifier(
        max_iter=300, learning_rate=0.05, max_leaf_nodes=15, l2_regularization=1.0, random_state=seed
    ).fit(feats, y)
    arrays = {
        "idf": idf,
        "coef": lr.coef_.ravel().astype(np.float32),
        "intercept": np.asarray([float(lr.intercept_[0])]),
        **_export_trees(gbm),
    }
    return arrays, {"n_train": len(rows), "positives": int(y.sum()), "folds": folds}


def _baseline_auc(train_rows: Sequence[dict[str, Any]], test_rows: Sequence[dict[str, Any]]) -> float:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    vec = TfidfVectorizer(sublinear_tf=True)
    xtr = vec.fit_transform([r["text"].lower() for r in train_rows])
    lr = LogisticRegression(max_iter=2000).fit(xtr, [r["label"] for r in train_rows])
    p = lr.predict_proba(vec.transform([r["text"].lower() for r in test_rows]))[:, 1]
    return float(roc_auc_score([r["label"] for r in test_rows], p))


def save(arrays: dict[str, np.ndarray], info: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npz")
    payload: dict[str, Any] = {"info_json": np.asarray(json.dumps(info, ensure_ascii=False)), **arrays}
    np.savez_compressed(tmp, **payload)
    tmp.replace(path)


def train(data: list[Path], out: Path) -> dict[str, Any]:
    """Train on the 80% side, report held-out ROC-AUC (with the TF-IDF + LR baseline), write
    ``<out>/unreliable/model.npz``. Returns the figures."""
    from sklearn.metrics import roc_auc_score

    t0 = time.perf_counter()
    path, holdout = _resolve(data)
    rows = read_reintel(path, holdout)
    train_rows = [r for r in rows if not is_heldout(r["text"])]
    test_rows = [r for r in rows if is_heldout(r["text"])]
    if not test_rows or len({r["label"] for r in train_rows}) < 2:
        raise InputError("dữ liệu quá ít để huấn luyện (cần cả hai nhãn và phần giữ lại)", file=str(path))
    arrays, fit_info = fit(train_rows)
    version = f"{date.today():%Y.%m}-1"
    info = {
        "format": FORMAT_VERSION, "labels": [LABEL], "version": version, "n_features": 2 * N_FEATURES,
        "meta_features": list(META_FEATURES), "data": "ReINTEL public_train.csv (VLSP 2020), 80% split",
        **fit_info,
    }
    model = UnreliableModel(arrays, info)
    probs = model.predict([r["text"] for r in test_rows], [r["meta"] for r in test_rows])
    y = [r["label"] for r in test_rows]
    auc = float(roc_auc_score(y, probs))
    text_only = float(roc_auc_score(y, model.text_logit([r["text"] for r in test_rows])))
    base = _baseline_auc(train_rows, test_rows)
    info["heldout"] = {"n": len(test_rows), "roc_auc": round(auc, 4), "roc_auc_text_only": round(text_only, 4),
                       "baseline_tfidf_lr_roc_auc": round(base, 4)}
    target = Path(out) / "unreliable" / "model.npz"
    save(arrays, info, target)
    return {
        "roc_auc": round(auc, 4),
        "roc_auc_text_only": round(text_only, 4),
        "baseline_tfidf_lr_roc_auc": round(base, 4),
        "n_train": len(train_rows),
        "n_heldout": len(test_rows),
        "dropped_holdout_overlap_rows": "yes" if holdout else "no list found",
        "model": str(target),
        "size_bytes": target.stat().st_size,
        "seconds": round(time.perf_counter() - t0, 1),
        "version": version,
    }

