"""A lexical retrieval index over fact-check claims: BM25 on three fields of the diacritic-free folded key.

Fields: syllables, syllable bigrams and within-word character 3-grams. Each field gets its own BM25 weights
(k1, b); the fields are stacked into one sparse term × document matrix, so a batch of queries is one sparse
product and each query's top-k is an ``argpartition`` over the documents it touches.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from kiemchung.claims.text import char_ngrams

FIELD_WEIGHTS = {"w": 1.0, "b": 0.6, "c": 0.35}


def terms(folded: str) -> Counter[str]:
    """Index terms of a folded key string: ``w:`` syllables, ``b:`` bigrams, ``c:`` character 3-grams."""
    words = folded.split()
    out: Counter[str] = Counter()
    out.update("w:" + w for w in words)
    out.update("b:" + a + "_" + b for a, b in zip(words, words[1:]))
    grams: Counter[str] = Counter()
    for w in words:
        grams.update(char_ngrams(w))
    out.update({"c:" + g: n for g, n in grams.items()})
    return out


class BM25Index:
    """BM25 over folded claim keys; ``search_many`` answers a batch of queries with one sparse product."""

    def __init__(self, docs: Sequence[str], k1: float = 1.2, b: float = 0.6) -> None:
        self._idf_cache: dict[str, float] = {}
        self._word_cache: dict[str, tuple[int, tuple[int, ...]]] = {}
        self.k1, self.b = k1, b
        vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for i, d in enumerate(docs):
            for t, n in terms(d).items():
                j = vocab.setdefault(t, len(vocab))
                rows.append(i)
                cols.append(j)
                vals.append(float(n))
        n_docs = len(docs)
        self.vocab = vocab
        self.n_docs = n_docs
        tf = sparse.csr_matrix(
            (np.asarray(vals, dtype=np.float32), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
            shape=(n_docs, len(vocab)),
        )
        field_of = np.empty(len(vocab), dtype=np.int8)
        names = list(FIELD_WEIGHTS)
        for t, j in vocab.items():
            field_of[j] = names.index(t[0])
        tfc = tf.tocoo()
        # per-field document length, then BM25 saturation per (doc, term)
        dl = np.zeros((n_docs, len(names)), dtype=np.float32)
        np.add.at(dl, (tfc.row, field_of[tfc.col]), tfc.data)
        avg = np.maximum(dl.mean(axis=0), 1e-6) if n_docs else np.ones(len(names), dtype=np.float32)
        norm = k1 * (1 - b + b * dl[tfc.row, field_of[tfc.col]] / avg[field_of[tfc.col]])
        sat = tfc.data * (k1 + 1) / (tfc.data + norm)
        df = np.bincount(tfc.col, minlength=len(vocab)).astype(np.float64)
        idf = np.log(1.0 + (n_docs - df + 0.5) / (df + 0.5))
        self.idf = idf.astype(np.float32)
        # terms in more than max(500, 5%) of the documents are skipped at retrieval (stop-word-like)
        self.common_df = max(500, int(0.05 * n_docs))
        self.common = df > self.common_df
        fw = np.asarray([FIELD_WEIGHTS[n] for n in names], dtype=np.float32)[field_of]
        w = (sat * self.idf[tfc.col] * fw[tfc.col]).astype(np.float32)
        # term × doc, CSR: a query row times this is the score of every document
        self.matrix = sparse.csr_matrix((w, (tfc.col, tfc.row)), shape=(len(vocab), n_docs))

    def word_idf(self, word: str) -> float:
        """IDF of a syllable (unknown syllables get the maximum, as if seen in no document)."""
        v = self._idf_cache.get(word)
        if v is None:
            j = self.vocab.get("w:" + word)
            v = math.log(1.0 + (self.n_docs + 0.5) / 0.5) if j is None else float(self.idf[j])
            if len(self._idf_cache) < 200_000:
                self._idf_cache[word] = v
        return v

    def _retrieval_id(self, term: str) -> int:
        j = self.vocab.get(term)
        return -1 if j is None or self.common[j] else j

    def _word_terms(self, word: str) -> tuple[int, tuple[int, ...]]:
        """A query word's retrieval ids (see :meth:`_query_terms`): of its ``w:`` term (-1: none) and of its
        ``c:`` 3-grams, in the order :func:`terms` lists them (cached)."""
        got = self._word_cache.get(word)
        if got is None:
            got = (self._retrieval_id("w:" + word),
                   tuple(j for g in char_ngrams(word) if (j := self._retrieval_id("c:" + g)) >= 0))
            if len(self._word_cache) < 200_000:
                self._word_cache[word] = got
        return got

    def _query_terms(self, query: str) -> list[int]:
        """The ids of the query's :func:`terms` that retrieval uses (in the index, not common), in their order (the
        order in which :meth:`search_many` sums a document's weights, so it is kept)."""
        words = query.split()
        per_word = [self._word_terms(w) for w in words]
        out = dict.fromkeys(j for j, _ in per_word if j >= 0)
        for a, b in zip(words, words[1:]):
            j = self._retrieval_id("b:" + a + "_" + b)
            if j >= 0:
                out[j] = None
        for _, grams in per_word:
            out.update(dict.fromkeys(grams))
        return list(out)

    def search_many(self, queries: Sequence[str], k: int = 10) -> list[list[tuple[int, float]]]:
        """Top-``k`` ``(doc index, bm25 score)`` per query, best first (only documents sharing a term).

        Each query gathers the posting lists of its terms and sums them with one ``bincount``; terms found in more
        than ``common_df`` documents are left out of retrieval (they rank nothing; the re-scorer still sees them).
        """
        out: list[list[tuple[int, float]]] = []
        m = self.matrix
        for q in queries:
            ids = self._query_terms(q) if self.n_docs else []
            if not ids:
                out.append([])
                continue
            starts, ends = m.indptr[ids], m.indptr[np.asarray(ids) + 1]
            docs = np.concatenate([m.indices[a:b] for a, b in zip(starts, ends)])
            if docs.size == 0:
                out.append([])
                continue
            w = np.concatenate([m.data[a:b] for a, b in zip(starts, ends)])
            uniq = np.sort(docs)  # np.unique(docs, return_inverse=True), without its overhead
            first = np.empty(uniq.size, dtype=bool)
            first[0] = True
            np.not_equal(uniq[1:], uniq[:-1], out=first[1:])
            uniq = uniq[first]
            inv = np.searchsorted(uniq, docs)
            val = np.bincount(inv, weights=w).astype(np.float32)
            idx = uniq
            if len(val) > k:
                top = np.argpartition(-val, k)[:k]
                idx, val = idx[top], val[top]
            order = np.argsort(-val, kind="stable")
            out.append([(int(idx[o]), float(val[o])) for o in order])
        return out

    def search(self, query: str, k: int = 10) -> list[tuple[int, float]]:
        return self.search_many([query], k)[0]
