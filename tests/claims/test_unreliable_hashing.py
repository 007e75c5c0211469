import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from kiemchung.detectors.unreliable import _vectorizers, clean_text, hashed_counts


def _reference(texts: list[str]) -> sparse.csr_matrix:
    word, char = _vectorizers()
    low = [clean_text(t) for t in texts]
    ref = sparse.hstack([word.transform(low), char.transform(low)]).tocsr()
    ref.sum_duplicates()
    return ref


def _assert_same(texts: list[str]) -> None:
    ref, got = _reference(texts), hashed_counts(texts)
    assert ref.shape == got.shape
    assert (ref != got).nnz == 0


@pytest.mark.parametrize(
    "text",
    [
        "KHẨN CẤP!!! Chia sẻ ngay kẻo bị xóa: uống nước lá ổi chữa khỏi 7 loại bệnh",
        "hnay troi mua to qua, di lam ma ướt het ca nguoi huhu",
        "a\tb\n\nc   d  e",
        "",
        "   ",
        "x_y_z 12,3 a-b https://vd.example/p?q=1 #tag",
        "😋😋 ok 🇻🇳",
        "İstanbul ŞEHİR ＴＰ．ＨＣＭ",
        "một",
    ],
)
def test_unreliable_hashing_equals_sklearn(text: str) -> None:
    _assert_same([text, text + " thêm chữ"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aăâbcdđeêoôơuưy ÀẢÃÁẠĐ!?.,\n\t_-0129😋#")), max_size=40),
                min_size=1, max_size=5))
def test_unreliable_hashing_equals_sklearn_property(texts: list[str]) -> None:
    _assert_same(texts)
