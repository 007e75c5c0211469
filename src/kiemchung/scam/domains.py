"""Curated official Vietnamese domains (banks, e-wallets, government portals, platforms) and link-risk lists.

``OFFICIAL`` maps a registrable domain to the brand keyword that lookalikes borrow. Sources: each organisation's own
website as published; Cục An toàn thông tin warnings list the same brands as the ones most often impersonated.
"""

from __future__ import annotations

# registrable domain -> (brand key, kind)
OFFICIAL: dict[str, tuple[str, str]] = {
    # banks
    "vietcombank.com.vn": ("vietcombank", "bank"),
    "vcb.com.vn": ("vietcombank", "bank"),
    "techcombank.com.vn": ("techcombank", "bank"),
    "techcombank.com": ("techcombank", "bank"),
    "mbbank.com.vn": ("mbbank", "bank"),
    "bidv.com.vn": ("bidv", "bank"),
    "agribank.com.vn": ("agribank", "bank"),
    "vietinbank.vn": ("vietinbank", "bank"),
    "acb.com.vn": ("acb", "bank"),
    "tpb.vn": ("tpbank", "bank"),
    "tpbank.vn": ("tpbank", "bank"),
    "vpbank.com.vn": ("vpbank", "bank"),
    "sacombank.com.vn": ("sacombank", "bank"),
    "shb.com.vn": ("shb", "bank"),
    "hdbank.com.vn": ("hdbank", "bank"),
    "vib.com.vn": ("vib", "bank"),
    "ocb.com.vn": ("ocb", "bank"),
    "msb.com.vn": ("msb", "bank"),
    "seabank.com.vn": ("seabank", "bank"),
    "eximbank.com.vn": ("eximbank", "bank"),
    "lpbank.com.vn": ("lpbank", "bank"),
    "namabank.com.vn": ("namabank", "bank"),
    "scb.com.vn": ("scb", "bank"),
    "abbank.vn": ("abbank", "bank"),
    "baovietbank.vn": ("baovietbank", "bank"),
    "cake.vn": ("cake", "bank"),
    "timo.vn": ("timo", "bank"),
    "sbv.gov.vn": ("sbv", "gov"),
    # e-wallets and payments
    "momo.vn": ("momo", "wallet"),
    "zalopay.vn": ("zalopay", "wallet"),
    "vnpay.vn": ("vnpay", "wallet"),
    "shopeepay.vn": ("shopeepay", "wallet"),
    "viettelmoney.vn": ("viettelmoney", "wallet"),
    "viettelpay.vn": ("viettelpay", "wallet"),
    "napas.com.vn": ("napas", "wallet"),
    "vnptmoney.vn": ("vnptmoney", "wallet"),
    # government
    "chinhphu.vn": ("chinhphu", "gov"),
    "dichvucong.gov.vn": ("dichvucong", "gov"),
    "bocongan.gov.vn": ("bocongan", "gov"),
    "vneid.gov.vn": ("vneid", "gov"),
    "dichvucong.bocongan.gov.vn": ("dichvucong", "gov"),
    "gdt.gov.vn": ("gdt", "gov"),
    "thuedientu.gdt.gov.vn": ("thuedientu", "gov"),
    "baohiemxahoi.gov.vn": ("baohiemxahoi", "gov"),
    "vssid.gov.vn": ("vssid", "gov"),
    "mic.gov.vn": ("mic", "gov"),
    "ais.gov.vn": ("ais", "gov"),
    "canhbao.khonggianmang.vn": ("khonggianmang", "gov"),
    "khonggianmang.vn": ("khonggianmang", "gov"),
    "csgt.vn": ("csgt", "gov"),
    "evn.com.vn": ("evn", "utility"),
    "evnhcmc.vn": ("evn", "utility"),
    "vnpost.vn": ("vnpost", "utility"),
    "viettel.vn": ("viettel", "telco"),
    "viettel.com.vn": ("viettel", "telco"),
    "vinaphone.com.vn": ("vinaphone", "telco"),
    "vinaphoneplus.com.vn": ("vinaphone", "telco"),
    "vietteltelecom.vn": ("viettel", "telco"),
    "viettelpost.vn": ("viettel", "utility"),
    "viettelpost.com.vn": ("viettel", "utility"),
    "vtmoney.vn": ("viettelmoney", "wallet"),
    "tv360.vn": ("viettel", "telco"),
    "vnpt.com.vn": ("vnpt", "telco"),
    "vnpt.vn": ("vnpt", "telco"),
    "myvnpt.vn": ("vnpt", "telco"),
    "fpt.vn": ("fpt", "telco"),
    "fpt.com.vn": ("fpt", "telco"),
    "vietnamobile.com.vn": ("vietnamobile", "telco"),
    "mservice.com.vn": ("momo", "wallet"),
    "mobifone.vn": ("mobifone", "telco"),
    # platforms
    "facebook.com": ("facebook", "platform"),
    "fb.com": ("facebook", "platform"),
    "messenger.com": ("messenger", "platform"),
    "zalo.me": ("zalo", "platform"),
    "zalo.vn": ("zalo", "platform"),
    "shopee.vn": ("shopee", "platform"),
    "lazada.vn": ("lazada", "platform"),
    "tiki.vn": ("tiki", "platform"),
    "tiktok.com": ("tiktok", "platform"),
    "youtube.com": ("youtube", "platform"),
    "google.com": ("google", "platform"),
    "apple.com": ("apple", "platform"),
    "binance.com": ("binance", "platform"),
    "telegram.org": ("telegram", "platform"),
    "t.me": ("telegram", "platform"),
    "grab.com": ("grab", "platform"),
    "be.com.vn": ("be", "platform"),
    "vnexpress.net": ("vnexpress", "news"),
    "tuoitre.vn": ("tuoitre", "news"),
    "thanhnien.vn": ("thanhnien", "news"),
    "dantri.com.vn": ("dantri", "news"),
    "vtv.vn": ("vtv", "news"),
    "nhandan.vn": ("nhandan", "news"),
}

# brand keys long enough to be matched inside other names without false alarms (short ones like "acb", "vib"
# are matched only as whole labels)
# short names that phishing hosts use for a brand ("vcb-xacthuc.top")
ALIASES: dict[str, str] = {
    "vcb": "vietcombank", "tcb": "techcombank", "vtb": "vietinbank", "ctg": "vietinbank", "agri": "agribank",
    "tpb": "tpbank", "vpb": "vpbank", "stb": "sacombank", "hdb": "hdbank", "mbb": "mbbank", "bidv": "bidv",
    "sacom": "sacombank", "vietin": "vietinbank", "techcom": "techcombank", "vietcom": "vietcombank",
    "bhxh": "baohiemxahoi", "dvc": "dichvucong", "congan": "bocongan", "fb": "facebook", "tiktokshop": "tiktok",
}
BRAND_KEYS: frozenset[str] = frozenset(b for b, _ in OFFICIAL.values()) | frozenset(ALIASES)
MIN_SUBSTRING_BRAND = 4

SHORTENERS: frozenset[str] = frozenset(
    {
        "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "cutt.ly", "rb.gy", "shorturl.at", "tiny.cc",
        "rebrand.ly", "s.id", "v.gd", "bitly.com", "short.io", "shorten.vn", "link1s.com", "urlzs.com", "t.ly",
        "bom.so", "bom.to", "1url.vn", "hi.link", "shope.ee", "s.net.vn", "surl.li", "lnkd.in", "qr.ae",
    }
)
# app deep-link services that brands use in their own messages: judged as plain links
LINK_SERVICES: frozenset[str] = frozenset({"go.link", "onelink.me", "page.link", "app.link", "app.goo.gl", "lnk.to"})

# shortener hosts that belong to a legitimate brand (still flagged only with other signals)
BRAND_SHORTENERS: frozenset[str] = frozenset({"shope.ee", "s.shopee.vn", "vt.tiktok.com", "fb.me", "m.me"})

RISKY_TLDS: frozenset[str] = frozenset(
    {
        "xyz", "top", "click", "cc", "vip", "tk", "ml", "ga", "cf", "gq", "icu", "buzz", "cyou", "cfd", "sbs", "lat",
        "bond", "rest", "monster", "quest", "live", "online", "site", "shop", "fun", "win", "bet", "club", "work",
        "support", "help", "link", "app", "asia", "pw", "su", "ws", "today", "life", "store", "one", "info",
    }
)

# two-level public suffixes we see in Vietnam (for finding the registrable domain)
SECOND_LEVEL: frozenset[str] = frozenset(
    {"com.vn", "net.vn", "org.vn", "gov.vn", "edu.vn", "info.vn", "biz.vn", "name.vn", "pro.vn", "health.vn",
     "ac.vn", "int.vn", "co.uk", "com.au", "com.sg", "co.jp", "com.cn", "com.hk"}
)

# lookalike characters seen in phishing hosts: map to the letter they imitate
CONFUSABLES: dict[str, str] = {
    "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "$": "s", "@": "a",
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "к": "k", "м": "m", "т": "t", "в": "b",
    "н": "h", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ɡ": "g", "ո": "n", "ս": "u", "ο": "o", "α": "a", "ν": "v",
    "ι": "i", "κ": "k", "τ": "t", "ρ": "p", "ı": "i", "ɩ": "i", "ḿ": "m", "ṁ": "m", "ạ": "a", "ọ": "o", "ẹ": "e",
}
