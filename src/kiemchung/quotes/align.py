"""Find where a piece of a quote sits in a source: anchor with token-bigram hashing, then align locally.

The source is tokenized once (:func:`index_source`, cached); a piece of ``m`` tokens votes for diagonals
``source_pos - quote_pos`` through the bigrams it shares with the source (unigrams when it shares none), and
:class:`difflib.SequenceMatcher` aligns the piece inside a window of about ``2m`` tokens around the best
diagonals. Cost per piece: O(m · hits + m²), independent of the length of the source.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from kiemchung.quotes.tokens import TokenSeq, plain_view
from kiemchung.types import Source


@dataclass(slots=True)
class SourceIndex:
    """A tokenized source with bigram and unigram position lists."""

    source: Source
    seq: TokenSeq
    bigrams: dict[tuple[str, str], list[int]]
    unigrams: dict[str, list[int]]


@lru_cache(maxsize=32)
def _index_text(text: str) -> tuple[TokenSeq, dict[tuple[str, str], list[int]], dict[str, list[int]]]:
    seq = TokenSeq.of(plain_view(text))
    bi: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    uni: defaultdict[str, list[int]] = defaultdict(list)
    keys = seq.keys
    for i, k in enumerate(keys):
        uni[k].append(i)
        if i + 1 < len(keys):
            bi[(k, keys[i + 1])].append(i)
    return seq, dict(bi), dict(uni)


def index_source(source: Source) -> SourceIndex:
    """Tokenize and index a source (cached by its text)."""
    seq, bi, uni = _index_text(source.text)
    return SourceIndex(source, seq, bi, uni)


@dataclass(frozen=True, slots=True)
class PieceAlignment:
    """Where quote tokens ``[q_start, q_end)`` sit in the source: tokens ``[s_start, s_end)``.

    ``matched`` counts quote tokens in matching blocks; ``blocks`` are ``(q, s, size)`` in absolute indices.
    """

    q_start: int
    q_end: int
    s_start: int
    s_end: int
    matched: int
    blocks: tuple[tuple[int, int, int], ...]

    @property
    def coverage(self) -> float:
        n = self.q_end - self.q_start
        return self.matched / n if n else 0.0


_MAX_UNIGRAM_HITS = 64
_MAX_BIGRAM_HITS = 24


def _diagonals(q: list[str], index: SourceIndex, lo: int, hi: int, top: int) -> list[int]:
    votes: Counter[int] = Counter()
    bi = index.bigrams
    common: list[int] = []
    for i in range(len(q) - 1):
        hits = bi.get((q[i], q[i + 1]), ())
        if len(hits) > _MAX_BIGRAM_HITS:
            common.append(i)  # too frequent to anchor on (unless nothing rarer is shared)
            continue
        for p in hits:
            if lo <= p < hi:
                votes[p - i] += 2
    if not votes:
        for i in common:
            for p in bi[(q[i], q[i + 1])]:
                if lo <= p < hi:
                    votes[p - i] += 2
    if not votes:
        uni = index.unigrams
        for i, t in enumerate(q):
            pos = uni.get(t, ())
            if len(pos) <= _MAX_UNIGRAM_HITS:
                for p in pos:
                    if lo <= p < hi:
                        votes[p - i] += 1
    if not votes:
        return []
    # smooth the strongest diagonals: a diagonal also counts its neighbours (an insertion shifts it)
    smooth: dict[int, int] = {}
    for d, _ in votes.most_common(4 * top + 8):
        smooth[d] = votes[d] + sum(votes.get(d + k, 0) // 2 for k in (-2, -1, 1, 2))
    chosen: list[int] = []
    spread = max(2, len(q) // 2)
    for d, _ in sorted(smooth.items(), key=lambda dv: (-dv[1], dv[0])):
        if all(abs(d - c) > spread for c in chosen):
            chosen.append(d)
            if len(chosen) >= top:
                break
    return chosen


def align_piece(
    q_keys: list[str], q_offset: int, index: SourceIndex, *, lo: int = 0, hi: int | None = None, top: int = 3
) -> PieceAlignment | None:
    """Best local alignment of the quote tokens ``q_keys`` (absolute start ``q_offset``) inside source tokens
    ``[lo, hi)``, or None."""
    m = len(q_keys)
    if m == 0:
        return None
    s_keys = index.seq.keys
    n = len(s_keys) if hi is None else min(hi, len(s_keys))
    best: PieceAlignment | None = None
    for d in _diagonals(q_keys, index, lo, n, top):
        w0 = max(lo, d - m // 2 - 3)
        w1 = min(n, d + m + m // 2 + 3)
        if w1 <= w0:
            continue
        sm = SequenceMatcher(None, q_keys, s_keys[w0:w1], autojunk=False)
        blocks = [(a, b + w0, size) for a, b, size in sm.get_matching_blocks() if size]
        blocks = _core(blocks, m)
        if not blocks:
            continue
        matched = sum(b[2] for b in blocks)
        cand = PieceAlignment(
            q_offset + blocks[0][0], q_offset + blocks[-1][0] + blocks[-1][2],
            blocks[0][1], blocks[-1][1] + blocks[-1][2], matched,
            tuple((a + q_offset, b, size) for a, b, size in blocks),
        )
        if best is None or (cand.matched, best.s_end - best.s_start) > (best.matched, cand.s_end - cand.s_start):
            best = cand
        if best.matched == m:
            break  # every word found: no other diagonal can do better
    if best is None:
        return None
    # report the whole piece; the verdict pairs its unmatched head/tail with the neighbouring source tokens
    return PieceAlignment(q_offset, q_offset + m, best.s_start, best.s_end, best.matched, best.blocks)


def _core(blocks: list[tuple[int, int, int]], m: int) -> list[tuple[int, int, int]]:
    """Drop stray single-token matches far from the main run of blocks."""
    if not blocks:
        return blocks
    if m <= 3:
        return blocks
    big = max(blocks, key=lambda b: b[2])
    if big[2] == 1 and m > 5:
        return []
    keep = [big]
    # grow left then right while the gap in the source stays small relative to the piece
    idx = blocks.index(big)
    limit = max(3, m // 2)
    for b in reversed(blocks[:idx]):
        head = keep[0]
        if head[1] - (b[1] + b[2]) <= limit and head[0] - (b[0] + b[2]) <= limit:
            keep.insert(0, b)
        else:
            break
    for b in blocks[idx + 1 :]:
        tail = keep[-1]
        if b[1] - (tail[1] + tail[2]) <= limit and b[0] - (tail[0] + tail[2]) <= limit:
            keep.append(b)
        else:
            break
    return keep
