"""Căn cước công dân (CCCD): 12 digits = province code (3) + century/gender (1) + birth year (2) + serial (6).

Province codes are the 63 codes of Thông tư 07/2016/TT-BCA (Phụ lục: mã tỉnh, thành phố trực thuộc trung ương
nơi công dân đăng ký khai sinh). The century/gender digit: 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s,
8/9 → 2300s (even: male, odd: female); the birth year must not lie in the future nor more than 120 years back.
Explanations do not spell out what the number encodes (birth year, sex, province): that is personal data too.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Mapping
from typing import Any, ClassVar

import regex

from kiemchung.detectors.patterns import INVALID, Pattern, PatternRecognizer, Validation, digits_of, not_after
from kiemchung.detectors.privacy import _words

PROVINCE_CODES: Mapping[str, str] = {
    "001": "Hà Nội",
    "002": "Hà Giang",
    "004": "Cao Bằng",
    "006": "Bắc Kạn",
    "008": "Tuyên Quang",
    "010": "Lào Cai",
    "011": "Điện Biên",
    "012": "Lai Châu",
    "014": "Sơn La",
    "015": "Yên Bái",
    "017": "Hòa Bình",
    "019": "Thái Nguyên",
    "020": "Lạng Sơn",
    "022": "Quảng Ninh",
    "024": "Bắc Giang",
    "025": "Phú Thọ",
    "026": "Vĩnh Phúc",
    "027": "Bắc Ninh",
    "030": "Hải Dương",
    "031": "Hải Phòng",
    "033": "Hưng Yên",
    "034": "Thái Bình",
    "035": "Hà Nam",
    "036": "Nam Định",
    "037": "Ninh Bình",
    "038": "Thanh Hóa",
    "040": "Nghệ An",
    "042": "Hà Tĩnh",
    "044": "Quảng Bình",
    "045": "Quảng Trị",
    "046": "Thừa Thiên Huế",
    "048": "Đà Nẵng",
    "049": "Quảng Nam",
    "051": "Quảng Ngãi",
    "052": "Bình Định",
    "054": "Phú Yên",
    "056": "Khánh Hòa",
    "058": "Ninh Thuận",
    "060": "Bình Thuận",
    "062": "Kon Tum",
    "064": "Gia Lai",
    "066": "Đắk Lắk",
    "067": "Đắk Nông",
    "068": "Lâm Đồng",
    "070": "Bình Phước",
    "072": "Tây Ninh",
    "074": "Bình Dương",
    "075": "Đồng Nai",
    "077": "Bà Rịa - Vũng Tàu",
    "079": "Thành phố Hồ Chí Minh",
    "080": "Long An",
    "082": "Tiền Giang",
    "083": "Bến Tre",
    "084": "Trà Vinh",
    "086": "Vĩnh Long",
    "087": "Đồng Tháp",
    "089": "An Giang",
    "091": "Kiên Giang",
    "092": "Cần Thơ",
    "093": "Hậu Giang",
    "094": "Sóc Trăng",
    "095": "Bạc Liêu",
    "096": "Cà Mau",
}
assert len(PROVINCE_CODES) == 63

CENTURY = {
    "0": 1900,
    "1": 1900,
    "2": 2000,
    "3": 2000,
    "4": 2100,
    "5": 2100,
    "6": 2200,
    "7": 2200,
    "8": 2300,
    "9": 2300,
}
MAX_AGE = 120
_VALID = Validation(True, "province_code+birth_year", 0.15)

_B = not_after(r"\w.\-/+@#&=,")
_A = r"(?![\w@]|[.\-,/]\d)"
_BG = r"(?<!\d[ .\-])"  # a grouped number does not start inside a longer grouped number
_AG = r"(?![ .\-]\d)"


def birth_year(digits: str) -> int:
    return CENTURY[digits[3]] + int(digits[4:6])


_YEAR: tuple[int, float] = (
    0,
    0.0,
)  # the current local year, and the time.time() at which the next one begins


def current_year() -> int:
    """``datetime.date.today().year``, read again only once the year is over (``today()`` costs a time-zone
    conversion, and this is asked once per candidate)."""
    global _YEAR
    year, until = _YEAR
    if time.time() >= until:
        year = datetime.date.today().year
        _YEAR = (year, datetime.datetime(year + 1, 1, 1).timestamp())  # local midnight, New Year's Day
    return year


def check_cccd(digits: str, this_year: int | None = None) -> bool:
    """12 digits, an existing province code, a plausible birth year."""
    if len(digits) != 12 or not digits.isdigit() or digits[:3] not in PROVINCE_CODES or digits[3] not in CENTURY:
        return False  # (a digit of another script passes isdigit() but is no century/gender code)
    year = this_year or current_year()
    y = birth_year(digits)
    return year - MAX_AGE <= y <= year


class CccdRecognizer(PatternRecognizer):
    name: ClassVar[str] = "vi.privacy.cccd.v1"
    label: ClassVar[str] = "privacy.cccd"
    labels: ClassVar[frozenset[str]] = frozenset({"privacy.cccd"})
    MIN_DIGITS: ClassVar[int] = 12
    QUICK: ClassVar[str | None] = None  # the digit-count gate of the number regions is enough
    PATTERNS: ClassVar[tuple[Pattern, ...]] = (
        # 001203004567 · 001 203 004 567 · 0012 0300 4567 · 001203 004567 (one separator kind throughout)
        Pattern(
            "cccd_12",
            _B
            + _BG
            + r"0\d\d(?:([ .\-]?)\d{3}\1\d{3}\1\d{3}|\d([ .\-])\d{4}\2\d{4}|\d{3}[ .\-]\d{6})"
            + _A
            + _AG,
            0.55,
            gate=r"0\d\d[ .\-]?\d{3}[ .\-]?\d",
        ),
    )
    CONTEXT: ClassVar[tuple[str, ...]] = _words.CCCD
    COMPETING: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_STRONG}
    COMPETING_AFTER: ClassVar[Mapping[str, tuple[str, ...]]] = {"privacy.bank_account": _words.BANK_AFTER}
    NEGATIVE: ClassVar[tuple[str, ...]] = _words.NUMERIC_NEGATIVE

    def __init__(self, this_year: int | None = None) -> None:
        super().__init__()
        self.this_year = this_year

    def validate(self, match: regex.Match[str], pattern: Pattern) -> Validation:
        digits = digits_of(match.group())
        if not check_cccd(digits, self.this_year):
            return INVALID
        return _VALID

    def explain(self, value: str, facts: Mapping[str, Any]) -> str:
        return "Số căn cước công dân (12 chữ số, mã tỉnh và năm sinh hợp lệ)."
