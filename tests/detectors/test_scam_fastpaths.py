"""The scam detector's cheaper paths give what the plain ones give: literal trees, rewritten number patterns, masking
and link search on part of a text only, the digit tests (each against a plain reference written out here)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.scam import features as F
from kiemchung.scam.engine import has_number
from kiemchung.scam.links import _LINK, _TRAIL, find_links, judge_host
from kiemchung.scam.playbook import GUARDS, RULES
from kiemchung.scam.prefilter import holds_any, probe_tree, required_literals

# the patterns as they were written first (every match tried at every position)
_PHONE = re.compile(r"(?<![\w])(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?![\w])")
_HOTLINE = re.compile(r"(?<![\w])1[89]00(?:[\s.\-]?\d){4,6}(?![\w])")
_MONEY = re.compile(r"\b\d{1,3}(?:[.,]\d{3})+(?:\s?(?:đ|d|vnd|vnđ|dong|đồng)\b)?|\b\d+\s?(?:k|tr|triệu|trieu|ty|tỷ)\b", re.I)


def _plain_mask(key: str) -> str:
    """``mask_key`` without any pre-test or cut: every pattern over the whole text."""
    t = F._EMAIL.sub(" thudientux ", key)
    t = F._URL.sub(F._link_words, t)
    t = _PHONE.sub(" sodienthoaix ", t)
    t = _HOTLINE.sub(" hotlinex ", t)
    t = _MONEY.sub(" sotienx ", t)
    t = F._CODE.sub(" maxacthucx ", t)
    return F._DIGITS.sub(" daysox ", t)


def _plain_links(text: str) -> list[tuple[int, int, str, str]]:
    """``find_links`` searching the whole text."""
    out = []
    for m in _LINK.finditer(text):
        s, e = m.span()
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        rest = re.sub(r"^(?:https?|hxxps?)://", "", text[s:e], flags=re.IGNORECASE)
        cut = min([len(rest)] + [k for k in (rest.find(c) for c in "/?#") if k != -1])
        host = rest[:cut].split("@")[-1].split(":")[0].lower()
        if "." in host:
            out.append((s, e, host, judge_host(host, rest[cut:])[0]))
    return out


_NUMBERS = ["0", "1", "8", "9", "84", "+84", "1900", "1800", "0912345678", "0912.345.678", "5.000.000", "500", "k",
            "tr", "triệu", "ty", "tỷ", "vnd", "đ", "dong", "a1b2c", "ab12cd", "x", " ", "  ", ".", ",", "-", "\t", "\n",
            "\x1c", "\u00a0", "٣", "１", "😋", "“", "?", "_", "@", "a@b.vn", "www.", "http://", "x.com", "K"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NUMBERS), max_size=20))
def test_scam_number_masking_matches_the_plain_patterns(parts: list[str]) -> None:
    t = "".join(parts)
    for rx, plain in ((F._PHONE, _PHONE), (F._HOTLINE, _HOTLINE), (F._MONEY, _MONEY)):
        assert [m.span() for m in rx.finditer(t)] == [m.span() for m in plain.finditer(t)], (rx.pattern, t)
    assert F.mask_key(t) == _plain_mask(t), t
    assert has_number(t) == (re.search(r"\d{3}", t) is not None), t


def test_scam_number_masking_on_known_texts() -> None:
    for t in ("gia 2.450.000.000d, lien he 1900 1234 hoac 0912 345 678 nhe", "ma otp ab12cd3 het han 500 k",
              "nap 3tr nhan x10 😋 lien he 0912345678", "so ٣٤٥ va １２３", "truoc.  sau 12345678 tail words"):
        assert F.mask_key(t) == _plain_mask(t), t


_LINKY = ["a", "b", "w", "h", " ", ".", ":", "/", "-", "_", "@", "\t", "\n", "http://", "hxxps://", "www.", "WWW.",
          ".vn", ".com", ".xyz", "vcb", "bit.ly/", "1.2.3.4", "，", "đ", "😋", "?x", "#", ".top"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LINKY), max_size=16))
def test_scam_link_search_matches_the_whole_text_search(parts: list[str]) -> None:
    t = "".join(parts)
    assert [(lv.start, lv.end, lv.host, lv.verdict) for lv in find_links(t)] == _plain_links(t), t
    assert F._mask_links(t.lower()) == F._URL.sub(F._link_words, t.lower()), t


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_scam_probe_tree_holds_any_literal(data: st.DataObject) -> None:
    patterns = [r.pattern for r in RULES] + list(GUARDS)
    lits = required_literals(data.draw(st.sampled_from(patterns)))
    if lits is None:
        return
    literals = tuple(sorted(lits))
    tree = probe_tree(literals)
    pieces = [s[:k] for s in literals for k in (len(s) // 2, len(s))] + [" ", "x", "khong "]
    for _ in range(5):
        text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=5)))
        assert holds_any(tree, text) == any(s in text for s in literals), (literals, text)


def test_scam_probe_tree_of_a_product() -> None:
    literals = ("cap nhat cccd", "cap nhat vneid", "dong bo cccd", "dong bo vneid", " luong cao")
    tree = probe_tree(literals)
    assert {probe for probe, _, _ in tree} == {"cap nhat ", "dong bo ", " luong cao"}
    assert holds_any(tree, "xin dong bo vneid ngay")
    assert not holds_any(tree, "cap nhat thong tin va dong bo tai khoan")
    assert holds_any(probe_tree(("",)), "")
