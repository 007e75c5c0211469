"""Masking and hashed features for the scam classifier (shared by training and detection).

Masking runs before any feature is made, at training and at detection time alike, so the model never sees
(and never stores) phone numbers, URLs, codes, long digit runs or personal names: they become placeholder tokens.
Features are hashed (CRC-32) word 1–2-grams and character 4-grams of the diacritic-free key, so the shipped model
holds no vocabulary of the training texts.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

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


def mask(text: str) -> str:
    """Replace URLs, e-mails, phones, hotlines, money, codes, digit runs and personal names by placeholder words."""
    t = _URL.sub(" lienketx ", text)
    t = _EMAIL.sub(" thudientux ", t)
    t = _PHONE.sub(" sodienthoaix ", t)
    t = _HOTLINE.sub(" hotlinex ", t)
    t = _MONEY.sub(" sotienx ", t)
    t = _CODE.sub(" maxacthucx ", t)
    t = _DIGITS.sub(" daysox ", t)
    t = _NAME.sub(_name_sub, t)
    return t


_WORD = re.compile(r"\w+")


def _h(s: str) -> int:
    return zlib.crc32(s.encode("utf-8")) & _MASK


def feature_ids(key: str) -> list[int]:
    """Hashed feature ids of a masked, diacritic-free, lower-case text."""
    words = _WORD.findall(key)
    feats = [_h(w) for w in words]
    feats.extend(_h(a + " " + b) for a, b in zip(words, words[1:]))
    s = " " + " ".join(words) + " "
    feats.extend(_h("#" + s[i : i + 4]) for i in range(len(s) - 3))
    return feats


def featurize(text: str) -> list[int]:
    """Mask the ORIGINAL text, normalize it and hash its features."""
    return feature_ids(normalize(mask(text)).key)


def featurize_many(texts: Iterable[str]) -> list[list[int]]:
    return [featurize(t) for t in texts]
