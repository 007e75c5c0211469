"""Reading labelled scam data: the IE403 SMS CSV (native format) and scam JSONL (DESIGN §5), and the SMS dev split.

The IE403 set has no official dev split. ``ie403_split`` makes a deterministic, stratified 80/20 split: rows are
grouped by stripped text (duplicates stay on one side), groups are ordered within each label by
``sha256("kiemchung-scam-dev|" + text)`` and every fifth group goes to dev. Rows listed in the dataset's
``rows_in_holdout_texts.csv`` are dropped first. Nothing here prints or copies a row.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from kiemchung.errors import InputError
from kiemchung.io import iter_jsonl

IE403_DIR = "ie403_sms_smishing"
IE403_FILE = "dataset.csv"
IE403_MD5 = "c23e88330a7e38856ee68f9da1b90b87"
SPLIT_SALT = "kiemchung-scam-dev|"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: int
    type: str = ""
    sender_type: str = ""


def _holdout_rows(path: Path) -> set[int]:
    f = path.parent / "rows_in_holdout_texts.csv"
    if not f.exists():
        return set()
    with f.open(encoding="utf-8", newline="") as fh:
        return {int(r["row"]) for r in csv.DictReader(fh) if r.get("file") == path.name}


def read_ie403(path: Path, *, drop_holdout: bool = True) -> list[Example]:
    """Rows of an IE403 CSV (columns content, label, has_url, has_phone_number, sender_type)."""
    drop = _holdout_rows(path) if drop_holdout else set()
    out = []
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "content" not in reader.fieldnames or "label" not in reader.fieldnames:
                raise InputError("thiếu cột 'content' hoặc 'label' (not an IE403 CSV)", file=str(path))
            for i, r in enumerate(reader):
                if i in drop:
                    continue
                lab = (r.get("label") or "").strip()
                if lab not in ("0", "1"):
                    raise InputError(f"nhãn không hợp lệ {lab!r} (label must be 0 or 1)", file=str(path), record=i + 2)
                out.append(Example(r["content"] or "", int(lab), "", (r.get("sender_type") or "").strip()))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"không đọc được tệp: {exc}", file=str(path)) from exc
    return out


def read_jsonl(path: Path) -> list[Example]:
    """Scam JSONL: one ``{"text": str, "label": 0|1, "type": str}`` a line."""
    out = []
    for n, obj in iter_jsonl(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError("thiếu trường 'text' kiểu chuỗi", file=str(path), record=n)
        lab = obj.get("label")
        if lab not in (0, 1) or isinstance(lab, bool):
            raise InputError("trường 'label' phải là 0 hoặc 1", file=str(path), record=n)
        typ = obj.get("type", "")
        out.append(Example(obj["text"], int(lab), str(typ) if typ else ""))
    return out


def file_md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()  # noqa: S324 - identifies a file, not security


def ie403_split(rows: list[Example]) -> tuple[list[Example], list[Example]]:
    """(train 80 %, dev 20 %): deterministic, stratified by label, duplicates kept together."""
    groups: dict[tuple[int, str], list[Example]] = {}
    for r in rows:
        groups.setdefault((r.label, r.text.strip()), []).append(r)
    train: list[Example] = []
    dev: list[Example] = []
    for label in (0, 1):
        keys = sorted(
            (k for k in groups if k[0] == label),
            key=lambda k: hashlib.sha256((SPLIT_SALT + k[1]).encode("utf-8")).hexdigest(),
        )
        for i, k in enumerate(keys):
            (dev if i % 5 == 0 else train).extend(groups[k])
    return train, dev


def find_ie403(paths: list[Path]) -> Path | None:
    """The IE403 dataset.csv under any of ``paths`` (a file or a data directory)."""
    for p in paths:
        if p.is_file() and p.suffix == ".csv":
            return p
        for cand in (p / IE403_DIR / IE403_FILE, p / IE403_FILE):
            if cand.is_file():
                return cand
    return None


def default_data_dirs() -> list[Path]:
    """Where ``../shared/data`` may be: beside the working directory or beside the repository."""
    here = Path(__file__).resolve()
    return [Path.cwd() / ".." / "shared" / "data", here.parents[3] / ".." / "shared" / "data"]
