"""Judge one quote against the sources: faithful, truncated, altered or not_found.

Rules, in order (the first that applies wins, from the most to the least severe):

1. ``not_found``: no source holds at least :data:`FOUND_COVERAGE` of the quote's words (diacritic-, case- and
   punctuation-blind, small edits allowed).
2. ``altered``: the words belong to another speaker (the post names someone whose name does not match the
   speaker of any source that holds the words); inside the aligned span a negation is added or removed, a number
   changes, a word is swapped for its antonym, a qualifier is replaced, or more than :data:`MAX_CHANGED` of the
   words differ.
3. ``truncated``: what the quote leaves out of the source sentence, through an ellipsis, a silent cut inside, or
   the part of the sentence before/after it, holds a negation, a condition (nếu, trừ khi, khi…), a qualifier
   (một bộ phận, có thể, chưa, không nhiều…) or a contrast (nhưng, tuy nhiên…). Before the quote, a condition
   anywhere in the sentence counts, and a negation or qualifier in the same clause; after it, a contrast or
   condition anywhere in the sentence counts, and a negation or qualifier in the same clause. Sentences around
   the quoted one are not read.
4. ``faithful`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from kiemchung.quotes.align import PieceAlignment, SourceIndex, align_piece
from kiemchung.quotes.extract import Quote
from kiemchung.quotes.lexicon import (
    ANTONYM_PAIRS,
    CONDITIONS,
    CONTRASTS,
    NEGATIONS,
    QUALIFIERS,
    TITLES,
    key_of,
    words_of,
)
from kiemchung.quotes.tokens import CLAUSE_BREAK, TokenSeq
from kiemchung.text.normalize import normalize

FOUND_COVERAGE = 0.5
MAX_CHANGED = 0.34
SEVERITY = {"faithful": 0, "truncated": 1, "altered": 2, "not_found": 3}

Phrase = tuple[tuple[str, ...], tuple[str, ...]]  # (words with diacritics, diacritic-free keys)


def _phrases(items: tuple[str, ...]) -> tuple[Phrase, ...]:
    return tuple(sorted({(words_of(p), key_of(p)) for p in items}, key=lambda x: -len(x[0])))


_NEG = _phrases(NEGATIONS)
_POLARITY = _phrases(NEGATIONS + ("chưa",))
_QUAL = _phrases(QUALIFIERS)
_COND = _phrases(CONDITIONS)
_CONTR = _phrases(CONTRASTS)
_TITLE_KEYS = frozenset(key_of(t)[-1] for t in TITLES) | frozenset(k for t in TITLES for k in key_of(t))
_ANT = tuple((_phrases((a,))[0], _phrases((b,))[0]) for a, b in ANTONYM_PAIRS)


def _find(words: list[str], keys: list[str], phrases: tuple[Phrase, ...]) -> list[tuple[int, int, str]]:
    """Occurrences ``(i, j, phrase)`` of ``phrases`` in a token list (a token typed without diacritics matches
    by key)."""
    out: list[tuple[int, int, str]] = []
    n = len(words)
    i = 0
    while i < n:
        hit = None
        for pw, pk in phrases:
            L = len(pw)
            if i + L > n:
                continue
            ok = True
            for k in range(L):
                w = words[i + k]
                if w == pw[k]:
                    continue
                if w == keys[i + k] and keys[i + k] == pk[k]:
                    continue
                ok = False
                break
            if ok:
                hit = (i, i + L, " ".join(pw))
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


@dataclass(frozen=True, slots=True)
class Change:
    """One reason for a verdict: ``kind`` (negation_added, number_changed, contrast_dropped…), the source and
    post wording involved."""

    kind: str
    source_text: str = ""
    post_text: str = ""


@dataclass(slots=True)
class QuoteVerdict:
    verdict: str
    source_id: str | None = None
    source_span: tuple[int, int] | None = None  # original offsets into the source text
    coverage: float = 0.0
    changes: list[Change] = field(default_factory=list)
    source_excerpt: str = ""
    source_speaker: str = ""


def speaker_names(speaker: str) -> tuple[str, ...]:
    """Diacritic-free name tokens of a speaker string: its trailing run of capitalized words, titles removed
    (all its non-title words when none is capitalized)."""
    if not speaker.strip():
        return ()
    seq = TokenSeq.of(normalize(speaker))
    orig = seq.norm.original
    caps: list[str] = []
    for i in range(len(seq) - 1, -1, -1):
        a, _ = seq.orig_span(i, i + 1)
        if orig[a : a + 1].isupper() and seq.keys[i] not in _TITLE_KEYS:
            caps.insert(0, seq.keys[i])
        elif caps:
            break
    if caps:
        return tuple(caps)
    if any(orig[seq.orig_span(i, i + 1)[0]].isupper() for i in range(len(seq))):
        return ()  # a role only ("Bộ trưởng Bộ Y tế"): no name to compare
    return tuple(k for k in seq.keys if k not in _TITLE_KEYS)


def same_speaker(a: tuple[str, ...], b: tuple[str, ...]) -> bool | None:
    """Whether two name-token tuples name the same person (None when either is unknown)."""
    if not a or not b:
        return None
    if a[-1] == b[-1]:
        return True
    sa, sb = set(a), set(b)
    return sa <= sb or sb <= sa


@dataclass(slots=True)
class _Match:
    index: SourceIndex
    pieces: list[PieceAlignment]
    matched: int
    total: int

    @property
    def coverage(self) -> float:
        return self.matched / self.total if self.total else 0.0


def _align_quote(piece_ranges: list[tuple[int, int]], post: TokenSeq, index: SourceIndex) -> _Match:
    aligned: list[PieceAlignment] = []
    matched = total = 0
    lo = 0
    for i, j in piece_ranges:
        keys = post.keys[i:j]
        total += j - i
        pa = align_piece(keys, i, index, lo=lo)
        if pa is None and lo:
            pa = align_piece(keys, i, index)
        if pa is None:
            continue
        aligned.append(pa)
        matched += pa.matched
        lo = pa.s_end
    return _Match(index, aligned, matched, total)


def _fmt(words: list[str]) -> str:
    return " ".join(words)


def judge(quote: Quote, post: TokenSeq, sources: list[SourceIndex]) -> QuoteVerdict:
    """The verdict for one extracted quote."""
    ranges = [r for r in (post.range_in_original(a, b) for a, b in quote.pieces) if r[1] > r[0]]
    if not ranges or not sources:
        return QuoteVerdict("not_found")
    names = speaker_names(quote.speaker)
    matches = [_align_quote(ranges, post, ix) for ix in sources]
    total = sum(j - i for i, j in ranges)
    need = FOUND_COVERAGE if total > 3 else 1.0
    found = [m for m in matches if m.pieces and m.coverage >= need - 1e-9]
    if not found:
        best = max(matches, key=lambda m: m.coverage)
        v = QuoteVerdict("not_found", coverage=best.coverage)
        if best.pieces and best.coverage >= 0.3:
            v.source_id = best.index.source.id
        return v

    def rank(m: _Match) -> tuple[int, float]:
        same = same_speaker(names, speaker_names(m.index.source.speaker))
        return ({True: 2, None: 1, False: 0}[same], m.coverage)

    best = max(found, key=rank)
    seq = best.index.seq
    first, last = best.pieces[0], best.pieces[-1]
    changes: list[Change] = []
    # content of each piece against its (extended) source region
    regions: list[tuple[int, int]] = []
    for pa in best.pieces:
        rs, re_ = _extend(pa, seq)
        regions.append((rs, re_))
        changes.extend(_compare(post, pa.q_start, pa.q_end, seq, rs, re_))
    s0, s1 = regions[0][0], regions[-1][1]
    src_excerpt = seq.excerpt(seq.sentence_start(s0), seq.sentence_end(s1))
    a0, _ = seq.orig_span(s0, s0 + 1)
    _, b1 = seq.orig_span(s1 - 1, s1)
    verdict = QuoteVerdict("faithful", best.index.source.id, (a0, b1), best.coverage, [], src_excerpt,
                           best.index.source.speaker)
    if rank(best)[0] == 0:
        changes.insert(0, Change("speaker_mismatch", best.index.source.speaker, quote.speaker))
    # what an ellipsis or the cut leaves out
    for (p_s, p_e), (n_s, n_e) in zip(regions, regions[1:]):
        if n_s > p_e:
            changes.extend(_dropped(seq, p_e, n_s, "ellipsis"))
    ss = seq.sentence_start(s0)
    if ss < s0:
        changes.extend(_dropped_prefix(seq, ss, s0))
    se = seq.sentence_end(s1)
    if se > s1:
        changes.extend(_dropped_suffix(seq, s1, se))
    del first, last
    verdict.changes = changes
    kinds = {c.kind for c in changes}
    if kinds & _ALTER_KINDS:
        verdict.verdict = "altered"
    elif kinds & _TRUNC_KINDS:
        verdict.verdict = "truncated"
    return verdict


_ALTER_KINDS = frozenset({"speaker_mismatch", "negation_added", "negation_removed", "number_changed", "antonym",
                          "qualifier_replaced", "reworded"})
_TRUNC_KINDS = frozenset({"negation_dropped", "qualifier_dropped", "condition_dropped", "contrast_dropped"})


def _extend(pa: PieceAlignment, seq: TokenSeq) -> tuple[int, int]:
    """Source region for a piece: its matched span, widened to pair the piece's unmatched head and tail."""
    head = pa.blocks[0][0] - pa.q_start
    tail = pa.q_end - (pa.blocks[-1][0] + pa.blocks[-1][2])
    rs, re_ = pa.s_start, pa.s_end
    if head:
        rs = max(seq.sentence_start(rs), rs - head)
    if tail:
        re_ = min(seq.sentence_end(re_), re_ + tail)
    return rs, re_


def _kinds_in(words: list[str], keys: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    return {
        "negation": _find(words, keys, _NEG),
        "qualifier": _find(words, keys, _QUAL),
        "condition": _find(words, keys, _COND),
        "contrast": _find(words, keys, _CONTR),
    }


def _dropped(seq: TokenSeq, i: int, j: int, how: str) -> list[Change]:
    words, keys = seq.words[i:j], seq.keys[i:j]
    found = _kinds_in(words, keys)
    text = seq.excerpt(i, j)
    out = []
    for kind in ("contrast", "condition", "negation", "qualifier"):
        if found[kind]:
            out.append(Change(f"{kind}_dropped", text, ""))
            break
    return out


def _dropped_prefix(seq: TokenSeq, i: int, j: int) -> list[Change]:
    """The part of the sentence before the quote, ``[i, j)``."""
    words, keys = seq.words[i:j], seq.keys[i:j]
    text = seq.excerpt(i, j)
    if _find(words, keys, _COND):
        return [Change("condition_dropped", text, "")]
    # the same clause as the quote start
    c = j
    while c > i and seq.breaks[c] < CLAUSE_BREAK:
        c -= 1
    cw, ck = seq.words[c:j], seq.keys[c:j]
    if _find(cw, ck, _NEG):
        return [Change("negation_dropped", seq.excerpt(c, j), "")]
    if _find(cw, ck, _QUAL):
        return [Change("qualifier_dropped", seq.excerpt(c, j), "")]
    return []


def _dropped_suffix(seq: TokenSeq, i: int, j: int) -> list[Change]:
    """The part of the sentence after the quote, ``[i, j)``."""
    words, keys = seq.words[i:j], seq.keys[i:j]
    text = seq.excerpt(i, j)
    if _find(words, keys, _CONTR):
        return [Change("contrast_dropped", text, "")]
    if _find(words, keys, _COND):
        return [Change("condition_dropped", text, "")]
    c = i + 1
    while c < j and seq.breaks[c] < CLAUSE_BREAK:
        c += 1
    cw, ck = seq.words[i:c], seq.keys[i:c]
    if _find(cw, ck, _NEG):
        return [Change("negation_dropped", seq.excerpt(i, c), "")]
    if _find(cw, ck, _QUAL):
        return [Change("qualifier_dropped", seq.excerpt(i, c), "")]
    return []


def _has_antonym(sw: list[str], sk: list[str], qw: list[str], qk: list[str]) -> bool:
    for x, y in _ANT:
        for a, b in ((x, y), (y, x)):
            if _find(sw, sk, (a,)) and _find(qw, qk, (b,)) and not _find(sw, sk, (b,)) and not _find(qw, qk, (a,)):
                return True
    return False


def _compare(post: TokenSeq, qi: int, qj: int, seq: TokenSeq, si: int, sj: int) -> list[Change]:
    """Changes between quote tokens ``post[qi:qj]`` and source tokens ``seq[si:sj]``."""
    qk, sk = post.keys[qi:qj], seq.keys[si:sj]
    qw, sw = post.words[qi:qj], seq.words[si:sj]
    out: list[Change] = []
    changed = 0
    sm = SequenceMatcher(None, qk, sk, autojunk=False)
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag == "equal":
            continue
        qa_w, qa_k, sb_w, sb_k = qw[a0:a1], qk[a0:a1], sw[b0:b1], sk[b0:b1]
        src_txt = seq.excerpt(si + b0, si + b1)
        post_txt = post.excerpt(qi + a0, qi + a1)
        q_neg = bool(_find(qa_w, qa_k, _NEG))
        s_neg = bool(_find(sb_w, sb_k, _NEG))
        q_num = [k for k, w in zip(qa_k, qa_w) if k[:1].isdigit()]
        s_num = [k for k, w in zip(sb_k, sb_w) if k[:1].isdigit()]
        if tag == "insert":  # words of the source left out of the quote
            if s_neg and not _find(sb_w, sb_k, _QUAL) and len(sb_k) <= 2:
                out.append(Change("negation_removed", src_txt, ""))
            elif s_num:
                out.append(Change("number_changed", src_txt, ""))
            else:
                out.extend(_dropped(seq, si + b0, si + b1, "cut"))
            continue
        if tag == "delete":  # words of the quote not in the source
            if q_neg:
                out.append(Change("negation_added", "", post_txt))
            elif q_num:
                out.append(Change("number_changed", "", post_txt))
            else:
                changed += a1 - a0
            continue
        # replace
        if q_num != s_num and (q_num or s_num):
            out.append(Change("number_changed", src_txt, post_txt))
        elif bool(_find(qa_w, qa_k, _POLARITY)) != bool(_find(sb_w, sb_k, _POLARITY)):
            out.append(Change("negation_added" if q_neg else "negation_removed", src_txt, post_txt))
        elif _has_antonym(sb_w, sb_k, qa_w, qa_k):
            out.append(Change("antonym", src_txt, post_txt))
        elif (_find(sb_w, sb_k, _QUAL) and not _find(qa_w, qa_k, _QUAL)
              and not (_find(sb_w, sb_k, _POLARITY) and _find(qa_w, qa_k, _POLARITY))):
            out.append(Change("qualifier_replaced", src_txt, post_txt))
        elif SequenceMatcher(None, " ".join(qa_k), " ".join(sb_k), autojunk=False).ratio() < 0.75:
            changed += max(a1 - a0, b1 - b0)
    if qj > qi and changed / (qj - qi) > MAX_CHANGED:
        out.append(Change("reworded", seq.excerpt(si, sj), post.excerpt(qi, qj)))
    return out
