"""Payment card numbers: 13–19 digits, Luhn checksum and a known issuer prefix (IIN)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, digits_of, not_after
from kiemchung.detectors.privacy import _words

_B = not_after(r"\w.\-/+@#&=,")
_A = r"(?![\w@]|[.\-,/]\d)"
_BG = r"(?<!\d[ .\-])"  # a grouped number does not start inside a longer grouped number
_AG = r"(?![ .\-]\d)"


_VALID: dict[str, Validation] = {}


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def issuer(digits: str) -> str | None:
    """The card scheme for a number's issuer prefix and length, or None."""
    n = len(digits)
    p2, p3, p4 = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits.startswith("9704") and n in (16, 19):
        return "Napas"
    if digits[0] == "4" and n in (13, 16, 19):
        return "Visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "Mastercard"
    if p2 in (34, 37) and n == 15:
        return "American Express"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "JCB"
    if p2 == 62 and 16 <= n <= 19:
        return "UnionPay"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return "Discover"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return "Diners Club"
    return None


class CardNumberRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.card_number.v1"
    label: ClassVar[str] = "privacy.card_number"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.card_number"})
    MIN_DIGITS: ClassVar[int] = 13
    QUICK: ClassVar[str | None] = None  # the digit-count gate of the number regions is enough
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # 4111 1111 1111 1111 · 4111-1111-1111-1111 · 4111111111111111 · 3782 822463 10005 · 13–19 digits
        Pattern(
            "card",
            _B
            + _BG
            + r"(?:\d{4}([ \-]?)\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|3[47]\d\d([ \-]?)\d{6}\2\d{5}|\d{13,19})"
            + _A
            + _AG,
            0.6,
            gate=r"\d{4}[ \-]?\d{4}[ \-]?\d{4}|\d{4}[ \-]\d{6}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.CARD
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_STRONG}
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        digits = digits_of(match.group())
        if not 13 <= len(digits) <= 19 or not luhn_ok(digits):
            return INVALID
        scheme = issuer(digits)
        if scheme is None:
            return INVALID
        v = _VALID.get(scheme)
        if v is None:  # (the schemes are a fixed handful: built once each)
            v = _VALID[scheme] = Validation(
                True, f"luhn+iin:{scheme}", 0.2, MappingProxyType({"scheme": scheme})
            )
        return v

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return f"Số thẻ thanh toán ({facts.get('scheme', 'thẻ')}, đúng mã kiểm tra Luhn)."
