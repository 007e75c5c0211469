"""Generate tests/data/pii_holdout.jsonl: a held-out set for the personal-data recognizers.

Written after the recognizers and independently of tests/data/make_pii_dev.py (its own sentences, formats and
noise; nothing imported from the dev generator, and no template was adjusted after seeing what the recognizers
get wrong on it). Every value is synthetic; every sentence is written here.

    python tests/data/make_pii_holdout.py          # writes tests/data/pii_holdout.jsonl (seeded, reproducible)
    python tests/data/make_pii_holdout.py --n 1000 --seed 11 --out /tmp/holdout.jsonl

Posts are shop ads, lost-and-found notes, marketplace listings, group chat, customer-service replies and news;
noise: no diacritics, teencode, emoji glued to numbers, capitals, line breaks, spaced / dotted / dashed digits.
At least 40% of the posts hold hard negatives only: prices, amounts, dates, times, order / tracking / transaction
codes, OTPs, hotlines (1900 / 1800, 113…), landlines, tax codes, 12-digit numbers whose province code does not
exist or whose birth year lies in the future, Luhn-invalid card numbers, product codes shaped like plates, student
IDs shaped like passports, image names shaped like e-mail addresses.

Labelling decisions (those of the issue): a mobile number is ``phone`` with or without context, also after
"hotline"; landlines, 1900/1800 numbers and short numbers are not; a number given as an account ("STK MB
0912345678") is ``bank_account``; account numbers, CMND and passports count only with their words; a CCCD must
have an existing province code and a plausible birth year; plates are printed forms (51F-123.45, 29-B1 123.45…).
"""

from __future__ import annotations

import argparse
import json
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).with_name("pii_holdout.jsonl")
SEED = 20261128

Piece = str | tuple[str, str]  # plain text, or (entity text, label)

# --- values -----------------------------------------------------------------------------------------------

MOBILE = (
    [f"03{d}" for d in "23456789"]
    + ["052", "055", "056", "058", "059", "070", "076", "077", "078", "079"]
    + [f"08{d}" for d in "123456789"]
    + ["090", "091", "092", "093", "094", "096", "097", "098", "099"]
)
PROVINCES = ["001", "004", "008", "015", "022", "027", "031", "036", "038", "040", "046", "048", "052", "056"]
PROVINCES += ["064", "066", "068", "074", "075", "079", "080", "083", "087", "089", "092", "094", "096"]
NO_PROVINCE = [
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
]
NO_PROVINCE += [
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
    "099",
]
PLATE_PROV = ["29", "30", "51", "59", "43", "92", "36", "15", "61", "77", "65", "81", "99", "14", "37", "74"]
SERIES = "ABCDEFGHKLMNPSTUVXYZ"
BANKS = ["Vietcombank", "VCB", "Techcombank", "MB", "MB Bank", "BIDV", "Agribank", "ACB", "TPBank", "VPBank"]
BANKS += ["Sacombank", "VietinBank", "HDBank", "SHB", "OCB", "VIB", "Eximbank", "SeABank", "MSB", "LPBank"]
NAMES = ["Nguyen Van Hung", "TRAN THI MAI", "Le Minh Tuan", "Pham Thu Trang", "Vo Quoc Bao", "Dang Ngoc Anh"]
MAIL_USERS = ["hoangminh", "thu.trang", "nguyenvana", "lananh_97", "tuan.le", "shop.meomeo", "hr.tuyendung"]
MAIL_USERS += ["ngoc-anh", "quanghuy2001", "cskh", "minhthu.ng", "baotran"]
MAIL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "fpt.edu.vn",
    "vnu.edu.vn",
    "abc.com.vn",
]
EMOJI = ["😭", "🙏", "👉", "📞", "☎️", "💰", "🔥", "❤️", "😂", "🥲", "✅", "⚠️", "📌", "🏍️", "🚗", "💳", "📧"]


def d(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def luhn_digit(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        v = int(ch)
        if i % 2 == 0:  # doubled: these positions are odd counted from the check digit
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return str((10 - total % 10) % 10)


def card_digits(rng: random.Random, valid: bool = True) -> str:
    prefix = rng.choice(["4", "4", "51", "53", "55", "9704", "9704", "3568", "2223"])
    body = prefix + d(rng, 15 - len(prefix))
    good = body + luhn_digit(body)
    if valid:
        return good
    return body + str((int(good[-1]) + rng.randint(1, 9)) % 10)


def group(digits: str, sizes: list[int], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(digits[i : i + n])
        i += n
    if i < len(digits):
        out.append(digits[i:])
    return sep.join(x for x in out if x)


def mobile(rng: random.Random) -> str:
    digits = rng.choice(MOBILE) + d(rng, 7)
    rest = digits[1:]
    style = rng.randrange(12)
    if style == 0:
        return digits
    if style == 1:
        return group(digits, [4, 3, 3], " ")
    if style == 2:
        return group(digits, [4, 3, 3], ".")
    if style == 3:
        return group(digits, [3, 3, 4], "-")
    if style == 4:
        return group(digits, [4, 3, 3], "-")
    if style == 5:
        return "+84 " + group(rest, [3, 3, 3], " ")
    if style == 6:
        return "+84" + rest
    if style == 7:
        return "84" + rest
    if style == 8:
        return "(+84) " + rest
    if style == 9:
        return group(digits, [3, 3, 4], ".")
    if style == 10:
        return digits[:4] + " " + digits[4:]
    return digits


def cccd_digits(rng: random.Random, province: str | None = None, year: int | None = None) -> str:
    y = year if year is not None else rng.randint(1950, 2007)
    century = (y // 100 - 19) * 2 + rng.randint(0, 1)
    return (province or rng.choice(PROVINCES)) + str(century) + f"{y % 100:02d}" + d(rng, 6)


def cccd_text(rng: random.Random) -> str:
    digits = cccd_digits(rng)
    style = rng.randrange(5)
    if style == 1:
        return group(digits, [3, 3, 3, 3], " ")
    if style == 2:
        return group(digits, [4, 4, 4], " ")
    return digits


def cmnd_text(rng: random.Random) -> str:
    digits = rng.choice(["0", "1", "2", "3"]) + d(rng, 8)
    return group(digits, [3, 3, 3], " ") if rng.random() < 0.25 else digits


def account_text(rng: random.Random) -> str:
    style = rng.randrange(6)
    if style == 0:
        return d(rng, 13)
    if style == 1:
        return "0" + d(rng, 12)
    if style == 2:
        return group("1" + d(rng, 13), [4, 4, 4], " ")
    if style == 3:
        return rng.choice(MOBILE) + d(rng, 7)  # a phone number used as the account number
    if style == 4:
        return d(rng, 10)
    return rng.choice(["1", "2", "3", "7"]) + d(rng, 11)


def plate_text(rng: random.Random) -> str:
    prov = rng.choice(PLATE_PROV)
    style = rng.randrange(6)
    if style == 0:
        return f"{prov}{rng.choice(SERIES)}-{d(rng, 3)}.{d(rng, 2)}"
    if style == 1:
        return f"{prov}{rng.choice(SERIES)}-{d(rng, 5)}"
    if style == 2:
        return f"{prov}-{rng.choice(SERIES)}{rng.randint(1, 9)} {d(rng, 3)}.{d(rng, 2)}"
    if style == 3:
        return f"{prov}{rng.choice(SERIES)}{rng.randint(1, 9)}-{d(rng, 3)}.{d(rng, 2)}"
    if style == 4:
        return f"{prov}{rng.choice(SERIES)} {d(rng, 3)}.{d(rng, 2)}"
    return f"{prov}{rng.choice(SERIES)}{rng.choice(SERIES)}-{d(rng, 3)}.{d(rng, 2)}"


def email_text(rng: random.Random) -> str:
    user = rng.choice(MAIL_USERS) + (str(rng.randint(1, 99)) if rng.random() < 0.4 else "")
    dom = rng.choice(MAIL_DOMAINS)
    r = rng.random()
    if r < 0.12:
        return f"{user} [at] {dom.replace('.', ' [dot] ')}"
    if r < 0.2:
        return f"{user}(at){dom}"
    return f"{user}@{dom}"


def passport_text(rng: random.Random) -> str:
    return rng.choice("BCNP") + d(rng, 7)


# --- noise ------------------------------------------------------------------------------------------------


def strip_marks(s: str) -> str:
    s = s.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


TEEN = {
    "không": "k",
    "được": "dc",
    "với": "vs",
    "gì": "j",
    "biết": "bít",
    "rồi": "r",
    "anh em": "ae",
    "mọi người": "mn",
    "số điện thoại": "sđt",
    "tài khoản": "tk",
    "chuyển khoản": "ck",
    "nhắn tin": "ib",
    "liên hệ": "lh",
}


def teen(s: str, rng: random.Random) -> str:
    for a, b in TEEN.items():
        if a in s and rng.random() < 0.7:
            s = s.replace(a, b)
    return s


def noisy(s: str, rng: random.Random, plain: bool, teencode: bool) -> str:
    if teencode:
        s = teen(s, rng)
    if plain:
        s = strip_marks(s)
    return s


# --- templates --------------------------------------------------------------------------------------------
# Each returns pieces; context words are written in full Vietnamese and get the post's noise afterwards.

Tmpl = Callable[[random.Random], list[Piece]]


def p_lost_wallet(rng: random.Random) -> list[Piece]:
    return [
        "Mình có nhặt được một cái ví ở gần chợ Bến Thành, trong có thẻ căn cước số ",
        (cccd_text(rng), "cccd"),
        ". Ai là chủ thì gọi mình ",
        (mobile(rng), "phone"),
        " nhé",
    ]


def p_sell_bike(rng: random.Random) -> list[Piece]:
    price = f"{rng.randint(8, 45)}tr{rng.randint(0, 9)}"
    return [
        f"Cần bán xe {rng.choice(['Vision', 'Air Blade', 'SH Mode', 'Wave Alpha', 'Exciter'])} đời "
        f"{rng.randint(2015, 2023)}, biển số ",
        (plate_text(rng), "license_plate"),
        f", giá {price} có fix. Liên hệ ",
        (mobile(rng), "phone"),
    ]


def p_transfer(rng: random.Random) -> list[Piece]:
    bank = rng.choice(BANKS)
    return [
        f"Ai ủng hộ bé thì chuyển khoản giúp mình: STK {bank} ",
        (account_text(rng), "bank_account"),
        f" chủ tài khoản {rng.choice(NAMES)}. Cảm ơn mọi người nhiều",
    ]


def p_transfer_after(rng: random.Random) -> list[Piece]:
    return [
        "Đặt cọc 500k vào số tài khoản ",
        (account_text(rng), "bank_account"),
        f" ({rng.choice(BANKS)}) rồi nhắn tin mình xác nhận",
    ]


def p_card_leak(rng: random.Random) -> list[Piece]:
    digits = card_digits(rng)
    shown = group(digits, [4, 4, 4, 4], rng.choice([" ", "-", ""])) if rng.random() < 0.8 else digits
    return [
        "Bạn mình lỡ đăng ảnh thẻ lên mạng, số thẻ ",
        (shown, "card_number"),
        f" hết hạn {rng.randint(1, 12):02d}/{rng.randint(26, 30)}, mọi người đừng share nha",
    ]


def p_recruit(rng: random.Random) -> list[Piece]:
    return [
        "Tuyển nhân viên bán hàng part-time, lương theo giờ. Gửi CV về ",
        (email_text(rng), "email"),
        " hoặc gọi ",
        (mobile(rng), "phone"),
        f" (chị {rng.choice(['Hoa', 'Lan', 'Thu', 'Mai'])})",
    ]


def p_cmnd(rng: random.Random) -> list[Piece]:
    word = rng.choice(["CMND", "cmnd số", "số CMT", "chứng minh nhân dân số", "CMT:"])
    return [
        f"Em bị mất ví, trong có {word} ",
        (cmnd_text(rng), "cmnd"),
        " mang tên " + rng.choice(NAMES) + ", ai nhặt được cho em xin lại với ạ",
    ]


def p_passport(rng: random.Random) -> list[Piece]:
    word = rng.choice(["hộ chiếu số", "số hộ chiếu", "passport", "Passport No.", "hộ chiếu"])
    return [
        f"Khách đoàn đi Hàn cung cấp giúp em {word} ",
        (passport_text(rng), "passport"),
        " và ngày hết hạn để em làm visa",
    ]


def p_zalo(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(["Ai cần mua thì ib zalo ", "Kết bạn zalo ", "Zalo: ", "Liên hệ qua zalo "]),
        (mobile(rng), "phone"),
        rng.choice([" để được tư vấn", "", " nha", " (Mr Tuấn)"]),
    ]


def p_hotline_mobile(rng: random.Random) -> list[Piece]:
    return [
        "Shop hoa tươi giao tận nơi nội thành, hotline ",
        (mobile(rng), "phone"),
        f", tổng đài CSKH 1900 {d(rng, 4)} (1.000đ/phút)",
    ]


def p_two_phones(rng: random.Random) -> list[Piece]:
    return [
        "Cần tìm người thân: anh Nam, số ",
        (mobile(rng), "phone"),
        " hoặc chị Hà ",
        (mobile(rng), "phone"),
        ". Ai biết thông tin báo giúp",
    ]


def p_id_and_account(rng: random.Random) -> list[Piece]:
    return [
        "Hồ sơ vay cần: CCCD ",
        (cccd_text(rng), "cccd"),
        f", số tài khoản {rng.choice(BANKS)} ",
        (account_text(rng), "bank_account"),
        " và sđt ",
        (mobile(rng), "phone"),
    ]


def p_plate_accident(rng: random.Random) -> list[Piece]:
    return [
        f"Lúc {rng.randint(6, 22)}h{rng.randint(10, 59)} sáng nay xe ô tô ",
        (plate_text(rng), "license_plate"),
        " gây tai nạn rồi bỏ chạy trên QL1A, ai có camera hành trình gửi giúp",
    ]


def p_email_contact(rng: random.Random) -> list[Piece]:
    return [
        "Mọi thắc mắc về hóa đơn vui lòng gửi email ",
        (email_text(rng), "email"),
        f", phản hồi trong {rng.randint(1, 3)} ngày làm việc",
    ]


def p_cccd_form(rng: random.Random) -> list[Piece]:
    return [
        f"Họ tên: {rng.choice(NAMES)}\nSố CCCD: ",
        (cccd_text(rng), "cccd"),
        f"\nNgày cấp: {rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2016, 2024)}\nSĐT: ",
        (mobile(rng), "phone"),
    ]


def p_momo_card(rng: random.Random) -> list[Piece]:
    digits = card_digits(rng)
    return [
        "Thẻ Visa ",
        (group(digits, [4, 4, 4, 4], " "), "card_number"),
        " bị trừ tiền lạ 2 lần, mình đã gọi ngân hàng khóa thẻ",
    ]


POSITIVE: list[Tmpl] = [
    p_lost_wallet,
    p_sell_bike,
    p_transfer,
    p_transfer_after,
    p_card_leak,
    p_recruit,
    p_cmnd,
    p_passport,
    p_zalo,
    p_hotline_mobile,
    p_two_phones,
    p_id_and_account,
    p_plate_accident,
    p_email_contact,
    p_cccd_form,
    p_momo_card,
]


def n_price(rng: random.Random) -> list[Piece]:
    big = f"{rng.randint(1, 999)}.{d(rng, 3)}.{d(rng, 3)}"
    return [
        rng.choice(
            [
                f"Giá chỉ còn {big}đ, freeship đơn từ {rng.randint(1, 5)}00k",
                f"Tổng thanh toán: {rng.randint(100, 999)}.{d(rng, 3)} VNĐ",
                f"Căn hộ 2PN giá {rng.randint(1, 9)}.{d(rng, 3)}.{d(rng, 3)}.000 đồng, sổ hồng riêng",
                f"Lương {rng.randint(8, 30)} triệu + thưởng, tổng thu nhập {big} VND/năm",
                f"Hóa đơn điện tháng này {big} đồng, tăng gấp đôi",
                f"Giá vàng hôm nay {rng.randint(70, 90)}.{d(rng, 3)}.000đ/lượng",
            ]
        )
    ]


def n_date_time(rng: random.Random) -> list[Piece]:
    day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1990, 2026)
    return [
        rng.choice(
            [
                f"Hẹn {day:02d}/{month:02d}/{year} lúc {rng.randint(7, 21)}:{rng.choice(['00', '15', '30', '45'])} "
                "tại quán cũ nhé",
                f"Sự kiện diễn ra từ {year}-{month:02d}-{day:02d} đến hết tháng",
                f"Ngày {day}.{month}.{year} khai trương, giờ mở cửa {rng.randint(7, 9)}h30 - 22h",
                f"Thời gian: {day:02d}/{month:02d}/{year} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}",
                f"Hạn nộp hồ sơ {day:02d}-{month:02d}-{year}, trễ không nhận",
            ]
        )
    ]


def n_order(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Mã đơn hàng: {d(rng, 6)}{rng.choice(['KJ', 'PQ', 'TX'])}{d(rng, 4)}, shop đã giao cho GHN",
                f"Mã vận đơn SPXVN0{d(rng, 11)} đang trên đường giao",
                f"Đơn #{d(rng, 13)} đã được xác nhận, dự kiến giao {rng.randint(2, 5)} ngày",
                f"Mã vận đơn {d(rng, 12)} bên Viettel Post, tra cứu trên web",
                f"Mã giao dịch FT{d(rng, 14)} thành công",
                f"Số hóa đơn: 00{d(rng, 5)}, ký hiệu 1C24TAA",
                f"Mã tra cứu hóa đơn điện tử {d(rng, 10)}",
            ]
        )
    ]


def n_hotline(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Tổng đài hỗ trợ 1900 {d(rng, 4)} (miễn phí)",
                f"Gọi 1900.{d(rng, 4)} để đặt lịch",
                f"Hotline 1800 {d(rng, 3)} {d(rng, 3)} hoạt động 24/7",
                "Gặp sự cố gọi ngay 113, cấp cứu 115, cứu hỏa 114",
                f"CSKH: 1800{d(rng, 4)}",
                f"Đường dây nóng 1900{d(rng, 4)} tiếp nhận phản ánh",
            ]
        )
    ]


def n_landline(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Văn phòng: 028 {d(rng, 4)} {d(rng, 4)} (giờ hành chính)",
                f"ĐT bàn (024) 3{d(rng, 7)}",
                f"Điện thoại cơ quan 0236.3{d(rng, 2)}.{d(rng, 4)}",
                f"Fax: 028.3{d(rng, 3)}.{d(rng, 4)}",
                f"Phòng khám: 0251 3{d(rng, 6)}, nghỉ chủ nhật",
            ]
        )
    ]


def n_fake_cccd(rng: random.Random) -> list[Piece]:
    bad_prov = rng.choice(NO_PROVINCE) + str(rng.randint(0, 3)) + d(rng, 8)
    future = cccd_digits(rng, year=rng.randint(2031, 2099))
    return [
        rng.choice(
            [
                f"Số CCCD {bad_prov} là số giả, hệ thống báo không hợp lệ",
                f"Mã khách hàng {bad_prov} vui lòng giữ lại để đối chiếu",
                f"Dãy số {future} trong video chỉ là số minh họa",
                f"Mã hồ sơ: {bad_prov}",
                f"Mã giao dịch {bad_prov} đã hoàn tất",
            ]
        )
    ]


def n_bad_card(rng: random.Random) -> list[Piece]:
    digits = card_digits(rng, valid=False)
    return [
        rng.choice(
            [
                f"Số thẻ {group(digits, [4, 4, 4, 4], ' ')} báo sai, chắc gõ nhầm",
                f"Thẻ {group(digits, [4, 4, 4, 4], '-')} không thanh toán được",
                f"Mã quà tặng {digits} đã hết hạn",
            ]
        )
    ]


def n_codes(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Mã OTP của bạn là {d(rng, 6)}, tuyệt đối không chia sẻ cho ai",
                f"Mã số thuế: 03{rng.choice('01')}{d(rng, 7)}",
                f"MST 010{d(rng, 7)}-001, địa chỉ Cầu Giấy",
                f"MSSV {rng.randint(19, 24)}52{d(rng, 4)} lớp KHMT{rng.randint(1, 3)}",
                f"Số báo danh 0{d(rng, 7)}, phòng thi 12",
                f"Mã sinh viên B{rng.randint(19, 23)}0{d(rng, 4)} (Đại học Cần Thơ)",
                f"Barcode {rng.choice(['893', '890'])}{d(rng, 10)} trên bao bì",
                f"Địa chỉ IP 192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)} bị chặn",
                f"Bản cập nhật v{rng.randint(1, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 99)} sửa lỗi",
                f"Video đạt {rng.randint(1, 9)}.{d(rng, 3)}.{d(rng, 3)} lượt xem sau {rng.randint(2, 9)} ngày",
                f"Dân số {rng.randint(90, 99)}.{d(rng, 3)}.{d(rng, 3)} người",
                f"ID bài viết 1000{d(rng, 11)}",
            ]
        )
    ]


def n_plate_like(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Phòng {rng.randint(10, 25)}A-0{rng.randint(1, 9)} tầng {rng.randint(2, 30)}",
                f"Tivi model 43UN{d(rng, 4)} giá tốt",
                f"Mã sp 30A-{d(rng, 5)} còn hàng",
                f"Căn hộ A{rng.randint(10, 25)}-0{rng.randint(1, 9)}.{rng.randint(10, 20)} view sông",
                f"Lớp 12A{rng.randint(1, 9)} niên khóa 2019-2022 họp lớp",
                f"Xe buýt số {rng.randint(1, 150)} chạy tuyến Bến Thành - Chợ Lớn",
            ]
        )
    ]


def n_mail_like(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                "Tải ảnh logo@2x.png về dùng thoải mái",
                f"Cảm ơn @{rng.choice(MAIL_USERS).replace('.', '_')} đã chia sẻ",
                "Tag bạn bè vào đây @tuấn @hà",
                "File icon@3x.jpg bị lỗi hiển thị",
            ]
        )
    ]


def n_numbers(rng: random.Random) -> list[Piece]:
    return [
        rng.choice(
            [
                f"Nhiệt độ {rng.randint(20, 39)} độ, độ ẩm {rng.randint(40, 99)}%",
                f"Kết quả xổ số giải đặc biệt {d(rng, 6)}",
                f"Tỷ số chung cuộc {rng.randint(0, 5)}-{rng.randint(0, 5)}",
                f"Bảo hành {rng.randint(6, 36)} tháng, mã bảo hành BH{d(rng, 8)}",
                f"Số lô sản xuất {d(rng, 9)}, hạn dùng 2027",
                f"Quãng đường {rng.randint(100, 1800)} km, tốn {rng.randint(5, 80)} lít xăng",
            ]
        )
    ]


NEGATIVE: list[Tmpl] = [
    n_price,
    n_date_time,
    n_order,
    n_hotline,
    n_landline,
    n_fake_cccd,
    n_bad_card,
    n_codes,
    n_plate_like,
    n_mail_like,
    n_numbers,
]

OPENERS = [
    "",
    "",
    "Mọi người ơi, ",
    "Cho mình hỏi chút. ",
    "Up lại bài cũ. ",
    "Cả nhà chú ý. ",
    "Tin nóng: ",
    "Chia sẻ cho ai cần. ",
]
CLOSERS = ["", "", "", ".", "!!", " ạ.", " nhé mọi người.", "\nCảm ơn cả nhà đã đọc."]


def emoji(rng: random.Random) -> str:
    return rng.choice(EMOJI) * rng.randint(1, 2)


def build(pieces: list[Piece], rng: random.Random) -> dict[str, object]:
    plain = rng.random() < 0.3
    teencode = rng.random() < 0.3
    shout = rng.random() < 0.08
    parts: list[Piece] = [rng.choice(OPENERS), *pieces, rng.choice(CLOSERS)]
    text = ""
    ents: list[dict[str, object]] = []
    for i, p in enumerate(parts):
        if isinstance(p, tuple):
            value, label = p
            if rng.random() < 0.12 and text and text[-1] == " ":  # emoji glued before the value
                text += rng.choice(["👉", "📞", "☎️"])
            ents.append({"start": len(text), "end": len(text) + len(value), "label": label})
            text += value
            if rng.random() < 0.08:  # emoji glued after the value
                text += emoji(rng)
        else:
            s = noisy(p, rng, plain, teencode)
            if shout and i > 0:
                s = s.upper()
            text += s
    if rng.random() < 0.25:
        text += " " + emoji(rng)
    for e in ents:
        s, t = int(str(e["start"])), int(str(e["end"]))
        assert text[s:t].strip() == text[s:t] and t > s
    return {"text": text, "entities": ents}


def generate(n: int, seed: int, negative_share: float = 0.45) -> list[dict[str, object]]:
    rng = random.Random(seed)
    posts = []
    for _ in range(n):
        if rng.random() < negative_share:
            pieces: list[Piece] = []
            for j, t in enumerate(rng.sample(NEGATIVE, rng.choice([1, 1, 2, 2, 3]))):
                pieces += ([". "] if j else []) + t(rng)
        else:
            pieces = rng.choice(POSITIVE)(rng)
            if rng.random() < 0.35:  # a hard negative in the same post
                pieces = [*pieces, ". ", *rng.choice(NEGATIVE)(rng)]
        posts.append(build(pieces, rng))
    return posts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=320)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    posts = generate(args.n, args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for p in posts:
            fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    neg = sum(1 for p in posts if not p["entities"])
    print(f"{args.out}: {len(posts)} posts, {neg} ({neg / len(posts):.0%}) hard negatives only")


if __name__ == "__main__":
    main()
