"""Generate tests/data/pii_dev.jsonl: a varied, labelled dev set for the personal-data recognizers.

Every value is synthetic (random digits with the right structure); every sentence is written here. Posts mix
templates with realistic noise: no diacritics, teencode, emoji, capitals, numbers spaced / dotted / dashed, and
at least 40% of the posts are hard negatives only (prices, dates, times, order and tracking codes, hotlines,
landlines, 12-digit numbers with a province code that does not exist, Luhn-invalid card numbers, tax codes…).

    python tests/data/make_pii_dev.py            # writes tests/data/pii_dev.jsonl (seeded, reproducible)
    python tests/data/make_pii_dev.py --n 1000 --seed 7 --out /tmp/pii.jsonl

Labelling decisions: landlines (02x), hotlines (1900/1800) and short numbers are not ``phone``; a phone number
given as an account number ("STK MB 0912345678") is ``bank_account``; a 12-digit CMND is ``cccd``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import string
import unicodedata
from collections.abc import Callable
from pathlib import Path

PROVINCES = [
    "001",
    "002",
    "004",
    "006",
    "008",
    "010",
    "011",
    "012",
    "014",
    "015",
    "017",
    "019",
    "020",
    "022",
    "024",
    "025",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "062",
    "064",
    "066",
    "067",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "084",
    "086",
    "087",
    "089",
    "091",
    "092",
    "093",
    "094",
    "095",
    "096",
]
BAD_PROVINCES = [
    "003",
    "005",
    "007",
    "009",
    "013",
    "016",
    "018",
    "021",
    "023",
    "028",
    "029",
    "032",
    "039",
    "041",
    "043",
    "047",
    "050",
    "053",
    "055",
    "057",
    "059",
    "061",
    "063",
    "065",
    "069",
    "071",
    "073",
    "076",
    "078",
    "081",
    "085",
    "088",
    "090",
    "097",
    "098",
    "099",
]
MOBILE = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "052",
    "056",
    "058",
    "059",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "087",
    "088",
    "089",
    "090",
    "091",
    "092",
    "093",
    "094",
    "096",
    "097",
    "098",
    "099",
]
PLATE_CODES = [
    11,
    12,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
    32,
    33,
    34,
    35,
    36,
    37,
    38,
    43,
    47,
    49,
    50,
    51,
    59,
    60,
    61,
    62,
    63,
    64,
    65,
    66,
    67,
    68,
    69,
    70,
    71,
    72,
    74,
    75,
    76,
    77,
    78,
    79,
    81,
    83,
    84,
    86,
    88,
    89,
    90,
    92,
    93,
    94,
    95,
    97,
    98,
    99,
]
BANKS = [
    "Vietcombank",
    "VCB",
    "Techcombank",
    "MB",
    "MBBank",
    "BIDV",
    "Agribank",
    "ACB",
    "TPBank",
    "VPBank",
    "Sacombank",
    "VietinBank",
    "VIB",
    "SHB",
    "HDBank",
    "OCB",
    "MSB",
    "SeABank",
    "Timo",
    "Cake",
]
NAMES = [
    "lan",
    "hoa",
    "minh",
    "tuan",
    "thu.trang",
    "ngoc_anh",
    "hung.nguyen",
    "kimchi",
    "quang.le",
    "phuong",
    "thanhhuyen",
    "ducanh",
    "baongoc",
    "vietanh",
    "hai.dang",
    "mylinh",
    "khanhvy",
    "nam.tran",
]
DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "yahoo.com.vn",
    "outlook.com",
    "hotmail.com",
    "fpt.edu.vn",
    "hcmus.edu.vn",
    "vnexpress.net",
    "congty.vn",
    "shopabc.com.vn",
    "icloud.com",
]
EMOJI = ["😍", "😭", "🙏", "👉", "🔥", "❤️", "😂", "💯", "✅", "⚠️", "📞", "🚗", "💳", "🥰"]
FILLERS = [
    "Cảm ơn mọi người đã đọc.",
    "Ai biết chỉ giúp mình với.",
    "Mong được giúp đỡ ạ.",
    "Share giúp mình nha.",
    "Hôm nay trời mưa to quá.",
    "Mình ở quận 7, TP.HCM.",
    "Cả nhà ơi",
    "Tình hình là",
    "Nói chung là vậy đó.",
    "Giúp em với các bác ơi!!!",
    "Thanks all.",
    "Đọc kỹ trước khi hỏi nha.",
    "Ai cần thì inbox.",
    "Haizz",
    "Mn cho mình hỏi",
    "Chuyện là thế này:",
    "Mọi người cẩn thận nhé.",
    "Xin cảm ơn.",
    "Up lại bài.",
]

TEENCODE = {
    "không": "ko",
    "được": "dc",
    "biết": "bik",
    "với": "vs",
    "nhé": "nhe",
    "mình": "mik",
    "gì": "j",
    "số điện thoại": "sdt",
    "điện thoại": "dt",
    "số tài khoản": "stk",
    "chuyển khoản": "ck",
    "liên hệ": "lh",
    "nhắn tin": "nt",
    "anh em": "ae",
    "mọi người": "mn",
    "bây giờ": "bh",
    "trước": "trc",
}


def strip_marks(s: str) -> str:
    """Drop diacritics character by character (length-preserving for NFC text)."""
    out = []
    for ch in s:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = unicodedata.normalize("NFD", ch)[0]
        out.append(base)
    return "".join(out)


def luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for d in string.digits:
        cand = body + d
        total = 0
        for i, ch in enumerate(reversed(cand)):
            v = int(ch)
            if i % 2:
                v *= 2
                if v > 9:
                    v -= 9
            total += v
        if total % 10 == 0:
            return cand
    raise AssertionError


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


# -- value makers: return the text of the value -------------------------------------------------------------------
def phone(rng: random.Random) -> str:
    p = rng.choice(MOBILE)
    rest = digits(rng, 7)
    n = p + rest
    f = rng.randrange(11)
    if f == 0:
        return n
    if f == 1:
        return f"{n[:4]} {n[4:7]} {n[7:]}"
    if f == 2:
        return f"{n[:4]}.{n[4:7]}.{n[7:]}"
    if f == 3:
        return f"{n[:3]}-{n[3:6]}-{n[6:]}"
    if f == 4:
        return f"+84 {n[1:4]} {n[4:7]} {n[7:]}"
    if f == 5:
        return "84" + n[1:]
    if f == 6:
        return "+84" + n[1:]
    if f == 7:
        return f"(+84) {n[1:4]} {n[4:7]} {n[7:]}"
    if f == 8:
        return f"{n[:4]} {n[4:]}"
    if f == 9:
        return f"{n[:3]}.{n[3:6]}.{n[6:]}"
    return f"+84-{n[1:4]}-{n[4:7]}-{n[7:]}"


def cccd(rng: random.Random) -> str:
    century, yy = rng.choice(
        [
            ("0", rng.randrange(30, 100)),
            ("1", rng.randrange(30, 100)),
            ("2", rng.randrange(0, 20)),
            ("3", rng.randrange(0, 20)),
        ]
    )
    n = rng.choice(PROVINCES) + century + f"{yy:02d}" + digits(rng, 6)
    if rng.random() < 0.12:
        return f"{n[:3]} {n[3:6]} {n[6:9]} {n[9:]}"
    return n


def cmnd(rng: random.Random) -> str:
    return rng.choice(["0", "1", "2", "3"]) + digits(rng, 8)


def email(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    if rng.random() < 0.5:
        name += str(rng.randrange(1, 2005))
    if rng.random() < 0.2:
        name = name.capitalize()
    return f"{name}@{rng.choice(DOMAINS)}"


def email_obf(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    return f"{name} [at] gmail.com" if rng.random() < 0.5 else f"{name}(at)gmail.com"


def bank_number(rng: random.Random) -> str:
    n = rng.choice([8, 9, 10, 12, 13, 14, 15])
    num = rng.choice(["0", "1", "2", "19", "10", "00"]) + digits(rng, n - 1)
    num = num[:n]
    if rng.random() < 0.15 and n >= 12:
        return f"{num[:4]} {num[4:8]} {num[8:]}"
    return num


def card(rng: random.Random) -> str:
    kind = rng.choice(["visa", "visa", "mc", "napas", "jcb", "amex", "mc2"])
    if kind == "visa":
        n = luhn_complete("4" + digits(rng, 5), 16, rng)
    elif kind == "mc":
        n = luhn_complete(str(rng.randrange(51, 56)) + digits(rng, 4), 16, rng)
    elif kind == "mc2":
        n = luhn_complete(str(rng.randrange(2221, 2721)) + digits(rng, 2), 16, rng)
    elif kind == "napas":
        n = luhn_complete("9704" + digits(rng, 2), 16, rng)
    elif kind == "jcb":
        n = luhn_complete(str(rng.randrange(3528, 3590)) + digits(rng, 2), 16, rng)
    else:
        n = luhn_complete(rng.choice(["34", "37"]) + digits(rng, 4), 15, rng)
        return rng.choice([n, f"{n[:4]} {n[4:10]} {n[10:]}"])
    sep = rng.choice(["", " ", " ", "-"])
    return sep.join(n[i : i + 4] for i in range(0, 16, 4))


def bad_card(rng: random.Random) -> str:
    n = luhn_complete("4" + digits(rng, 5), 16, rng)
    n = n[:-1] + str((int(n[-1]) + rng.randrange(1, 10)) % 10)
    return " ".join(n[i : i + 4] for i in range(0, 16, 4))


SERIES = "ABCDEFGHKLMNPSTUVXYZ"


def plate(rng: random.Random) -> str:
    code = rng.choice(PLATE_CODES)
    f = rng.randrange(8)
    s = rng.choice(SERIES)
    if f == 0:
        return f"{code}{s}-{digits(rng, 3)}.{digits(rng, 2)}"
    if f == 1:
        return f"{code}{s}-{digits(rng, 5)}"
    if f == 2:
        return f"{code}-{s}{rng.randrange(1, 10)} {digits(rng, 3)}.{digits(rng, 2)}"
    if f == 3:
        return f"{code}{s}{rng.randrange(1, 10)}-{digits(rng, 3)}.{digits(rng, 2)}"
    if f == 4:
        return f"{code}{s}{rng.choice(SERIES)}-{digits(rng, 3)}.{digits(rng, 2)}"
    if f == 5:
        return f"{code}{s} {digits(rng, 3)}.{digits(rng, 2)}"
    if f == 6:
        return f"{code}-{s}{rng.randrange(1, 10)} {digits(rng, 5)}"
    return f"{code}{s}{rng.randrange(1, 10)}-{digits(rng, 5)}"


def passport(rng: random.Random) -> str:
    return rng.choice("BCNP") + digits(rng, 7)


# -- hard negatives -----------------------------------------------------------------------------------------------
def price(rng: random.Random) -> str:
    v = rng.randrange(10, 99999) * 1000
    s = f"{v:,}".replace(",", ".")
    return rng.choice(
        [
            f"{s}đ",
            f"{s} VNĐ",
            f"{s} đồng",
            f"{s}₫",
            f"{v // 1000}k",
            f"{s} vnd",
            f"{v:,} VND",
            "910.046 VNĐ",
            "1.250.000đ",
            f"{rng.randrange(1, 50)}tr{rng.randrange(1, 10)}",
            f"${rng.randrange(5, 999)}",
            f"{s}",
        ]
    )


def date(rng: random.Random) -> str:
    d, m, y = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(1990, 2026)
    return rng.choice(
        [
            f"{d:02d}/{m:02d}/{y}",
            f"{d}-{m}-{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"ngày {d} tháng {m} năm {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{d}/{m}",
        ]
    )


def time_(rng: random.Random) -> str:
    h, mi = rng.randrange(0, 24), rng.randrange(0, 60)
    return rng.choice([f"{h:02d}:{mi:02d}", f"{h}h{mi:02d}", f"{h}h", f"{h} giờ {mi} phút"])


def order(rng: random.Random) -> str:
    return rng.choice(
        [
            f"Mã đơn: {digits(rng, 6)}{rng.choice('ABCDEFGH')}{rng.choice('KLMN')}{digits(rng, 4)}",
            f"Mã vận đơn: SPXVN0{digits(rng, 11)}",
            f"mã vận đơn GHN {rng.choice('GLK')}{digits(rng, 1)}X9PQ{digits(rng, 2)}",
            f"Mã đơn hàng {rng.choice(PROVINCES)}{rng.choice('0123')}{digits(rng, 8)}",
            f"Order #{digits(rng, 10)}",
            f"mã giao dịch FT{digits(rng, 14)}",
            f"Mã GD: {digits(rng, 12)}",
            f"Tracking: VN{digits(rng, 9)}",
            f"mã tra cứu hóa đơn {digits(rng, 10)}",
        ]
    )


def hotline(rng: random.Random) -> str:
    return rng.choice(
        [
            f"1900 {digits(rng, 4)}",
            f"1900.{digits(rng, 3)}.{digits(rng, 3)}",
            f"1800 {digits(rng, 3)} {digits(rng, 3)}",
            "113",
            "114",
            "115",
            f"1800{digits(rng, 4)}",
            f"1900{digits(rng, 4)}",
        ]
    )


def landline(rng: random.Random) -> str:
    area = rng.choice(["024", "028", "0236", "0225", "0292", "0251", "0258", "0234"])
    n = digits(rng, 10 - len(area) + 1)
    return rng.choice([f"{area} {n[:4]} {n[4:]}", f"{area}.{n}", f"({area}) {n}", f"{area}{n}"])


def bad_cccd(rng: random.Random) -> str:
    return rng.choice(BAD_PROVINCES) + rng.choice("0123") + digits(rng, 8)


def future_cccd(rng: random.Random) -> str:
    return rng.choice(PROVINCES) + "2" + rng.choice(["7", "8", "9"]) + digits(rng, 7)  # born 2070s–2090s


def bad_mobile(rng: random.Random) -> str:
    return rng.choice(["012", "016", "019", "021", "095", "053", "074"]) + digits(rng, 7)


VALUE = {
    "phone": phone,
    "cccd": cccd,
    "cmnd": cmnd,
    "email": email,
    "email_obf": email_obf,
    "bank": bank_number,
    "card": card,
    "plate": plate,
    "passport": passport,
}
LABEL = {
    "phone": "phone",
    "cccd": "cccd",
    "cmnd": "cmnd",
    "email": "email",
    "email_obf": "email",
    "bank": "bank_account",
    "card": "card_number",
    "plate": "license_plate",
    "passport": "passport",
}
NEG: dict[str, Callable[[random.Random], str]] = {
    "price": price,
    "date": date,
    "time": time_,
    "order": order,
    "hotline": hotline,
    "landline": landline,
    "bad_cccd": bad_cccd,
    "future_cccd": future_cccd,
    "bad_card": bad_card,
    "bad_mobile": bad_mobile,
    "bank_name": lambda r: r.choice(BANKS),
    "n3": lambda r: str(r.randrange(100, 999)),
    "n9": lambda r: digits(r, 9),
    "n12": lambda r: digits(r, 12),
    "pp_like": passport,
    "year": lambda r: str(r.randrange(1975, 2026)),
    "percent": lambda r: f"{r.randrange(1, 100)},{r.randrange(10)}%",
}

POSITIVE = [
    "Ai nhặt được ví của mình thì liên hệ {phone} nhé, có hậu tạ 🙏",
    "Cần bán xe Vision 2021 biển số {plate}, giá {price}, LH {phone}",
    "sdt: {phone} (zalo luôn)",
    "Mình tên Lan, email {email}, số điện thoại {phone}",
    "Chuyển khoản giúp em vào STK {bank} {bank_name}, chủ tk Nguyễn Văn A",
    "STK: {bank} - {bank_name}. Nội dung ck: tên + sđt",
    "Số tài khoản {bank_name}: {bank}",
    "Thông tin: CCCD {cccd}, cấp ngày {date} tại Cục Cảnh sát QLHC",
    "Em làm mất căn cước công dân số {cccd}, ai nhặt được xin gọi {phone}",
    "Họ tên: Trần Thị B. Số CMND: {cmnd}. Địa chỉ: Hà Nội",
    "cmnd {cmnd} cap ngay {date}",
    "Thẻ Visa của mình {card} bị trừ tiền lạ lúc {time}",
    "Số thẻ: {card}, hết hạn 09/27",
    "Hộ chiếu số {passport} cấp ngày {date}",
    "passport: {passport}, ngày sinh {date}",
    "Xe {plate} đâm vào người đi đường rồi bỏ chạy lúc {time} tối qua!!!",
    "Bắt được thằng trộm chó đi xe biển {plate} 😡",
    "Gửi CV về {email} hoặc gọi {phone} trước {date}",
    "Liên hệ đặt hàng: {phone} - {phone}",
    "Zalo {phone}, mail {email}",
    "ai can thi ib zalo {phone} nha",
    "Shop nhận ck qua {bank_name} {bank} ạ, ship COD toàn quốc",
    "Ủng hộ bà con vùng lũ: STK {bank} ({bank_name})",
    "Tôi là chủ xe {plate}, số đt {phone}",
    "CCCD: {cccd} | SĐT: {phone} | Email: {email}",
    "số cccd của em là {cccd} ạ",
    "Gửi hồ sơ qua email: {email_obf}",
    "Thông tin nhận hàng: {phone}, giao giờ hành chính",
    "Lừa đảo! Con này sdt {phone}, stk {bank} {bank_name}, mọi người tránh xa",
    "Đặt vé máy bay cho mẹ, passport no {passport}, liên hệ {email}",
    "biển {plate} chạy ẩu vcl",
    "Em bán thẻ điện thoại, thanh toán qua thẻ {card} được ko ạ",
    "Nhờ mn tìm giúp xe máy bị mất, BKS {plate}, màu đỏ",
    "Chị ơi em gửi số CMT {cmnd} để làm hồ sơ nhé",
    "STK MB {phone_as_bank} chủ tài khoản Lê Văn C",
    "Số định danh cá nhân: {cccd}",
    "Hotline cá nhân {phone} (ngoài giờ hành chính)",
    "Call/Zalo: {phone}",
    "Email liên hệ hợp tác {email} 📩",
    "xe {plate} đỗ chắn cửa nhà tôi từ sáng đến giờ",
]

NEGATIVE = [
    "Giá chỉ {price}, freeship đơn từ {price}",
    "Tổng cộng {price}, thanh toán trước ngày {date}",
    "Hotline tổng đài: {hotline} (miễn phí)",
    "Gọi {hotline} khi có cháy, {hotline} khi cần cấp cứu",
    "Điện thoại bàn công ty: {landline}",
    "VP đại diện: {landline}, giờ làm việc {time} – {time}",
    "{order}, dự kiến giao {date}",
    "{order}. Shop sẽ liên hệ lại sau {time}",
    "Mã số thuế: 03{n9x}, địa chỉ quận 1",
    "Dân số Việt Nam năm {year} khoảng {price_plain} người",
    "Số tiền {price} đã được trừ lúc {time} ngày {date}",
    "Sự kiện diễn ra từ {time} đến {time} ngày {date}",
    "Lương tháng này được {price}, thưởng Tết {price}",
    "iPhone 15 Pro Max 256GB giá {price}, còn bảo hành đến {date}",
    "Lớp 12A1 năm {year} họp lớp ngày {date} lúc {time}",
    "Tỷ lệ lạm phát {percent}, GDP tăng {percent} so với năm {year}",
    "Con số {bad_cccd} chẳng có nghĩa gì cả",
    "Dãy số may mắn hôm nay: {bad_cccd}",
    "Mã khuyến mãi {pp_like} giảm {percent} cho đơn đầu tiên",
    "Số seri: {n12}, sản xuất năm {year}",
    "Thẻ test {bad_card} không hợp lệ nha ae",
    "Số {bad_mobile} không tồn tại đâu, đừng gọi",
    "Tài khoản này có {price_plain} lượt xem rồi 😂",
    "Phòng 12A-05 tầng {n3}, tòa S1.02",
    "Mã OTP của bạn là {n6}. Không chia sẻ mã này cho bất kỳ ai.",
    "Ngân hàng {bank_name} thông báo lãi suất {percent}/năm từ ngày {date}",
    "Đọc sách {n3} trang trong {time} 😅",
    "Vé số trúng thưởng: {n6}, {n6}, {n6}",
    "Mã sản phẩm: 30A-{n5}, hàng chính hãng",
    "Số văn bản {n3}/{year}/NĐ-CP ngày {date}",
    "Bảo hiểm xã hội: mã BHXH {n10}",
    "Cập nhật iOS {n1}.{n1}.{n1} xong máy nóng quá",
    "IP server: 192.168.{n1}.{n3}, port 8080",
    "Mã đặt chỗ {pp_like}, chuyến bay VN{n3} lúc {time}",
    "Nhiệt độ hôm nay {n1}{n1} độ C, độ ẩm {percent}",
    "Số căn cước không hợp lệ {future_cccd} (năm sinh trong tương lai)",
    "Kết quả xổ số: {n5} - {n6} - {n5}",
    "Chuyển khoản {price} trước {time} để giữ chỗ nhé",
    "MSSV {n8} lớp K{n2}",
    "Số lượng: {n3} cái, tổng {price}",
]


# Posts written by hand, entities marked [[label:value]]; they are added to the generated ones as they are.
HANDWRITTEN = [
    # positives, written as people write them
    "ai nhặt được cái ví màu nâu ở chợ Bến Thành cho em xin lại giấy tờ, sđt em [[phone:0903 123 457]] ạ 🙏🙏",
    "Cần tuyển 2 bạn phục vụ quán cafe, lương 25k/h, ib zalo [[phone:0868.246.135]] (chị Hằng)",
    "bán iphone 13 pro 128gb pin 89%, giá 11tr5 fix nhẹ, lh [[phone:0977-531-246]]",
    "Số điện thoại của bé: [[phone:+84 35 246 8135]], ai thấy bé đi lạc báo giúp",
    "Xin chữ ký mọi người ủng hộ bé Na, STK [[bank_account:1023456789]] Vietinbank, nội dung: ung ho be Na",
    "ủng hộ miền Trung qua tài khoản Agribank [[bank_account:3100205123456]] nhé cả nhà",
    "Em chuyển rồi nha, số tk em là [[bank_account:19036677889012]] Techcombank",
    "stk: [[bank_account:0451000234567]] (vcb) - chủ tk Tran Van Binh",
    "Momo/ATM: [[bank_account:0987654321]] momo",
    "Mẹ em mất thẻ căn cước, số [[cccd:038185012345]], ai nhặt được gọi [[phone:0912 888 765]]",
    "CCCD số [[cccd:079099001122]] cấp ngày 10/5/2021",
    "Nguyen Van An, cmnd so [[cmnd:025678912]], dia chi 12 Ly Thuong Kiet",
    "Số CMT: [[cmnd:172345678]] (cũ), bây giờ đã đổi sang căn cước",
    "gửi mình bản scan hộ chiếu nhé, số hộ chiếu [[passport:C7654321]]",
    "Passport: [[passport:N2345678]] – exp 2030",
    "Thằng nào lái xe [[license_plate:51G-678.90]] tạt đầu xe tôi ở Điện Biên Phủ, ai có cam hành trình không",
    "Tìm xe máy Wave bị trộm, biển [[license_plate:29-H1 456.78]], ai thấy báo giúp",
    "Xe khách [[license_plate:43B-012.34]] chạy quá tốc độ trên cao tốc",
    "Chiếc xe [[license_plate:30K-98765]] vượt đèn đỏ sáng nay",
    "Biển số [[license_plate:59-V2 345.67]] ai quen không ạ",
    "Bạn nào cần mua thì mail [[email:shop.hoatuoi@gmail.com]] hoặc nhắn [[phone:0356 789 012]] nhé",
    "Liên hệ: [[email:nguyen.thanh.tam@fpt.com.vn]]",
    "em gửi cv vào mail [[email:hr_tuyendung2024@congtyabc.vn]] rồi mà chưa thấy phản hồi",
    "Bị trừ tiền thẻ visa [[card_number:4532 7153 3790 1245]] mà không biết ai dùng, mọi người check giúp",
    "Thẻ tín dụng số [[card_number:5425233430109903]] bị khóa rồi",
    "thẻ napas [[card_number:9704 1234 5678 9015]] của em bị nuốt ở cây ATM",
    "Zalo [[phone:0799999888]] – hàng về mỗi sáng thứ 2",
    "Gọi anh Tuấn [[phone:0383.555.246]] hoặc chị Mai [[phone:0935.246.810]]",
    "dt [[phone:0 9 1 2 3 4 5 6 7 8]] (viết cách ra cho khỏi bị quét 😂)",
    "SĐT:[[phone:0941222333]]",
    "Nhắn qua zalo.me/[[phone:0912345679]] cho nhanh nhé",
    "Liên hệ: [[phone:0912345678]]-[[phone:0987654321]] (Mr Hùng)",
    "Hotline bán hàng: [[phone:0909 123 456]] (không phải tổng đài)",
    # negatives, written as people write them
    "Giá vàng hôm nay 82.500.000đ/lượng, tăng 300.000 đồng so với hôm qua",
    "Hóa đơn tiền điện tháng 5: 1.286.432 VNĐ, hạn thanh toán 25/06/2024",
    "Tổng đài hỗ trợ 1900 6789 hoạt động 24/7, gọi 113 khi cần công an",
    "Điện thoại cơ quan: 024.3825.6677, fax 024.3825.6678",
    "Đơn hàng #2405120987654 đã được giao thành công lúc 14:35",
    "Mã vận đơn GHTK: S12345678.BO.HCM, dự kiến giao 3 ngày",
    "Kết quả bóng đá: Việt Nam 3 - 0 Indonesia, phút 90+4",
    "Năm 2023 Việt Nam xuất khẩu 8.130.000 tấn gạo",
    "Mật khẩu wifi quán là 12345678, mọi người cứ dùng thoải mái",
    "Chuyến bay VN254 khởi hành 06:15 ngày 02/09, cửa số 12",
    "Mã số thuế doanh nghiệp: 0312345678-001",
    "Số hiệu văn bản 1234/QĐ-UBND ngày 15/8/2024",
    "Sản phẩm SKU 29A-12345 đang giảm 30%",
    "Dãy số 012345678901 chỉ là ví dụ minh họa",
    "Thẻ 4111 1111 1111 1112 là số thẻ sai checksum dùng để test",
    "Mình đi xe 50cc thôi, không có biển lớn như ô tô",
    "Gửi tiết kiệm 500.000.000 đồng lãi 5,5%/năm được bao nhiêu ạ?",
    "Căn hộ 2PN, 68m2, giá 3,2 tỷ, tầng 15",
    "Điểm thi THPT của em: Toán 8.75, Văn 7.5, Anh 9.2",
    "Lịch livestream: 20h tối thứ 6, 21/06/2024",
    "Mã khuyến mãi SALE50K áp dụng đến 31/12",
    "Tọa độ: 10.762622, 106.660172",
    "Tài khoản Facebook của tôi bị hack rồi, mọi người đừng tin tin nhắn vay tiền",
    "Số báo danh 02012345, phòng thi số 15",
    "Hotline bảo hành 1800 1060 miễn cước",
    "Serial number: 01234567890123, bảo hành 12 tháng",
    "Chương trình trúng thưởng 100.000.000đ là lừa đảo, đừng tin nhé",
    "Version 2.10.15 đã có trên App Store",
    "Học phí kỳ này 12.450.000đ, hạn đóng 15/9",
    "Tel: +84-28-1234-5678 (điện thoại bàn, không phải di động)",
    "Mã OTP 482915 có hiệu lực trong 5 phút, KHÔNG cung cấp cho bất kỳ ai",
]

_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


def from_markup(line: str) -> dict[str, object]:
    text_parts: list[str] = []
    ents: list[dict[str, object]] = []
    pos = 0
    last = 0
    for m in _MARK.finditer(line):
        lit = line[last : m.start()]
        text_parts.append(lit)
        pos += len(lit)
        value = m.group(2)
        ents.append({"start": pos, "end": pos + len(value), "label": m.group(1)})
        text_parts.append(value)
        pos += len(value)
        last = m.end()
    text_parts.append(line[last:])
    return {"text": "".join(text_parts), "entities": ents}


def render(
    tpl: str, rng: random.Random, no_marks: bool, teencode: bool
) -> tuple[str, list[dict[str, object]]]:
    """Fill a template; noise is applied to the literal parts only, so values keep their form."""
    out: list[str] = []
    ents: list[dict[str, object]] = []
    pos = 0
    i = 0
    while i < len(tpl):
        j = tpl.find("{", i)
        if j < 0:
            lit, i = tpl[i:], len(tpl)
        else:
            lit = tpl[i:j]
        if lit:
            if teencode:
                for word, short in TEENCODE.items():
                    lit = lit.replace(word, short).replace(word.capitalize(), short)
            if no_marks:
                lit = strip_marks(lit)
            out.append(lit)
            pos += len(lit)
        if j < 0:
            break
        k = tpl.index("}", j)
        slot = tpl[j + 1 : k]
        i = k + 1
        if slot in VALUE:
            v = VALUE[slot](rng)
            ents.append({"start": pos, "end": pos + len(v), "label": LABEL[slot]})
        elif slot == "phone_as_bank":
            v = rng.choice(MOBILE) + digits(rng, 7)
            ents.append({"start": pos, "end": pos + len(v), "label": "bank_account"})
        elif slot in NEG:
            v = NEG[slot](rng)
        elif slot == "price_plain":
            v = f"{rng.randrange(1, 999)}.{digits(rng, 3)}.{digits(rng, 3)}"
        elif slot == "n9x":
            v = digits(rng, 8)
        elif slot.startswith("n") and slot[1:].isdigit():
            v = digits(rng, int(slot[1:]))
        else:
            raise KeyError(slot)
        out.append(v)
        pos += len(v)
    return "".join(out), ents


def make_post(rng: random.Random, negative: bool) -> dict[str, object]:
    no_marks = rng.random() < 0.3
    teencode = rng.random() < 0.25
    pool = NEGATIVE if negative else POSITIVE
    parts = [rng.choice(pool)]
    if rng.random() < 0.5:  # a confuser or a second sentence next to it
        parts.append(rng.choice(NEGATIVE))
    if not negative and rng.random() < 0.15:
        parts.append(rng.choice(POSITIVE))
    rng.shuffle(parts)
    text = ""
    ents: list[dict[str, object]] = []
    if rng.random() < 0.4:
        text = rng.choice(FILLERS) + " "
    for p in parts:
        body, es = render(p, rng, no_marks, teencode)
        for e in es:
            e["start"] = int(e["start"]) + len(text)  # type: ignore[call-overload]
            e["end"] = int(e["end"]) + len(text)  # type: ignore[call-overload]
        ents.extend(es)
        text += body
        text += rng.choice([" ", ". ", "\n", " " + rng.choice(EMOJI) + " ", "!! "])
    if rng.random() < 0.3:
        text += rng.choice(FILLERS)
    if rng.random() < 0.3:
        text += " " + rng.choice(EMOJI) * rng.randrange(1, 4)
    text = text.strip()
    return {"text": text, "entities": ents}


def generate(
    n: int, seed: int, negative_share: float = 0.45, handwritten: bool = True
) -> list[dict[str, object]]:
    """``n`` generated posts (``negative_share`` of them hard negatives only), plus the hand-written ones."""
    rng = random.Random(seed)
    posts = [from_markup(line) for line in HANDWRITTEN] if handwritten else []
    n_neg = round(n * negative_share)
    for i in range(n):
        posts.append(make_post(rng, negative=i < n_neg))
    rng.shuffle(posts)
    for p in posts:  # self-check: every span is inside the text and non-empty
        for e in p["entities"]:  # type: ignore[attr-defined]
            assert 0 <= e["start"] < e["end"] <= len(p["text"])  # type: ignore[arg-type]
    return posts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--no-handwritten", action="store_true", help="generated posts only")
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--out", type=Path, default=Path(__file__).with_name("pii_dev.jsonl"))
    args = ap.parse_args()
    posts = generate(args.n, args.seed, handwritten=not args.no_handwritten)
    with args.out.open("w", encoding="utf-8") as fh:
        for p in posts:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    neg = sum(1 for p in posts if not p["entities"])
    print(f"wrote {len(posts)} posts ({neg} without personal data) to {args.out}")


if __name__ == "__main__":
    main()
