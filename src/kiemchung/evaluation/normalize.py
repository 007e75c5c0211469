"""``kiemchung eval normalize PATH --format vilexnorm``: error reduction rate (ERR) over words.

ERR (van der Goot 2019, as used by the ViLexNorm paper) compares word accuracy with the leave-as-is baseline:
``(errors of the baseline − errors of the system) / errors of the baseline``. Words are the whitespace tokens of
the original comment; each is aligned to the gold words it became (one, several — "ntn" → "như thế nào" — or
none), by identical-token anchors and a small dynamic programme on the gaps between them. The system's answer
for a word is the normalized text mapped to that word's span through the offset map. Both sides are compared in
lower case, NFC, with one tone-placement style (``hoà`` and ``hòa`` are the same word) and single spaces.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from kiemchung.errors import InputError
from kiemchung.text.normalize import normalize
from kiemchung.text.words import _TONE_RE, TABLE_VERSION, _tone_sub, strip_diacritics
from kiemchung.types import NormalizedText

_WS_RE = re.compile(r"\S+")
_EDGE_PUNCT_RE = re.compile(r"^\W+|\W+$")


def read_vilexnorm(path: Path) -> list[tuple[str, str]]:
    """Rows of a ViLexNorm CSV (``,original,normalized``) as (original, normalized) pairs."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            if reader.fieldnames is None or not {"original", "normalized"} <= set(reader.fieldnames):
                raise InputError("thiếu cột 'original' hoặc 'normalized' (expected columns original, normalized)",
                                 file=str(path))
            return [(r["original"] or "", r["normalized"] or "") for r in reader]
    except OSError as exc:
        raise InputError(f"không đọc được tệp: {exc.strerror}", file=str(path)) from exc


def canon(s: str) -> str:
    """Comparison form: NFC, lower case, one tone style, single spaces."""
    s = unicodedata.normalize("NFC", s).lower()
    s = _TONE_RE.sub(_tone_sub, s)
    return " ".join(s.split())


def _key(s: str) -> str:
    return strip_diacritics(_EDGE_PUNCT_RE.sub("", s.lower()))


def _lev(a: str, b: str) -> int:
    if a == b:
        return 0
    if not a or not b:
        return len(a) or len(b)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _dist(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return _lev(a, b) / max(len(a), len(b), 1)


def _align_gap(orig: list[str], gold: list[str]) -> list[list[str]]:
    """Best many-to-many alignment of a small gap; returns, per original word, its gold words."""
    n, m = len(orig), len(gold)
    ok = [_key(o) for o in orig]
    gk = [_key(g) for g in gold]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == inf:
                continue
            moves: list[tuple[int, int, float]] = [(1, 0, 1.0), (0, 1, 1.0)]
            if i < n:
                for k in range(1, 5):
                    if j + k > m:
                        break
                    words = gk[j : j + k]
                    d = _dist(ok[i], "".join(words))
                    if k > 1:
                        initials = "".join(w[:1] for w in words)
                        d = min(d, 0.0 if ok[i] == initials else 1.0) + 0.15 * (k - 1)
                    moves.append((1, k, d))
                for k in (2, 3):
                    if i + k <= n and j < m:
                        moves.append((k, 1, _dist("".join(ok[i : i + k]), gk[j]) + 0.15 * (k - 1)))
            for di, dj, d in moves:
                ni, nj = i + di, j + dj
                if ni <= n and nj <= m and c + d < cost[ni][nj]:
                    cost[ni][nj] = c + d
                    back[ni][nj] = (di, dj)
    out: list[list[str]] = [[] for _ in range(n)]
    i, j = n, m
    pending: list[str] = []  # gold words inserted with no original word: attach to the previous one
    while i > 0 or j > 0:
        step = back[i][j]
        assert step is not None
        di, dj = step
        if di == 0:
            pending[:0] = gold[j - 1 : j]
        else:
            out[i - di] = gold[j - dj : j] + pending
            pending = []
        i, j = i - di, j - dj
    if pending and out:
        out[0] = pending + out[0]
    return out


def align(orig: list[str], gold: list[str]) -> list[str]:
    """Gold normalization (possibly several words, or empty) of each original word."""
    lo = [o.lower() for o in orig]
    lg = [g.lower() for g in gold]
    result: list[list[str]] = [[] for _ in orig]
    i = j = 0
    for bi, bj, size in SequenceMatcher(None, lo, lg, autojunk=False).get_matching_blocks():
        if bi > i or bj > j:
            if bi - i == bj - j:
                for k in range(bi - i):
                    result[i + k] = [gold[j + k]]
            elif bi > i:
                for k, words in enumerate(_align_gap(orig[i:bi], gold[j:bj])):
                    result[i + k] = words
            elif i > 0:
                result[i - 1] = result[i - 1] + gold[j:bj]
        for k in range(size):
            result[bi + k] = [gold[bj + k]]
        i, j = bi + size, bj + size
    return [" ".join(w) for w in result]


def predictions(norm: NormalizedText) -> list[str]:
    """The normalized text of each whitespace word of ``norm.original``, through the offset map."""
    out = []
    starts = norm.starts
    for m in _WS_RE.finditer(norm.original):
        a = bisect_left(starts, m.start())
        b = bisect_left(starts, m.end())
        out.append(norm.normalized[a:b])
    return out


def err(
    pairs: Iterable[tuple[str, str]], normalizer: Callable[[str], NormalizedText] = normalize
) -> dict[str, Any]:
    """Word-level accuracy of the baseline and of ``normalizer``, and the error reduction rate."""
    words = base_err = sys_err = sentences = 0
    for original, gold in pairs:
        sentences += 1
        toks = _WS_RE.findall(original)
        golds = align(toks, gold.split())
        preds = predictions(normalizer(original))
        for tok, g, p in zip(toks, golds, preds, strict=True):
            g = canon(g)
            words += 1
            base_err += canon(tok) != g
            sys_err += canon(p) != g
    rate = (base_err - sys_err) / base_err if base_err else 0.0
    return {
        "err": round(rate, 4),
        "accuracy": round(1 - sys_err / words, 4) if words else 0.0,
        "baseline_accuracy": round(1 - base_err / words, 4) if words else 0.0,
        "words": words,
        "baseline_errors": base_err,
        "system_errors": sys_err,
        "sentences": sentences,
        "table": TABLE_VERSION,
    }


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    """ERR of :func:`kiemchung.text.normalize.normalize` on ViLexNorm-format CSV files."""
    if fmt not in (None, "vilexnorm"):
        raise InputError(f"định dạng không hỗ trợ cho normalize: '{fmt}' (supported: vilexnorm)")
    if not paths:
        raise InputError("cần ít nhất một tệp dữ liệu (e.g. ../shared/data/vilexnorm/dev.csv)")
    pairs: list[tuple[str, str]] = []
    for path in paths:
        pairs.extend(read_vilexnorm(Path(path)))
    return err(pairs)
