"""Structure checks behind the recognizers: province codes, birth years, Luhn and issuers, prefixes, plates."""

from __future__ import annotations

import pytest

from kiemchung.detectors.privacy.card import issuer, luhn_ok
from kiemchung.detectors.privacy.cccd import PROVINCE_CODES, birth_year, check_cccd
from kiemchung.detectors.privacy.phone import MOBILE_PREFIXES, canonical
from kiemchung.detectors.privacy.plate import PLATE_CODES


def test_cccd_province_codes_are_the_63_of_thong_tu_07_2016() -> None:
    assert len(PROVINCE_CODES) == 63
    assert PROVINCE_CODES["001"] == "Hà Nội" and PROVINCE_CODES["079"] == "Thành phố Hồ Chí Minh"
    assert PROVINCE_CODES["096"] == "Cà Mau"
    for missing in ("003", "005", "013", "021", "050", "097", "099"):
        assert missing not in PROVINCE_CODES


@pytest.mark.parametrize(
    ("digits", "year"),
    [
        ("001090123456", 1990),
        ("001190123456", 1990),
        ("001203123456", 2003),
        ("001305123456", 2005),
        ("001423123456", 2123),
        ("001800123456", 2300),
    ],
)
def test_cccd_birth_year_from_century_digit(digits: str, year: int) -> None:
    assert birth_year(digits) == year


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("001203004567", True),
        ("079099001122", True),
        ("003203004567", False),  # no province 003
        ("001230004567", False),  # born 2030: in the future
        ("001000004567", False),  # born 1900: older than 120 in 2026
        ("00120300456", False),  # 11 digits
        ("0012030045a7", False),
    ],
)
def test_cccd_check(digits: str, ok: bool) -> None:
    assert check_cccd(digits, this_year=2026) is ok


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("4111111111111111", True),
        ("4111111111111112", False),
        ("5425233430109903", True),
        ("378282246310005", True),
        ("9704123456789015", True),
        ("0000000000000000", True),
    ],
)
def test_card_luhn(number: str, ok: bool) -> None:
    assert luhn_ok(number) is ok


@pytest.mark.parametrize(
    ("number", "scheme"),
    [
        ("4111111111111111", "Visa"),
        ("5425233430109903", "Mastercard"),
        ("2221000000000009", "Mastercard"),
        ("378282246310005", "American Express"),
        ("9704123456789015", "Napas"),
        ("3530111333300000", "JCB"),
        ("6011111111111117", "Discover"),
        ("0000000000000000", None),
        ("1234567890123452", None),
    ],
)
def test_card_issuer(number: str, scheme: str | None) -> None:
    assert issuer(number) == scheme


def test_phone_prefixes_are_mobile_only() -> None:
    assert {
        "032",
        "039",
        "052",
        "056",
        "058",
        "059",
        "070",
        "079",
        "081",
        "089",
        "090",
        "099",
    } <= MOBILE_PREFIXES
    assert not {"020", "024", "028", "012", "016", "095", "031", "071"} & MOBILE_PREFIXES


@pytest.mark.parametrize(
    "spelling",
    [
        "0912345678",
        "0912 345 678",
        "+84 912 345 678",
        "84912345678",
        "+84 (0) 912 345 678",
        "0084912345678",
        "(+84) 912.345.678",
    ],
)
def test_phone_canonical_form(spelling: str) -> None:
    assert canonical(spelling) == "0912345678"


def test_plate_codes_are_the_assigned_11_to_99() -> None:
    assert min(PLATE_CODES) == 11 and max(PLATE_CODES) == 99
    assert 10 not in PLATE_CODES and 13 not in PLATE_CODES and 29 in PLATE_CODES and 51 in PLATE_CODES
