"""``misinformation.unreliable``: how much a post resembles the unreliable posts of ReINTEL (VLSP 2020).

Advisory only: the detector returns ``scores["misinformation.unreliable"]`` and never a finding (the default policy
pack marks the label ``advisory``). The model (``models/data/unreliable/model.npz``, see its MODEL_CARD.md):

1. text → hashed word 1–2-grams and character 2–5-grams (the columns ``HashingVectorizer`` gives, computed with
   per-word caches: no vocabulary to ship), TF-IDF weights (stored IDF), logistic regression → a text logit;
2. the text logit plus engagement and form features (likes, comments, shares, hour of posting, length, links,
   hashtags, capitals, "!", line breaks; missing values allowed) → gradient-boosted trees, stored as plain
   arrays and evaluated here in numpy.

Both stages are pure numpy/scipy at prediction time; the detector pickles (the arrays travel with it).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from kiemchung.detectors.base import Settings
from kiemchung.errors import ModelError
from kiemchung.types import DetectorOutput, Prepared

LABEL = "misinformation.unreliable"
N_FEATURES = 2**18
META_FEATURES = (
    "likes", "comments", "shares", "hour", "length", "links", "hashtags", "upper_ratio", "exclamations", "lines",
)
FORMAT_VERSION = 1


def _vectorizers() -> tuple[HashingVectorizer, HashingVectorizer]:
    word = HashingVectorizer(
        n_features=N_FEATURES, alternate_sign=False, norm=None, ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b"
    )
    char = HashingVectorizer(n_features=N_FEATURES, alternate_sign=False, norm=None, analyzer="char_wb",
                             ngram_range=(2, 5))
    return word, char


def clean_text(text: str) -> str:
    return unicodedata.normalize("NFC", text or "").lower()


def hashed_counts(texts: Sequence[str]) -> sparse.csr_matrix:
    """Raw hashed counts, word block then character block (``2 * N_FEATURES`` columns).

    Exactly what the two ``HashingVectorizer``s of :func:`_vectorizers` give (a test checks it), but the hashed
    columns of each word's character n-grams, of each word and of each word pair are cached: Vietnamese reuses a
    few thousand syllables, so a post costs a few dictionary look-ups instead of hashing ~600 n-gram strings.
    """
    indptr = [0]
    cols: list[int] = []
    add = cols.extend
    cget, wget = _CHAR_COLS.get, _WORD_COLS.get
    for t in texts:
        low = clean_text(t).lower()
        tokens = _TOKEN.findall(low)
        for tok in tokens:
            got = wget(tok)
            add((got if got is not None else _word_col(tok),))
        for a, b in zip(tokens, tokens[1:]):
            pair = a + " " + b
            got = wget(pair)
            add((got if got is not None else _word_col(pair),))
        for w in low.split():
            got_c = cget(w)
            add(got_c if got_c is not None else _char_cols(w))
        indptr.append(len(cols))
    m = sparse.csr_matrix(
        (np.ones(len(cols)), np.asarray(cols, dtype=np.int64), np.asarray(indptr, dtype=np.int64)),
        shape=(len(texts), 2 * N_FEATURES),
    )
    m.sum_duplicates()
    return m


_TOKEN = re.compile(r"(?u)\b\w+\b")
_CHAR_COLS: dict[str, tuple[int, ...]] = {}
_WORD_COLS: dict[str, int] = {}
_CACHE_MAX = 300_000


def _hash_col(feature: str) -> int:
    """The column ``FeatureHasher(alternate_sign=False)`` gives a feature (murmurhash3, seed 0)."""
    h = int(murmurhash3_32(feature, seed=0))
    if h == -2147483648:
        return (2147483647 - (N_FEATURES - 1)) % N_FEATURES
    return abs(h) % N_FEATURES


def _word_col(token: str) -> int:
    col = _hash_col(token)
    if len(_WORD_COLS) < _CACHE_MAX:
        _WORD_COLS[token] = col
    return col


def _char_cols(word: str) -> tuple[int, ...]:
    """Columns (in the character block) of the ``char_wb`` 2–5-grams of one whitespace-separated word."""
    w = " " + word + " "
    grams = []
    for n in range(2, 6):
        offset = 0
        grams.append(w[offset : offset + n])
        while offset + n < len(w):
            offset += 1
            grams.append(w[offset : offset + n])
        if offset == 0:  # a short word is counted once
            break
    cols = tuple(N_FEATURES + _hash_col(g) for g in grams)
    if len(_CHAR_COLS) < _CACHE_MAX:
        _CHAR_COLS[word] = cols
    return cols


def tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF × IDF, L2-normalized per block (as ``TfidfTransformer(sublinear_tf=True)`` per block)."""
    x = counts.astype(np.float32).tocsr(copy=True)
    x.data = np.log1p(x.data)  # 1 + log(tf) == log1p(tf - 1) + 1; log1p(tf) keeps tf=1 > 0 as well
    x = x.multiply(idf[None, :]).tocsr()
    out = []
    for a, b in ((0, N_FEATURES), (N_FEATURES, 2 * N_FEATURES)):
        block = x[:, a:b]
        norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        out.append(sparse.diags(1.0 / norms) @ block)
    return sparse.hstack(out).tocsr()


def _num(v: Any) -> float:
    if v is None or v == "":
        return math.nan
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f if math.isfinite(f) else math.nan


def _hour(published: Any) -> float:
    """Hour of posting in Vietnam time (UTC+7) from a Unix timestamp or an ISO-8601 string."""
    if published is None or published == "":
        return math.nan
    ts = _num(published)
    if math.isnan(ts):
        try:
            dt = datetime.fromisoformat(str(published).replace("Z", "+00:00"))
        except ValueError:
            return math.nan
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=timezone.utc)
        ts = dt.timestamp()
    return ((ts / 3600.0) + 7.0) % 24.0


def meta_features(text: str, meta: Mapping[str, Any]) -> list[float]:
    """The engagement and form features, in :data:`META_FEATURES` order (NaN where unknown)."""
    t = text or ""
    letters = sum(map(str.isalpha, t)) or 1
    published = meta.get("published_at", meta.get("timestamp"))
    return [
        _num(meta.get("likes")),
        _num(meta.get("comments")),
        _num(meta.get("shares")),
        _hour(published),
        float(len(t)),
        float(t.count("http")),
        float(t.count("#")),
        sum(map(str.isupper, t)) / letters,
        float(t.count("!")),
        float(t.count("\n")),
    ]


class Trees:
    """Gradient-boosted trees stored as arrays (exported from scikit-learn's HistGradientBoostingClassifier)."""

    def __init__(self, feature: np.ndarray, threshold: np.ndarray, left: np.ndarray, right: np.ndarray,
                 missing_left: np.ndarray, is_leaf: np.ndarray, value: np.ndarray, roots: np.ndarray,
                 baseline: float) -> None:
        self.feature, self.threshold, self.left, self.right = feature, threshold, left, right
        self.missing_left, self.is_leaf, self.value, self.roots = missing_left, is_leaf, value, roots
        self.baseline = baseline

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Raw score (log-odds) for each row of ``x``.

        Small batches (an API call, a draft) advance every tree of every row together, one level per step: a few
        dozen numpy calls instead of several thousand. Large batches walk the trees one by one, which keeps the
        working arrays small.
        """
        if x.shape[0] * len(self.roots) <= 256 * 300:
            return self._decision_all_trees(x)
        return self._decision_tree_by_tree(x)

    def _decision_all_trees(self, x: np.ndarray) -> np.ndarray:
        n = x.shape[0]
        node = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(64):
            leaf = self.is_leaf[node]
            if leaf.all():
                break
            v = x[rows, self.feature[node]]
            go_left = np.where(np.isnan(v), self.missing_left[node], v <= self.threshold[node])
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        total: np.ndarray = self.baseline + self.value[node].sum(axis=1)
        return total

    def _decision_tree_by_tree(self, x: np.ndarray) -> np.ndarray:
        n = x.shape[0]
        total = np.full(n, self.baseline, dtype=np.float64)
        rows = np.arange(n)
        for root in self.roots:
            node = np.full(n, root, dtype=np.int64)
            for _ in range(64):
                leaf = self.is_leaf[node]
                if leaf.all():
                    break
                f = self.feature[node]
                v = x[rows, f]
                go_left = np.where(np.isnan(v), self.missing_left[node], v <= self.threshold[node])
                nxt = np.where(go_left, self.left[node], self.right[node])
                node = np.where(leaf, node, nxt)
            total += self.value[node]
        return total


class UnreliableModel:
    """The two-stage model; ``predict(texts, metas)`` → probabilities that each post is unreliable."""

    def __init__(self, arrays: Mapping[str, np.ndarray], info: Mapping[str, Any]) -> None:
        self.info = dict(info)
        self.version = str(info.get("version", "unknown"))
        self.idf = np.asarray(arrays["idf"], dtype=np.float32)
        self.coef = np.asarray(arrays["coef"], dtype=np.float32)
        self.intercept = float(arrays["intercept"][0])
        self.trees = Trees(
            arrays["tree_feature"].astype(np.int64), arrays["tree_threshold"].astype(np.float64),
            arrays["tree_left"].astype(np.int64), arrays["tree_right"].astype(np.int64),
            arrays["tree_missing_left"].astype(bool), arrays["tree_is_leaf"].astype(bool),
            arrays["tree_value"].astype(np.float64), arrays["tree_roots"].astype(np.int64),
            float(arrays["tree_baseline"][0]),
        )

    @classmethod
    def load(cls, path: Path | None = None) -> UnreliableModel:
        try:
            if path is None:
                ref = resources.files("kiemchung.models").joinpath("data/unreliable/model.npz")
                with resources.as_file(ref) as p:
                    return cls._load_file(Path(p))
            return cls._load_file(path)
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"không nạp được mô hình unreliable: {exc}") from exc

    @classmethod
    def _load_file(cls, path: Path) -> UnreliableModel:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        info = json.loads(str(arrays.pop("info_json")))
        if info.get("format") != FORMAT_VERSION or info.get("labels") != [LABEL]:
            raise ModelError(f"mô hình unreliable không đúng định dạng: {info.get('format')}, {info.get('labels')}")
        return cls(arrays, info)

    def text_logit(self, texts: Sequence[str]) -> np.ndarray:
        x = tfidf(hashed_counts(texts), self.idf)
        return np.asarray(x @ self.coef).ravel() + self.intercept

    def predict(self, texts: Sequence[str], metas: Sequence[Mapping[str, Any]]) -> np.ndarray:
        if not texts:
            return np.zeros(0)
        logit = self.text_logit(texts)
        m = np.asarray([meta_features(t, md) for t, md in zip(texts, metas)], dtype=np.float64)
        feats = np.column_stack([logit, m])
        prob: np.ndarray = 1.0 / (1.0 + np.exp(-self.trees.decision(feats)))
        return prob


class UnreliableDetector:
    """Scores each post for resemblance to unreliable posts (advisory score, no findings)."""

    name: ClassVar[str] = "vi.misinformation.unreliable.v1"
    labels: ClassVar[frozenset[str]] = frozenset({LABEL})

    def __init__(self, model: UnreliableModel | None = None) -> None:
        self.model = model or UnreliableModel.load()
        self.model_version = self.model.version

    def predict(self, docs: Sequence[Prepared]) -> np.ndarray:
        return self.model.predict([d.document.text for d in docs], [d.document.meta for d in docs])

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        probs = self.predict(docs)
        return [DetectorOutput(scores={LABEL: float(p)}) for p in probs]


def create(settings: Settings) -> UnreliableDetector:
    path = settings.model_dir / "unreliable" / "model.npz" if settings.model_dir else None
    if path is not None and not path.exists():
        path = None
    return UnreliableDetector(UnreliableModel.load(path))
