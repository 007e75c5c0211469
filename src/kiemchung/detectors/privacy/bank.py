"""Bank account numbers: 6–19 digits, reported only next to bank words (STK, số tài khoản, bank names…)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import (
    INVALID,
    Pattern,
    PatternRecognizer,
    Validation,
    digits_of,
    looks_like_amount,
    not_after,
)
from kiemchung.detectors.privacy import _words

_B = not_after(r"\w.\-/+@#&=,")
_A = r"(?![\w@]|[.\-,/:]\d)"
_BG = r"(?<!\d[ .\-])"  # a grouped number does not start inside a longer grouped number
_AG = r"(?![ .\-]\d)"
# the structure check's answer per digit count (built once)
_VALID = {n: Validation(True, f"digits:{n}", 0.0, MappingProxyType({"n": n})) for n in range(6, 20)}
_DATE = re.compile(r"\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}")  # stdlib: a plain pattern, a cheaper call


class BankAccountRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.bank_account.v1"
    label: ClassVar[str] = "privacy.bank_account"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.bank_account"})
    MIN_DIGITS: ClassVar[int] = 6
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # 0071000123456 · 1903 5678 9012 34 · 0071-000-123456 (6–19 digits in all; a last pair only after 4-groups)
        Pattern(
            "account",
            _B + _BG + r"\d{2,19}(?:[ .\-]\d{3,19}){0,5}(?:(?<=[ .\-]\d{4})[ .\-]\d{2})?" + _A + _AG,
            0.3,
            gate=r"\d{6}|\d\d[ .\-]\d{3}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.BANK
    CONTEXT_AFTER: ClassVar[tuple[str, ...]] = _words.BANK_AFTER
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "privacy.phone": _words.PHONE_STRONG,
        "privacy.card_number": _words.CARD_STRONG,
        "privacy.cccd": _words.CCCD_STRONG,
        "privacy.cmnd": _words.CMND_STRONG,
    }
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE
    REQUIRES_CONTEXT: ClassVar[bool] = True
    CONTEXT_BOOST: ClassVar[float] = 0.5
    MAX_WORDS: ClassVar[int] = 4

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        value = match.group()
        digits = digits_of(value)
        if not 6 <= len(digits) <= 19:
            return INVALID
        if digits[0] != "0" and looks_like_amount(value):  # 1.250.000
            return INVALID
        if digits[0] != "0" and len(digits) <= 9 and digits.endswith("000"):  # a round amount: 5000000
            return INVALID
        if _DATE.fullmatch(value) or len(set(digits)) == 1:
            return INVALID
        return _VALID[len(digits)]

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return (
            f"Số tài khoản ngân hàng ({facts.get('n', len(digits_of(value)))} chữ số, kèm từ chỉ tài khoản)."
        )
