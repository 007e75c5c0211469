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
the filter.

Featurizing is one C-level normalization and one whitespace split for the whole batch (NFKC, lower case,
zero-width characters dropped; the texts joined by NUL, which changes neither), then one cached lookup per
whitespace token: its words' codes (vocabulary id of the diacritic-free word — the same key as
:func:`~kiemchung.claims.text.view` — and its chat-fold slot); only tokens not seen before go through the
``\\w+`` regex. Bigrams, with every spelling the chat folds may give (a superset only raises the bounds), are
integer keys looked up for the whole batch at once. Step 1 is one sparse product; steps 2 and 3 read, for the few
pairs left, each claim's row against a dense block of its post's features, summing in the claim's column order:
every sum is the one the sparse product ``posts @ claims.T`` makes, in the same order, so the bounds are those of
the sparse formulation to the last bit (and a post with more than ``MAX_PAIRS_PER_POST`` pairs keeps the same
ones: on a tie in the share, the pair the product lists first). Everything that depends only on the fact-checks is built once;
per-token results are cached (bounded). :func:`key_words`, :func:`fold_words` and :func:`_bigram_options` state
the per-text features that the batch code computes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from itertools import chain, repeat
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
_FOLD_LIST = ["", *sorted(_FOLD_SEQS)]  # slot → chat spelling (slot 0: none)
_FOLD_SLOT = {w: i for i, w in enumerate(_FOLD_LIST) if w}
assert len(_FOLD_LIST) < 256  # a slot fits the low byte of a token code
_SEP = "\x00"  # between the texts of a batch
_JOIN = " \x00 "
_SEP_CODE = -2 * 256  # token codes are ≥ -256 (unknown word), or this
_SEVERAL = -(2**61)  # a cached token that is not one word
_MISSING = -(2**62)
_DENSE_CELLS = 2_000_000  # the most cells of a dense block of texts × features or texts × claims
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
    return pair, np.arange(pair.size) + (starts - (np.cumsum(lens) - lens))[pair]


def _pair_sums(m: sparse.csr_matrix, pi: np.ndarray, pj: np.ndarray, f_rows: np.ndarray, f_cols: np.ndarray,
               f_vals: np.ndarray, n_texts: int) -> np.ndarray:
    """For each pair p: the sum over the entries (c, x) of row ``pj[p]`` of ``m``, in column order, of
    ``x · (text pi[p]'s feature c, 0 when absent)`` — what the sparse product (texts × features) @ ``m.T`` sums.
    The features of the texts are given as (text, column, value), at most one per (text, column): they are laid out
    densely for the texts involved (in blocks of at most ``_DENSE_CELLS``) and read at the claims' columns."""
    out = np.zeros(pi.size, dtype=np.float64)
    if pi.size == 0:
        return out
    mark = np.zeros(n_texts, dtype=bool)
    mark[pi] = True
    local = np.cumsum(mark) - 1  # text → its row among the texts involved
    posts = int(local[-1]) + 1
    width = m.shape[1]
    step = max(1, _DENSE_CELLS // max(width, 1))
    fs = np.flatnonzero(mark[f_rows])
    f_at, f_vals = local[f_rows[fs]] * width + f_cols[fs], f_vals[fs]
    p_at = local[pi] * width
    for a in range(0, posts, step):
        n = min(step, posts - a)
        dense = np.zeros(n * width, dtype=f_vals.dtype)
        if n == posts:
            sel = np.arange(pi.size)
            dense[f_at] = f_vals
        else:
            sel = np.flatnonzero((p_at >= a * width) & (p_at < (a + n) * width))
            inside = (f_at >= a * width) & (f_at < (a + n) * width)
            dense[f_at[inside] - a * width] = f_vals[inside]
        starts = m.indptr[pj[sel]]
        lens = m.indptr[pj[sel] + 1] - starts
        pair = np.repeat(np.arange(sel.size), lens)
        offs = np.repeat(starts - (np.cumsum(lens) - lens), lens)
        offs += np.arange(offs.size)
        at = np.repeat(p_at[sel] - a * width, lens)
        at += m.indices[offs]
        x = m.data[offs]
        x *= dense[at]
        out[sel] = np.bincount(pair, weights=x, minlength=sel.size)
    return out


def _present(rows: np.ndarray, n: int) -> list[int]:
    """The distinct values of ``rows`` (in ``[0, n)``), in order (``np.unique`` costs more on small arrays)."""
    return np.flatnonzero(np.bincount(rows, minlength=n)).tolist()


def _canonical_csr(keys: np.ndarray, vals: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """The CSR matrix with ``vals`` at the sorted distinct ``keys`` (``row · width + column``): what scipy makes of
    the same entries given as coordinates (duplicates summed, columns sorted), without its conversions."""
    rows = keys // shape[1]
    return sparse.csr_matrix((vals, keys - rows * shape[1], np.searchsorted(rows, np.arange(shape[0] + 1))),
                             shape=shape)


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
        # bigram lookup for whole batches: the sorted ``first id · |vocabulary| + second id`` keys and their ids
        bk = np.asarray([a * v + b for a, b in bvocab], dtype=np.int64)
        order = np.argsort(bk)
        self._bkeys = bk[order]
        self._bids = np.asarray(list(bvocab.values()), dtype=np.int64)[order]
        self._codes: dict[str, int] = {_SEP: _SEP_CODE}  # whitespace token → its code, or _SEVERAL
        self._several: dict[str, tuple[int, ...]] = {}  # a token of several words (or none) → their codes
        self._token_ids: dict[str, tuple[int, ...]] = {}  # see _token_features
        self._token_grams: dict[str, tuple[int, ...]] = {}
        self._pair_cache: dict[tuple[int, int], tuple[int, ...]] = {}
        vget = vocab.get
        # per fold slot: the bigrams inside its multi-syllable folds ("kp" → khong_phai)
        self._inner: list[tuple[int, ...]] = [()]
        for w in _FOLD_LIST[1:]:
            pairs = [bvocab.get((vget(x, -1), vget(y, -1))) for parts in _FOLD_SEQS[w] for x, y in zip(parts, parts[1:])]
            self._inner.append(tuple(k for k in pairs if k is not None))

    def _word_grams(self, w: str) -> tuple[int, ...]:
        got = self._gram_cache.get(w)
        if got is None:
            p = f" {w} "
            gs = {p} if len(p) <= 3 else {p[i : i + 3] for i in range(len(p) - 2)}
            got = tuple(k for k in map(self.grams.get, gs) if k is not None)
            if len(self._gram_cache) < 100_000:
                self._gram_cache[w] = got
        return got

    def _word_code(self, k: str) -> int:
        """A diacritic-free word's code: ``(vocabulary id or -1) · 256 + its fold slot (0: not a chat spelling)``."""
        return self.vocab.get(k, -1) * 256 + _FOLD_SLOT.get(k, 0)

    def _token(self, tok: str) -> int | tuple[int, ...]:
        """The code of a whitespace token that is one word, else the codes of its ``\\w+`` words (cached)."""
        words = [tok] if tok.isalnum() else _WORD.findall(tok)
        got = (self._word_code(_strip_word(words[0])) if len(words) == 1
               else tuple(self._word_code(_strip_word(w)) for w in words))
        if len(self._codes) < 200_000:
            if isinstance(got, tuple):
                self._several[tok] = got
                self._codes[tok] = _SEVERAL
            else:
                self._codes[tok] = got
        return got

    def _token_features(self, tok: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """What a whitespace token adds to :func:`fold_words` of its text — its words and the syllables of their
        chat folds — as vocabulary ids and as character 3-gram ids (cached): ``fold_words`` of a text is the union
        of these over its tokens."""
        found = set(map(_strip_word, _WORD.findall(tok)))
        for w in found & _FOLD_KEYS:
            for parts in _FOLD_SEQS[w]:
                found.update(parts)
        ids = tuple(k for k in map(self.vocab.get, found) if k is not None)
        grams = tuple(set(chain.from_iterable(map(self._word_grams, found))))
        if len(self._token_ids) < 200_000:
            self._token_ids[tok] = ids
            self._token_grams[tok] = grams
        return ids, grams

    def _text_features(self, toks: list[str], grams: bool) -> set[int]:
        """The vocabulary ids (or, with ``grams``, the character 3-gram ids) of :func:`fold_words` of a text, from
        its whitespace tokens."""
        per_token = list(map((self._token_grams if grams else self._token_ids).get, toks))
        if None in per_token:
            per_token = [got if got is not None else self._token_features(tok)[grams]
                         for got, tok in zip(per_token, toks)]
        return set(chain.from_iterable(per_token))  # type: ignore[arg-type]

    def _tokens(self, texts: Sequence[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The whitespace tokens of the batch (``_SEP`` between texts), the positions of the separators among them,
        and the codes (see :meth:`_word_code`) of the words of :func:`key_words` of every text, in order, with
        ``_SEP_CODE`` between texts.

        One normalization and one split for the batch: the texts are joined by ``" \\\\x00 "`` (NUL: a starter that
        composes with nothing and is neither cased nor case-ignorable, so NFKC and ``lower`` — final sigma
        included — give the same characters as text by text); a NUL inside a text only separates words, as a space
        does. Whitespace tokens are looked up whole; the few that are not one word go through the regex.
        """
        joined = _JOIN.join(texts)
        if joined.count(_SEP) != len(texts) - 1:
            joined = _JOIN.join(t.replace(_SEP, " ") for t in texts)
        if _ZW_RE.search(joined):
            joined = _ZW_RE.sub("", joined)
        toks = unicodedata.normalize("NFKC", joined).lower().split()
        codes = np.fromiter(map(self._codes.get, toks, repeat(_MISSING)), dtype=np.int64, count=len(toks))
        seps = np.flatnonzero(codes == _SEP_CODE)
        odd = np.flatnonzero(codes < _SEP_CODE)  # not cached, or several words (or none) in one token
        if odd.size == 0:
            return toks, seps, codes
        several: list[int] = []
        parts: list[tuple[int, ...]] = []
        for i in odd.tolist():
            got = self._several.get(toks[i]) or self._token(toks[i])
            if isinstance(got, tuple):
                several.append(i)
                parts.append(got)
            else:
                codes[i] = got
        if not several:
            return toks, seps, codes
        lens = np.ones(codes.size, dtype=np.int64)
        lens[several] = [len(p) for p in parts]
        starts = (np.cumsum(lens) - lens)[several]
        codes = np.repeat(codes, lens)
        _, offs = _ranges(starts, lens[several])
        codes[offs] = [c for p in parts for c in p]
        return toks, seps, codes

    def _bigrams(self, codes: np.ndarray, post: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(text index, bigram id) of every bigram that :func:`_bigram_options` gives, duplicates kept: each pair of
        adjacent known words, then what chat folds add (their inner pairs; where one of two adjacent words is a chat
        spelling, the other combinations of the two words' fold options)."""
        ids = codes >> 8
        a, b = ids[:-1], ids[1:]
        q = np.flatnonzero((a >= 0) & (b >= 0))
        rows, cols = self._lookup(post[q], a[q] * len(self.vocab) + b[q])
        fold = np.flatnonzero(codes & 255)
        if fold.size == 0:
            return rows, cols
        inner = list(map(self._inner.__getitem__, (codes[fold] & 255).tolist()))
        near = np.zeros(ids.size, dtype=bool)  # pairs (p, p + 1) with a chat spelling on either side
        near[fold] = True
        near[fold[fold > 0] - 1] = True
        near[-1] = False
        near = np.flatnonzero(near)
        near = near[(ids[near] != -2) & (ids[near + 1] != -2)]  # not across texts
        keys = list(zip(codes[near].tolist(), codes[near + 1].tolist()))
        cached = list(map(self._pair_cache.get, keys))
        extra = [ks if ks is not None else self._pair_extra(*k) for ks, k in zip(cached, keys)]
        found = inner + extra
        return (np.concatenate([rows, np.repeat(np.concatenate([post[fold], post[near]]), list(map(len, found)))]),
                np.concatenate([cols, np.fromiter(chain.from_iterable(found), dtype=np.int64)]))

    def _lookup(self, rows: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The bigram ids of ``keys`` (``first id · |vocabulary| + second id``) that are bigrams of some claim."""
        if keys.size == 0 or self._bkeys.size == 0:
            return rows[:0], keys[:0]
        pos = np.searchsorted(self._bkeys, keys)
        np.minimum(pos, self._bkeys.size - 1, out=pos)
        hit = self._bkeys[pos] == keys
        return rows[hit], self._bids[pos[hit]]

    def _options(self, code: int, end: int) -> tuple[list[int], int]:
        """The known vocabulary ids of a word's possible first (``end`` 0) or last (-1) syllables, and its own id."""
        own, slot = code >> 8, code & 255
        if not slot:
            return ([own] if own >= 0 else []), own
        key = _FOLD_LIST[slot]
        strs = {key} | {parts[end] for parts in _FOLD_SEQS[key]}
        return [k for k in map(self.vocab.get, strs) if k is not None], own

    def _pair_extra(self, ca: int, cb: int) -> tuple[int, ...]:
        """What :func:`_bigram_options` adds for two adjacent words (codes) beyond their own pair."""
        la, own_a = self._options(ca, -1)
        fb, own_b = self._options(cb, 0)
        bget = self.bigram_vocab.get
        got = tuple(k for x in la for y in fb if not (x == own_a and y == own_b)
                    and (k := bget((x, y))) is not None)
        if len(self._pair_cache) < 100_000:
            self._pair_cache[(ca, cb)] = got
        return got

    def candidates(self, texts: Sequence[str], threshold: float) -> list[dict[int, float]]:
        """Per text, ``{claim index: upper bound of its score}`` for the claims that may reach ``threshold``
        (see the module docstring). Mostly empty: most posts match nothing."""
        out: list[dict[int, float]] = [{} for _ in texts]
        if not texts or not self.vocab:
            return out
        toks, seps, codes = self._tokens(texts)
        nb = len(self.bigram_vocab)
        b_rows, b_cols = self._bigrams(codes, np.cumsum(codes == _SEP_CODE))
        # (1) bigram shares: the prefix part (a sparse product), the rest only where it decides
        if b_rows.size == 0 and not self.claims_without_bigrams.size:
            return out
        b_keys = np.sort(b_rows * nb + b_cols)  # the distinct (text, bigram) keys and their counts
        first = np.flatnonzero(np.concatenate([b_keys[:1] >= 0, b_keys[1:] != b_keys[:-1]]))
        b_count = (np.append(first[1:], b_keys.size) - first).astype(np.float64)
        b_keys = b_keys[first]
        b_posts, b_ids = b_keys // nb, b_keys % nb
        prod = _canonical_csr(b_keys, b_count, (len(texts), nb)) @ self.prefix
        pi = np.repeat(np.arange(len(texts)), prod.indptr[1:] - prod.indptr[:-1])
        pj, share = prod.indices.astype(np.int64), prod.data
        ok = share + self.rest[pj] >= self.bigram_tau - 1e-9
        pi, pj, share = pi[ok], pj[ok], share[ok]
        if self.claims_without_bigrams.size:  # one-syllable claims: every post is a candidate (rare)
            pi = np.concatenate([pi, np.repeat(np.arange(len(texts)), self.claims_without_bigrams.size)])
            pj = np.concatenate([pj, np.tile(self.claims_without_bigrams, len(texts))])
            share = np.concatenate([share, np.full(len(texts) * self.claims_without_bigrams.size, np.inf)])
        if pi.size == 0:
            return out
        low = np.flatnonzero(share < self.bigram_tau - 1e-9)
        if low.size:
            share[low] += _pair_sums(self.bigram_rest, pi[low], pj[low], b_posts, b_ids, b_count > 0, len(texts))
            keep = share >= self.bigram_tau - 1e-9
            pi, pj, share = pi[keep], pj[keep], share[keep]
            if pi.size == 0:
                return out
        over = np.bincount(pi, minlength=len(texts)) > MAX_PAIRS_PER_POST
        if over.any():  # keep a post's MAX_PAIRS_PER_POST largest shares; ties: the first in the product's order
            keep = ~over[pi]
            for i in np.flatnonzero(over).tolist():
                at = np.flatnonzero(pi == i)
                s = share[at]
                kth = np.partition(s, s.size - MAX_PAIRS_PER_POST)[s.size - MAX_PAIRS_PER_POST]
                above = s > kth
                keep[at[above]] = True
                keep[at[np.flatnonzero(s == kth)[: MAX_PAIRS_PER_POST - int(above.sum())]]] = True
            pi, pj = pi[keep], pj[keep]
        # (2) whole-post cov and (3) bigram feature of the posts left (few)
        starts, ends = np.concatenate([[0], seps + 1]).tolist(), [*seps.tolist(), len(toks)]
        words = {i: self._text_features(toks[starts[i] : ends[i]], False) for i in _present(pi, len(texts))}
        w_rows = [i for i, ws in words.items() for _ in ws]
        w_cols = [k for ws in words.values() for k in ws]
        cov = _pair_sums(self.weights, pi, pj, np.asarray(w_rows, dtype=np.int64), np.asarray(w_cols, dtype=np.int64),
                         np.ones(len(w_cols), dtype=bool), len(texts))
        ok = cov >= self.tau - 1e-9
        if not ok.any():
            return out
        pi, pj, cov = pi[ok], pj[ok], cov[ok]
        bg = _pair_sums(self.bigram_counts, pi, pj, b_posts, b_ids, b_count, len(texts))
        has_bigrams = self.bigram_counts.indptr[pj + 1] > self.bigram_counts.indptr[pj]
        bg = np.where(has_bigrams, bg, cov)  # no bigram: the feature is cov
        # (4) character 3-gram containment over the whole post
        grams = {i: self._text_features(toks[starts[i] : ends[i]], True) for i in _present(pi, len(texts))}
        g_rows = [i for i, gs in grams.items() for _ in gs]
        g_cols = [k for gs in grams.values() for k in gs]
        ch = _pair_sums(self.gram_weights, pi, pj, np.asarray(g_rows, dtype=np.int64),
                        np.asarray(g_cols, dtype=np.int64), np.ones(len(g_cols), dtype=bool), len(texts))
        bound = 0.40 * cov + 0.15 * bg + 0.25 * ch + 0.20
        ok = bound >= threshold - 1e-9
        for i, j, b in zip(pi[ok].tolist(), pj[ok].tolist(), bound[ok].tolist()):
            out[i][j] = b
        return out
