from __future__ import annotations

import pytest

from kiemchung.text.normalize import normalize


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lương hưu", "lương hưu"),  # ư + u is not a repeated letter
        ("cứu người", "cứu người"),
        ("cứuuuu", "cứu"),  # but a real emphasis run still squashes
        ("quáaaa", "quá"),
        ("deo khau trang", "deo khau trang"),  # never invent an insult from an unaccented word
        ("cuoi tuan di choi", "cuoi tuan đi chơi"),
        # a learned entry never replaces an ordinary unaccented word by another word, nor guesses an insult
        ("toi hoi ban", "tôi hoi ban"),
        ("chin gio sang", "chin giờ sang"),
        ("ngo ngoai", "ngo ngoài"),
        ("hoa cúc", "hoa cúc"),
        ("ko bít dau", "không biết dau"),  # hand-written teencode still expands
    ],
)
def test_normalize_regressions(text: str, expected: str) -> None:
    n = normalize(text)
    assert n.normalized == expected
    assert n.original == text
