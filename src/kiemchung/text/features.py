"""The shared hashing featurizer of the linear text models (toxicity, scam, unreliable): word 1–2-grams and character n-grams, computed for a whole batch at once.

Every string of the batch is concatenated into one code-point array; polynomial prefix hashes modulo 2**64
(numpy ``uint64`` arithmetic wraps) give the hash of any substring in O(1), so all character n-grams and all
words of the batch are hashed with a handful of array operations, not a Python loop per n-gram. The hash is
deterministic across processes and platforms (no ``PYTHONHASHSEED``).

:func:`hashed` and :func:`tf_values` are that numpy reference. :func:`linear_scores` (the hot path) and
:func:`sparse_matrix` run a numba kernel instead (``_features_kernel.py``) that computes, per document, the same buckets and values (a test
checks it against the reference); numba is imported and the kernel compiled (or loaded from numba's on-disk cache)
on first use, not on import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

U64 = np.uint64
_BASE = U64(0x100000001B3)  # odd, so it is invertible modulo 2**64
_BASE_INV = U64(pow(int(_BASE), -1, 1 << 64))
_MIX1 = U64(0x9E3779B97F4A7C15)
_MIX2 = U64(0xBF58476D1CE4E5B9)
_SEP = "\x00"

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]
U64Array = npt.NDArray[np.uint64]

# Code points that belong to a word: ASCII letters and digits, Latin-1 letters, Latin Extended (Vietnamese).
_WORD_TABLE_SIZE = 0x2000
_WORD = np.zeros(_WORD_TABLE_SIZE, dtype=bool)
for _c in range(_WORD_TABLE_SIZE):
    _WORD[_c] = chr(_c).isalnum()


def code_points(s: str) -> npt.NDArray[np.uint32]:
    """The code points of ``s`` as a uint32 array."""
    # "surrogatepass": a lone surrogate (possible in JSON input: "\ud83d") is a code point like any other
    return np.frombuffer(s.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


class _Powers:
    """Cached powers of the base and of its inverse, grown on demand."""

    def __init__(self) -> None:
        self.pow = np.ones(1, dtype=U64)
        self.inv = np.ones(1, dtype=U64)

    def get(self, n: int) -> tuple[U64Array, U64Array]:
        if len(self.pow) < n:
            m = max(n, 2 * len(self.pow))
            self.pow = np.cumprod(np.concatenate([[U64(1)], np.full(m - 1, _BASE, dtype=U64)]), dtype=U64)
            self.inv = np.cumprod(np.concatenate([[U64(1)], np.full(m - 1, _BASE_INV, dtype=U64)]), dtype=U64)
        return self.pow[:n], self.inv[:n]


_POWERS = _Powers()


def mix(h: U64Array, salt: int, bits: int) -> IntArray:
    """Map 64-bit hashes to ``bits``-bit buckets, with a salt per feature family."""
    x = (h ^ U64(salt * 0x632BE59BD9B4E019 & 0xFFFFFFFFFFFFFFFF)) * _MIX1
    x ^= x >> U64(31)
    x *= _MIX2
    x ^= x >> U64(29)
    return (x >> U64(64 - bits)).astype(np.int64)


@dataclass(frozen=True)
class Batch:
    """A batch of strings joined into one code-point array with prefix hashes."""

    codes: npt.NDArray[np.uint32]
    prefix: U64Array  # prefix[i] = sum_{j<i} (codes[j]+1) * B**j
    inv: U64Array
    doc: IntArray  # document index of each position (-1 for separators)
    n_docs: int

    @classmethod
    def of(cls, texts: Sequence[str]) -> Batch:
        joined = _SEP.join(texts)
        codes = code_points(joined)
        n = len(codes)
        pw, inv = _POWERS.get(n + 1)
        terms = (codes.astype(U64) + U64(1)) * pw[:n]
        prefix = np.zeros(n + 1, dtype=U64)
        np.cumsum(terms, dtype=U64, out=prefix[1:])
        lens = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
        doc = np.repeat(np.arange(len(texts), dtype=np.int64), lens + 1)[:n]
        doc[codes == 0] = -1
        return cls(codes, prefix, inv, doc, len(texts))

    def span_hash(self, starts: IntArray, ends: IntArray) -> U64Array:
        return (self.prefix[ends] - self.prefix[starts]) * self.inv[starts]

    def char_ngrams(self, n: int) -> tuple[IntArray, U64Array]:
        """(doc, hash) of every character n-gram that lies inside one document."""
        m = len(self.codes) - n + 1
        if m <= 0:
            return np.zeros(0, np.int64), np.zeros(0, U64)
        starts = np.arange(m, dtype=np.int64)
        d0 = self.doc[:m]
        ok = (d0 >= 0) & (d0 == self.doc[n - 1 :])
        starts = starts[ok]
        return d0[ok], self.span_hash(starts, starts + n)

    def words(self) -> tuple[IntArray, IntArray, IntArray]:
        """(doc, start, end) of maximal runs of word characters, in order."""
        c = self.codes
        isw = np.zeros(len(c) + 2, dtype=bool)
        small = c < _WORD_TABLE_SIZE
        inner = isw[1:-1]
        inner[small] = _WORD[c[small]]
        d = np.diff(isw.view(np.int8))
        starts = np.flatnonzero(d == 1)
        ends = np.flatnonzero(d == -1)
        return self.doc[starts], starts.astype(np.int64), ends.astype(np.int64)


@dataclass(frozen=True)
class FeatureSpec:
    """Which n-grams to hash and into how many buckets."""

    bits: int = 20
    key_char: tuple[int, ...] = (2, 3, 4, 5)
    word_norm: bool = True
    word_key: bool = True
    bigram_norm: bool = True
    bigram_key: bool = True
    norm_char: tuple[int, ...] = ()

    def families(self) -> list[tuple[str, int]]:
        """The feature families hashed, in the compiled kernel's order: ("key", n)…, ("key_word", 0),
        ("key_bigram", 0), ("norm", n)…, ("norm_word", 0), ("norm_bigram", 0), each present or not by the flags
        (bigrams only with their words)."""
        out = [("key", n) for n in self.key_char]
        out += [("key_word", 0)] if self.word_key else []
        out += [("key_bigram", 0)] if self.word_key and self.bigram_key else []
        out += [("norm", n) for n in self.norm_char]
        out += [("norm_word", 0)] if self.word_norm else []
        out += [("norm_bigram", 0)] if self.word_norm and self.bigram_norm else []
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "bits": self.bits,
            "key_char": list(self.key_char),
            "word_norm": self.word_norm,
            "word_key": self.word_key,
            "bigram_norm": self.bigram_norm,
            "bigram_key": self.bigram_key,
            "norm_char": list(self.norm_char),
        }

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> FeatureSpec:
        return cls(
            bits=int(d["bits"]),  # type: ignore[call-overload]
            key_char=tuple(int(x) for x in d["key_char"]),  # type: ignore[attr-defined]
            word_norm=bool(d["word_norm"]),
            word_key=bool(d["word_key"]),
            bigram_norm=bool(d["bigram_norm"]),
            bigram_key=bool(d["bigram_key"]),
            norm_char=tuple(int(x) for x in d.get("norm_char", ())),  # type: ignore[attr-defined]
        )


def _word_feats(b: Batch, salt: int, bits: int, bigrams: bool) -> tuple[list[IntArray], list[IntArray]]:
    doc, s, e = b.words()
    h = b.span_hash(s, e)
    docs = [doc]
    buckets = [mix(h, salt, bits)]
    if bigrams and len(h) > 1:
        same = doc[1:] == doc[:-1]
        hb = h[:-1] * _MIX2 + h[1:]
        docs.append(doc[1:][same])
        buckets.append(mix(hb[same], salt + 1, bits))
    return docs, buckets


def _view_feats(
    texts: Sequence[str], chars: tuple[int, ...], char_salt: int, words: bool, word_salt: int, bigrams: bool,
    bits: int, docs: list[IntArray], buckets: list[IntArray],
) -> None:
    """Append the character n-grams (salt ``char_salt + n``) and words/bigrams of one view of the batch."""
    b = Batch.of([" " + " ".join(t.split()) + " " for t in texts])
    for n in chars:
        d, h = b.char_ngrams(n)
        docs.append(d)
        buckets.append(mix(h, char_salt + n, bits))
    if words:
        d2, b2 = _word_feats(b, word_salt, bits, bigrams)
        docs += d2
        buckets += b2


def hashed(spec: FeatureSpec, normalized: Sequence[str], keys: Sequence[str]) -> tuple[IntArray, IntArray]:
    """(doc index, bucket) of every feature occurrence in the batch (duplicates kept).

    Runs of whitespace count as one space, so spacing never changes a document's features.
    """
    docs: list[IntArray] = []
    buckets: list[IntArray] = []
    _view_feats(keys, spec.key_char, 100, spec.word_key, 10, spec.bigram_key, spec.bits, docs, buckets)
    if spec.word_norm or spec.norm_char:
        _view_feats(normalized, spec.norm_char, 200, spec.word_norm, 20, spec.bigram_norm, spec.bits, docs, buckets)
    return np.concatenate(docs), np.concatenate(buckets)


def tf_values(
    spec: FeatureSpec, doc: IntArray, bucket: IntArray, n_docs: int, idf: npt.NDArray[np.float32] | None
) -> tuple[IntArray, IntArray, npt.NDArray[np.float32]]:
    """Unique (doc, bucket) pairs with L2-normalized sublinear tf(-idf) values."""
    key = doc << spec.bits | bucket
    uk, counts = np.unique(key, return_counts=True)
    d = uk >> spec.bits
    bk = uk & ((1 << spec.bits) - 1)
    v = (1.0 + np.log(counts)).astype(np.float32)
    if idf is not None:
        v *= idf[bk]
    norm = np.sqrt(np.bincount(d, weights=v * v, minlength=n_docs)).astype(np.float32)
    norm[norm == 0] = 1.0
    v /= norm[d]
    return d, bk, v


def frozen(a: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """``a`` made read-only, for a model's idf and weights after loading: :func:`linear_scores` then reads both
    from one packed copy (one cache line per bucket instead of two, ~15% faster), which a read-only array can
    never make stale."""
    a.setflags(write=False)
    return a


def sparse_matrix(
    spec: FeatureSpec, normalized: Sequence[str], keys: Sequence[str], idf: npt.NDArray[np.float32] | None = None
) -> sp.csr_matrix:
    """The (n_docs × 2**bits) float32 CSR matrix of L2-normalized sublinear tf(-idf) values (for training).

    Rows have sorted, unique column indices; the values are those of :func:`tf_values` (the same float32
    arithmetic in the same order).
    """
    from kiemchung.text._features_kernel import _run

    n = len(normalized)
    rows = [_run(spec, normalized[i : i + 2048], keys[i : i + 2048], idf, None, None) for i in range(0, n, 2048)]
    starts = np.cumsum([0] + [len(r[1]) for r in rows])
    indptr = np.concatenate([np.zeros(1, np.int64)] + [r[0][1:] + s for r, s in zip(rows, starts, strict=False)])
    indices = np.concatenate([np.zeros(0, np.int32)] + [r[1] for r in rows])
    data = np.concatenate([np.zeros(0, np.float32)] + [r[2] for r in rows])
    idx_type = np.int32 if len(indices) < np.iinfo(np.int32).max else np.int64
    m = sp.csr_matrix(
        (data, indices.astype(idx_type, copy=False), indptr.astype(idx_type)), shape=(n, 1 << spec.bits)
    )
    m.has_sorted_indices = True
    return m


def _sparse_matrix_reference(
    spec: FeatureSpec, normalized: Sequence[str], keys: Sequence[str], idf: npt.NDArray[np.float32] | None = None
) -> sp.csr_matrix:
    """:func:`sparse_matrix` composed of :func:`hashed` and :func:`tf_values` (numpy only; for tests)."""
    d, b = hashed(spec, normalized, keys)
    d, b, v = tf_values(spec, d, b, len(normalized), idf)
    return sp.csr_matrix((v, (d, b)), shape=(len(normalized), 1 << spec.bits), dtype=np.float32)


def linear_scores(
    spec: FeatureSpec,
    normalized: Sequence[str],
    keys: Sequence[str],
    idf: npt.NDArray[np.float32] | None,
    weights: npt.NDArray[np.float32],
    chunk: int = 4096,
) -> npt.NDArray[np.float32]:
    """``sparse_matrix(spec, normalized, keys, idf) @ weights`` (shape n × k, no bias), one compiled pass.

    ``weights`` has shape (2**bits, k). This is the hot path of every linear text model: features are hashed,
    counted and dotted with ``weights`` document by document, never materialized for the batch. Equal to
    :func:`_linear_scores_reference` up to float rounding (only the order of the float64 sums differs).
    """
    from kiemchung.text._features_kernel import _run

    n = len(normalized)
    if weights.ndim != 2 or weights.shape[0] != 1 << spec.bits:
        raise ValueError(f"weights must have shape (2**{spec.bits}, k), got {weights.shape}")
    out = np.zeros((n, weights.shape[1]), dtype=np.float32)
    w = np.ascontiguousarray(weights, dtype=np.float32)  # a copy only for other dtypes or layouts
    for i in range(0, n, chunk):
        _run(spec, normalized[i : i + chunk], keys[i : i + chunk], idf, w, out[i : i + chunk])
    return out


@dataclass(frozen=True, eq=False)
class LinearPart:
    """What one linear text model scores with: its features (``spec``), idf and weights (2**bits × heads).

    Detectors that start from such a model expose their parts (:class:`kiemchung.detectors.base.SharesFeatures`)
    so that the analyzer scores all of them in one featurizer pass (:func:`joint_linear_scores`). Compared by
    identity: two parts are the same part only when they are the same object.
    """

    spec: FeatureSpec
    idf: npt.NDArray[np.float32] | None
    weights: npt.NDArray[np.float32]

    def scores(self, normalized: Sequence[str], keys: Sequence[str]) -> npt.NDArray[np.float32]:
        """This part alone: ``linear_scores`` of its spec, idf and weights (n × heads, no bias)."""
        return linear_scores(self.spec, normalized, keys, self.idf, self.weights)


def _nested(small: FeatureSpec, big: FeatureSpec) -> bool:
    """Every feature of ``small`` is a feature of ``big`` (so ``big``'s pass gives ``small``'s too)."""
    return small.bits == big.bits and set(small.families()) <= set(big.families())


def joint_linear_scores(
    parts: Sequence[LinearPart], normalized: Sequence[str], keys: Sequence[str], chunk: int = 4096,
) -> list[npt.NDArray[np.float32]]:
    """``[p.scores(normalized, keys) for p in parts]``, hashing the batch once for parts that can share a pass.

    Parts share a pass when their features are nested (same ``bits``, each part's feature families among the next
    one's: the pass costs about what the largest part's costs, reading one wider row per bucket); each part
    counts only its own families, so its values and L2 norm are those of its own pass (equal up to the order of
    float64 sums). Other parts, or parts whose arrays are writable, are scored on their own.
    """
    from kiemchung.text._features_kernel import run_joint

    n = len(normalized)
    if len(keys) != n:
        raise ValueError(f"normalized and keys differ in length: {n} vs {len(keys)}")
    out: list[npt.NDArray[np.float32] | None] = [None] * len(parts)
    todo = list(range(len(parts)))
    while todo:
        # a chain: the largest part left, then each part whose features lie within the previous one's
        group: list[int] = []
        for q in sorted(todo, key=lambda q: -len(parts[q].spec.families())):
            if not group or _nested(parts[q].spec, parts[group[-1]].spec):
                group.append(q)
        todo = [q for q in todo if q not in group]
        if len(group) > 1:
            heads = [parts[q].weights.shape[1] for q in group]
            for q in group:
                if parts[q].weights.shape[0] != 1 << parts[q].spec.bits:
                    raise ValueError(f"weights must have shape (2**{parts[q].spec.bits}, k)")
            joint = np.zeros((n, sum(heads)), dtype=np.float32)
            done = True
            for i in range(0, n, chunk):
                done = run_joint([parts[q].spec for q in group], [(parts[q].idf, parts[q].weights) for q in group],
                                 normalized[i : i + chunk], keys[i : i + chunk], joint[i : i + chunk])
                if not done:
                    break
            if done:
                at = 0
                for q, k in zip(group, heads, strict=True):
                    out[q] = joint[:, at : at + k]
                    at += k
                continue
        for q in group:
            out[q] = parts[q].scores(normalized, keys)
    return [o for o in out if o is not None]


def _linear_scores_reference(
    spec: FeatureSpec,
    normalized: Sequence[str],
    keys: Sequence[str],
    idf: npt.NDArray[np.float32] | None,
    weights: npt.NDArray[np.float32],
    chunk: int = 512,
) -> npt.NDArray[np.float32]:
    """:func:`linear_scores` composed of :func:`hashed` and :func:`tf_values` (numpy only; for tests)."""
    n = len(normalized)
    k = weights.shape[1]
    out = np.zeros((n, k), dtype=np.float32)
    for i in range(0, n, chunk):
        nn = normalized[i : i + chunk]
        d, b = hashed(spec, nn, keys[i : i + chunk])
        d, b, v = tf_values(spec, d, b, len(nn), idf)
        contrib = weights[b] * v[:, None]
        for h in range(k):
            out[i : i + len(nn), h] = np.bincount(d, weights=contrib[:, h], minlength=len(nn))
    return out
