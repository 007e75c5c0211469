"""``misinformation.unreliable``: how much a post resembles the unreliable posts of ReINTEL (VLSP 2020).

Advisory only: the detector returns ``scores["misinformation.unreliable"]`` and never a finding (the default policy
pack marks the label ``advisory``). The model (``models/data/unreliable/model.npz``, see its MODEL_CARD.md):

1. text → the shared hashing featurizer (:mod:`kiemchung.text.features`: word 1–2-grams and character n-grams of
   the normalized text and of its diacritic-free key), TF-IDF weights (stored IDF) → linear text scores (a logistic
   regression and a naive-Bayes-weighted logistic regression, one :func:`~kiemchung.text.features.linear_scores`
   call for both);
2. the text scores plus engagement, time and form features (log likes, comments, shares and their ratios, hour
   and weekday of posting, length, links, hashtags, capitals, "!", "?", emoji, digits…; missing values allowed)
   → a few shallow gradient-boosted trees, stored as full binary trees and evaluated for every tree and every
   post at once in numpy.

No feature describes the poster (no user, page or account id): the score is about a post, never about a person.
Both stages are pure numpy at prediction time; the detector pickles by reference to its model file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import numpy.typing as npt

from kiemchung.detectors.base import ModelFileDetector, Settings
from kiemchung.errors import ModelError
from kiemchung.text.features import FeatureSpec, LinearPart, code_points, frozen
from kiemchung.types import DetectorOutput, Prepared

LABEL = "misinformation.unreliable"
FORMAT_VERSION = 2
META_FEATURES = (
    "log_likes", "log_comments", "log_shares", "comments_per_like", "shares_per_like", "shares_per_comment",
    "hour", "weekday", "log_length", "words", "links", "hashtags", "exclamations", "questions", "lines",
    "upper_ratio", "digit_ratio", "emoji",
)

FloatArray = npt.NDArray[np.float64]

# Character classes, one bit each, for every code point up to the emoji blocks (anything above counts as none).
_UPPER_BIT, _ALPHA_BIT, _DIGIT_BIT, _EMOJI_BIT = 1, 2, 4, 8
_N_CLASSES = 16
_TABLE = 0x20000
_CLASS = np.zeros(_TABLE + 1, dtype=np.int64)
for _c in range(0x10000):
    _ch = chr(_c)
    _CLASS[_c] = _UPPER_BIT * _ch.isupper() | _ALPHA_BIT * _ch.isalpha() | _DIGIT_BIT * _ch.isdigit()
_CLASS[0x2600:0x27C0] |= _EMOJI_BIT  # miscellaneous symbols, dingbats
_CLASS[0x1F000:0x1FB00] |= _EMOJI_BIT  # emoji, pictographs, flags
_HAS = np.asarray([[(k & bit) != 0 for k in range(_N_CLASSES)] for bit in (1, 2, 4, 8)], dtype=np.float64).T


def _num(v: Any) -> float:
    if v is None or v == "" or isinstance(v, bool):
        return math.nan
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f if math.isfinite(f) and f >= 0 else math.nan


def _timestamp(published: Any) -> float:
    """Unix seconds from a Unix timestamp (number or numeric string), an ISO-8601 string or a datetime."""
    if published is None or isinstance(published, bool):
        return math.nan
    if isinstance(published, (int, float)):
        return _num(published)
    if isinstance(published, datetime):
        dt = published
    else:
        s = str(published).strip()
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            return _num(s)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def meta_features(texts: Sequence[str], metas: Sequence[Mapping[str, Any]]) -> FloatArray:
    """Engagement, time and form features of a batch, shape ``(n, len(META_FEATURES))`` (NaN where unknown).

    Character classes are counted over the whole batch at once (one code-point array, lookup tables, bincount).
    """
    n = len(texts)
    out = np.full((n, len(META_FEATURES)), np.nan)
    if n == 0:
        return out
    raw = np.array(
        [(_num(m.get("likes")), _num(m.get("comments")), _num(m.get("shares")),
          _timestamp(m.get("published_at", m.get("timestamp"))), len(t), len(t.split()),
          t.count("http") + t.count("www."), t.count("#"), t.count("!"), t.count("?"), t.count("\n"))
         for t, m in zip(texts, metas, strict=True)],
        dtype=np.float64,
    )
    logs = np.log1p(raw[:, 0:3])
    out[:, 0:3] = logs
    out[:, 3] = logs[:, 1] - logs[:, 0]
    out[:, 4] = logs[:, 2] - logs[:, 0]
    out[:, 5] = logs[:, 2] - logs[:, 1]
    local = raw[:, 3] + 7 * 3600.0  # Vietnam time (UTC+7)
    out[:, 6] = (local / 3600.0) % 24.0
    out[:, 7] = (np.floor(local / 86400.0) + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    out[:, 8] = np.log1p(raw[:, 4])
    out[:, 9:15] = raw[:, 5:11]
    lens = raw[:, 4].astype(np.int64)
    codes = code_points("".join(texts))
    cls = _CLASS[np.minimum(codes, _TABLE)]
    per_doc = np.bincount(np.repeat(np.arange(n) * _N_CLASSES, lens) + cls, minlength=n * _N_CLASSES)
    upper, alpha, digit, emoji = (per_doc.reshape(n, _N_CLASSES) @ _HAS).T
    out[:, 15] = upper / np.maximum(alpha, 1.0)
    out[:, 16] = digit / np.maximum(lens, 1)
    out[:, 17] = emoji
    return out


class Trees:
    """Gradient-boosted trees padded to full binary trees of one depth, evaluated for all trees and rows at once.

    Node ``i`` of a tree has children ``2i+1`` (left) and ``2i+2`` (right); ``value`` holds the ``2**depth``
    leaves. A row goes right when its value is ``> threshold``, or when it is missing and not ``missing_left``.
    A leaf that scikit-learn placed higher up is padded with splits whose both sides carry its value.

    Evaluation: every distinct test (feature, threshold, missing side) of the forest is computed once for a chunk of
    rows (a few hundred columns), the trees' node tests are gathered from them, and each tree's leaf index is built
    level by level: a handful of array operations per chunk, no Python loop over trees or rows.
    """

    def __init__(self, feature: npt.NDArray[np.int64], threshold: FloatArray, missing_left: npt.NDArray[np.bool_],
                 value: FloatArray, baseline: float) -> None:
        self.feature, self.threshold, self.missing_left = feature, threshold, missing_left
        self.value, self.baseline = value, baseline
        self.depth = int(round(math.log2(value.shape[1]))) if value.size else 0
        tests = np.column_stack([feature.ravel(), threshold.ravel(), ~missing_left.ravel()]).astype(np.float64)
        uniq, inverse = np.unique(tests, axis=0, return_inverse=True)
        self._test_of_node = inverse.ravel()
        self._t_feature = uniq[:, 0].astype(np.intp)
        self._t_threshold = np.ascontiguousarray(uniq[:, 1])
        self._t_missing_right = uniq[:, 2] > 0
        self._leaf_base = np.arange(self.n_trees, dtype=np.intp)[None, :] << self.depth

    @property
    def n_trees(self) -> int:
        return int(self.value.shape[0])

    def decision(self, x: FloatArray, chunk: int = 128) -> FloatArray:
        """Raw score (log-odds) of each row of ``x``."""
        n = x.shape[0]
        out = np.full(n, self.baseline, dtype=np.float64)
        internal = (1 << self.depth) - 1
        leaf_value = self.value.ravel()
        for i in range(0, n, chunk):
            v = x[i : i + chunk, self._t_feature]
            m = v.shape[0]
            right = v > self._t_threshold
            missing = np.isnan(v)
            if missing.any():
                right |= missing & self._t_missing_right
            node_right = right[:, self._test_of_node].reshape(m, self.n_trees, internal)
            idx = np.zeros((m, self.n_trees, 1), dtype=np.intp)
            for level in range(self.depth):
                idx = 2 * idx + np.take_along_axis(node_right, idx + ((1 << level) - 1), axis=2)
            out[i : i + m] += leaf_value[self._leaf_base + idx[:, :, 0]].sum(axis=1)
        return out


class UnreliableModel:
    """The two-stage model; ``predict(texts, normalized, keys, metas)`` → probability that each post is unreliable."""

    def __init__(self, arrays: Mapping[str, np.ndarray], info: Mapping[str, Any]) -> None:
        self.info = dict(info)
        self.version = str(info.get("version", "unknown"))
        self.spec = FeatureSpec.from_dict(info["spec"])
        self.idf = frozen(np.array(arrays["idf"], dtype=np.float32))
        self.text_w = frozen(np.array(arrays["text_w"], dtype=np.float32))
        self.text_b = np.asarray(arrays["text_b"], dtype=np.float64)
        if self.text_w.shape[0] != 1 << self.spec.bits or self.idf.shape != (1 << self.spec.bits,):
            raise ModelError("mô hình unreliable: kích thước trọng số không khớp với bộ đặc trưng")
        self.text_part = LinearPart(self.spec, self.idf, self.text_w)
        self.trees = Trees(
            arrays["tree_feature"].astype(np.int64), arrays["tree_threshold"].astype(np.float64),
            arrays["tree_missing_left"].astype(bool), arrays["tree_value"].astype(np.float64),
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
            raise ModelError(f"không nạp được mô hình unreliable ({path or 'mặc định'}): {exc}") from exc

    @classmethod
    def _load_file(cls, path: Path) -> UnreliableModel:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        info = json.loads(str(arrays.pop("info_json")))
        if info.get("format") != FORMAT_VERSION or info.get("labels") != [LABEL]:
            raise ModelError(
                f"mô hình unreliable không đúng định dạng ({path}): format {info.get('format')}, "
                f"nhãn {info.get('labels')} (cần {FORMAT_VERSION}, [{LABEL!r}])"
            )
        return cls(arrays, info)

    def parts(self) -> tuple[LinearPart]:
        """The text heads' linear part, for scoring it jointly with other models' (same features, one pass)."""
        return (self.text_part,)

    def text_scores(self, normalized: Sequence[str], keys: Sequence[str],
                    raw: Sequence[FloatArray] | None = None) -> FloatArray:
        """The linear text scores (logits), shape ``(n, k)``; ``raw``: the part's scores when already computed."""
        s = self.text_part.scores(normalized, keys) if raw is None else raw[0]
        out: FloatArray = s.astype(np.float64) + self.text_b
        return out

    def features(self, texts: Sequence[str], normalized: Sequence[str], keys: Sequence[str],
                 metas: Sequence[Mapping[str, Any]], raw: Sequence[FloatArray] | None = None) -> FloatArray:
        return np.column_stack([self.text_scores(normalized, keys, raw), meta_features(texts, metas)])

    def predict(self, texts: Sequence[str], normalized: Sequence[str], keys: Sequence[str],
                metas: Sequence[Mapping[str, Any]], raw: Sequence[FloatArray] | None = None) -> FloatArray:
        if not texts:
            return np.zeros(0)
        z = self.trees.decision(self.features(texts, normalized, keys, metas, raw))
        prob: FloatArray = 1.0 / (1.0 + np.exp(-z))
        return prob


class UnreliableDetector(ModelFileDetector):
    """Scores each post for resemblance to unreliable posts (advisory score, no findings)."""

    name: ClassVar[str] = "vi.misinformation.unreliable.v1"
    labels: ClassVar[frozenset[str]] = frozenset({LABEL})

    load = staticmethod(UnreliableModel.load)
    model: UnreliableModel

    def predict(self, docs: Sequence[Prepared], raw: Sequence[FloatArray] | None = None) -> FloatArray:
        return self.model.predict(
            [d.document.text for d in docs], [d.norm.normalized for d in docs], [d.norm.key for d in docs],
            [d.document.meta for d in docs], raw,
        )

    def linear_parts(self) -> tuple[LinearPart, ...]:
        return self.model.parts()

    def detect_scored(self, docs: Sequence[Prepared], raw: Sequence[FloatArray]) -> list[DetectorOutput]:
        return [DetectorOutput(scores={LABEL: float(p)}) for p in self.predict(docs, raw)]

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        return [DetectorOutput(scores={LABEL: float(p)}) for p in self.predict(docs)]


def create(settings: Settings) -> UnreliableDetector:
    """Entry point ``kiemchung.detectors: unreliable``. Uses ``settings.model_dir/unreliable/model.npz`` when present."""
    path = settings.model_dir / "unreliable" / "model.npz" if settings.model_dir else None
    if path is not None and not path.is_file():
        path = None
    return UnreliableDetector(model_path=path)
