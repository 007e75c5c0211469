"""``kiemchung eval quotes PATH.jsonl`` → ``{"accuracy", "macro_f1", …}`` (DESIGN §4–5).

Each line: ``{"post": str, "sources": [{"id", "speaker", "text"}], "label": "faithful"|"truncated"|"altered"|
"not_found"}``. The predicted label of an item is the most severe verdict among the quotes found in its post
(not_found > altered > truncated > faithful), since one bad quote is enough to mislead; a post in which no
quote is found is predicted ``not_found`` (there is nothing the sources support). Besides the contract keys the
result holds ``f1_per_class``, ``n`` and ``confusion`` (gold → predicted → count).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiemchung.errors import InputError
from kiemchung.io import iter_jsonl
from kiemchung.quotes.check import check_quotes, worst_verdict
from kiemchung.types import sources_from

LABELS = ("faithful", "truncated", "altered", "not_found")


def read_items(path: Path) -> list[dict[str, Any]]:
    """Read and validate a quotes JSONL file."""
    items: list[dict[str, Any]] = []
    name = str(path)
    for no, obj in iter_jsonl(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("post"), str):
            raise InputError("thiếu trường 'post' kiểu chuỗi (missing string field 'post')",
                             file=name, record=no)
        if obj.get("label") not in LABELS:
            raise InputError(f"nhãn không hợp lệ {obj.get('label')!r}; chọn một trong {', '.join(LABELS)}",
                             file=name, record=no)
        try:
            obj["_sources"] = sources_from(obj.get("sources"))
        except ValueError as exc:
            raise InputError(f"trường 'sources' không hợp lệ: {exc}", file=name, record=no) from exc
        items.append(obj)
    return items


def predict(post: str, sources: Sequence[Any]) -> str:
    """The label of one item: the worst verdict among its quotes."""
    return worst_verdict([c.verdict.verdict for c in check_quotes(post, sources)])


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, Any]:
    n = len(gold)
    f1s: dict[str, float] = {}
    for lab in LABELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s[lab] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    present = [lab for lab in LABELS if lab in gold or lab in pred]
    confusion: dict[str, dict[str, int]] = {}
    for g, p in zip(gold, pred):
        confusion.setdefault(g, {}).setdefault(p, 0)
        confusion[g][p] += 1
    return {
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / n, 4) if n else 0.0,
        "macro_f1": round(sum(f1s[lab] for lab in present) / len(present), 4) if present else 0.0,
        "f1_per_class": {k: round(v, 4) for k, v in f1s.items()},
        "n": n,
        "confusion": confusion,
    }


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    """Score the quote checker on labelled JSONL files (``fmt`` may be None or "jsonl")."""
    if fmt not in (None, "jsonl"):
        raise InputError(f"định dạng không hỗ trợ cho tác vụ quotes: {fmt} (chỉ jsonl)")
    if not paths:
        raise InputError("cần ít nhất một tệp dữ liệu (need at least one file)")
    gold: list[str] = []
    pred: list[str] = []
    for p in paths:
        for it in read_items(Path(p)):
            gold.append(it["label"])
            pred.append(predict(it["post"], it["_sources"]))
    return scores(gold, pred)
