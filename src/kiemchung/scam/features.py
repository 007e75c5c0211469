"""Masking and hashed features for the scam classifier (shared by training and detection).

Masking runs before any feature is made: URLs, e-mails, phone numbers, hotlines, amounts, codes/OTPs and digit
runs become placeholder words at training and at detection time alike; personal names are masked too at training
time (``featurize_text``), so the model never sees them. Features are CRC-32-hashed word 1–2-grams of the
diacritic-free key, so the shipped model holds no vocabulary of the training texts.
"""

from __future__ import annotations

import re
import zlib

from kiemchung.text.normalize import normalize

N_FEATURES = 1 << 20
_MASK = N_FEATURES - 1

# Order matters: URLs first (they contain digits and dots), then e-mails, phones, codes, money, digit runs.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|info|xyz|top|click|cc|vip|me|ly|"
    r"co|io|site|online|shop|link|app|asia|biz|pro|club|live|store|fun|icu|buzz|tk|ml|ga|cf|gq|win|bet|lat|cfd|sbs|"
    r"today|world|tech|gov|edu|us|in)\b(?:/\S*)?",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\w])")
_HOTLINE = re.compile(r"(?<![\w])1[89]00(?:[\s.\-]?\d){4,6}(?![\w])")
_MONEY = re.compile(r"\b\d{1,3}(?:[.,]\d{3})+(?:\s?(?:đ|d|vnd|vnđ|dong|đồng)\b)?|\b\d+\s?(?:k|tr|triệu|trieu|ty|tỷ)\b", re.I)
_CODE = re.compile(r"\b(?=[a-z]*\d)(?=\d*[a-z])[a-z0-9]{5,}\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d{4,}")
_SURNAMES = (
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trương|Lâm|Mai|Trịnh|"
    "Đào|Cao|Lương|Tạ|Hà|Tô|Châu|Thái|Quách|Kiều|Lưu|Văn|Nguyen|Tran|Pham|Hoang|Huynh|Vu|Vo|Dang|Bui|Do|Ho|Ngo|"
    "Duong|Ly|Dinh|Doan|Truong|Lam|Trinh|Dao|Luong|Ta|Ha|To|Chau|Thai|Quach|Kieu|Luu"
)
_CAP = r"[A-ZÀ-ỸĐ][a-zà-ỹđ]+"
_NAME = re.compile(rf"\b(?:{_SURNAMES})(?:\s+{_CAP}){{1,3}}\b|\b(?:[Aa]nh|[Cc]hị|[Ee]m|[Ôô]ng|[Bb]à|[Cc]ô|[Cc]hú|[Bb]ạn)\s+({_CAP})\b")


def _name_sub(m: re.Match[str]) -> str:
    if m.group(1) is not None:  # honorific + given name: keep the honorific
        return m.group(0)[: m.start(1) - m.start(0)] + " tenriengx "
    return " tenriengx "


def mask_names(text: str) -> str:
    """Replace personal names (surname + capitalised words, or honorific + given name) in an ORIGINAL text."""
    return _NAME.sub(_name_sub, text)


def mask_key(key: str) -> str:
    """Replace URLs, e-mails, phones, hotlines, money, codes and digit runs in a lower-case key by placeholders."""
    t = key
    if _HAS_LINK.search(t) is not None:
        t = _URL.sub(" lienketx ", t)
    if "@" in t:
        t = _EMAIL.sub(" thudientux ", t)
    if _HAS_DIGIT.search(t) is None:
        return t
    t = _PHONE.sub(" sodienthoaix ", t)
    t = _HOTLINE.sub(" hotlinex ", t)
    t = _MONEY.sub(" sotienx ", t)
    t = _CODE.sub(" maxacthucx ", t)
    return _DIGITS.sub(" daysox ", t)


def mask(text: str) -> str:
    """Mask names in the original, then everything else: what training sees (never printed or stored)."""
    return mask_key(mask_names(text))


_HAS_LINK = re.compile(r"\w\.[a-z]|://|www")
_HAS_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")
_CACHE: dict[str, int] = {}
_MIX = 0x9E3779B1


def _h(w: str) -> int:
    h = _CACHE.get(w)
    if h is None:
        h = zlib.crc32(w.encode("utf-8"))
        if len(_CACHE) > 500_000:
            _CACHE.clear()
        _CACHE[w] = h
    return h


def feature_ids(key: str) -> list[int]:
    """Hashed ids of word unigrams and bigrams of a masked, diacritic-free, lower-case text."""
    words = _WORD.findall(key)
    cached = list(map(_CACHE.get, words))
    hs = [h for h in cached if h is not None]
    if len(hs) != len(cached):
        hs = [_h(w) for w in words]
    ids = [h & _MASK for h in hs]
    ids.extend(((a * _MIX) ^ b) & _MASK for a, b in zip(hs, hs[1:]))
    return ids


def featurize_key(key: str) -> list[int]:
    """Feature ids of a normalized key (what the detector uses)."""
    return feature_ids(mask_key(key))


def featurize_text(text: str) -> list[int]:
    """Feature ids of an original text (what training uses: names are masked first)."""
    return feature_ids(mask_key(normalize(mask_names(text)).key))
