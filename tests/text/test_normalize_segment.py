"""Word segmentation (pyvi) over the normalized text, off the hot path."""

from __future__ import annotations

import pytest

from kiemchung.text.normalize import normalize
from kiemchung.text.segment import segment

pytest.importorskip("pyvi")


def test_normalize_segment_merges_words_and_keeps_spans() -> None:
    text = "Trường đại học ko có j, xem https://vnexpress.net :))"
    norm = normalize(text)
    toks = segment(norm)
    texts = [t.text for t in toks]
    assert "đại học" in texts
    assert "https://vnexpress.net" in texts and ":))" in texts
    for t in toks:
        assert norm.normalized[t.start : t.end] == t.text
    dh = next(t for t in toks if t.text == "đại học")
    assert norm.original_excerpt(dh.start, dh.end) == "đại học"


def test_normalize_segment_empty() -> None:
    assert segment(normalize("")) == []
