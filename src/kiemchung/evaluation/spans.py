"""``kiemchung eval spans PATH… --format vihos``: character-offset F1 of the toxicity spans.

Per-comment F1 between gold and predicted character offsets, averaged over comments (SemEval-2021 Task 5
"Toxic Spans"); a comment with no gold offsets scores 1 when nothing is predicted. Output: ``span_f1`` (and ``n``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiemchung.errors import InputError
from kiemchung.text.normalize import normalize
from kiemchung.toxicity import data as D
from kiemchung.toxicity.metrics import span_f1
from kiemchung.toxicity.model import ToxicityModel
from kiemchung.toxicity.predict import predict


def evaluate(
    paths: list[Path], fmt: str | None = None, factchecks: Path | None = None, model: ToxicityModel | None = None
) -> dict[str, Any]:
    if not paths:
        raise InputError("cần ít nhất một tệp dữ liệu có nhãn")
    if fmt not in (None, "vihos"):
        raise InputError(f"định dạng '{fmt}' không hợp lệ cho spans; chỉ hỗ trợ vihos")
    rows: list[D.SpanExample] = []
    for p in paths:
        if not p.is_file():
            raise InputError("không tìm thấy tệp", file=str(p))
        rows += D.read_vihos(p)
    model = model or ToxicityModel.load()
    preds = predict(model, [normalize(e.text) for e in rows])
    got = [{c for s in p.spans for c in range(s.start, s.end)} for p in preds]
    return {"span_f1": round(span_f1([e.offsets for e in rows], got), 4), "n": len(rows)}
