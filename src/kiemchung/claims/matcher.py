"""Match the sentences of a post against published fact-checks.

1. The post is split into sentences (normalized text, mapped back to the original); windows are the sentences
   and each pair of adjacent sentences.
2. Each window retrieves candidates from the :class:`BM25Index` (one sparse product for the whole batch).
3. Each candidate is re-scored on the folded key: IDF-weighted syllable coverage of the claim, bigram coverage,
   character 3-gram containment and the window's precision (how much of the window the claim explains).
4. Guards: a window that states different numbers than the claim ("74 triệu" vs "47 triệu"), or that flips a
   negation (không/chưa/chẳng/chả… present on one side only), is rejected.
5. A match is kept when its score reaches ``threshold`` (calibrated on the dev set; see MATCH_THRESHOLD), so a
   post that only shares a topic matches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kiemchung.claims.index import BM25Index
from kiemchung.claims.model import FactCheck
from kiemchung.claims.text import (
    Syllable,
    char_ngrams,
    negation_parity,
    negators,
    numbers,
    numbers_conflict,
    sentences,
    syllables,
)
from kiemchung.text.normalize import normalize
from kiemchung.types import NormalizedText

# Calibrated on tests/data/claims_calibration (see tests/data/make_claims_dev.py): the lowest threshold with a
# false-match rate ≤ 1% on the calibration queries.
MATCH_THRESHOLD = 0.62
WEIGHTS = {"cov": 0.40, "bigram": 0.15, "char": 0.25, "prec": 0.20}
CANDIDATES = 8
MAX_WINDOW_SYLLABLES = 80


@dataclass(frozen=True, slots=True)
class _Claim:
    folded: str
    words: frozenset[str]
    bigrams: frozenset[str]
    grams: frozenset[str]
    nums: frozenset[str]
    negs: tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class Match:
    """One fact-check matched by one window of a post (spans in the ORIGINAL text)."""

    factcheck: FactCheck
    score: float
    start: int
    end: int
    features: tuple[tuple[str, float], ...] = ()


def _claim_features(text: str) -> _Claim:
    norm = normalize(text)
    sy = syllables(norm)
    words = [s.text for s in sy]
    folded = " ".join(words)
    return _Claim(
        folded=folded,
        words=frozenset(words),
        bigrams=frozenset(a + "_" + b for a, b in zip(words, words[1:])),
        grams=frozenset(char_ngrams(folded)),
        nums=frozenset(numbers(norm.key)),
        negs=tuple(negators(sy)),
    )


@dataclass(slots=True)
class _Window:
    start: int  # normalized offsets
    end: int
    sylls: list[Syllable]
    folded: str
    key: str


class ClaimMatcher:
    """Retrieves and re-scores fact-checks for each post; pure (no I/O) and picklable."""

    def __init__(
        self,
        factchecks: Sequence[FactCheck],
        *,
        threshold: float = MATCH_THRESHOLD,
        candidates: int = CANDIDATES,
    ) -> None:
        self.factchecks = list(factchecks)
        self.threshold = threshold
        self.candidates = candidates
        self._claims = [_claim_features(fc.claim) for fc in self.factchecks]
        self.index = BM25Index([c.folded for c in self._claims])

    def __len__(self) -> int:
        return len(self.factchecks)

    # -- windows ---------------------------------------------------------------------------------------------
    def _windows(self, norm: NormalizedText) -> list[_Window]:
        spans = sentences(norm)
        sents = []
        for a, b in spans:
            sy = syllables(norm, a, b)
            if sy:
                sents.append((a, b, sy))
        out: list[_Window] = []
        for i, (a, b, sy) in enumerate(sents):
            out.append(self._window(norm, a, b, sy))
            if i + 1 < len(sents):
                a2, b2, sy2 = sents[i + 1]
                if len(sy) + len(sy2) <= MAX_WINDOW_SYLLABLES:
                    out.append(self._window(norm, a, b2, sy + sy2))
        if not out and norm.normalized.strip():
            sy = syllables(norm)
            if sy:
                out.append(self._window(norm, 0, len(norm.normalized), sy))
        return out

    @staticmethod
    def _window(norm: NormalizedText, a: int, b: int, sy: list[Syllable]) -> _Window:
        return _Window(a, b, sy, " ".join(s.text for s in sy), norm.key[a:b])

    # -- scoring ---------------------------------------------------------------------------------------------
    def score(self, claim_index: int, window: _Window) -> tuple[float, dict[str, float]]:
        """Re-score one candidate on one window: the weighted features, 0 when a guard fires."""
        c = self._claims[claim_index]
        idf = self.index.word_idf
        wwords = [s.text for s in window.sylls]
        wset = set(wwords)
        c_total = sum(idf(w) for w in c.words) or 1.0
        cov = sum(idf(w) for w in c.words & wset) / c_total
        w_total = sum(idf(w) for w in wset) or 1.0
        prec = sum(idf(w) for w in wset & c.words) / w_total
        wb = {a + "_" + b for a, b in zip(wwords, wwords[1:])}
        bigram = len(c.bigrams & wb) / len(c.bigrams) if c.bigrams else cov
        grams = char_ngrams(window.folded)
        char = len(c.grams & grams) / len(c.grams) if c.grams else 0.0
        feats = {"cov": cov, "bigram": bigram, "char": char, "prec": prec}
        s = sum(WEIGHTS[k] * v for k, v in feats.items())
        nums = numbers(window.key)
        feats["number_conflict"] = float(numbers_conflict(set(c.nums), nums))
        claim_neg_words = {w for w, _ in c.negs}
        wneg = negation_parity(negators(window.sylls), set(c.words), claim_neg_words)
        feats["negation_flip"] = float(wneg != negation_parity(list(c.negs)))
        if feats["number_conflict"] or feats["negation_flip"]:
            s = 0.0
        return s, feats

    def match_batch(self, norms: Sequence[NormalizedText], *, threshold: float | None = None,
                    limit: int = 3) -> list[list[Match]]:
        """For each text, the matched fact-checks (best window per fact-check), best first, at most ``limit``."""
        thr = self.threshold if threshold is None else threshold
        return [[m for m in ranked if m.score >= thr][:limit] for ranked in self.rank_batch(norms)]

    def rank_batch(self, norms: Sequence[NormalizedText], k: int | None = None) -> list[list[Match]]:
        """Every re-scored candidate per text (no threshold), best first: what evaluation uses for MRR."""
        if not self.factchecks:
            return [[] for _ in norms]
        k = k or self.candidates
        wins = [self._windows(n) for n in norms]
        flat = [w.folded for ws in wins for w in ws]
        hits = self.index.search_many(flat, k)
        out: list[list[Match]] = []
        pos = 0
        for norm, ws in zip(norms, wins):
            best: dict[int, Match] = {}
            for w in ws:
                for doc, _bm25 in hits[pos]:
                    s, feats = self.score(doc, w)
                    prev = best.get(doc)
                    if prev is None or s > prev.score:
                        a, b = norm.to_original(w.start, w.end)
                        best[doc] = Match(self.factchecks[doc], s, a, b, tuple(feats.items()))
                pos += 1
            out.append(sorted(best.values(), key=lambda m: (-m.score, m.start)))
        return out

    def match(self, text: str, **kw: object) -> list[Match]:
        return self.match_batch([normalize(text)], **kw)[0]  # type: ignore[arg-type]
