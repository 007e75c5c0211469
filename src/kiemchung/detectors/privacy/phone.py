"""Vietnamese mobile numbers: 0…, +84…, 84…, with spaces, dots or dashes; current mobile prefixes only.

Landlines (02x), hotlines (1900/1800 xxxx) and short numbers (113, 115) are out of scope: they are not personal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import Pattern, PatternRecognizer, Validation, digits_of
from kiemchung.detectors.privacy import _words

# Prefixes in use for mobile numbers since the 2018 renumbering (Viettel, Vinaphone, MobiFone, Vietnamobile,
# Gmobile, Itelecom, Reddi).
MOBILE_PREFIXES = frozenset(
    [f"03{d}" for d in "23456789"]
    + [f"05{d}" for d in "25689"]
    + [f"07{d}" for d in "06789"]
    + [f"08{d}" for d in "123456789"]
    + [f"09{d}" for d in "012346789"]
)

_B = r"(?<![\w.\-/+@#&=])"
_A = r"(?![\w@]|[.\-,/]\d)"
_SEP = r"[ .\-]"


class PhoneRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.phone.v1"
    label: ClassVar[str] = "privacy.phone"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.phone"})
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern("vn_mobile", _B + rf"0{_SEP}?[35789](?:{_SEP}?\d){{8}}" + _A, 0.6),
        Pattern(
            "vn_mobile_intl",
            r"(?<![\w.\-/@#&=])(?:\(\s?\+\s?84\s?\)|\+\s?84|\b0084|\b84)" + rf"{_SEP}?(?:\(0\){_SEP}?)?[35789]"
            rf"(?:{_SEP}?\d){{8}}" + _A,
            0.6,
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.PHONE
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_STRONG}
    COMPETING_AFTER: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_AFTER}
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE
    QUICK: ClassVar[str | None] = r"\d{2}"

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        digits = digits_of(match.group())
        if pattern.name == "vn_mobile_intl":
            digits = digits[4:] if digits.startswith("0084") else digits[2:]
            if digits.startswith("0"):  # "+84 (0) 912…"
                digits = digits[1:]
            digits = "0" + digits
        if len(digits) != 10 or digits[:3] not in MOBILE_PREFIXES:
            return Validation(False)
        return Validation(True, f"mobile_prefix:{digits[:3]}", 0.1, {"prefix": digits[:3]})

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return f"Số điện thoại di động (đầu số {facts.get('prefix', '0')})."


def canonical(value: str) -> str:
    """The number as 0xxxxxxxxx (for consistent pseudonyms)."""
    d = digits_of(value)
    if d.startswith("0084"):
        d = d[4:]
    elif d.startswith("84"):
        d = d[2:]
    return "0" + d.lstrip("0")
