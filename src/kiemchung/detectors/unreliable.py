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
from kiemchung.types import DetectorOutput, Prepared, scored_output

LABEL = "misinformation.unreliable"
FORMAT_VERSION = 2
META_FEATURES = (
    "log_likes", "log_comments", "log_shares", "comments_per_like", "shares_per_like", "shares_per_comment",
    "hour", "weekday", "log_length", "words", "links", "hashtags", "exclamations", "questions", "lines",
    "upper_ratio", "digit_ratio", "emoji",
)

FloatArray = npt.NDArray[np.float64]

# Character classes of the form features, counted for a whole batch with one bincount. A code point's class is
# its capital/letter/digit/emoji bits (16 combinations; anything above the emoji blocks counts as none), or one of
# '#', '!', '?', '\n', other whitespace (none of which has any of those bits); a position that starts a word (a
# non-space after a space or at the start of a post, as ``str.split()`` cuts words) adds ``_N_CHAR``.
_UPPER_BIT, _ALPHA_BIT, _DIGIT_BIT, _EMOJI_BIT = 1, 2, 4, 8
_HASH, _EXCLAIM, _QUESTION, _NEWLINE, _SPACE = 16, 17, 18, 19, 20
_N_CHAR = 21
_N_CLASSES = 2 * _N_CHAR
_TABLE = 0x20000
_CLASS = np.zeros(_TABLE + 1, dtype=np.uint8)
for _c in range(0x10000):
    _ch = chr(_c)
    _CLASS[_c] = _UPPER_BIT * _ch.isupper() | _ALPHA_BIT * _ch.isalpha() | _DIGIT_BIT * _ch.isdigit()
    if _ch.isspace():
        _CLASS[_c] = _SPACE
_CLASS[0x2600:0x27C0] |= _EMOJI_BIT  # miscellaneous symbols, dingbats
_CLASS[0x1F000:0x1FB00] |= _EMOJI_BIT  # emoji, pictographs, flags
_CLASS[[ord("#"), ord("!"), ord("?"), ord("\n")]] = [_HASH, _EXCLAIM, _QUESTION, _NEWLINE]
# per class: upper, alpha, digit, emoji, '#', '!', '?', '\n', word starts
_HAS = np.zeros((_N_CLASSES, 9), dtype=np.float64)
for _k in range(16):
    _HAS[_k, :4] = _HAS[_k + _N_CHAR, :4] = [(_k & bit) != 0 for bit in (1, 2, 4, 8)]
for _j, _k in enumerate((_HASH, _EXCLAIM, _QUESTION, _NEWLINE)):
    _HAS[_k, 4 + _j] = _HAS[_k + _N_CHAR, 4 + _j] = 1.0
_HAS[_N_CHAR:, 8] = 1.0
_H, _T, _P, _W, _DOT = (ord(c) for c in "htpw.")
_NONE = type(None)
_NUMERIC = frozenset({int, float, _NONE})


def _num(v: Any) -> float:
    if v is None or v == "" or isinstance(v, bool):
        return math.nan
    try:
        f = float(v)
    except (TypeError, ValueError):
        return math.nan
    return f if math.isfinite(f) and f >= 0 else math.nan


def _numbers(values: list[Any]) -> FloatArray | list[float]:
    """``[_num(v) for v in values]``; in numpy when every value is an int, a float or None (the usual case)."""
    if not set(map(type, values)) <= _NUMERIC:
        return [_num(v) for v in values]
    a = np.array(values, dtype=np.float64)  # None → NaN; an int too large for a float raises like float() does
    a[~((a >= 0) & (a != math.inf))] = math.nan
    return a


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


# ``YYYY-MM-DDTHH:MM:SS`` followed by nothing (UTC), ``Z`` or ``±HH:MM``: the digit positions of each length.
_ISO_DIGITS = np.array([0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
_ISO_SEPS = {4: ord("-"), 7: ord("-"), 10: ord("T"), 13: ord(":"), 16: ord(":")}
_MONTH_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _iso_seconds(c: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """For rows of code points ``c`` (n, 19 | 20 | 25) of whole-second ISO-8601 times: which rows are valid
    times of that exact form, and their Unix seconds (what ``datetime.fromisoformat(...).timestamp()`` gives them,
    an integer: exact as a float)."""
    width = c.shape[1]
    dig = c[:, _ISO_DIGITS] - ord("0")
    ok = ((dig >= 0) & (dig <= 9)).all(axis=1)
    for i, ch in _ISO_SEPS.items():
        ok &= c[:, i] == ch
    offset = np.zeros(len(c), dtype=np.int64)
    if width == 20:
        ok &= c[:, 19] == ord("Z")
    elif width == 25:
        od = c[:, [20, 21, 23, 24]] - ord("0")
        ok &= ((od >= 0) & (od <= 9)).all(axis=1) & (c[:, 22] == ord(":"))
        oh, om = od[:, 0] * 10 + od[:, 1], od[:, 2] * 10 + od[:, 3]
        ok &= (oh < 24) & (om < 60) & ((c[:, 19] == ord("+")) | (c[:, 19] == ord("-")))
        offset = np.where(c[:, 19] == ord("-"), -1, 1) * (oh * 3600 + om * 60)
    d = dig
    year = d[:, 0] * 1000 + d[:, 1] * 100 + d[:, 2] * 10 + d[:, 3]
    month, day = d[:, 4] * 10 + d[:, 5], d[:, 6] * 10 + d[:, 7]
    hour, minute, second = d[:, 8] * 10 + d[:, 9], d[:, 10] * 10 + d[:, 11], d[:, 12] * 10 + d[:, 13]
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_ok = (month >= 1) & (month <= 12)
    days_in = _MONTH_DAYS[np.where(month_ok, month, 0)] + (leap & (month == 2))
    ok &= (year >= 1) & month_ok & (day >= 1) & (day <= days_in) & (hour < 24) & (minute < 60) & (second < 60)
    # days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil)
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * np.where(month > 2, month - 3, month + 9) + 2) // 5 + day - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    return ok, days * 86400 + hour * 3600 + minute * 60 + second - offset


def _timestamps(values: list[Any]) -> FloatArray | list[float]:
    """``[_timestamp(v) for v in values]``, with the usual forms (numbers, None, whole-second ISO-8601 strings
    with ``Z``, an offset or no zone) computed for the whole batch in numpy; any other value goes through
    :func:`_timestamp`, so the result is the same float for every value."""
    kinds = set(map(type, values))
    if kinds <= _NUMERIC:
        return _numbers(values)
    if kinds != {str}:
        return [_timestamp(v) for v in values]
    out = np.full(len(values), math.nan)
    done = np.zeros(len(values), dtype=bool)
    lens = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    for width in (19, 20, 25):
        rows = np.flatnonzero(lens == width)
        if len(rows) == 0:
            continue
        codes = code_points("".join([values[i] for i in rows])).astype(np.int64).reshape(len(rows), width)
        ok, seconds = _iso_seconds(codes)
        out[rows[ok]] = seconds[ok]
        done[rows[ok]] = True
    for i in np.flatnonzero(~done).tolist():
        out[i] = _timestamp(values[i])
    return out


def meta_features(texts: Sequence[str], metas: Sequence[Mapping[str, Any]]) -> FloatArray:
    """Engagement, time and form features of a batch, shape ``(n, len(META_FEATURES))`` (NaN where unknown).

    Everything is computed for the whole batch at once: engagement and time values in numpy when they have the
    usual types (:func:`_numbers`, :func:`_timestamps`); character classes, word starts and links over one
    code-point array of all the posts (a lookup table, one bincount). The results are those of the per-post
    definitions (``len(t.split())``, ``t.count("#")``…), bit for bit.
    """
    n = len(texts)
    out = np.full((n, len(META_FEATURES)), np.nan)
    if n == 0:
        return out
    raw = np.empty((n, 11), dtype=np.float64)
    raw[:, 0] = _numbers([m.get("likes") for m in metas])
    raw[:, 1] = _numbers([m.get("comments") for m in metas])
    raw[:, 2] = _numbers([m.get("shares") for m in metas])
    raw[:, 3] = _timestamps([m.get("published_at", m.get("timestamp")) for m in metas])
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    raw[:, 4] = lens
    # every post followed by a space: it ends the post's last word and no "http" spans two posts
    codes = code_points(" ".join(texts) + " ")
    cls = _CLASS[np.minimum(codes, _TABLE)]
    space = cls >= _NEWLINE
    starts = ~space
    starts[1:] &= space[:-1]
    cls += starts.view(np.uint8) * np.uint8(_N_CHAR)
    key = np.repeat(np.arange(0, n * _N_CLASSES, _N_CLASSES), lens + 1)
    key += cls
    counts = np.bincount(key, minlength=n * _N_CLASSES).reshape(n, _N_CLASSES) @ _HAS
    # "http" and "www." (neither can overlap itself or the other: their counts are str.count's)
    c0 = codes[:-3]
    link = np.flatnonzero(c0 == _H)
    link = link[(codes[link + 1] == _T) & (codes[link + 2] == _T) & (codes[link + 3] == _P)]
    www = np.flatnonzero(c0 == _W)
    www = www[(codes[www + 1] == _W) & (codes[www + 2] == _W) & (codes[www + 3] == _DOT)]
    ends = np.cumsum(lens + 1)
    raw[:, 5] = counts[:, 8]
    raw[:, 6] = np.bincount(np.searchsorted(ends, np.concatenate([link, www]), side="right"), minlength=n)
    raw[:, 7:11] = counts[:, 4:8]
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
    upper, alpha, digit, emoji = counts[:, :4].T
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
    rows (a few hundred columns) and the trees' node tests are gathered from them. Trees of depth 1 to 3 (at most
    7 tests each, the shipped model's case) pack their test bits into one byte per tree and row and read the leaf
    value from a table indexed by tree and byte; deeper trees build each tree's leaf index level by level. Either
    way a handful of array operations per chunk, no Python loop over trees or rows, and the leaf values are
    summed from the same C-ordered (rows, trees) array, so both give the same floats.
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
        internal = (1 << self.depth) - 1
        self._packed = self.n_trees > 0 and 1 <= internal <= 8
        if self._packed:
            # tests as rows (test, row): node k of every tree is one block of rows of the gathered bits
            self._t_threshold_col = self._t_threshold[:, None]
            self._t_missing_right_col = self._t_missing_right[:, None]
            self._node_tests = np.ascontiguousarray(self._test_of_node.reshape(self.n_trees, internal).T).ravel()
            codes = np.arange(1 << internal)  # bit k: the row goes right at node k
            leaf = np.zeros_like(codes)
            for level in range(self.depth):
                leaf = 2 * leaf + ((codes >> (leaf + (1 << level) - 1)) & 1)
            self._code_value = np.ascontiguousarray(value[:, leaf]).ravel()  # [tree << internal | code]
            self._code_base = np.arange(self.n_trees, dtype=np.intp)[None, :] << internal

    @property
    def n_trees(self) -> int:
        return int(self.value.shape[0])

    def decision(self, x: FloatArray, chunk: int = 256) -> FloatArray:
        """Raw score (log-odds) of each row of ``x``."""
        n = x.shape[0]
        out = np.full(n, self.baseline, dtype=np.float64)
        for i in range(0, n, chunk):
            rows = x[i : i + chunk]
            leaves = self._leaves_packed(rows) if self._packed else self._leaves_by_level(rows)
            out[i : i + len(rows)] += leaves.sum(axis=1)  # leaves: C-ordered (rows, trees) on both paths
        return out

    def _leaves_packed(self, x: FloatArray) -> FloatArray:
        m, n_trees, internal = x.shape[0], self.n_trees, (1 << self.depth) - 1
        v = x.T[self._t_feature]  # (test, row)
        right = v > self._t_threshold_col
        missing = np.isnan(v)
        if missing.any():
            right |= missing & self._t_missing_right_col
        bits = right[self._node_tests].view(np.uint8).reshape(internal, n_trees * m)
        if (n_trees * m) % 8 == 0:  # 8 bytes at a time: each byte is 0 or 1, so shifts stay inside their byte
            words: npt.NDArray[np.unsignedinteger[Any]] = bits.view(np.uint64)
        else:
            words = bits
        shift = words.dtype.type
        code = words[internal - 1] << shift(internal - 1)
        for node in range(internal - 2, -1, -1):
            code |= words[node] << shift(node)
        index = np.empty((m, n_trees), dtype=np.intp)
        np.add(code.view(np.uint8).reshape(n_trees, m).T, self._code_base, out=index)
        leaves: FloatArray = self._code_value[index]
        return leaves

    def _leaves_by_level(self, x: FloatArray) -> FloatArray:
        m, internal = x.shape[0], (1 << self.depth) - 1
        v = x[:, self._t_feature]
        right = v > self._t_threshold
        missing = np.isnan(v)
        if missing.any():
            right |= missing & self._t_missing_right
        node_right = right[:, self._test_of_node].reshape(m, self.n_trees, internal)
        idx = np.zeros((m, self.n_trees, 1), dtype=np.intp)
        for level in range(self.depth):
            idx = 2 * idx + np.take_along_axis(node_right, idx + ((1 << level) - 1), axis=2)
        leaves: FloatArray = self.value.ravel()[self._leaf_base + idx[:, :, 0]]
        return leaves


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
        return [scored_output({LABEL: p}) for p in self.predict(docs, raw).tolist()]

    def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
        return [scored_output({LABEL: p}) for p in self.predict(docs).tolist()]


def create(settings: Settings) -> UnreliableDetector:
    """Entry point ``kiemchung.detectors: unreliable``. Uses ``settings.model_dir/unreliable/model.npz`` when present."""
    path = settings.model_dir / "unreliable" / "model.npz" if settings.model_dir else None
    if path is not None and not path.is_file():
        path = None
    return UnreliableDetector(model_path=path)
