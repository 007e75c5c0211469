"""Mask personal data in a text: the library behind ``kiemchung redact``.

Three modes:

* ``mask``: every letter and digit of the span becomes ``*`` (separators stay, so the length is unchanged:
  ``0912 345 678`` → ``**** *** ***``);
* ``label``: the span becomes a Vietnamese label, ``[SỐ ĐIỆN THOẠI]``, ``[CCCD]``, ``[EMAIL]`` …;
* ``hash``: the span becomes a salted, consistent pseudonym, ``[SỐ ĐIỆN THOẠI #3fa2c1d9]``: the same value (in any
  spelling: ``+84 912 345 678`` and ``0912.345.678``) gives the same pseudonym under the same salt, so a reviewer
  can tell that two posts share a number without seeing it. The pseudonym is an HMAC-SHA256 keyed by the salt;
  without a salt a random one is drawn per call (consistent within that call only). Keep the salt secret: phone
  numbers are few enough to be guessed by brute force when the key is known.

The input text is never changed; :class:`RedactionResult` holds the new text and where each replacement went.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from kiemchung.detectors.patterns import PatternRecognizer, digits_of
from kiemchung.detectors.privacy import DEFAULT_THRESHOLD, find, resolve_overlaps
from kiemchung.detectors.privacy.phone import canonical as canonical_phone
from kiemchung.errors import InputError
from kiemchung.types import Finding

if TYPE_CHECKING:  # pragma: no cover
    from kiemchung.analyzer import Analyzer

Mode = Literal["mask", "label", "hash"]
MODES: tuple[str, ...] = ("mask", "label", "hash")

LABELS: dict[str, str] = {
    "privacy.phone": "SỐ ĐIỆN THOẠI",
    "privacy.cccd": "CCCD",
    "privacy.cmnd": "CMND",
    "privacy.email": "EMAIL",
    "privacy.bank_account": "SỐ TÀI KHOẢN",
    "privacy.card_number": "SỐ THẺ",
    "privacy.license_plate": "BIỂN SỐ XE",
    "privacy.passport": "HỘ CHIẾU",
}


@dataclass(frozen=True, slots=True)
class Replacement:
    """One replaced span: ``start``/``end`` in the original text, ``new_start``/``new_end`` in the redacted one."""

    label: str
    start: int
    end: int
    new_start: int
    new_end: int
    replacement: str
    score: float
    detector: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "new_start": self.new_start,
            "new_end": self.new_end,
            "replacement": self.replacement,
            "score": round(self.score, 4),
            "detector": self.detector,
        }


@dataclass(frozen=True, slots=True)
class RedactionResult:
    text: str
    replacements: tuple[Replacement, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "replacements": [r.to_dict() for r in self.replacements]}


def canonical_value(label: str, value: str) -> str:
    """The form of a value that pseudonyms are computed from (so spellings of one value agree)."""
    if label == "privacy.phone":
        return canonical_phone(value)
    if label == "privacy.email":
        return value.strip().lower()
    if label in ("privacy.license_plate", "privacy.passport"):
        return "".join(ch for ch in value.upper() if ch.isalnum())
    return digits_of(value) or value


def pseudonym(label: str, value: str, salt: bytes) -> str:
    digest = hmac.new(
        salt, f"{label}\x00{canonical_value(label, value)}".encode(), hashlib.sha256
    ).hexdigest()
    return f"[{LABELS.get(label, label.upper())} #{digest[:8]}]"


def mask(value: str) -> str:
    return "".join("*" if ch.isalnum() else ch for ch in value)


def redact(
    text: str,
    mode: Mode | str = "mask",
    *,
    salt: str | bytes | None = None,
    analyzer: Analyzer | None = None,
    recognizers: Sequence[PatternRecognizer] | None = None,
    labels: Iterable[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> RedactionResult:
    """Replace the personal data in ``text``.

    The spans come from ``analyzer`` (its ``privacy.*`` findings, after its policy), else from ``recognizers``
    (default: every built-in personal-data recognizer) at ``threshold``. ``labels`` keeps only those labels.
    """
    if not isinstance(text, str):
        raise InputError("văn bản phải là chuỗi (text must be a string)")
    if mode not in MODES:
        raise InputError(f"chế độ không hợp lệ '{mode}'; chọn một trong {', '.join(MODES)}")
    if analyzer is not None:
        found: list[Finding] = resolve_overlaps(
            f for f in analyzer.analyze(text).findings if f.category == "privacy"
        )
    else:
        found = find(text, recognizers=recognizers, threshold=threshold)
    if labels is not None:
        want = set(labels)
        found = [f for f in found if f.label in want or f.label.split(".", 1)[1] in want]
    key = _salt_bytes(salt) if mode == "hash" else b""
    parts: list[str] = []
    reps: list[Replacement] = []
    pos = 0
    out_len = 0
    for f in sorted(found, key=lambda f: f.start):
        if f.start < pos:  # overlapping (only possible with custom recognizers): keep the first
            continue
        value = text[f.start : f.end]
        if mode == "mask":
            new = mask(value)
        elif mode == "label":
            new = f"[{LABELS.get(f.label, f.label.upper())}]"
        else:
            new = pseudonym(f.label, value, key)
        parts.append(text[pos : f.start])
        out_len += f.start - pos
        reps.append(
            Replacement(f.label, f.start, f.end, out_len, out_len + len(new), new, f.score, f.detector)
        )
        parts.append(new)
        out_len += len(new)
        pos = f.end
    parts.append(text[pos:])
    return RedactionResult("".join(parts), tuple(reps))


def _salt_bytes(salt: str | bytes | None) -> bytes:
    if salt is None:
        return os.urandom(16)
    if isinstance(salt, str):
        return salt.encode("utf-8")
    return bytes(salt)
