"""Each personal-data recognizer on a table of posts: positives, and the negatives that look like them."""

from __future__ import annotations

import pytest

from kiemchung.detectors.privacy import find

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # phone: current mobile prefixes, every common spelling
    ("Liên hệ 0912 345 678 nhé", [("phone", "0912 345 678")]),
    ("sđt: 0987.654.321", [("phone", "0987.654.321")]),
    ("zalo 035-246-8135 (chị Hằng)", [("phone", "035-246-8135")]),
    (
        "Gọi +84 912 345 678 hoặc (+84) 868 246 135",
        [("phone", "+84 912 345 678"), ("phone", "(+84) 868 246 135")],
    ),
    ("sdt 84912345678", [("phone", "84912345678")]),
    ("ib 0 9 1 2 3 4 5 6 7 8 nha", [("phone", "0 9 1 2 3 4 5 6 7 8")]),
    ("SĐT:0941222333", [("phone", "0941222333")]),
    ("so dien thoai 0799 999 888", [("phone", "0799 999 888")]),
    # an emoji that ends with a variation selector ("☎️" = U+260E U+FE0F) glued to the number is not a letter
    ("SĐT: ☎️0774 209 145", [("phone", "0774 209 145")]),
    ("gửi về ✉️lan.nguyen@gmail.com", [("email", "lan.nguyen@gmail.com")]),
    ("CCCD ☎️001176905012✅", [("cccd", "001176905012")]),
    ("Tel. 0912345678", [("phone", "0912345678")]),
    ("mã0912345678 dính liền chữ", []),  # a letter before the number still blocks
    # phone negatives: landlines, hotlines, short numbers, dead prefixes, prices, codes
    ("Điện thoại bàn 024 3825 1234, fax (028) 3823 4567", []),
    ("Tổng đài 1900 6789, 1800 1060 miễn phí, gọi 113 hoặc 115", []),
    ("Số 0123456789 và 0953456789 không phải số di động hiện hành", []),
    ("Mã số thuế 0323456789", []),
    ("Giá 0912345678đ là nhầm rồi", []),
    ("Mã đơn: 0912345678", []),
    # cccd: an existing province code and a plausible birth year
    ("CCCD 001203004567 cấp ngày 10/5/2021", [("cccd", "001203004567")]),
    ("căn cước công dân số 079099001122", [("cccd", "079099001122")]),
    ("số cccd: 038 185 012 345", [("cccd", "038 185 012 345")]),
    ("mình mất thẻ, số 096305123456 ai nhặt được báo nhé", [("cccd", "096305123456")]),
    ("Số 003204012345 không có mã tỉnh 003", []),
    ("Số 012345678901 có năm sinh 2045", []),
    ("Mã đơn hàng 079203012345 đã giao", []),
    ("Mã giao dịch 001203004567", []),
    # cmnd: nine digits next to its words only
    ("Số CMND: 025678912, cấp tại Hà Nội", [("cmnd", "025678912")]),
    ("chung minh nhan dan so 172345678", [("cmnd", "172345678")]),
    ("Bài này có 123456789 lượt xem", []),
    ("Mật khẩu wifi 123456789", []),
    # email
    ("Gửi CV về hr.tuyendung@congty.vn nhé", [("email", "hr.tuyendung@congty.vn")]),
    ("mail: Lan.Nguyen2001@gmail.com.", [("email", "Lan.Nguyen2001@gmail.com")]),
    ("liên hệ lan [at] gmail.com", [("email", "lan [at] gmail.com")]),
    ("ảnh logo@2x.png và tag @minhanh", []),
    # bank account: digits next to bank words only
    ("STK 0071000123456 Vietcombank", [("bank_account", "0071000123456")]),
    ("số tài khoản Techcombank: 1903 5678 9012 34", [("bank_account", "1903 5678 9012 34")]),
    ("stk: 3100205123456 (agribank) chủ tk Trần Văn B", [("bank_account", "3100205123456")]),
    ("ck vào 19036677889012 tcb nha", [("bank_account", "19036677889012")]),
    ("STK MB 0912345678 chủ tài khoản Lê Văn C", [("bank_account", "0912345678")]),
    ("Chuyển khoản 5000000 trước 10h nhé", []),
    ("Ngân hàng ACB thông báo lãi suất 5,5%/năm từ 01/06/2024", []),
    ("Tài khoản này có 1.250.000 người theo dõi", []),
    # card number: Luhn and a known issuer
    ("Thẻ visa 4111 1111 1111 1111 bị trừ tiền", [("card_number", "4111 1111 1111 1111")]),
    ("số thẻ 5425233430109903 hết hạn 09/27", [("card_number", "5425233430109903")]),
    ("thẻ napas 9704-1234-5678-9015", [("card_number", "9704-1234-5678-9015")]),
    ("amex 3782 822463 10005", [("card_number", "3782 822463 10005")]),
    ("Thẻ 4111 1111 1111 1112 sai checksum", []),
    ("Số 1234 5678 9012 3452 qua Luhn nhưng không có đầu số thẻ", []),
    # licence plates
    ("Xe 51F-123.45 vượt đèn đỏ", [("license_plate", "51F-123.45")]),
    ("biển số 30A-12345", [("license_plate", "30A-12345")]),
    ("mất xe, biển 29-B1 123.45", [("license_plate", "29-B1 123.45")]),
    (
        "xe máy 59X3-123.45 và xe 51LD-678.90",
        [("license_plate", "59X3-123.45"), ("license_plate", "51LD-678.90")],
    ),
    ("Biển 10A-123.45 không có mã tỉnh 10", []),
    ("Mã sản phẩm 30A-12345 chính hãng", []),
    ("Phòng 12A-05, tầng 3", []),
    # passport: letter + 7 digits, next to its words
    ("Hộ chiếu số C1234567 cấp ngày 02/03/2020", [("passport", "C1234567")]),
    ("passport no: N2345678", [("passport", "N2345678")]),
    ("Cung cấp giúp em Passport No. B7129092 nhé", [("passport", "B7129092")]),  # "No." ends no sentence
    ("Hộ chiếu của anh A. Mã vé B7129092", []),
    ("Mã khuyến mãi A1234567 giảm 10%", []),
    # prices, dates and times everywhere
    ("Giá chỉ 1.250.000đ, tổng 910.046 VNĐ, hẹn 12/03/2024 lúc 09:30", []),
    ("Vàng 82.500.000đ/lượng, tăng 300.000 đồng", []),
    ("Tọa độ 10.762622, 106.660172", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_privacy_recognizers_table(text: str, expected: list[tuple[str, str]]) -> None:
    found = find(text)
    got = [(f.label.split(".", 1)[1], text[f.start : f.end]) for f in found]
    assert got == expected


def test_privacy_recognizers_spans_index_the_original_text() -> None:
    text = "Cả nhà ơi 😍😍 sđt em 0903 123 457, email lan@gmail.com 🙏"
    found = find(text)
    assert [text[f.start : f.end] for f in found] == ["0903 123 457", "lan@gmail.com"]


def test_privacy_recognizers_findings_carry_evidence_and_vietnamese_explanation() -> None:
    text = "Liên hệ 0912 345 678"
    (f,) = find(text)
    assert f.detector == "vi.privacy.phone.v1"
    assert f.explanation == "Số điện thoại di động (đầu số 091)."
    kinds = [e.kind for e in f.evidence]
    assert kinds == ["pattern", "validate", "context"]
    assert f.evidence[0].score_delta > 0 and f.evidence[2].detail == "lien he"
    assert f.score == pytest.approx(min(1.0, sum(e.score_delta for e in f.evidence)))


def test_privacy_recognizers_context_raises_the_score() -> None:
    bare = find("0912345678")[0].score
    with_context = find("sđt 0912345678")[0].score
    assert bare < with_context


def test_privacy_recognizers_nearest_word_decides_between_phone_and_account() -> None:
    text = "SĐT 0912345678, STK 0987654321 MB"
    got = [(f.label, text[f.start : f.end]) for f in find(text)]
    assert got == [("privacy.phone", "0912345678"), ("privacy.bank_account", "0987654321")]


def test_privacy_recognizers_cccd_words_take_a_number_from_the_account_words() -> None:
    text = "Số tài khoản 0071000123456. CCCD: 001203004567"
    got = [(f.label, text[f.start : f.end]) for f in find(text)]
    assert got == [("privacy.bank_account", "0071000123456"), ("privacy.cccd", "001203004567")]


def test_privacy_recognizers_sentence_boundary_stops_context() -> None:
    # the account words belong to the first sentence; the second number has none of its own
    assert [f.label for f in find("Ủng hộ qua STK 0071000123456 VCB. Vé số trúng: 172093")] == [
        "privacy.bank_account"
    ]


def test_privacy_recognizers_digits_of_other_scripts_never_crash() -> None:
    # "߂" (NKo two) passes str.isdigit(): a CCCD-shaped number with it as the century digit used to raise KeyError
    from kiemchung.detectors.privacy.cccd import check_cccd

    assert check_cccd("001\u07c203004567") is False
    assert check_cccd("001203004567", this_year=2026) is True
    for text in ("CCCD: 001\u07c203004567", "số cccd 001\u07c2 0300 4567", "0\u0662\u0663 456 7890 CCCD 0012\u0660300456"):
        find(text)  # no exception; whatever it finds indexes the text
        assert all(0 <= f.start < f.end <= len(text) for f in find(text))
