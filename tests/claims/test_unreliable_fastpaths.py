"""The batch paths of the unreliable detector give, bit for bit, what the per-post definitions give.

``meta_features`` counts characters, words and links for a whole batch at once and converts engagement values and
ISO-8601 times in numpy when they have the usual types; ``Trees.decision`` packs the node tests of shallow trees
into one byte per tree. The references below are the plain per-post (per-value) computations.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta, timezone
from typing import Any

import numpy as np
import pytest

from kiemchung.detectors.unreliable import Trees, _num, _numbers, _timestamp, _timestamps, meta_features


def _same(a: Any, b: Any) -> bool:
    return bool(np.asarray(a, dtype=np.float64).tobytes() == np.asarray(b, dtype=np.float64).tobytes())


def _form_reference(text: str) -> list[float]:
    """words, links, hashtags, exclamations, questions, lines: the str methods the features are defined by."""
    return [len(text.split()), text.count("http") + text.count("www."), text.count("#"), text.count("!"),
            text.count("?"), text.count("\n")]


TEXTS = [
    "", " ", "\n", "http", "www.", "wwww.x", "hhttp://a", "xhttphttp", "a\u3000b\u2028c\x1cd\x85e", "\t lead trail \n",
    "KHẨN CẤP!!! Xem https://vd.example #tin #nóng 😱", "hỏi? hỏi?? \n\n dòng", "\U0001d400 chữ toán 🇻🇳 ✅",
    "lỗi \ud83d nửa", "ht", "tp", "ww", "w.", "#!?\n", "a\u00a0b", "số 0912 345 678",
]


def test_form_features_equal_the_str_methods_at_every_batch_boundary() -> None:
    # every pair of texts in one batch: a word, "http" or "www." must never run across two posts
    texts = [a + b for a in TEXTS for b in TEXTS] + TEXTS
    got = meta_features(texts, [{}] * len(texts))
    for row, text in zip(got, texts, strict=True):
        assert row[9:15].tolist() == _form_reference(text), repr(text)
        assert row[8] == math.log1p(len(text))


VALUES: list[Any] = [
    None, "", "unknown", "12", " 12 ", "-5", "nan", "inf", -3, -0.0, 0, 0.0, 7, 7.5, math.nan, math.inf, -math.inf,
    10**30, 2**63, 2**53 + 1, True, False, np.int64(5), np.float64(2.5), [], "１２",
]


@pytest.mark.parametrize("values", [
    VALUES,
    [v for v in VALUES if type(v) in (int, float, type(None))],  # the numpy path, odd values included
    [0, 1, 2**53 + 1, 2**64 + 3, 10**30],
])
def test_numbers_equal_num(values: list[Any]) -> None:
    assert _same(_numbers(values), [_num(v) for v in values])


def test_an_int_too_large_for_a_float_still_raises() -> None:
    with pytest.raises(OverflowError):
        _numbers([1, 10**400])


TIMES: list[Any] = [
    "2026-10-01T08:00:00", "2026-10-01T08:00:00Z", "2026-10-01T08:00:00+07:00", "2026-10-01T08:00:00-05:30",
    "2024-02-29T23:59:59Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
    "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-10-00T00:00:00Z", "2026-10-01T24:00:00Z",
    "2026-10-01T23:60:00Z", "2026-10-01T23:59:60Z", "0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2026-10-01T08:00:00+24:00", "2026-10-01T08:00:00+07:60",
    " 2026-10-01T08:00:00Z", "2026-10-01T08:00:00z", "2026-10-01 08:00:00", "2026-10-01T08:00:00.123Z",
    "2026-10-01T08:00:00+0700", "2026-1٠-01T08:00:00Z", "2026/10/01T08:00:00Z", "2026-10-01T08:00:00-00:00",
    "2026-10-01", "1700000000", "1700000000.5", "", "unknown", "1e400",
]


@pytest.mark.parametrize("values", [
    TIMES,
    TIMES + [None, 1700000000, 1.5, True, datetime(2026, 10, 1, 8), datetime(2026, 10, 1, tzinfo=timezone.utc),
             datetime(2026, 10, 1, tzinfo=timezone(timedelta(hours=7)))],
    [None, 1700000000, -5, 1700000000.25, math.nan, math.inf],
])
def test_timestamps_equal_timestamp(values: list[Any]) -> None:
    assert _same(_timestamps(values), [_timestamp(v) for v in values])


def test_random_iso_times_equal_timestamp() -> None:
    rng = random.Random(3)
    values = []
    for _ in range(3000):
        zone = rng.choice(["", "Z", f"{rng.choice('+-')}{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}"])
        values.append(f"{rng.randint(1, 9999):04d}-{rng.randint(0, 13):02d}-{rng.randint(0, 32):02d}T"
                      f"{rng.randint(0, 24):02d}:{rng.randint(0, 60):02d}:{rng.randint(0, 60):02d}{zone}")
    want = [_timestamp(v) for v in values]
    assert sum(not math.isnan(w) for w in want) > 1000  # most are valid times: the numpy path is exercised
    assert _same(_timestamps(values), want)


def _forest(depth: int, n_trees: int, seed: int) -> Trees:
    rng = np.random.default_rng(seed)
    internal = (1 << depth) - 1
    return Trees(rng.integers(0, 5, size=(n_trees, internal)).astype(np.int64),
                 np.round(rng.normal(size=(n_trees, internal)), 1),  # repeated tests across trees
                 rng.random((n_trees, internal)) < 0.5, rng.normal(size=(n_trees, 1 << depth)), 0.25)


@pytest.mark.parametrize("depth", [1, 2, 3])
@pytest.mark.parametrize("n_trees", [1, 3, 50])
def test_packed_trees_equal_the_level_by_level_walk(depth: int, n_trees: int) -> None:
    trees = _forest(depth, n_trees, depth * 100 + n_trees)
    assert trees._packed
    rng = np.random.default_rng(depth)
    x = rng.normal(size=(517, 5))
    x[rng.random(x.shape) < 0.2] = np.nan
    x[rng.random(x.shape) < 0.05] = np.inf
    x[:, 0] = np.round(x[:, 0], 1)  # values equal to a threshold
    want = np.full(len(x), trees.baseline)
    for i in range(0, len(x), 100):
        want[i : i + 100] += trees._leaves_by_level(x[i : i + 100]).sum(axis=1)
    for chunk in (7, 128, 256, 1000):
        assert trees.decision(x, chunk).tobytes() == want.tobytes()
