"""Vietnamese mobile numbers: 0…, +84…, 84…, with spaces, dots or dashes; current mobile prefixes only.

Landlines (02x), hotlines (1900/1800 xxxx) and short numbers (113, 115) are out of scope: they are not personal.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, digits_of, not_after
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

# the structure check's answer per prefix (built once: one is needed per candidate)
_VALID = {
    p: Validation(True, f"mobile_prefix:{p}", 0.1, MappingProxyType({"prefix": p})) for p in MOBILE_PREFIXES
}

# not inside a longer number; "0912345678-0987654321" (two numbers joined by a dash) is two phones
_A = r"(?![\w@]|[.,/]\d|-(?!0[35789]\d{8}(?!\d))\d)"
_SEP = r"[ .\-]"


class PhoneRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.phone.v1"
    label: ClassVar[str] = "privacy.phone"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.phone"})
    MIN_DIGITS: ClassVar[int] = 9
    QUICK: ClassVar[str | None] = None  # the digit-count gate of the number regions is enough
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # 0912 345 678 · 0912.345.678 · 091-234-5678 · +84 912 345 678 · (+84) 912… · 84912345678 · +84 (0) 912…
        Pattern(
            "vn_mobile",
            r"(?:(?<=zalo\.me/)|(?<=(?<!\d)0\d{9}-)|" + not_after(r"\w.\-/@#&=+") + r")"
            r"(?:0|(?:\(\s?\+\s?84\s?\)|\+\s?84|(?<!\d)0084|(?<!\d)84)"
            rf"(?:{_SEP}?\(0\))?){_SEP}?[35789](?:{_SEP}?\d){{8}}" + _A,
            0.6,
            gate=r"[35789](?:[ .\-]?\d){8}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.PHONE
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_STRONG}
    COMPETING_AFTER: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_AFTER}
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        digits = canonical(match.group())
        if len(digits) != 10:
            return INVALID
        return _VALID.get(digits[:3], INVALID)

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return f"Số điện thoại di động (đầu số {facts.get('prefix', '0')})."


def canonical(value: str) -> str:
    """The number as 0xxxxxxxxx (for consistent pseudonyms)."""
    d = digits_of(value)
    if d.startswith("0084"):
        d = d[4:]
    elif d.startswith("84"):
        d = d[2:]
    return "0" + d.lstrip("0")  # "+84 (0) 912…" and "0912…" alike
