"""``kiemchung eval pii PATH.jsonl``: exact span-and-label micro precision / recall / F1 (DESIGN §4, §5).

Each line: ``{"text": str, "entities": [{"start": int, "end": int, "label": "phone" | "cccd" | …}]}``. A
predicted entity counts as correct only when its label and both ends equal a gold entity's. The detectors run as
the pipeline runs them: normalized view, each recognizer's ``detect_batch``, the default policy threshold, and the
overlaps resolved as :func:`kiemchung.redact.redact` resolves them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from kiemchung.detectors.patterns import PatternRecognizer
from kiemchung.detectors.privacy import recognizers as make_recognizers
from kiemchung.detectors.privacy import resolve_overlaps
from kiemchung.errors import InputError
from kiemchung.io import iter_jsonl
from kiemchung.policy.pack import PolicyPack, load_policy
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

LABELS = ("cccd", "cmnd", "phone", "email", "bank_account", "card_number", "license_plate", "passport")

Span = tuple[int, int, str]


def read_pii_jsonl(path: Path) -> Iterator[tuple[str, set[Span]]]:
    """``(text, {(start, end, label)})`` per line; a bad line raises InputError naming file and line."""
    name = str(path)
    for lineno, obj in iter_jsonl(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError("thiếu trường 'text' kiểu chuỗi", file=name, record=lineno)
        text = obj["text"]
        ents = obj.get("entities", [])
        if not isinstance(ents, list):
            raise InputError("trường 'entities' phải là danh sách", file=name, record=lineno)
        gold: set[Span] = set()
        for e in ents:
            if not isinstance(e, dict):
                raise InputError("mỗi thực thể phải là một đối tượng", file=name, record=lineno)
            s, t, lbl = e.get("start"), e.get("end"), e.get("label")
            if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
                raise InputError(f"vị trí thực thể không hợp lệ: {s}:{t}", file=name, record=lineno)
            if lbl not in LABELS:
                raise InputError(
                    f"nhãn không hợp lệ '{lbl}'; chọn một trong {', '.join(LABELS)}",
                    file=name,
                    record=lineno,
                )
            gold.add((s, t, str(lbl)))
        yield text, gold


def predict(
    texts: Sequence[str],
    recognizers: Sequence[PatternRecognizer] | None = None,
    policy: PolicyPack | None = None,
) -> list[set[Span]]:
    """Predicted ``(start, end, label-without-prefix)`` per text, the way the pipeline reports them."""
    recs = list(recognizers) if recognizers is not None else make_recognizers()
    pol = policy or load_policy()
    prepared = [Prepared(Document(text=t), normalize(t)) for t in texts]
    found: list[list[Any]] = [[] for _ in texts]
    for r in recs:
        thr = pol.for_label(r.label).threshold
        for i, out in enumerate(r.detect_batch(prepared)):
            found[i].extend(f for f in out.findings if f.score >= thr)
    return [{(f.start, f.end, f.label.split(".", 1)[1]) for f in resolve_overlaps(fs)} for fs in found]


def score(gold: Sequence[set[Span]], pred: Sequence[set[Span]]) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        for s in p & g:
            tp[s[2]] += 1
        for s in p - g:
            fp[s[2]] += 1
        for s in g - p:
            fn[s[2]] += 1

    def prf(t: int, f_p: int, f_n: int) -> tuple[float, float, float]:
        prec = t / (t + f_p) if t + f_p else 0.0
        rec = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1

    per_label: dict[str, dict[str, float | int]] = {}
    for lbl in LABELS:
        if tp[lbl] + fp[lbl] + fn[lbl] == 0:
            continue
        p_, r_, f_ = prf(tp[lbl], fp[lbl], fn[lbl])
        per_label[lbl] = {
            "precision": round(p_, 4),
            "recall": round(r_, 4),
            "f1": round(f_, 4),
            "support": tp[lbl] + fn[lbl],
            "tp": tp[lbl],
            "fp": fp[lbl],
            "fn": fn[lbl],
        }
    p_, r_, f_ = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {
        "precision": round(p_, 4),
        "recall": round(r_, 4),
        "f1": round(f_, 4),
        "per_label": per_label,
        "documents": len(gold),
        "entities": sum(len(g) for g in gold),
    }


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    """Score the personal-data recognizers on labelled JSONL files (DESIGN §5 pii format)."""
    if fmt not in (None, "jsonl"):
        raise InputError(f"định dạng không hỗ trợ cho pii: '{fmt}' (chỉ jsonl)")
    if not paths:
        raise InputError("cần ít nhất một tệp dữ liệu có nhãn")
    texts: list[str] = []
    gold: list[set[Span]] = []
    for path in paths:
        for text, g in read_pii_jsonl(Path(path)):
            texts.append(text)
            gold.append(g)
    return score(gold, predict(texts))
