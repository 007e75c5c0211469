"""Vehicle registration plates: 51F-123.45, 30A-12345, 51LD-123.45, 29-B1 123.45, 59X3-123.45, 29A-1234 (old).

The first two digits are a province plate code (Thông tư 24/2023/TT-BCA, Phụ lục 02): the assigned codes in 11–99.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, not_after
from kiemchung.detectors.privacy import _words

# Codes 11–99 assigned to provinces and central agencies (13, 42, 44, 45, 46, 87, 91 and 96 are not in use).
PLATE_CODES = frozenset(range(11, 100)) - {13, 42, 44, 45, 46, 87, 91, 96}

_SERIES = r"[A-HK-NP-Z]"  # no I, J, O (confused with digits) nor Q
_B = not_after(r"\w.\-/+@#&=,")
_A = r"(?![\w@]|[.\-,/]\d)"
_NUM = r"(?P<num>\d{3}\.\d{2}|\d{5}|\d{4})"


class LicensePlateRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.license_plate.v1"
    label: ClassVar[str] = "privacy.license_plate"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.license_plate"})
    MIN_DIGITS: ClassVar[int] = 3
    # what both patterns need (a province code, then an upper-case series letter): one cheap search per region
    QUICK: ClassVar[str | None] = r"\d\d[ \-]?[A-Z]"
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # car: 51F-123.45, 30A-12345, 51LD-123.45, 30A 123.45, 51F12345
        Pattern(
            "plate_car",
            _B + rf"(?P<prov>\d{{2}})(?P<ser>{_SERIES}{{1,2}})(?P<sep>[ \-]?){_NUM}" + _A,
            0.6,
            gate=r"\d\d[A-Z]{1,2}[ \-]?\d{3}",
        ),
        # motorbike: 29-B1 123.45, 59X3-123.45, 59-X3 123.45, 29B1-12345
        Pattern(
            "plate_bike",
            _B + rf"(?P<prov>\d{{2}})(?P<sep0>[ \-]?)(?P<ser>{_SERIES}[A-Z0-9])(?P<sep>[ \-]?){_NUM}" + _A,
            0.6,
            gate=r"\d\d[ \-]?[A-Z][A-Z0-9][ \-]?\d{3}",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.PLATE
    NEGATIVE: ClassVar[tuple[str, ...]] = (
        "mã sản phẩm",
        "mã sp",
        "sku",
        "model",
        "mã hàng",
        "mã đơn",
        "đơn hàng",
        "mã vận đơn",
        "mã",
        "code",
        "serial",
        "phòng",
        "lớp",
        "căn hộ",
        "căn",
        "tòa",
    )
    NUMERIC: ClassVar[bool] = False

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        if int(match.group("prov")) not in PLATE_CODES:
            return INVALID
        num = match.group("num")
        sep = match.group("sep")
        delta = 0.15
        detail = "province_code"
        if "." in num and sep in ("-", " "):
            delta = 0.2  # the printed form
        elif len(num) == 4:
            delta = -0.2  # old four-digit plates look like many other codes: need context
            detail = "province_code+old_4_digits"
        elif sep == "" and (pattern.name == "plate_car" or match.group("sep0") == ""):
            delta = -0.1  # 51F12345 run together
        return Validation(True, detail, delta, {"prov": match.group("prov")})

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return f"Biển số xe (mã tỉnh {facts.get('prov', '')} hợp lệ)."
