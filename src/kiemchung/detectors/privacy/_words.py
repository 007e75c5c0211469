"""Context words of each personal-data label (matched on the diacritic-free key: write them either way).

Kept in one place because recognizers whose formats collide read each other's words: the nearest word to a
number decides whether it is a phone, an account number or an ID (see :mod:`kiemchung.detectors.context`).
"""

from __future__ import annotations

PHONE = (
    "số điện thoại", "số đt", "sđt", "sdt", "đt", "dt", "đthoai", "điện thoại", "dien thoai", "di động", "didong",
    "dđ", "phone", "tel", "mobile", "hotline cá nhân", "zalo", "za lo", "zl", "viber", "telegram", "gọi", "goi",
    "gọi ngay", "call", "nhắn tin", "nhan tin", "sms", "inbox", "ib", "liên hệ", "lien he", "lh", "alo",
    "số máy", "đầu số", "liên lạc", "sim", "nt", "số",
)

BANK = (
    "số tài khoản", "so tai khoan", "stk", "số tk", "so tk", "tài khoản", "tai khoan", "tk", "tkhoan", "acc",
    "account", "account number", "số tài khoản ngân hàng", "ngân hàng", "ngan hang", "nh", "chuyển khoản",
    "chuyen khoan", "ck", "chuyển tiền vào", "chuyển vào", "nạp vào", "chủ tài khoản", "ctk", "bank",
    "vietcombank", "vcb", "techcombank", "tcb", "mb", "mbbank", "mb bank", "quân đội", "bidv", "agribank", "acb",
    "tpbank", "tp bank", "vpbank", "vp bank", "sacombank", "stb", "vietinbank", "ctg", "vib", "shb", "hdbank",
    "ocb", "msb", "seabank", "eximbank", "lpbank", "lienvietpostbank", "scb", "abbank", "bac a bank", "bacabank",
    "namabank", "nam a bank", "pvcombank", "kienlongbank", "vietbank", "baovietbank", "ncb", "pgbank", "saigonbank",
    "dongabank", "oceanbank", "gpbank", "cbbank", "vrb", "uob", "hsbc", "shinhan", "standard chartered",
    "woori", "cake", "timo", "tnex", "ubank", "momo", "viettelpay", "viettel money", "zalopay", "vnpay",
)
BANK_AFTER = tuple(w for w in BANK if w not in ("tk", "stk", "số tài khoản", "so tai khoan", "số tk", "so tk",
                                                "tài khoản", "tai khoan", "chuyển khoản", "chuyen khoan", "ck",
                                                "chuyển tiền vào", "chuyển vào", "nạp vào", "acc", "account",
                                                "account number", "tkhoan", "ctk", "chủ tài khoản", "nh"))

CARD = (
    "số thẻ", "so the", "thẻ", "the", "thẻ tín dụng", "the tin dung", "thẻ ghi nợ", "thẻ atm", "the atm", "atm",
    "visa", "mastercard", "master card", "master", "jcb", "amex", "american express", "napas", "unionpay",
    "credit card", "debit card", "card", "card number", "cvv", "thẻ visa", "thẻ master",
)

CCCD = (
    "cccd", "căn cước", "can cuoc", "căn cước công dân", "can cuoc cong dan", "thẻ căn cước", "cc", "số cc",
    "số định danh", "so dinh danh", "mã định danh", "ma dinh danh", "định danh cá nhân", "id", "cmnd/cccd",
    "cccd/cmnd", "cmt/cccd", "cmnd", "cmt", "chứng minh", "gttt", "giấy tờ tùy thân",
)

CMND = (
    "cmnd", "cmt", "chứng minh", "chung minh", "chứng minh nhân dân", "chung minh nhan dan", "chứng minh thư",
    "chung minh thu", "số cm", "so cm", "cmtnd", "cmnd/cccd", "cccd/cmnd", "cmt/cccd", "gttt",
)

PASSPORT = (
    "hộ chiếu", "ho chieu", "passport", "pp", "số hộ chiếu", "so ho chieu", "hc", "số hc", "passport no",
    "passport number",
)

PLATE = (
    "biển số", "bien so", "biển kiểm soát", "bien kiem soat", "bks", "bsx", "biển", "bien", "xe", "ô tô", "o to",
    "oto", "xe máy", "xe may", "xe hơi", "xe tải", "xe con", "taxi", "grab", "mang biển", "mang bien",
)

# Words that make a number something else: amounts, order and tracking codes, hotlines, dates and times.
NUMERIC_NEGATIVE = (
    "mã đơn", "mã đơn hàng", "đơn hàng", "don hang", "mã vận đơn", "ma van don", "vận đơn", "van don",
    "mvđ", "mvd", "mã gd", "ma gd", "mã giao dịch", "ma giao dich", "giao dịch", "order", "order id",
    "tracking", "mã tra cứu", "mã hóa đơn", "hóa đơn", "hoa don", "mã sp", "sku", "mã sản phẩm", "serial",
    "imei", "mã số thuế", "mst", "mã bưu", "mã otp", "otp", "mã xác nhận", "mã kích hoạt", "mã khuyến mãi",
    "voucher", "code", "giá chỉ", "giá bán", "giá gốc", "tổng", "tong", "tổng tiền", "số tiền",
    "thành tiền", "phí", "lương", "thu nhập", "doanh thu", "khoản vay", "tiền nợ", "ship", "giá tiền", "tổng cộng",
    "tổng đài", "tong dai", "hotline", "cskh", "chăm sóc khách hàng", "dân số", "lượt xem", "view",
    "mã bhxh", "bhxh", "bảo hiểm xã hội", "bhyt", "mã hồ sơ", "số hồ sơ", "số văn bản", "số quyết định",
    "mã vé", "số vé", "mã đặt chỗ", "booking", "mã lớp", "mssv", "mã sinh viên", "mã nhân viên", "msnv",
)

# The words that claim a number for a label strongly enough to take it from a colliding recognizer.
PHONE_STRONG = (
    "số điện thoại", "sđt", "số đt", "đt", "điện thoại", "di động", "phone", "tel", "mobile", "zalo", "zl",
    "viber", "telegram", "gọi", "call", "nhắn tin", "sms", "liên hệ", "lh", "alo", "số máy", "hotline cá nhân",
)
BANK_STRONG = tuple(w for w in BANK if w not in ("acc", "nh"))
CARD_STRONG = (
    "số thẻ", "thẻ tín dụng", "thẻ ghi nợ", "thẻ atm", "thẻ visa", "thẻ master", "visa", "mastercard", "jcb",
    "amex", "credit card", "debit card", "card number", "napas", "unionpay",
)
CCCD_STRONG = ("cccd", "căn cước", "căn cước công dân", "số định danh", "mã định danh", "định danh cá nhân")
CMND_STRONG = ("cmnd", "cmt", "chứng minh", "chứng minh nhân dân", "chứng minh thư", "cmtnd")
