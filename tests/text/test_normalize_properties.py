"""Property tests (Hypothesis): idempotence, the original untouched, offsets in bounds and in order."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.text.normalize import normalize

# Realistic pieces of Vietnamese social-media text, plus arbitrary characters
_PIECES = st.sampled_from(
    [
        "ko", "k", "Ko", "KO", "đc", "dc", "mk", "j", "ntn", "quáaaa", "điiii", "xoong", "Hoà", "khoẻ", "thuý",
        "ch3t", "h0c", "ch@o", "đ.m", "v-c-l", "n", "g", "u", "t", "a", "b", "500k", "0912", "10h30", "12/3",
        "https://bit.ly/AbC", "vnexpress.net", "a.b@gmail.com", "@Ko", "#ko", ":))", "=]]", ":v", "<3", "^^",
        "😂", "👍🏻", "👨\u200d👩\u200d👧", "\u200b", "ＨＥＬＬＯ", "𝐧𝐠𝐮", "e\u0323\u0302", "…", ".", ",", "!", "?",
        "\n", " ", "  ", "TP.HCM", "v.v", "N.V", "m.n", "c.t.y", "Việt", "NAM", "nhaaa", "kkkk", "ừ", "İ", "ß",
        "ﬁ", "\u00a0", "-", "_", "ck", "stk", "tiền", "Ck", "I\u0307", "Ca\u0323\u0302p",
    ]
)
_TEXT = st.one_of(
    st.lists(_PIECES, max_size=25).map(lambda xs: " ".join(xs)),
    st.lists(_PIECES, max_size=25).map("".join),
    st.text(max_size=60),
)


def _check_map(text: str) -> None:
    norm = normalize(text)
    n = len(norm.normalized)
    assert norm.original == text
    assert len(norm.key) == n and len(norm.starts) == n and len(norm.ends) == n
    prev_s = prev_e = 0
    for s, e in zip(norm.starts, norm.ends, strict=True):
        assert 0 <= s < e <= len(text) or (s == e == 0 and not text)
        assert s >= prev_s and e >= prev_e
        prev_s, prev_e = s, e
    for t in norm.tokens:
        assert norm.normalized[t.start : t.end] == t.text
        a, b = norm.to_original(t.start, t.end)
        assert 0 <= a <= b <= len(text)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text).normalized
    assert normalize(once).normalized == once


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_normalize_offsets_in_bounds_and_order(text: str) -> None:
    _check_map(text)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.data())
def test_normalize_to_original_in_bounds(text: str, data: st.DataObject) -> None:
    norm = normalize(text)
    n = len(norm.normalized)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    a, b = norm.to_original(start, end)
    assert 0 <= a <= b <= len(text)
