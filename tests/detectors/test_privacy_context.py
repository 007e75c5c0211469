"""The shared context stage: key views, nearest word, competing labels, sentence limits, pickling."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.detectors.context import (
    NEGATIVE,
    OWN,
    ContextMatcher,
    KeyView,
    RawView,
    _sentence,
    key_of,
    key_word,
    words_table,
)
from kiemchung.text.normalize import normalize


def _matcher() -> ContextMatcher:
    return ContextMatcher(
        words_table(["số tài khoản", "stk", "vcb"], {"privacy.phone": ["sđt", "zalo"]}, ["mã đơn"]),
        words_table(["vcb"]),
    )


@pytest.mark.parametrize(
    ("word", "key"),
    [("Số Tài Khoản", "so tai khoan"), ("SĐT:", "sdt"), ("e-mail", "e mail"), ("  stk ", "stk")],
)
def test_context_key_word(word: str, key: str) -> None:
    assert key_word(word) == key


def test_context_key_of_decomposed_text() -> None:
    assert key_of("So\u0301 ta\u0300i khoa\u0309n") == "so tai khoan"


@pytest.mark.parametrize(
    ("text", "owner", "word"),
    [
        ("Số tài khoản: 0071000123", OWN, "so tai khoan"),
        ("so tai khoan 0071000123", OWN, "so tai khoan"),
        ("STK 0071000123", OWN, "stk"),
        ("zalo 0071000123", "privacy.phone", "zalo"),
        ("Mã đơn: 0071000123", NEGATIVE, "ma don"),
        ("stk, sđt 0071000123", "privacy.phone", "sdt"),  # the nearest word wins
        ("0071000123 (VCB)", OWN, "vcb"),
        ("hôm nay 0071000123", None, None),
    ],
)
def test_context_nearest(text: str, owner: str | None, word: str | None) -> None:
    start = text.index("0071000123")
    hit = _matcher().nearest(RawView(text), start, start + 10)
    assert (hit.owner if hit else None) == owner
    assert (hit.word if hit else None) == word


def test_context_sentence_limits_words_before() -> None:
    text = "STK của A. Hôm nay 0071000123"
    start = text.index("0071")
    assert _matcher().nearest(RawView(text), start, start + 10) is None
    text = "STK:\n0071000123"  # a colon and a line break do not end the sentence
    assert _matcher().nearest(RawView(text), 5, 15) is not None


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        ("passport no. ", "passport no. "),  # an abbreviation's period ends no sentence
        ("goi tel. ", "goi tel. "),
        ("hom qua. passport no. ", " passport no. "),  # the sentence before still ends
        ("chu tk a. so ", " so "),  # a name initial is no abbreviation
        ("abc! piano. ", " "),  # nor is a word that only ends like one
    ],
)
def test_context_sentence_skips_abbreviation_periods(before: str, kept: str) -> None:
    assert _sentence(before) == kept


def test_context_max_words() -> None:
    text = "stk một hai ba bốn năm sáu 0071000123"
    start = text.index("0071")
    assert _matcher().nearest(RawView(text), start, start + 10, max_words=5) is None
    assert _matcher().nearest(RawView(text), start, start + 10, max_words=6) is not None


def test_context_key_view_matches_raw_view() -> None:
    text = "Cả nhà 😍 Số Tài Khoản: 0071000123 (VCB)"
    start = text.index("0071")
    kv = KeyView(normalize(text))
    rv = RawView(text)
    assert kv.before(start).strip() == rv.before(start).strip()
    assert _matcher().nearest(kv, start, start + 10) == _matcher().nearest(rv, start, start + 10)


def test_context_matcher_pickles() -> None:
    m = _matcher()
    m2 = pickle.loads(pickle.dumps(m))
    text = "sđt 0071000123"
    assert m2.nearest(RawView(text), 4, 14) == m.nearest(RawView(text), 4, 14)
