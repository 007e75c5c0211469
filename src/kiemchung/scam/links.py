"""Link analysis: find URLs and bare domains in a text and judge each against the curated official domains.

Verdicts (strongest first): ``homoglyph`` (punycode / look-alike letters that spell a brand), ``typosquat`` (a brand
misspelt by one or two edits), ``brand_in_domain`` (a brand in a subdomain or glued to other words on a domain that
is not the brand's), ``ip_host``, ``brand_in_path`` (a brand in the path of another site), ``shortener``,
``risky_tld``, ``official`` and ``other``. Spans index the text that was given.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kiemchung.scam.domains import (
    ALIASES,
    BRAND_KEYS,
    BRAND_SHORTENERS,
    CONFUSABLES,
    LINK_SERVICES,
    MIN_SUBSTRING_BRAND,
    OFFICIAL,
    RISKY_TLDS,
    SECOND_LEVEL,
    SHORTENERS,
)

_TLDS = (
    "com|vn|net|org|info|xyz|top|click|cc|vip|me|ly|co|io|site|online|shop|link|app|asia|biz|pro|club|live|store|"
    "fun|icu|buzz|tk|ml|ga|cf|gq|win|bet|lat|cfd|sbs|cyou|bond|rest|monster|quest|work|support|help|pw|su|ws|"
    "today|life|one|world|tech|gl|gd|at|id|in|us|to|so|ee|li"
)
_LINK = re.compile(
    r"(?:https?://|hxxps?://|www\.)[^\s<>\"'，。]+"
    rf"|(?<![\w@.\-])(?:[\w\-]+\.)+(?:{_TLDS})(?![\w\-])(?:[/?#][^\s<>\"']*)?",
    re.IGNORECASE,
)
_TRAIL = ".,;:!?)]}>'\"…"
_IP = re.compile(r"^\d{1,3}(?:\.\d{1,3}){3}$")

# verdict -> risk score (0..1) it contributes on its own
VERDICT_RISK: dict[str, float] = {
    "homoglyph": 0.95,
    "typosquat": 0.92,
    "brand_in_domain": 0.9,
    "ip_host": 0.75,
    "brand_in_path": 0.7,
    "shortener": 0.35,
    "risky_tld": 0.4,
    "official": 0.0,
    "other": 0.1,
}
STRONG_VERDICTS = frozenset({"homoglyph", "typosquat", "brand_in_domain", "brand_in_path", "ip_host"})


@dataclass(frozen=True, slots=True)
class LinkVerdict:
    """A link found at ``text[start:end]``, its host and what it looks like."""

    start: int
    end: int
    url: str
    host: str
    verdict: str
    brand: str = ""
    detail: str = ""

    @property
    def risk(self) -> float:
        return VERDICT_RISK[self.verdict]


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (returning limit + 1) once it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        best = i
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _registrable(host: str) -> tuple[str, list[str]]:
    """(registrable domain, labels before it)."""
    labels = host.split(".")
    if len(labels) >= 3 and ".".join(labels[-2:]) in SECOND_LEVEL:
        k = 3
    else:
        k = 2
    return ".".join(labels[-k:]), labels[:-k]


def _official(host: str) -> str | None:
    parts = host.split(".")
    for i in range(len(parts) - 1):
        cand = ".".join(parts[i:])
        if cand in OFFICIAL:
            return cand
    return None


def _unconfuse(label: str) -> str:
    s = "".join(CONFUSABLES.get(c, c) for c in label)
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s


def _canon(brand: str) -> str:
    return ALIASES.get(brand, brand)


def _decode_idna(host: str) -> tuple[str, bool]:
    """Decode punycode labels; say whether any label was punycode or non-ASCII."""
    out = []
    idn = False
    for lab in host.split("."):
        if lab.startswith("xn--"):
            idn = True
            try:
                lab = lab[4:].encode("ascii").decode("punycode")
            except (UnicodeError, ValueError):
                pass
        elif not lab.isascii():
            idn = True
        out.append(lab)
    return ".".join(out), idn


def _brand_in(token: str) -> str | None:
    """A brand key contained in ``token`` (whole for short brands, substring for long ones)."""
    for part in re.split(r"[-_.]", token):
        if part in BRAND_KEYS and len(part) >= 3:
            return part
    for b in BRAND_KEYS:
        if len(b) >= MIN_SUBSTRING_BRAND + 1 and b in token:
            return b
    return None


def judge_host(host: str, path: str = "") -> tuple[str, str, str]:
    """(verdict, brand, detail) for a lower-case host and its path."""
    host = host.strip(".").lower()
    if _IP.match(host):
        return "ip_host", "", "địa chỉ IP thay cho tên miền"
    decoded, idn = _decode_idna(host)
    if _official(host):
        return "official", OFFICIAL[_official(host) or ""][0], "tên miền chính thức"
    if host in SHORTENERS or host in BRAND_SHORTENERS:
        return "shortener", "", "dịch vụ rút gọn liên kết"
    reg, subs = _registrable(decoded)
    if reg in LINK_SERVICES:
        return "other", "", "dịch vụ liên kết ứng dụng"
    reg_label = reg.split(".")[0]
    tld = reg.rsplit(".", 1)[-1]
    plain = _unconfuse(reg_label)
    # homoglyphs: look-alike letters (or punycode) that spell a brand
    if idn or plain != reg_label:
        for b in BRAND_KEYS:
            if len(b) >= 3 and (plain == b or (len(b) >= MIN_SUBSTRING_BRAND and b in plain)
                                or (len(b) >= 5 and _edit_distance(plain, b, 1) <= 1)):
                return "homoglyph", _canon(b), f"ký tự giả dạng '{b}'"
        for lab in subs:
            p = _unconfuse(lab)
            if p in BRAND_KEYS and p != lab:
                return "homoglyph", _canon(p), f"ký tự giả dạng '{p}'"
    # brand glued into the registrable label or in a subdomain
    brand = _brand_in(plain)
    if brand and plain != brand:
        return "brand_in_domain", _canon(brand), f"tên '{brand}' ghép vào tên miền lạ"
    if brand and plain == brand and reg.endswith((".edu.vn", ".gov.vn", ".org.vn", ".ac.vn")):
        return "other", "", ""
    if brand and plain == brand:  # e.g. vietcombank.xyz: the brand on a wrong TLD
        return "brand_in_domain", _canon(brand), f"tên '{brand}' trên đuôi .{tld} không chính thức"
    for lab in subs:
        sb = _brand_in(_unconfuse(lab))
        if sb:
            return "brand_in_domain", _canon(sb), f"tên '{sb}' nằm trong tên miền phụ của {reg}"
    # typosquats of long brand names
    if len(plain) >= 5:
        for b in BRAND_KEYS:
            if len(b) >= 5:
                lim = 1 if len(b) < 10 else 2
                d = _edit_distance(plain, b, lim)
                if 0 < d <= lim:
                    return "typosquat", b, f"viết sai chính tả của '{b}'"
    pb = _brand_in(path.lower()) if path else None
    if pb:
        return "brand_in_path", _canon(pb), f"tên '{pb}' trong đường dẫn của {reg}"
    if tld in RISKY_TLDS:
        return "risky_tld", "", f"đuôi tên miền .{tld} hay bị dùng để lừa đảo"
    return "other", "", ""


def find_links(text: str) -> list[LinkVerdict]:
    """Every URL or bare domain in ``text`` with its verdict."""
    out: list[LinkVerdict] = []
    # every link holds a "." or a ":" (of "://"), with no whitespace before the first one: none starts before the
    # whitespace ahead of the text's first "." or ":" (the look-behind still sees the text before ``pos``)
    dot, colon = text.find("."), text.find(":")
    first = colon if dot < 0 else dot if colon < 0 else min(dot, colon)
    if first < 0:
        return out
    pos = max(text.rfind(" ", 0, first), text.rfind("\n", 0, first), text.rfind("\t", 0, first)) + 1
    for m in _LINK.finditer(text, pos):
        s, e = m.span()
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        url = text[s:e]
        rest = re.sub(r"^(?:https?|hxxps?)://", "", url, flags=re.IGNORECASE)
        cut = len(rest)
        for ch in "/?#":
            k = rest.find(ch)
            if k != -1:
                cut = min(cut, k)
        host = rest[:cut].split("@")[-1].split(":")[0].lower()
        if "." not in host:
            continue
        verdict, brand, detail = judge_host(host, rest[cut:])
        out.append(LinkVerdict(s, e, url, host, verdict, brand, detail))
    return out
