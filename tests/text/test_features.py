"""The compiled featurizer (numba) against the numpy reference: the same buckets, values and scores."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.text import _features_kernel as K
from kiemchung.text import features as F
from kiemchung.text.features import FeatureSpec, linear_scores, sparse_matrix

TOXICITY_LIKE = FeatureSpec(bits=20, key_char=(2, 3, 4, 5), norm_char=(1, 2, 3, 4))
SPECS = [
    pytest.param(TOXICITY_LIKE, id="toxicity"),
    pytest.param(FeatureSpec(bits=8, key_char=(2, 3), norm_char=(1,)), id="collisions"),
    pytest.param(FeatureSpec(bits=12, key_char=(3, 3, 7), word_key=False, bigram_norm=False), id="dup-long-ngrams"),
    pytest.param(FeatureSpec(bits=14, key_char=(), word_norm=False, bigram_key=False, norm_char=(2,)), id="sparse"),
    pytest.param(FeatureSpec(bits=16, key_char=(1, 4), word_norm=False, norm_char=()), id="keys-only"),
]

VIETNAMESE = "Thằng này láo thật, đồ ngu!!! Ôi trời ơi, hôm nay trời đẹp quá 😂👍🏻"
TEXTS = [
    "",
    " ",
    "   \t\n  ",
    "a",
    "đ",
    "😂",
    "𝐧𝐠𝐮 𝐧𝐠𝐮",  # mathematical bold letters (not word characters)
    "\U00020000\U0002a6d6 chữ Nôm",  # non-BMP CJK
    "ab",
    "ab cd",
    "  leading and trailing  ",
    "tab\tand\nnewline\u00a0nbsp\u3000ideographic\u2028line",
    "zero\u200bwidth",
    "nul\x00inside\x00\x00text",
    "\x00",
    "word-word_word 123 4.5 ok!!",
    VIETNAMESE,
    VIETNAMESE.upper(),
    "e\u0323\u0302 Hoà khoẻ thuý",
    "ko bik j thì im đi cho ng ta nhờ " * 40,  # a long text
    "x" * 3000,  # one bucket with a large count
]


def _keys(texts: list[str]) -> list[str]:
    # keys differ from the normalized text, as they do in the models (lower-cased, some letters dropped)
    return [t.lower().replace("đ", "d").replace("ơ", "o") for t in texts]


def _idf(spec: FeatureSpec, seed: int = 0) -> npt.NDArray[np.float32]:
    return np.random.default_rng(seed).uniform(0.5, 8.0, 1 << spec.bits).astype(np.float32)


def _weights(spec: FeatureSpec, k: int, seed: int = 1) -> npt.NDArray[np.float32]:
    return np.random.default_rng(seed).normal(size=(1 << spec.bits, k)).astype(np.float32)


def _assert_same_matrix(
    spec: FeatureSpec, texts: list[str], keys: list[str], idf: npt.NDArray[np.float32] | None
) -> None:
    got = sparse_matrix(spec, texts, keys, idf)
    ref = F._sparse_matrix_reference(spec, texts, keys, idf)
    assert got.shape == ref.shape == (len(texts), 1 << spec.bits)
    assert got.dtype == ref.dtype == np.float32
    np.testing.assert_array_equal(got.indptr, ref.indptr)
    np.testing.assert_array_equal(got.indices, ref.indices)
    np.testing.assert_allclose(got.data, ref.data, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("spec", SPECS)
@pytest.mark.parametrize("with_idf", [False, True])
def test_features_sparse_matrix_matches_reference(spec: FeatureSpec, with_idf: bool) -> None:
    _assert_same_matrix(spec, TEXTS, _keys(TEXTS), _idf(spec) if with_idf else None)


@pytest.mark.parametrize("spec", SPECS)
def test_features_linear_scores_match_reference(spec: FeatureSpec) -> None:
    idf, w = _idf(spec), _weights(spec, 3)
    got = linear_scores(spec, TEXTS, _keys(TEXTS), idf, w)
    ref = F._linear_scores_reference(spec, TEXTS, _keys(TEXTS), idf, w)
    assert got.dtype == np.float32 and got.shape == (len(TEXTS), 3)
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-5)
    got1 = linear_scores(spec, TEXTS, _keys(TEXTS), None, w[:, :1])
    np.testing.assert_allclose(got1, F._linear_scores_reference(spec, TEXTS, _keys(TEXTS), None, w[:, :1]), atol=1e-5)


def test_features_scores_do_not_depend_on_the_batch() -> None:
    spec = TOXICITY_LIKE
    idf, w = _idf(spec), _weights(spec, 2)
    keys = _keys(TEXTS)
    together = linear_scores(spec, TEXTS, keys, idf, w)
    reversed_ = linear_scores(spec, TEXTS[::-1], keys[::-1], idf, w)[::-1]
    chunked = linear_scores(spec, TEXTS, keys, idf, w, chunk=3)
    np.testing.assert_array_equal(together, reversed_)
    np.testing.assert_array_equal(together, chunked)
    for i, (t, k) in enumerate(zip(TEXTS, keys, strict=True)):
        np.testing.assert_array_equal(linear_scores(spec, [t], [k], idf, w)[0], together[i])


def test_features_large_batch_crosses_chunks() -> None:
    # more documents than one sparse_matrix chunk (2048); texts vary so rows differ
    rng = np.random.default_rng(3)
    words = ["mày", "ngu", "quá", "hôm", "nay", "trời", "đẹp", "ok", "👍", "shop", "giao", "hàng", "nhanh"]
    texts = [" ".join(rng.choice(words, size=rng.integers(0, 12))) for _ in range(2100)]
    spec = FeatureSpec(bits=16, key_char=(2, 3), norm_char=(1, 2))
    _assert_same_matrix(spec, texts, _keys(texts), _idf(spec))
    w = _weights(spec, 2)
    np.testing.assert_allclose(
        linear_scores(spec, texts, _keys(texts), None, w, chunk=700),
        F._linear_scores_reference(spec, texts, _keys(texts), None, w),
        atol=1e-5,
    )


def test_features_empty_batch_and_bad_input() -> None:
    spec = FeatureSpec(bits=10)
    w = _weights(spec, 2)
    assert linear_scores(spec, [], [], None, w).shape == (0, 2)
    assert sparse_matrix(spec, [], []).shape == (0, 1 << 10)
    with pytest.raises(ValueError, match="differ in length"):
        linear_scores(spec, ["a", "b"], ["a"], None, w)
    with pytest.raises(ValueError, match="weights must have shape"):
        linear_scores(spec, ["a"], ["a"], None, w[:10])
    with pytest.raises(ValueError, match="idf must have shape"):
        linear_scores(spec, ["a"], ["a"], np.ones(10, np.float32), w)
    with pytest.raises(ValueError, match="lengths must be"):
        sparse_matrix(FeatureSpec(bits=10, key_char=(0, 2)), ["a"], ["a"])


def test_features_whitespace_table_covers_str_split() -> None:
    # the kernel collapses whitespace with a table: every character str.split() splits on must be in it
    beyond = [c for c in range(K._SPACE_TABLE_SIZE, sys.maxunicode + 1) if chr(c).isspace()]
    assert beyond == []
    space, _ = K._tables()
    assert space.sum() == sum(chr(c).isspace() for c in range(K._SPACE_TABLE_SIZE))


def test_features_threads_share_nothing() -> None:
    spec = FeatureSpec(bits=14, key_char=(2, 3), norm_char=(1,))
    idf, w = _idf(spec), _weights(spec, 2)
    texts = TEXTS * 20
    expected = linear_scores(spec, texts, _keys(texts), idf, w)
    results: list[npt.NDArray[np.float32]] = []

    def work() -> None:
        for _ in range(5):
            results.append(linear_scores(spec, texts, _keys(texts), idf, w, chunk=7))

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 15
    for r in results:
        np.testing.assert_array_equal(r, expected)


def _scores_in_worker(args: tuple[FeatureSpec, list[str], list[str]]) -> npt.NDArray[np.float32]:
    spec, texts, keys = args
    return linear_scores(spec, texts, keys, _idf(spec), _weights(spec, 2))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_features_work_in_worker_processes(method: str) -> None:
    spec = FeatureSpec(bits=12, key_char=(2, 3), norm_char=(1,))
    expected = linear_scores(spec, TEXTS, _keys(TEXTS), _idf(spec), _weights(spec, 2))
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context(method)) as pool:
        got = pool.submit(_scores_in_worker, (spec, TEXTS, _keys(TEXTS))).result(timeout=120)
    np.testing.assert_array_equal(got, expected)


def test_features_compile_without_a_writable_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # no cache location (read-only package, no writable home, no NUMBA_CACHE_DIR): compiled in memory, no warning
    from numba.core import caching

    monkeypatch.setattr(caching.CacheImpl, "_locator_classes", [])
    monkeypatch.setattr(K, "_COMPILED", [])
    fn = K._compiled()
    assert isinstance(getattr(fn, "_cache"), caching.NullCache)


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(" \t\n\x00\u00a0\u3000.,!?-_đĐăâêôơưàáạảãếệỗờữ😂👍🏻\U00020000")),
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
    ),
    max_size=40,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=6))
def test_features_match_reference_on_any_text(pairs: list[tuple[str, str]]) -> None:
    spec = FeatureSpec(bits=10, key_char=(2, 3), norm_char=(1, 2))
    texts, keys = [p[0] for p in pairs], [p[1] for p in pairs]
    _assert_same_matrix(spec, texts, keys, None)


def test_features_read_only_model_arrays_give_the_same_scores() -> None:
    # frozen arrays are read through packed [idf, weights] rows; writable ones directly, never from a stale copy
    spec = FeatureSpec(bits=12, key_char=(2, 3), norm_char=(1,))
    idf, w = _idf(spec), _weights(spec, 3)
    expected = linear_scores(spec, TEXTS, _keys(TEXTS), idf, w)
    idf_ro, w_ro = idf.copy(), w.copy()
    idf_ro.setflags(write=False)
    w_ro.setflags(write=False)
    np.testing.assert_array_equal(linear_scores(spec, TEXTS, _keys(TEXTS), idf_ro, w_ro), expected)
    assert K._PACKED.get(idf_ro, w_ro) is K._PACKED.get(idf_ro, w_ro) is not None
    np.testing.assert_array_equal(
        linear_scores(spec, TEXTS, _keys(TEXTS), None, w_ro), linear_scores(spec, TEXTS, _keys(TEXTS), None, w)
    )
    view = w.view()
    view.setflags(write=False)  # read-only view of a writable array: not frozen, not cached
    assert K._PACKED.get(idf_ro, view) is None
    w *= 2.0
    np.testing.assert_allclose(linear_scores(spec, TEXTS, _keys(TEXTS), idf, view), 2 * expected, rtol=1e-6)


def _frozen_copy(a: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    return F.frozen(a.copy())


# nested specs (each one's families among the next one's) share one pass; the others are scored on their own
_BIG = FeatureSpec(bits=12, key_char=(2, 3, 4), norm_char=(1, 2))
_NESTED = [
    FeatureSpec(bits=12, key_char=(2, 3), norm_char=()),  # toxicity-and-unreliable-like: no norm n-grams
    FeatureSpec(bits=12, key_char=(3,), word_norm=False, bigram_key=False, norm_char=(2,)),
    FeatureSpec(bits=12, key_char=(), word_key=False, norm_char=()),  # words and bigrams of the text only
    _BIG,  # the same spec twice
]


@pytest.mark.parametrize("small", _NESTED)
def test_features_joint_pass_equals_separate_passes(small: FeatureSpec) -> None:
    parts = [
        F.LinearPart(_BIG, _frozen_copy(_idf(_BIG, 3)), _frozen_copy(_weights(_BIG, 3, 4))),
        F.LinearPart(small, _frozen_copy(_idf(small, 5)), _frozen_copy(_weights(small, 2, 6))),
    ]
    keys = _keys(TEXTS)
    alone = [p.scores(TEXTS, keys) for p in parts]
    # each part counts only its own families: its values and norm are those of its own pass
    for got, want in zip(F.joint_linear_scores(parts, TEXTS, keys), alone, strict=True):
        assert got.shape == want.shape and got.dtype == np.float32
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-6)
    # the order of the parts is the order of the results, whichever is the larger
    back = F.joint_linear_scores(parts[::-1], TEXTS, keys)
    np.testing.assert_allclose(back[0], alone[1], rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(back[1], alone[0], rtol=1e-6, atol=1e-6)
    # and they are the reference's (no idf on the second part too)
    ref = F._linear_scores_reference(small, TEXTS, keys, None, parts[1].weights)
    no_idf = F.LinearPart(small, None, parts[1].weights)
    np.testing.assert_allclose(F.joint_linear_scores([parts[0], no_idf], TEXTS, keys)[1], ref, rtol=1e-5, atol=1e-5)


def test_features_joint_pass_falls_back_when_it_cannot_share() -> None:
    keys = _keys(TEXTS)
    other_bits = FeatureSpec(bits=10, key_char=(2,), norm_char=())
    crossed = FeatureSpec(bits=12, key_char=(5,), norm_char=())  # not within _BIG's families
    big = F.LinearPart(_BIG, _frozen_copy(_idf(_BIG)), _frozen_copy(_weights(_BIG, 2)))
    writable = F.LinearPart(_NESTED[0], _idf(_NESTED[0]), _weights(_NESTED[0], 1))  # no packed copy allowed
    parts = [
        big,
        F.LinearPart(other_bits, _frozen_copy(_idf(other_bits)), _frozen_copy(_weights(other_bits, 1))),
        F.LinearPart(crossed, None, _frozen_copy(_weights(crossed, 2))),
    ]
    for ps in (parts, [big, writable]):
        got = F.joint_linear_scores(ps, TEXTS, keys)
        assert len(got) == len(ps)
        for g, p in zip(got, ps, strict=True):
            np.testing.assert_allclose(g, p.scores(TEXTS, keys), rtol=1e-6, atol=1e-6)
    assert F.joint_linear_scores([], TEXTS, keys) == []
    with pytest.raises(ValueError, match="differ in length"):
        F.joint_linear_scores([big], TEXTS, keys[:-1])
