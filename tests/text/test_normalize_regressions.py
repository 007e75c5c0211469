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


@pytest.mark.parametrize(
    ("text", "expected", "span"),
    [
        # letters spelled out with their tone marks are joined as typed, never read as teencode ("t" = tôi)
        ("đ ị t mẹ mày", "địt mẹ mày", "đ ị t"),
        ("Đ Ị T mẹ", "địt mẹ", "Đ Ị T"),
        ("C Ố T L Õ I là", "c ố t l õ i là", "C"),  # never "corrected" into another word ("lỗi")
        ("u ệ u ko", "u ệ u không", "u"),  # tone marks alone do not make letters a word
        ("d i t me", "địt me", "d i t"),  # bare letters still go through the word tables
        ("a b c d", "a b c d", "a"),  # letters that make no word stay letters
        ("ừ ừ ừ", "ừ ừ ừ", "ừ"),
    ],
)
def test_normalize_spelled_out_letters(text: str, expected: str, span: str) -> None:
    n = normalize(text)
    assert n.normalized == expected
    first = expected.split(" ")[0]
    a, b = n.to_original(0, len(first))
    assert text[a:b] == span


def test_normalize_spelled_out_letters_in_decomposed_input() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "đ ị t mẹ mày")  # combining marks, as some keyboards send them
    assert text != "đ ị t mẹ mày"
    n = normalize(text)
    assert n.normalized == "địt mẹ mày" and normalize(n.normalized).normalized == n.normalized
    a, b = n.to_original(0, 3)
    assert text[a:b] == text[: text.index(" m")]


@pytest.mark.parametrize("text", ["I\u0307", "XI\u0307N chào", "I\u0307stanbul đẹp", "Ca\u0323\u0302p nha\u0323\u0302t I\u0307"])
def test_normalize_dotted_capital_i_from_decomposed_input(text: str) -> None:
    # "I" + U+0307 composes to "İ", whose lower case is two code points; it once crashed the offset map
    norm = normalize(text)
    assert len(norm.starts) == len(norm.normalized) and "\u0130" not in norm.normalized
    assert norm.normalized == normalize(text.replace("I\u0307", "\u0130")).normalized
    for t in norm.tokens:
        a, b = norm.to_original(t.start, t.end)
        assert 0 <= a < b <= len(text)
