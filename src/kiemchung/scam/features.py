"""Masking and hashed features for the scam classifier (shared by training and detection).

Masking runs before any feature is made: URLs, e-mails, phone numbers, hotlines, amounts, codes/OTPs and digit
runs become placeholder words at training and at detection time alike (a link keeps where it points: its top-level
domain and the letters of its host's labels, ``lienketx tldvn hostvcb``; in the SMS set legitimate links are mostly
``.vn``); personal names are masked too at training
time (``train_key``), so the model never sees them. Features are the shared hashing featurizer's word 1–2-grams
(:mod:`kiemchung.text.features`) of the masked diacritic-free key, so the shipped model holds no vocabulary of the
training texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import scipy.sparse as sp

from kiemchung.text.features import FeatureSpec, sparse_matrix
from kiemchung.text.normalize import normalize

# Order matters: e-mails first, then URLs (they contain digits and dots), phones, codes, money, digit runs.
_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|vn|net|org|info|xyz|top|click|cc|vip|me|ly|"
    r"co|io|site|online|shop|link|app|asia|biz|pro|club|live|store|fun|icu|buzz|tk|ml|ga|cf|gq|win|bet|lat|cfd|sbs|"
    r"today|world|tech|gov|edu|us|in)\b(?:/\S*)?",
    re.IGNORECASE,
)
_ANY_DIGIT = re.compile(r"\d")
_EMAIL = re.compile(r"(?<!//)\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# The number patterns start with the character every match starts with (a literal or a digit), and the test that
# the character before is no word character (``\b``, ``(?<!\w)``) comes right after it, as a look-behind over both
# characters: the same matches, but the engine skips straight to the places where one could start instead of trying
# the pattern at every position of the text.
_PHONE = re.compile(r"(?:\+(?<!\w\+)84|8(?<!\w8)4|0(?<!\w0))(?:[\s.\-]?\d){8,10}(?![\w])")  # (?<!\w)(?:\+?84|0)…
_HOTLINE = re.compile(r"1(?<!\w1)[89]00(?:[\s.\-]?\d){4,6}(?![\w])")  # (?<![\w])1[89]00…
# \b\d{1,3}(?:[.,]\d{3})+(?:\s?(?:đ|d|vnd|vnđ|dong|đồng)\b)?|\b\d+\s?(?:k|tr|triệu|trieu|ty|tỷ)\b, the first digit shared
_MONEY = re.compile(
    r"\d(?<!\w\d)(?:\d{0,2}(?:[.,]\d{3})+(?:\s?(?:đ|d|vnd|vnđ|dong|đồng)\b)?|\d*\s?(?:k|tr|triệu|trieu|ty|tỷ)\b)", re.I
)
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


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (``\\d``); substring tests are much cheaper than a character-class search."""
    for d in _ASCII_DIGITS:
        if d in text:
            return True
    return not text.isascii() and _ANY_DIGIT.search(text) is not None


def _link_words(m: re.Match[str]) -> str:
    """A link becomes ``lienketx``, its top-level domain (``tldvn``) and the letters of its host's labels
    (``hostvietcombank``): where a link points is the signal, its path and digits are not kept."""
    host = _SCHEME.sub("", m.group(0).lower()).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0]  # "user@host:port" points to host
    labels = [x for x in host.split(".") if x]
    if not labels:
        return " lienketx "
    words = ["lienketx", "tld" + _NON_LETTERS.sub("", labels[-1])]
    for label in labels[:-1]:
        for part in _HOST_SPLIT.split(label):
            part = _NON_LETTERS.sub("", part)
            if part and part not in _HOST_SKIP:
                words.append("host" + part)
    return " " + " ".join(words) + " "


def mask_key(key: str) -> str:
    """Replace URLs, e-mails, phones, hotlines, money, codes and digit runs in a lower-case key by placeholders."""
    t = key
    at = t.find("@")
    if at >= 0:  # before links: the domain of an address is not a link
        # an address has no whitespace before its "@": none starts before the whitespace ahead of the first "@"
        cut = max(t.rfind(" ", 0, at), t.rfind("\n", 0, at), t.rfind("\t", 0, at)) + 1
        t = t[:cut] + _EMAIL.sub(" thudientux ", t[cut:])
    if "://" in t or "www" in t or _DOT_LETTER.search(t) is not None:
        t = _mask_links(t)
    raw = t.encode("ascii", "replace")  # a character outside ASCII is "?"
    cls = raw.translate(_CLASSES)
    first = cls.find(b"0")  # the first ASCII digit
    if not t.isascii():
        # the characters outside ASCII alone (UTF-8 less its ASCII bytes): most keys hold a few (emoji, quotes)
        odd = t.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if first < 0 and _ANY_DIGIT.search(odd) is None:
            return t  # no digit (\d) at all
        if _WORD_OR_SPACE.search(odd) is not None:  # other scripts have other digits (\d) and letters (\w)
            return _mask_digits_all(t)  # every pattern runs
        # every character outside ASCII is a symbol or a mark (an emoji, a quote): no pattern here matches it, and
        # to the patterns' word and space tests it is what "?" is, so the ASCII pre-tests hold with "?" in its place
    if first < 0:
        return t
    # every digit placeholder's match starts at or after the whitespace before the first digit, and ends before the
    # first whitespace after the last digit that does not follow it directly (a match holds a digit, ends in one or
    # in an amount's unit after one space at most, or in a code's last character; the placeholders hold no digit and
    # end in a space, so the same holds after each step): mask only what lies between
    cut = max(t.rfind(" ", 0, first), t.rfind("\n", 0, first), t.rfind("\t", 0, first)) + 1
    end = len(t)
    after = cls.rfind(b"0") + 2
    for space in " \n\t":
        k = t.find(space, after, end)
        if k >= 0:
            end = k
    return t[:cut] + _mask_digits(t[cut:end], cls[cut:end]) + t[end:]


def _mask_links(t: str) -> str:
    """``_URL.sub(_link_words, t)``: every link holds a "." or a ":" (of "://") with no whitespace before the first
    one, so none starts before the whitespace ahead of the text's first "." or ":"; only the rest is searched."""
    dot, colon = t.find("."), t.find(":")
    first = colon if dot < 0 else dot if colon < 0 else min(dot, colon)
    if first < 0:
        return t
    cut = max(t.rfind(" ", 0, first), t.rfind("\n", 0, first), t.rfind("\t", 0, first)) + 1
    return t[:cut] + _URL.sub(_link_words, t[cut:])


def _mask_digits(t: str, cls: bytes) -> str:
    """``_mask_digits_all`` for ASCII text (or text whose other characters are symbols), whose classes of characters
    (``_ascii_classes``: letter "a", digit "0", other " ") are ``cls``: cheap exact pre-tests skip the patterns that
    cannot match. A phone number has 9 digits or more, one separator at most between two (so 9 in a row once
    separators are dropped); an amount has a digit before "." or "," and a digit, or before "k"/"t" (k, tr, triệu,
    ty, tỷ); a code a letter next to a digit; a digit run 4 digits."""
    if cls.count(b"0") >= 9 and b"000000000" in t.encode("ascii", "replace").translate(_DIGIT_RUNS, _PHONE_SEPARATORS):
        t = _PHONE.sub(" sodienthoaix ", t)
    if "1800" in t or "1900" in t:  # every hotline starts so
        t = _HOTLINE.sub(" hotlinex ", t)
    money = t.encode("ascii", "replace").translate(_MONEY_CLASSES)
    if b"0.0" in money or b"0k" in money or b"0t" in money or b"0 k" in money or b"0 t" in money:
        t = _MONEY.sub(" sotienx ", t)
    cls = _ascii_classes(t)
    if b"a0" in cls or b"0a" in cls:  # a code mixes letters and digits, so a letter touches a digit
        t = _CODE.sub(" maxacthucx ", t)
        cls = _ascii_classes(t)
    return _DIGITS.sub(" daysox ", t) if cls.count(b"0") >= 4 else t


def _mask_digits_all(t: str) -> str:
    t = _PHONE.sub(" sodienthoaix ", t)
    if "1800" in t or "1900" in t:
        t = _HOTLINE.sub(" hotlinex ", t)
    t = _MONEY.sub(" sotienx ", t)
    if _LETTER_DIGIT.search(t) is not None:
        t = _CODE.sub(" maxacthucx ", t)
    return _DIGITS.sub(" daysox ", t)


def _ascii_classes(t: str) -> bytes:
    return t.encode("ascii", "replace").translate(_CLASSES)  # a character outside ASCII is "?": other


def mask(text: str) -> str:
    """Mask names in the original, then everything else: what training sees (never printed or stored)."""
    return mask_key(mask_names(text))


_SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.IGNORECASE)
_NON_LETTERS = re.compile(r"[^a-z]+")
_HOST_SPLIT = re.compile(r"[-_]")
_HOST_SKIP = frozenset(("www", "com"))
# "." between a word character and a letter; with "://" and "www": could the text hold a URL? (The pattern starts
# with the literal ".", which the engine skips to, and looks back from it.)
_DOT_LETTER = re.compile(r"\.(?<=\w\.)[a-z]")
_ASCII_DIGITS = "0123456789"
_LETTER_DIGIT = re.compile(r"[a-z]\d|\d[a-z]", re.IGNORECASE)
# for the amount pre-test: digit "0", "." or "," ".", k/K "k", t/T "t", whitespace (``\\s``) " ", other "x"
_WORD_OR_SPACE = re.compile(r"[\w\s]")  # searched in a key's characters outside ASCII only
_ASCII_BYTES = bytes(range(128))  # deleted from UTF-8: what is left are the characters outside ASCII
# for the phone pre-test: separators ([\s.-]) dropped, digit "0", other "x"
_PHONE_SEPARATORS = bytes(i for i in range(128) if chr(i).isspace() or chr(i) in ".-")
_DIGIT_RUNS = bytes(ord("0") if chr(i) in _ASCII_DIGITS else ord("x") for i in range(256))
_MONEY_CLASSES = bytes(
    ord("0") if chr(i) in _ASCII_DIGITS else ord(".") if chr(i) in ".," else ord(chr(i).lower()) if chr(i) in "kKtT"
    else 32 if chr(i).isspace() else ord("x")
    for i in range(256)
)
_CLASSES = bytes(ord("a") if chr(i).isascii() and chr(i).isalpha() else ord("0") if chr(i) in _ASCII_DIGITS else 32
                 for i in range(256))

# word unigrams and bigrams of the masked diacritic-free key, 2**18 buckets (kiemchung.text.features)
SPEC = FeatureSpec(bits=18, key_char=(), word_norm=False, word_key=True, bigram_key=True, bigram_norm=False)


def train_key(text: str) -> str:
    """The masked key of an ORIGINAL text as training sees it (names masked too; never printed or stored)."""
    return mask_key(normalize(mask_names(text)).key)


def feature_matrix(masked: Sequence[str], spec: FeatureSpec = SPEC) -> sp.csr_matrix:
    """L2-normalized sublinear tf features of masked keys (training)."""
    return sparse_matrix(spec, masked, masked)
