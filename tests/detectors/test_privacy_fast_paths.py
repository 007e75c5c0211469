"""The shortcuts of the recognizers' hot path give the answers of the plain computation they stand in for."""

from __future__ import annotations

import datetime
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.detectors import patterns
from kiemchung.detectors.context import _SYMBOL, _SYMBOL_NOT_MARK, _COMBINING, aligned_key
from kiemchung.detectors.privacy import find, recognizers, resolve_overlaps
from kiemchung.detectors.privacy.cccd import current_year
from kiemchung.detectors.privacy.email import EmailRecognizer
from kiemchung.types import Finding

POSTS = [
    "Liên hệ 0912 345 678, email lan@gmail.com",
    "Giá 1.250.000đ, hotline 1900 1234, 500k, $120 0912345678",
    "STK 0071000123456 Vietcombank, CCCD 001203004567, sđt 0912345678",
    "Xe 51F-123.45, hộ chiếu C1234567, CMND 025678912, thẻ 4111 1111 1111 1111",
    "Mã đơn 0912345678. STK: 0912345678 (MB) ☎️0774 209 145 ✉️lan.nguyen@gmail.com",
    "",
]


def _reference_aligned_key(text: str) -> str | None:
    """The aligned key as computed before the one-encode shortcut (three regex passes)."""
    s = text.lower()
    if len(s) != len(text):
        return None
    if s.isascii():
        return s
    d = unicodedata.normalize("NFD", s.replace("đ", "d"))
    not_ascii_nor_mark = re.compile("[^\\x00-\\x7f\\u0300-\\u036f]")
    if not_ascii_nor_mark.search(d) is None:
        k = d.encode("ascii", "ignore").decode("ascii")
    else:
        e = _SYMBOL_NOT_MARK.sub(" ", d)
        if not_ascii_nor_mark.search(e) is None:
            k = e.encode("ascii", "ignore").decode("ascii")
        else:
            k = _COMBINING.sub("", d)
            if not k.isascii():
                k = _SYMBOL.sub(" ", k)
    return k if len(k) == len(text) else None


@pytest.mark.parametrize(
    "text",
    POSTS
    + [
        "Số tài khoản 👉 0071000123456",
        unicodedata.normalize("NFD", "Số tài khoản"),
        "İstanbul 0912345678",
        "Straße ²³ ٣٤ Ⅷ 中文 ❤️❤️",
        "x\u1dc4y \u0301a \u200d\ufe0f",
    ],
)
def test_aligned_key_shortcut_matches_the_reference(text: str) -> None:
    assert aligned_key(text) == _reference_aligned_key(text)


def test_aligned_key_shortcut_on_every_bmp_character() -> None:
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        t = "a" + chr(cp) + "b"
        assert aligned_key(t) == _reference_aligned_key(t), hex(cp)


def test_price_prechecks_cover_every_currency_word() -> None:
    """``_PRICE_FIRST`` / ``_PRICE_LAST`` must hold every character that can start (end) a currency word of
    ``PRICE_AFTER`` (``PRICE_BEFORE``) case-insensitively, or an amount would go unnoticed."""
    body = patterns.PRICE_AFTER.pattern
    words = body[body.index("(?:") + 3 : body.index(")")].split("|")
    first = re.compile(
        "|".join(w[:2] if w.startswith("\\") else re.escape(w[0]) for w in words), re.IGNORECASE
    )
    body = patterns.PRICE_BEFORE.pattern
    signs = body[body.index("(?:") + 3 : body.index(")")].split("|")
    last = re.compile(
        "|".join(w[:2] if w.startswith("\\") else re.escape(w[-1]) for w in signs), re.IGNORECASE
    )
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        c = chr(cp)
        if first.fullmatch(c):
            assert c in patterns._PRICE_FIRST, hex(cp)
        if last.fullmatch(c):
            assert c in patterns._PRICE_LAST, hex(cp)


@pytest.mark.parametrize("text", ["12 000đ", "12000 VNĐ", "0912345678 k", "$ 0912345678", "usd0912345678"])
def test_amount_check_still_sees_amounts(text: str) -> None:
    m = re.search(r"\d[\d ]*\d", text)
    assert m is not None
    assert patterns._is_amount(text, m.start(), m.end())


@pytest.mark.parametrize("s", ["+84 (0) 912-345.678", "0912345678", "١٢٣ 45", "a1b2", ""])
def test_digits_of(s: str) -> None:
    assert patterns.digits_of(s) == re.sub(r"\D+", "", s)


_EMAIL_PIECES = [
    "a" * 63,
    "b" * 61,
    "c" * 24,
    "a1",
    "x",
    ".",
    "-",
    "_",
    "+",
    "@",
    " ",
    "é",
    "(at)",
    "[dot]",
    ".vn",
]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_EMAIL_PIECES), max_size=24).map("".join),
    st.integers(min_value=0, max_value=700),
)
def test_email_runs_near_its_at_signs_as_over_the_whole_text(text: str, pad: int) -> None:
    """The e-mail pattern runs only within its reach of each "@": the same matches as over the whole text."""
    _same_emails_as_whole_text("x" * pad + text)


@pytest.mark.parametrize(
    "text",
    [
        "a" * 64
        + "@"
        + ("b" * 63 + ".") * 4
        + "c" * 24
        + " tiếp",  # the longest address: 64 before, 280 after
        "z" + "a" * 64 + "@" + ("b" * 63 + ".") * 4 + "c" * 24,  # one too long before: the match starts later
        "a@" + ("b" * 63 + ".") * 4 + "c" * 25,  # a TLD one too long: no match
        "a" * 64 + "@" + ("b" * 63 + ".") * 4 + "c" * 24 + ".x",  # the lookahead reads two characters past it
        "a@b.cc.d",
        "a@" * 400 + "b.vn",
    ],
)
def test_email_at_the_edges_of_its_reach(text: str) -> None:
    _same_emails_as_whole_text(text)


def _same_emails_as_whole_text(text: str) -> None:
    rx = EmailRecognizer._compiled[0][1]
    whole = [m.span() for m in rx.finditer(text)]
    got = [(c.start, c.end) for c in EmailRecognizer().candidates(text) if c.pattern.name == "email"]
    assert got == whole


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.7, 0.9, 1.0])
def test_find_threshold_equals_filtering_every_finding(threshold: float) -> None:
    """Findings below the threshold are never built, yet their spans still hide shorter matches inside them."""
    recs = recognizers()
    for text in POSTS:
        every = [f for r in recs for f in r.analyze(text) if f.score >= threshold]
        assert find(text, threshold=threshold) == (resolve_overlaps(every) if len(every) > 1 else every)


def test_current_year_is_today() -> None:
    assert current_year() == datetime.date.today().year


def _resolve_reference(findings: list[Finding]) -> list[Finding]:
    """Overlap resolution as first written: each finding against every kept one."""
    rank = {"privacy.email": 0, "privacy.cccd": 2, "privacy.phone": 3, "privacy.bank_account": 7}
    ordered = sorted(findings, key=lambda f: (-f.score, -(f.end - f.start), rank.get(f.label, 99), f.start))
    kept: list[Finding] = []
    for f in ordered:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: (f.start, f.end))
    return kept


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["privacy.email", "privacy.cccd", "privacy.phone", "privacy.bank_account", "x.y"]
            ),
            st.sampled_from([0.5, 0.6, 0.85, 1.0]),
            st.integers(min_value=0, max_value=40),
            st.sampled_from([0, 1, 2, 3, 5, 8, 13]),
        ),
        max_size=14,
    )
)
def test_resolve_overlaps_by_bisection_equals_the_pairwise_check(
    spans: list[tuple[str, float, int, int]],
) -> None:
    findings = [Finding("d", label, score, s, s + n, "") for label, score, s, n in spans]
    assert resolve_overlaps(findings) == _resolve_reference(findings)
