from __future__ import annotations

import pytest

from kiemchung.text.literal import literal_view


@pytest.mark.parametrize(
    ("text", "normalized", "key"),
    [
        ("Ko ĐƯỢC deo", "ko được deo", "ko duoc deo"),  # no teencode expansion, no accent guessing
        ("chu\u200bng ta", "chung ta", "chung ta"),  # zero-width dropped
        ("Hoa\u0300 bi\u0300nh", "hoà bình", "hoa binh"),  # combining marks composed
        ("ＡＢＣ", "abc", "abc"),  # full width folded
    ],
)
def test_literal_view_cleans_without_rewriting(text: str, normalized: str, key: str) -> None:
    v = literal_view(text)
    assert (v.normalized, v.key) == (normalized, key)
    assert len(v.starts) == len(v.ends) == len(v.normalized)
    a, b = v.to_original(0, len(v.normalized))
    assert 0 <= a <= b <= len(text)


def test_literal_view_maps_spans_to_the_original() -> None:
    text = "Ông A nói chu\u200bng ta"
    v = literal_view(text)
    i = v.normalized.index("chung")
    a, b = v.to_original(i, i + len("chung"))
    assert text[a:b] == "chu\u200bng"
