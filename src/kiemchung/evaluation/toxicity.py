"""``kiemchung eval toxicity PATH… --format vihsd|victsd|vlsp2019``: score the shipped toxicity detector.

A post's predicted class is its highest label at the policy threshold 0.5 (hate > offensive > clean). For the
binary ViCTSD toxicity label, a post is toxic when the model's ViCTSD-scheme score (a head stacked for that
clean/toxic scheme, see the model card) reaches 0.5.
Output: ``macro_f1``, ``accuracy``, ``f1_per_class`` (and ``n``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from kiemchung.errors import InputError
from kiemchung.text.normalize import normalize
from kiemchung.toxicity import data as D
from kiemchung.toxicity.metrics import classification_report
from kiemchung.toxicity.model import ToxicityModel
from kiemchung.toxicity.predict import predict

FORMATS = ("vihsd", "victsd", "vlsp2019")
_CLASS = {None: 0, "toxicity.offensive": 1, "toxicity.hate": 2}


def _guess(path: Path) -> str:
    name = path.name.lower()
    if "victsd" in name:
        return "victsd"
    if "02_train_text" in name or "vlsp" in path.as_posix().lower():
        return "vlsp2019"
    return "vihsd"


def evaluate(
    paths: list[Path], fmt: str | None = None, factchecks: Path | None = None, model: ToxicityModel | None = None
) -> dict[str, Any]:
    if not paths:
        raise InputError("cần ít nhất một tệp dữ liệu có nhãn")
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"định dạng '{fmt}' không hợp lệ cho toxicity; chọn một trong {', '.join(FORMATS)}")
    model = model or ToxicityModel.load()
    fmts = {fmt or _guess(p) for p in paths}
    if len(fmts) > 1:
        raise InputError("các tệp có định dạng khác nhau; dùng --format")
    f = fmts.pop()
    rows: list[D.Example] = []
    for p in paths:
        if not p.is_file():
            raise InputError("không tìm thấy tệp", file=str(p))
        rows += D.READERS[f](p)
    n_classes = 2 if f == "victsd" else 3
    labels = np.asarray([e.label for e in rows], dtype=np.int64)
    if len(labels) and (labels.min() < 0 or labels.max() >= n_classes):
        raise InputError(f"nhãn ngoài khoảng 0..{n_classes - 1}", file=str(paths[0]))
    norms = [normalize(e.text) for e in rows]
    if n_classes == 2:
        toxic = model.toxic_scores([n.normalized for n in norms], [n.key for n in norms])
        got = (toxic >= 0.5).astype(np.int64)
    else:
        got = np.asarray([_CLASS[p.label] for p in predict(model, norms)], dtype=np.int64)
    out = classification_report(labels, got, n_classes)
    out["format"] = f
    return out
