"""Chứng minh nhân dân (CMND, the 9-digit card issued before 2016): reported only next to its context words.

Twelve-digit CMND numbers (2012–2016) share the CCCD structure and are reported as ``privacy.cccd``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, digits_of, not_after
from kiemchung.detectors.privacy import _words

_B = not_after(r"\w.\-/+@#&=,")
_A = r"(?![\w@]|[.\-,/]\d)"
_BG = r"(?<!\d[ .\-])"  # a grouped number does not start inside a longer grouped number
_AG = r"(?![ .\-]\d)"

_VALID = Validation(True, "nine_digits", 0.0)  # built once: one is needed per candidate


class CmndRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.cmnd.v1"
    label: ClassVar[str] = "privacy.cmnd"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.cmnd"})
    MIN_DIGITS: ClassVar[int] = 9
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "cmnd_9",
            _B + _BG + r"\d{3}([ .\-]?)\d{3}\1\d{3}" + _A + _AG,
            0.4,
            gate=r"\d{3}[ .\-]?\d{3}[ .\-]?\d{3}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.CMND
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {
        "privacy.bank_account": _words.BANK_STRONG,
        "privacy.phone": _words.PHONE_STRONG,
    }
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE
    REQUIRES_CONTEXT: ClassVar[bool] = True
    CONTEXT_BOOST: ClassVar[float] = 0.45

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        digits = digits_of(match.group())
        if len(digits) != 9 or (
            digits[0] != "0" and match.group().count(".") == 2
        ):  # 123.456.789 is an amount
            return INVALID
        return _VALID

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return "Số chứng minh nhân dân (9 chữ số, kèm từ “CMND”)."
