"""Vietnamese passport numbers (one letter and seven digits, e.g. C1234567), reported only with context."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import VALID, Pattern, PatternRecognizer, Validation, not_after
from kiemchung.detectors.privacy import _words

_LOWER = Validation(True, "lower_case_letter", -0.1)  # built once: one is needed per candidate


class PassportRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.passport.v1"
    label: ClassVar[str] = "privacy.passport"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.passport"})
    MIN_DIGITS: ClassVar[int] = 7
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        Pattern(
            "vn_passport",
            not_after(r"\w.\-/+@#&=") + r"[A-Za-z]\d{7}(?![\w@]|[.\-,/]\d)",
            0.4,
            gate=r"[A-Za-z]\d{7}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.PASSPORT
    NEGATIVE: ClassVar[tuple[str, ...]] = (
        "mã đơn",
        "đơn hàng",
        "mã vận đơn",
        "mã sp",
        "sku",
        "order",
        "code",
    )
    REQUIRES_CONTEXT: ClassVar[bool] = True
    CONTEXT_BOOST: ClassVar[float] = 0.5
    NUMERIC: ClassVar[bool] = False

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        if match.group()[0].islower():
            return _LOWER
        return VALID

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return "Số hộ chiếu Việt Nam (một chữ cái và 7 chữ số, kèm từ “hộ chiếu”)."
