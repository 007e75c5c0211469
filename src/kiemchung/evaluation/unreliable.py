"""``kiemchung eval unreliable PATH… --format reintel``: ROC-AUC of the shipped unreliable-post model.

``--format reintel`` reads ReINTEL CSV (``post_message``, ``num_like_post``, ``num_comment_post``,
``num_share_post``, ``timestamp_post``, ``label``); rows listed in a sibling ``rows_in_holdout_texts.csv`` are
dropped. ``roc_auc`` covers every row; when PATH is the shared training file that mixes in rows the shipped model
was trained on and overstates it, so ``roc_auc_heldout`` is also given: the rows on the held-out side of the
training split (``--format reintel-heldout`` scores only those).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiemchung.errors import InputError


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    from sklearn.metrics import roc_auc_score

    from kiemchung.detectors.unreliable import UnreliableModel
    from kiemchung.models.unreliable_train import is_heldout, normalize_all, read_reintel

    fmt = fmt or "reintel"
    if fmt not in ("reintel", "reintel-heldout"):
        raise InputError(f"định dạng không hỗ trợ cho unreliable: {fmt!r} (reintel, reintel-heldout)")
    if not paths:
        raise InputError("cần ít nhất một tệp ReINTEL CSV")
    rows = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            p = p / "public_train.csv"
        if not p.exists():
            raise InputError("không tìm thấy tệp", file=str(p))
        hold = p.parent / "rows_in_holdout_texts.csv"
        rows.extend(read_reintel(p, hold if hold.exists() else None))
    if fmt == "reintel-heldout":
        rows = [r for r in rows if is_heldout(r["text"])]
    labels = {r["label"] for r in rows}
    if len(labels) < 2:
        raise InputError("cần cả bài tin cậy (0) và không tin cậy (1) để tính ROC-AUC")
    model = UnreliableModel.load()
    texts = [r["text"] for r in rows]
    normalized, keys = normalize_all(texts)
    probs = model.predict(texts, normalized, keys, [r["meta"] for r in rows])
    y = [r["label"] for r in rows]
    out: dict[str, Any] = {"roc_auc": round(float(roc_auc_score(y, probs)), 4), "n": len(rows)}
    # rows of the training split's held-out side: the honest figure when PATH is the shared training file
    held = [i for i, r in enumerate(rows) if is_heldout(r["text"])]
    if fmt == "reintel" and len({y[i] for i in held}) == 2:
        out["roc_auc_heldout"] = round(float(roc_auc_score([y[i] for i in held], probs[held])), 4)
        out["n_heldout"] = len(held)
    out["model_version"] = model.version
    return out
