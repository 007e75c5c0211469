"""``kiemchung eval scam PATH… --format jsonl|ie403 --json`` → ``f1``, ``precision``, ``recall`` (DESIGN §4).

``jsonl``: scam JSONL (DESIGN §5). ``ie403``: the IE403 SMS CSV as it is; when the file is the shared training file
(same md5) only its 20 % dev split is scored, since the shipped model was trained on the other 80 %. The format is
guessed from the extension when not given. A post counts as flagged when the detector reports any ``scam.*``
finding. Also reported: ``n``, ``positives``, ``split`` and, for JSONL with types, ``type_accuracy`` (share of
correctly flagged scams whose main finding has the gold type).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiemchung.detectors.base import Settings
from kiemchung.detectors.scam import ScamDetector, create
from kiemchung.errors import InputError
from kiemchung.scam.data import IE403_MD5, Example, file_md5, ie403_split, read_ie403, read_jsonl
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

FORMATS = ("jsonl", "ie403")


def load(paths: list[Path], fmt: str | None) -> tuple[list[Example], str]:
    examples: list[Example] = []
    split = "all"
    for p in paths:
        if not p.exists():
            raise InputError("không tìm thấy tệp (file not found)", file=str(p))
        f = fmt or ("ie403" if p.suffix == ".csv" else "jsonl")
        if f not in FORMATS:
            raise InputError(f"định dạng không hỗ trợ '{f}' cho scam; chọn jsonl hoặc ie403", file=str(p))
        if f == "jsonl":
            examples.extend(read_jsonl(p))
        else:
            rows = read_ie403(p)
            if file_md5(p) == IE403_MD5:
                rows = ie403_split(rows)[1]
                split = "ie403_dev"
            examples.extend(rows)
    if not examples:
        raise InputError("không có mẫu nào để đánh giá (no examples)")
    return examples, split


def score(detector: ScamDetector, examples: list[Example]) -> dict[str, Any]:
    tp = fp = fn = 0
    typed = typed_ok = 0
    batch = 256
    for i in range(0, len(examples), batch):
        chunk = examples[i : i + batch]
        prepared = [
            Prepared(Document(text=e.text, meta={"sender_type": e.sender_type} if e.sender_type else {}), normalize(e.text))
            for e in chunk
        ]
        for e, res in zip(chunk, detector.detect_batch(prepared)):
            flagged = bool(res.findings)
            if flagged and e.label:
                tp += 1
                if e.type:
                    typed += 1
                    typed_ok += res.findings[0].label == f"scam.{e.type}"
            elif flagged:
                fp += 1
            elif e.label:
                fn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out: dict[str, Any] = {"f1": round(f, 4), "precision": round(p, 4), "recall": round(r, 4),
                           "n": len(examples), "positives": tp + fn}
    if typed:
        out["type_accuracy"] = round(typed_ok / typed, 4)
    return out


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    """Score the scam detector on labelled files; keys ``f1``, ``precision``, ``recall`` (+ ``n``, ``split``…)."""
    examples, split = load(list(paths), fmt)
    result = score(create(Settings()), examples)
    result["split"] = split
    return result
