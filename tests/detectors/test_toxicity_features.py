"""The hashing featurizer, token features, lexicon and metrics behind the toxicity detector."""

from __future__ import annotations

import numpy as np
import pytest

from kiemchung.text.normalize import normalize
from kiemchung.toxicity.features import Batch, FeatureSpec, hashed, tf_values
from kiemchung.toxicity.lexicon import lexicon_hits
from kiemchung.toxicity.metrics import classification_report, macro_f1, span_f1
from kiemchung.toxicity.tokens import tokens

SPEC = FeatureSpec(bits=16, key_char=(2, 3), norm_char=(1, 2))


def _doc_features(texts: list[str]) -> list[dict[int, float]]:
    norms = [normalize(t) for t in texts]
    d, b = hashed(SPEC, [n.normalized for n in norms], [n.key for n in norms])
    d, b, v = tf_values(SPEC, d, b, len(texts), None)
    out: list[dict[int, float]] = [{} for _ in texts]
    for i, j, x in zip(d.tolist(), b.tolist(), v.tolist(), strict=True):
        out[i][j] = x
    return out


def test_toxicity_features_span_hash_matches_substring_identity() -> None:
    b = Batch.of(["abcab", "xab"])
    h = b.span_hash(np.array([0, 3, 7]), np.array([2, 5, 9]))  # "ab" in doc 0 twice, "ab" in doc 1
    assert h[0] == h[1] == h[2]
    assert b.span_hash(np.array([1]), np.array([3]))[0] != h[0]


def test_toxicity_features_ngrams_never_cross_documents() -> None:
    b = Batch.of(["ab", "cd"])
    docs, _ = b.char_ngrams(2)
    assert docs.tolist() == [0, 1]


def test_toxicity_features_do_not_depend_on_the_batch() -> None:
    texts = ["Đồ ngu!", "hôm nay trời đẹp", "", "ok 👍 nha"]
    together = _doc_features(texts)
    for t, f in zip(texts, together, strict=True):
        alone = _doc_features([t])[0]
        assert alone.keys() == f.keys()
        assert all(abs(alone[k] - f[k]) < 1e-6 for k in f)
    assert together[2] == {} or abs(sum(v * v for v in together[2].values()) - 1) < 1e-5


def test_toxicity_features_are_deterministic_and_normalized() -> None:
    a = _doc_features(["thằng này láo thật"])[0]
    b = _doc_features(["thằng này láo thật"])[0]
    assert a == b
    assert abs(sum(v * v for v in a.values()) - 1.0) < 1e-5


def test_toxicity_features_tokens_index_the_normalized_text() -> None:
    texts = ["đồ  ngu, cút!", "ok"]
    norms = [normalize(t) for t in texts]
    t = tokens([n.normalized for n in norms], [n.key for n in norms], 12)
    words = [norms[d].normalized[s:e] for d, s, e in zip(t.doc, t.start, t.end, strict=True)]
    assert words == ["đồ", "ngu", "cút", "ok"]
    assert t.features.shape == (4, 11)
    assert t.features.max() < 1 << 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thằng ngu này", [("thằng ngu", "insult")]),
        ("dm mày", [("dm", "vulgar")]),
        ("bọn bắc kỳ chó", [("bắc kỳ chó", "regional")]),
        ("các bạn lớn rồi", []),  # "lớn", "các" are not "lồn", "cặc"
        ("con chó nhà tôi", []),
        ("", []),
    ],
)
def test_toxicity_lexicon_hits(text: str, expected: list[tuple[str, str]]) -> None:
    n = normalize(text)
    assert [(w, c) for _, _, w, c in lexicon_hits(n.normalized, n.key)] == expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ([[]], [[]], 1.0),
        ([[]], [[1]], 0.0),
        ([[1, 2]], [[]], 0.0),
        ([[1, 2]], [[1, 2]], 1.0),
        ([[1, 2, 3, 4]], [[3, 4, 5, 6]], 0.5),
        ([[], [1]], [[], [1]], 1.0),
        ([[], [1]], [[2], [1]], 0.5),
    ],
)
def test_toxicity_metrics_span_f1(gold: list[list[int]], pred: list[list[int]], expected: float) -> None:
    assert span_f1(gold, pred) == pytest.approx(expected)


def test_toxicity_metrics_macro_f1_and_report() -> None:
    y = [0, 0, 1, 2, 2]
    p = [0, 1, 1, 2, 0]
    assert macro_f1(y, p, 3) == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    rep = classification_report(y, p, 3)
    assert set(rep) >= {"macro_f1", "accuracy", "f1_per_class"}
    assert rep["accuracy"] == 0.6
    assert set(rep["f1_per_class"]) == {"clean", "offensive", "hate"}


def test_toxicity_features_compiled_scores_equal_the_reference_for_the_shipped_model() -> None:
    from kiemchung.text.features import _linear_scores_reference, linear_scores
    from kiemchung.toxicity.model import ToxicityModel

    m = ToxicityModel.load()
    texts = ["Đồ ngu!", "hôm nay trời đẹp", "", "ok 👍 nha", "thằng này láo thật", "ko bik j thì im đi " * 20]
    norms = [normalize(t) for t in texts]
    nn, kk = [n.normalized for n in norms], [n.key for n in norms]
    got = linear_scores(m.spec, nn, kk, m.idf, m.w_doc)
    ref = _linear_scores_reference(m.spec, nn, kk, m.idf, m.w_doc)
    assert got.shape == (len(texts), 3)
    np.testing.assert_allclose(got, ref, atol=1e-5, rtol=1e-5)
    assert np.abs(ref).max() > 0.1  # the heads do score these texts
    if m.spec2 is not None and m.w_doc2 is not None:  # the second view (words) of models since 2026.11-4
        got2 = linear_scores(m.spec2, nn, kk, m.idf2, m.w_doc2)
        ref2 = _linear_scores_reference(m.spec2, nn, kk, m.idf2, m.w_doc2)
        np.testing.assert_allclose(got2, ref2, atol=1e-5, rtol=1e-5)
