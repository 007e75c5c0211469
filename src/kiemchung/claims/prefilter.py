"""A cheap, batch-wide candidate filter in front of the claim re-scorer: most posts match nothing.

The re-scorer's score is ``0.40·cov + 0.15·bigram + 0.25·char + 0.20·prec`` on one window of the post. A
window's syllables, bigrams and character 3-grams are subsets of the whole post's, so each feature taken over the
whole post bounds it from above, and ``prec`` ≤ 1. A pair (post, claim) goes on to the re-scorer only when

1. it shares at least a ``BIGRAM_TAU`` share of the claim's IDF-weighted syllable bigrams (found through a
   **prefix index**: each claim is listed only under its rarest bigrams, as many as it takes for the rest to weigh
   less than ``PREFIX_REST × BIGRAM_TAU``; a post sharing none of them cannot reach ``BIGRAM_TAU``, so template
   bigrams shared by thousands of claims touch no posting list; the rest is added only where it decides). At most
   ``MAX_PAIRS_PER_POST`` claims per post, those sharing the most bigram weight, go on (this bounds the work for a
   post on a topic that thousands of near-identical claims share);
2. its whole-post ``cov`` (IDF share of the claim's syllables found in the post) reaches ``TAU``;
3. ``0.40·cov + 0.15·bigram + 0.25·char + 0.20`` over the whole post reaches the threshold (a strict upper
   bound of the score).

Steps 1 and 2 are empirical: on the dev set and the seed-7 calibration set (1,504 queries) every pair scoring
≥ 0.5 shares ≥ 0.09 of the weighted bigrams and ≥ 0.34 of ``cov`` (threshold 0.53); ``BIGRAM_TAU`` = 0.05 and
``TAU`` = 0.25 leave a margin. The matcher checks that its threshold is ≥ ``FILTER_MIN_THRESHOLD`` before using
the filter. Featurizing is one C-level normalization per post (NFKC, lower case, zero-width characters dropped;
diacritics stripped word by word through a cache — the same key as :func:`~kiemchung.claims.text.view`), the
``\\w+`` words, their chat folds (every spelling is kept: a superset only raises the bounds) and vocabulary
lookups; the rest is sparse products and vectorized gathers over the whole batch. Everything that depends only on
the fact-checks is built once.
"""

from __future__ import annotations

import math
import re
import unicodedata
from itertools import repeat
from collections.abc import Callable, Collection, Sequence

import numpy as np
from scipy import sparse

from kiemchung.claims.text import _WORD, _ZERO_WIDTH, AFTER_NUMBER, TEENCODE, strip_diacritics

TAU = 0.25  # whole-post cov below which no claim is re-scored
BIGRAM_TAU = 0.05  # weighted bigram share below which no claim is re-scored
# Claims are indexed under their rarest bigrams until the rest weighs less than PREFIX_REST × BIGRAM_TAU, so a
# pair needs most of BIGRAM_TAU from the prefix alone and one common shared bigram is dropped at once.
PREFIX_REST = 0.3
FILTER_MIN_THRESHOLD = 0.5  # the two above were checked for thresholds from here up
# At most this many fact-checks per post go past step 1 (those sharing the most bigram weight): it bounds the work
# per post when a store holds thousands of near-identical claims (the re-scorer's retrieval keeps 8 per window).
MAX_PAIRS_PER_POST = 512
# every chat spelling → the syllable sequences its folds may give ("ko" → (khong,), "k" → (khong,) | (nghin,))
_FOLD_SEQS: dict[str, tuple[tuple[str, ...], ...]] = {}
for _table in (TEENCODE, AFTER_NUMBER):
    for _w, _rep in _table.items():
        _FOLD_SEQS[_w] = tuple(dict.fromkeys(_FOLD_SEQS.get(_w, ()) + (tuple(_rep.split()),)))
_FOLD_KEYS = frozenset(_FOLD_SEQS)
_ZW_RE = re.compile("[" + "".join(sorted(_ZERO_WIDTH)) + "]")
_STRIP_CACHE: dict[str, str] = {}


def _strip_word(w: str) -> str:
    out = _STRIP_CACHE.get(w)
    if out is None:
        out = strip_diacritics(w)
        if len(_STRIP_CACHE) < 200_000:
            _STRIP_CACHE[w] = out
    return out


def key_words(text: str) -> list[str]:
    """The ``\\w+`` words of ``view(text).key`` in order (NFKC, lower case, zero-width characters dropped,
    diacritics stripped), before chat folding.

    Fast path: whitespace tokens that are all letters or digits are words as they are; the others go through the
    regex. Diacritics are stripped word by word through a cache (``str.translate`` over a whole post costs more
    than everything else here).
    """
    if _ZW_RE.search(text):
        text = _ZW_RE.sub("", text)
    low = unicodedata.normalize("NFKC", text).lower()
    seq: list[str] = []
    add, findall = seq.append, _WORD.findall
    for tok in low.split():
        if tok.isalnum():
            add(tok)
        else:
            seq.extend(findall(tok))
    if low.isascii():
        return seq
    get = _STRIP_CACHE.get
    return [get(w) or _strip_word(w) for w in seq]


def fold_words(seq: list[str]) -> set[str]:
    """The words of ``seq`` and every syllable their chat folds may give."""
    words = set(seq)
    for w in words & _FOLD_KEYS:
        for parts in _FOLD_SEQS[w]:
            words.update(parts)
    return words


def _bigram_options(seq: list[str]) -> list[tuple[set[str], set[str]]]:
    """Consecutive syllable pairs the matcher may see in ``seq`` once chat spellings are folded, as
    (possible first syllables, possible second syllables); a fold of several syllables adds its inner pairs."""
    firsts: list[set[str]] = []
    lasts: list[set[str]] = []
    out: list[tuple[set[str], set[str]]] = []
    for w in seq:
        f, last = {w}, {w}
        for parts in _FOLD_SEQS.get(w, ()):
            f.add(parts[0])
            last.add(parts[-1])
            out.extend(({a}, {b}) for a, b in zip(parts, parts[1:]))
        firsts.append(f)
        lasts.append(last)
    out.extend(zip(lasts, firsts[1:]))
    return out


def _ranges(starts: np.ndarray, lens: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges ``[starts[p], starts[p] + lens[p])``: (range index, position) of every position in them."""
    pair = np.repeat(np.arange(len(starts)), lens)
    offs = np.arange(int(lens.sum())) - np.repeat(np.cumsum(lens) - lens, lens) + np.repeat(starts, lens)
    return pair, offs


def _read_pairs(posts: sparse.csr_matrix, claims_t: sparse.spmatrix, rows: np.ndarray,
                cols: np.ndarray) -> np.ndarray:
    """``(posts @ claims_t)[rows[p], cols[p]]`` for every pair p, in dense blocks of at most 2M values."""
    out = np.zeros(rows.size, dtype=np.float64)
    step = max(1, 2_000_000 // max(claims_t.shape[1], 1))
    for a in range(0, posts.shape[0], step):
        sel = np.flatnonzero((rows >= a) & (rows < a + step))
        if sel.size:
            block = (posts[a : a + step] @ claims_t).toarray()
            out[sel] = block[rows[sel] - a, cols[sel]]
    return out


def _csr(rows: list[int], cols: list[int], vals: list[float], shape: tuple[int, int]) -> sparse.csr_matrix:
    return sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (np.asarray(rows, dtype=np.int64),
                                                                  np.asarray(cols, dtype=np.int64))), shape=shape)


class CandidateFilter:
    """Which (post, claim) pairs of a batch can reach the threshold; built once from the claims, picklable.

    ``claims``: per claim, its syllables, syllable bigrams (pairs) and character 3-grams as the re-scorer sees
    them; ``idf``: the re-scorer's syllable IDF.
    """

    def __init__(self, claims: Sequence[tuple[frozenset[str], frozenset[tuple[str, str]], Collection[str]]],
                 idf: Callable[[str], float], tau: float = TAU, bigram_tau: float = BIGRAM_TAU) -> None:
        self.tau, self.bigram_tau = tau, bigram_tau
        n = len(claims)
        vocab: dict[str, int] = {}
        bvocab: dict[tuple[int, int], int] = {}
        grams: dict[str, int] = {}
        w_rows: list[int] = []
        w_cols: list[int] = []
        w_vals: list[float] = []
        g_rows: list[int] = []
        g_cols: list[int] = []
        g_vals: list[float] = []
        p_rows: list[int] = []
        p_cols: list[int] = []
        p_vals: list[float] = []
        rest = np.zeros(n, dtype=np.float64)
        r_rows: list[int] = []
        r_cols: list[int] = []
        r_vals: list[float] = []
        bw_rows: list[int] = []
        bw_cols: list[int] = []
        bw_vals: list[float] = []
        bc_vals: list[float] = []
        bdf: dict[tuple[str, str], int] = {}
        for _w, bigrams, _g in claims:
            for bg in bigrams:
                bdf[bg] = bdf.get(bg, 0) + 1

        def bidf(bg: tuple[str, str]) -> float:
            d = bdf[bg]
            return math.log(1.0 + (n - d + 0.5) / (d + 0.5))

        cut = PREFIX_REST * bigram_tau - 1e-9
        for j, (words, bigrams, cgrams) in enumerate(claims):
            total = sum(idf(w) for w in words) or 1.0
            for w in sorted(words):
                w_rows.append(j)
                w_cols.append(vocab.setdefault(w, len(vocab)))
                w_vals.append(idf(w) / total)
            for g in sorted(cgrams):
                g_rows.append(j)
                g_cols.append(grams.setdefault(g, len(grams)))
                g_vals.append(1.0 / len(cgrams))
            bs = sorted(bigrams, key=lambda b: (-bidf(b), b))  # rarest first
            bw = [bidf(b) for b in bs]
            btotal = sum(bw) or 1.0
            remaining = 1.0
            for bg, x in zip(bs, bw):
                k = bvocab.setdefault((vocab[bg[0]], vocab[bg[1]]), len(bvocab))
                bw_rows.append(k)
                bw_cols.append(j)
                bw_vals.append(x / btotal)
                bc_vals.append(1.0 / len(bs))
                if remaining >= cut:  # this bigram and the ones after it still weigh PREFIX_REST × bigram_tau
                    p_rows.append(k)
                    p_cols.append(j)
                    p_vals.append(x / btotal)
                else:
                    rest[j] += x / btotal
                    r_rows.append(j)
                    r_cols.append(k)
                    r_vals.append(x / btotal)
                remaining -= x / btotal
        self.vocab, self.bigram_vocab, self.grams = vocab, bvocab, grams
        self.claims_without_bigrams = np.asarray([j for j, c in enumerate(claims) if not c[1]], dtype=np.int64)
        v = len(vocab)
        # claims × syllables: each claim's IDF shares (a row sums to 1), so a pair's cov is a row dot product
        self.weights = _csr(w_rows, w_cols, w_vals, (n, v))
        # bigrams × claims: the IDF share of each bigram of the claim's prefix; rest: what the others weigh
        self.prefix = _csr(p_rows, p_cols, p_vals, (len(bvocab), n))
        self.rest = rest + 1e-9
        # claims × character 3-grams, 1/|grams| each
        self.gram_weights = _csr(g_rows, g_cols, g_vals, (n, len(grams)))
        # claims × bigrams: the IDF shares of the bigrams left out of the prefix, and 1/|bigrams| for all
        self.bigram_rest = _csr(r_rows, r_cols, r_vals, (n, len(bvocab)))
        self.bigram_counts = _csr(bw_cols, bw_rows, bc_vals, (n, len(bvocab)))
        self._gram_cache: dict[str, tuple[int, ...]] = {}

    def _word_grams(self, w: str) -> tuple[int, ...]:
        got = self._gram_cache.get(w)
        if got is None:
            p = f" {w} "
            gs = {p} if len(p) <= 3 else {p[i : i + 3] for i in range(len(p) - 2)}
            got = tuple(k for k in map(self.grams.get, gs) if k is not None)
            if len(self._gram_cache) < 100_000:
                self._gram_cache[w] = got
        return got

    def candidates(self, texts: Sequence[str], threshold: float) -> list[dict[int, float]]:
        """Per text, ``{claim index: upper bound of its score}`` for the claims that may reach ``threshold``
        (see the module docstring). Mostly empty: most posts match nothing."""
        out: list[dict[int, float]] = [{} for _ in texts]
        if not texts or not self.vocab:
            return out
        seqs = [key_words(t) for t in texts]
        vget, bget = self.vocab.get, self.bigram_vocab.get
        vocab, bvocab = self.vocab, self.bigram_vocab
        v, nb = len(vocab), len(bvocab)
        b_rows: list[int] = []
        b_cols: list[int] = []
        for i, seq in enumerate(seqs):
            if _FOLD_KEYS.isdisjoint(seq):
                ids = list(map(vget, seq, repeat(-1)))  # -1: not in the vocabulary, so in no bigram
                ks = [k for k in map(bget, zip(ids, ids[1:])) if k is not None]
            else:
                ks = [k for la, fb in _bigram_options(seq) for a in la for b in fb
                      if (k := bget((vget(a, -1), vget(b, -1)))) is not None]
            b_rows.extend([i] * len(ks))
            b_cols.extend(ks)
        # (1) bigram shares: the prefix part by one sparse product, the rest only where it decides
        pairs = (_csr(b_rows, b_cols, [1.0] * len(b_cols), (len(texts), nb)) @ self.prefix).tocoo()
        ok = pairs.data + self.rest[pairs.col] >= self.bigram_tau - 1e-9
        pi, pj, share = pairs.row[ok].astype(np.int64), pairs.col[ok].astype(np.int64), pairs.data[ok]
        if self.claims_without_bigrams.size:  # one-syllable claims: every post is a candidate (rare)
            pi = np.concatenate([pi, np.repeat(np.arange(len(texts)), self.claims_without_bigrams.size)])
            pj = np.concatenate([pj, np.tile(self.claims_without_bigrams, len(texts))])
            share = np.concatenate([share, np.full(len(texts) * self.claims_without_bigrams.size, np.inf)])
        if pi.size == 0:
            return out
        b_keys = np.sort(np.asarray(b_rows, dtype=np.int64) * nb + np.asarray(b_cols, dtype=np.int64))
        low = np.flatnonzero(share < self.bigram_tau - 1e-9)
        if low.size:
            share[low] += self._gather(self.bigram_rest, pi[low], pj[low], nb, b_keys)
            keep = share >= self.bigram_tau - 1e-9
            pi, pj, share = pi[keep], pj[keep], share[keep]
            if pi.size == 0:
                return out
        counts = np.bincount(pi, minlength=len(texts))
        if counts.max() > MAX_PAIRS_PER_POST:
            order = np.lexsort((-share, pi))
            pi, pj, share = pi[order], pj[order], share[order]
            starts = np.cumsum(counts) - counts
            keep = np.arange(pi.size) - starts[pi] < MAX_PAIRS_PER_POST
            pi, pj = pi[keep], pj[keep]
        # (2) whole-post cov and (3) bigram feature: sparse products of the posts involved against the claims
        # involved (few: most posts have no pair left), read at the pairs
        posts_u, pi_loc = np.unique(pi, return_inverse=True)
        claims_u, pj_loc = np.unique(pj, return_inverse=True)
        words = {i: fold_words(seqs[i]) for i in posts_u.tolist()}
        w_rows: list[int] = []
        w_cols: list[int] = []
        for li, i in enumerate(posts_u.tolist()):
            ks = [k for k in map(vget, words[i]) if k is not None]
            w_rows.extend([li] * len(ks))
            w_cols.extend(ks)
        pw = _csr(w_rows, w_cols, [1.0] * len(w_cols), (posts_u.size, v))
        cov = _read_pairs(pw, self.weights[claims_u].T, pi_loc, pj_loc)
        ok = cov >= self.tau - 1e-9
        if not ok.any():
            return out
        pi, pj, cov, pi_loc, pj_loc = pi[ok], pj[ok], cov[ok], pi_loc[ok], pj_loc[ok]
        b_sel = np.isin(np.asarray(b_rows, dtype=np.int64), posts_u)
        pb = _csr(np.searchsorted(posts_u, np.asarray(b_rows, dtype=np.int64)[b_sel]).tolist(),
                  np.asarray(b_cols, dtype=np.int64)[b_sel].tolist(), [1.0] * int(b_sel.sum()), (posts_u.size, nb))
        bg = _read_pairs(pb, self.bigram_counts[claims_u].T, pi_loc, pj_loc)
        bg = np.where(np.diff(self.bigram_counts.indptr)[pj] > 0, bg, cov)  # no bigram: the feature is cov
        # (4) character 3-gram containment over the whole post, in dense blocks of posts
        ch = np.empty(pi.size, dtype=np.float64)
        posts_u, pi_loc = np.unique(pi, return_inverse=True)
        g = len(self.grams)
        gp, gi, gd = self.gram_weights.indptr, self.gram_weights.indices, self.gram_weights.data
        step = max(1, 4_000_000 // max(g, 1))
        for a in range(0, posts_u.size, step):
            sel = np.flatnonzero((pi_loc >= a) & (pi_loc < a + step))
            block = posts_u[a : a + step].tolist()
            has_gram = np.zeros((len(block), g), dtype=bool)
            for li, i in enumerate(block):
                seen: set[int] = set()
                for w in words[i]:
                    seen.update(self._word_grams(w))
                has_gram[li, list(seen)] = True
            cj = pj[sel]
            pair, offs = _ranges(gp[cj], gp[cj + 1] - gp[cj])
            hit = has_gram[pi_loc[sel][pair] - a, gi[offs]]
            ch[sel] = np.bincount(pair, weights=gd[offs] * hit, minlength=sel.size)
        bound = 0.40 * cov + 0.15 * bg + 0.25 * ch + 0.20
        ok = bound >= threshold - 1e-9
        for i, j, b in zip(pi[ok].tolist(), pj[ok].tolist(), bound[ok].tolist()):
            out[i][j] = b
        return out

    @staticmethod
    def _gather(m: sparse.csr_matrix, pi: np.ndarray, pj: np.ndarray, width: int, keys: np.ndarray) -> np.ndarray:
        """For each pair p: the sum of row ``pj[p]`` of ``m`` over the columns c with ``pi[p]·width + c`` in
        ``keys`` (sorted): the post's share of the claim's features."""
        starts = m.indptr[pj]
        pair, offs = _ranges(starts, m.indptr[pj + 1] - starts)
        if offs.size == 0 or keys.size == 0:
            return np.zeros(pi.size, dtype=np.float64)
        want = pi[pair] * width + m.indices[offs]
        pos = np.minimum(np.searchsorted(keys, want), keys.size - 1)
        return np.bincount(pair, weights=m.data[offs] * (keys[pos] == want), minlength=pi.size)
