"""Match the sentences of a post against published fact-checks.

1. The matcher's own view of the post (:func:`~kiemchung.claims.text.view`: NFC, lower case, diacritic-free
   key, offsets back to the original) is split into sentences; windows are the sentences, then each pair of
   adjacent sentences (on a tie the single sentence is reported).
2. Each window retrieves candidates from the :class:`BM25Index`.
3. Each candidate is re-scored on the folded key: IDF-weighted syllable coverage of the claim, bigram coverage,
   character 3-gram containment and the precision of the aligned span (how much of the stretch between the first
   and last shared syllable the claim explains; chatter around the claim is free).
4. Guards: a window that states different numbers than the claim ("74 triệu" vs "47 triệu"), or that flips a
   negation (không/chưa/chẳng/chả/cấm… governing a claim word on one side only), scores 0; one that names other
   people or places than the claim is scaled by ``NAME_CONFLICT_FACTOR``.
5. A match is kept when its score reaches ``threshold`` (see MATCH_THRESHOLD: calibrated on a generated set that
   is not the dev set), so a post that only shares a topic matches nothing.
"""

from __future__ import annotations

from collections import Counter
from sys import intern
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

from kiemchung.claims.index import BM25Index
from kiemchung.claims.model import FactCheck
from kiemchung.claims.prefilter import FILTER_MIN_THRESHOLD, CandidateFilter
from kiemchung.claims.text import (
    Syllable,
    char_ngrams,
    negation_parity,
    negators,
    numbers,
    numbers_conflict,
    names,
    sentences,
    syllables,
    view,
)
from kiemchung.types import NormalizedText

# Calibrated on a second generated query set (`python tests/data/make_claims_dev.py --seed 7 --out-queries …`,
# not the dev set): the lowest threshold whose negative-match rate there is ≈ 1% (0.011; recall@1 0.922).
MATCH_THRESHOLD = 0.53
WEIGHTS = {"cov": 0.40, "bigram": 0.15, "char": 0.25, "prec": 0.20}
CANDIDATES = 8
NAME_CONFLICT_FACTOR = 0.6
MAX_WINDOW_SYLLABLES = 80
PAIR_SPAN_MARGIN = 0.05  # a sentence pair must beat its best single sentence by this to be the reported span


@dataclass(frozen=True, slots=True)
class _Claim:
    folded: str
    words: frozenset[str]
    bigrams: frozenset[str]
    grams: tuple[str, ...]  # distinct, sorted; a tuple holds them in half a set's memory
    nums: tuple[tuple[str, int], ...]
    negs: tuple[tuple[str, bool], ...]
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    """One fact-check matched by one window of a post (spans in the ORIGINAL text)."""

    factcheck: FactCheck
    score: float
    start: int
    end: int
    features: tuple[tuple[str, float], ...] = ()


def _pairs(words: list[str]) -> zip[tuple[str, str]]:
    return zip(words, words[1:])


def _claim_features(text: str) -> _Claim:
    # Strings are interned: 10,000 claims share a few thousand syllables and 3-grams, and the index keeps every
    # claim's sets for re-scoring (measured: 111 → 50 MB for 10,000 generated fact-checks).
    norm = view(text)
    sy = syllables(norm)
    words = [intern(s.text) for s in sy]
    folded = " ".join(words)
    return _Claim(
        folded=folded,
        words=frozenset(words),
        bigrams=frozenset(intern(a + "_" + b) for a, b in zip(words, words[1:])),
        grams=tuple(sorted(map(intern, char_ngrams(folded)))),
        nums=tuple(sorted(numbers(norm.key).items())),
        negs=tuple(negators(sy, norm.normalized, frozenset(words))),
        names=frozenset(names(norm, sy)),
    )


@dataclass(slots=True)
class _Window:
    start: int  # normalized offsets
    end: int
    sylls: list[Syllable]
    folded: str
    key: str
    text: str  # the whole normalized text (syllable offsets index it)
    names: set[str]
    single: bool = True  # one sentence (False: two adjacent sentences)
    words: list[str] = field(default_factory=list)
    wset: set[str] = field(default_factory=set)
    bigrams: set[str] = field(default_factory=set)
    grams: set[str] = field(default_factory=set)
    nums: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self.words = [s.text for s in self.sylls]
        self.wset = set(self.words)
        self.bigrams = {a + "_" + b for a, b in zip(self.words, self.words[1:])}
        self.grams = char_ngrams(self.folded)
        self.nums = numbers(self.key)


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
        self.filter = CandidateFilter(
            [(c.words, frozenset(_pairs(c.folded.split())), c.grams) for c in self._claims], self.index.word_idf
        )

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
        # single sentences first: on a tie the shorter span (one sentence) is the one reported
        out: list[_Window] = [self._window(norm, a, b, sy) for a, b, sy in sents]
        for (a, _b, sy), (_a2, b2, sy2) in zip(sents, sents[1:]):
            if len(sy) + len(sy2) <= MAX_WINDOW_SYLLABLES:
                out.append(self._window(norm, a, b2, sy + sy2, single=False))
        if not out and norm.normalized.strip():
            sy = syllables(norm)
            if sy:
                out.append(self._window(norm, 0, len(norm.normalized), sy))
        return out

    @staticmethod
    def _window(norm: NormalizedText, a: int, b: int, sy: list[Syllable], single: bool = True) -> _Window:
        return _Window(a, b, sy, " ".join(s.text for s in sy), norm.key[a:b], norm.normalized, names(norm, sy),
                       single)

    # -- scoring ---------------------------------------------------------------------------------------------
    def score(self, claim_index: int, window: _Window) -> tuple[float, dict[str, float]]:
        """Re-score one candidate on one window: the weighted features, 0 when a guard fires."""
        c = self._claims[claim_index]
        idf = self.index.word_idf
        wwords = window.words
        wset = window.wset
        c_total = sum(idf(w) for w in c.words) or 1.0
        cov = sum(idf(w) for w in c.words & wset) / c_total
        # precision over the aligned span (first to last shared syllable): chatter around the claim is free,
        # words inserted inside it are not
        idx = [i for i, w in enumerate(wwords) if w in c.words]
        span = set(wwords[idx[0] : idx[-1] + 1]) if idx else wset
        w_total = sum(idf(w) for w in span) or 1.0
        prec = sum(idf(w) for w in span & c.words) / w_total
        bigram = len(c.bigrams & window.bigrams) / len(c.bigrams) if c.bigrams else cov
        char = len(window.grams.intersection(c.grams)) / len(c.grams) if c.grams else 0.0
        feats = {"cov": cov, "bigram": bigram, "char": char, "prec": prec}
        s = sum(WEIGHTS[k] * v for k, v in feats.items())
        feats["number_conflict"] = float(numbers_conflict(Counter(dict(c.nums)), window.nums))
        claim_neg_words = {w for w, _ in c.negs}
        cneg = negation_parity(list(c.negs))
        wneg = negation_parity(negators(window.sylls, window.text, c.words), set(c.words), claim_neg_words)
        feats["negation_flip"] = float(wneg != cneg)
        # different names: the claim's names are missing and the window names others ("cầu Long Biên" vs
        # "cầu Phong Châu")
        feats["name_conflict"] = float(bool(c.names - wset) and bool(window.names - c.words))
        if feats["name_conflict"]:
            s *= NAME_CONFLICT_FACTOR
        if feats["number_conflict"] or feats["negation_flip"]:
            s = 0.0
        return s, feats

    def match_batch(self, norms: Sequence[NormalizedText], *, threshold: float | None = None,
                    limit: int = 3) -> list[list[Match]]:
        """For each text, the matched fact-checks (best window per fact-check), best first, at most ``limit``."""
        return self._match(norms, [n.original for n in norms], threshold, limit)

    def match_texts(self, texts: Sequence[str], *, threshold: float | None = None,
                    limit: int = 3) -> list[list[Match]]:
        """:meth:`match_batch` on raw texts: the matcher's view is only built for posts the filter lets through."""
        return self._match(None, texts, threshold, limit)

    def _match(self, norms: Sequence[NormalizedText] | None, texts: Sequence[str], threshold: float | None,
               limit: int) -> list[list[Match]]:
        thr = self.threshold if threshold is None else threshold
        out: list[list[Match]] = [[] for _ in texts]
        if not self.factchecks or not texts:
            return out
        uniq: list[int] = []
        if thr < FILTER_MIN_THRESHOLD:
            todo = list(range(len(texts)))
            allowed: list[dict[int, float]] | None = None
        else:
            # identical texts (reposts) are filtered once
            first: dict[str, int] = {}
            uniq = [first.setdefault(t, i) for i, t in enumerate(texts)]
            distinct = [texts[i] for i in first.values()]
            got = dict(zip(first.values(), self.filter.candidates(distinct, thr)))
            todo = [i for i in range(len(texts)) if uniq[i] == i and got[i]]
            allowed = [got[i] for i in todo]
        if not todo:
            return out
        sel = [norms[i] for i in todo] if norms is not None else [view(texts[i]) for i in todo]
        for i, ranked in zip(todo, self.rank_batch(sel, allowed=allowed)):
            out[i] = [m for m in ranked if m.score >= thr][:limit]
        if allowed is not None:
            for i, u in enumerate(uniq):
                if u != i:
                    out[i] = list(out[u])
        return out

    def rank_batch(self, norms: Sequence[NormalizedText], k: int | None = None,
                   allowed: Sequence[Container[int]] | None = None) -> list[list[Match]]:
        """Every re-scored candidate per text (no threshold), best first: what evaluation uses for MRR.

        ``allowed``: per text, the only fact-checks worth re-scoring (the candidate filter's survivors).
        """
        if not self.factchecks:
            return [[] for _ in norms]
        k = k or self.candidates
        wins = [self._windows(n) for n in norms]
        flat = [w.folded for ws in wins for w in ws]
        hits = self.index.search_many(flat, k)
        out: list[list[Match]] = []
        pos = 0
        for t, (norm, ws) in enumerate(zip(norms, wins)):
            best: dict[int, Match] = {}
            single: dict[int, Match] = {}  # the best one-sentence window of each fact-check
            ok = None if allowed is None else allowed[t]
            for w in ws:
                for doc, _bm25 in hits[pos]:
                    if ok is not None and doc not in ok:
                        continue
                    s, feats = self.score(doc, w)
                    prev = best.get(doc)
                    if prev is None or s > prev.score:
                        a, b = norm.to_original(w.start, w.end)
                        best[doc] = Match(self.factchecks[doc], s, a, b, tuple(feats.items()))
                        if w.single:
                            single[doc] = best[doc]
                pos += 1
            # A two-sentence window scores at least as well as its better half on character containment alone;
            # unless it is clearly better, the span reported is the one sentence that states the claim.
            for doc, m in best.items():
                one = single.get(doc)
                if one is not None and one is not m and one.score >= m.score - PAIR_SPAN_MARGIN:
                    best[doc] = Match(m.factcheck, m.score, one.start, one.end, m.features)
            out.append(sorted(best.values(), key=lambda m: (-m.score, m.start)))
        return out

    def match(self, text: str, **kw: object) -> list[Match]:
        return self.match_batch([view(text)], **kw)[0]  # type: ignore[arg-type]
