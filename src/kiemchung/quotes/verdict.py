"""Judge one quote against the sources: faithful, truncated, altered or not_found.

Rules, in order (the first that applies wins, from the most to the least severe):

1. ``not_found``: no source holds at least :data:`FOUND_COVERAGE` of the quote's words (diacritic-, case- and
   punctuation-blind, small edits allowed).
2. ``altered``: the words belong to another speaker (the post names someone whose name does not match the
   speaker of any source that holds the words); inside the aligned span a negation is added or removed
   (including a negating prefix: thiếu, kém, bất…), a figure changes (digits or number words, compared by
   value), a word is swapped for its antonym, a qualifier is replaced, a content word is replaced (a one-word
   typo is tolerated), or more than :data:`MAX_CHANGED` of the quote's words are added.
3. ``truncated``: what the quote leaves out of the source sentence, through an ellipsis, a silent cut inside,
   or the part of the sentence before/after it, holds a negation, a condition (nếu, trừ khi, khi…), a qualifier
   (một bộ phận, có thể, chưa, không nhiều…) or a contrast (nhưng, tuy nhiên…). Before the quote, a condition
   anywhere in the sentence counts, and a negation or qualifier in the same clause; after it, a contrast or
   condition anywhere in the sentence counts, and a negation or qualifier in the same clause. Sentences around
   the quoted one are not read.
4. ``faithful`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from kiemchung.quotes.align import PieceAlignment, SourceIndex, align_piece
from kiemchung.quotes.extract import Quote
from kiemchung.quotes.lexicon import (
    AMBIGUOUS_KEYS,
    ANTONYM_PAIRS,
    CONDITIONS,
    CONTRASTS,
    FILLERS,
    INTENSIFIERS,
    NEGATING_PREFIXES,
    NEGATIONS,
    NUMBER_WORDS,
    ORG_WORDS,
    PERSONAL_TITLES,
    QUALIFIERS,
    SURNAMES,
    TITLES,
    key_of,
    words_of,
)
from kiemchung.quotes.tokens import CLAUSE_BREAK, TokenSeq, plain_view

FOUND_COVERAGE = 0.5
MAX_CHANGED = 0.34
SEVERITY = {"faithful": 0, "truncated": 1, "altered": 2, "not_found": 3}

Phrase = tuple[tuple[str, ...], tuple[str, ...]]  # (words with diacritics, diacritic-free keys)


def _phrases(items: tuple[str, ...]) -> tuple[Phrase, ...]:
    return tuple(sorted({(words_of(p), key_of(p)) for p in items}, key=lambda x: -len(x[0])))


# a marker word that means something else after these words ("loại trừ" = rule out; "sau khi" = after)
_NOT_AFTER: dict[tuple[str, ...], frozenset[str]] = {
    ("trừ",): frozenset({"loại", "khấu", "cộng", "tiêu", "bài", "diệt", "phòng", "bù"}),
    ("khi",): frozenset({"sau", "trước", "mỗi", "những", "có", "đôi", "lúc", "từ", "kể"}),
    ("song",): frozenset({"song", "đồng", "chạy", "ngày", "hai"}),
}
_NEG = _phrases(NEGATIONS)
_POLARITY = _phrases(NEGATIONS + ("chưa",))
_NEG_PREFIX = frozenset(NEGATING_PREFIXES)
_QUAL = _phrases(QUALIFIERS)
_COND = _phrases(CONDITIONS)
_CONTR = _phrases(CONTRASTS)
_PERSONAL_WORDS = frozenset(words_of(t)[0] for t in PERSONAL_TITLES)
_PERSONAL_KEYS = frozenset(k for t in PERSONAL_TITLES for k in key_of(t)[:1])
_TITLE_KEYS = frozenset(key_of(t)[0] for t in TITLES if len(key_of(t)) == 1)
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
                if w == keys[i + k] and keys[i + k] == pk[k] and pk not in AMBIGUOUS_KEYS:
                    continue
                ok = False
                break
            if ok and not (i and words[i - 1] in _NOT_AFTER.get(pw, ())):
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


@lru_cache(maxsize=4096)
def speaker_names(speaker: str) -> tuple[str, ...]:
    """Diacritic-free name tokens of a speaker string, or () when it names no one we can compare.

    The name is the trailing run of capitalized words, from its last family name on ("Bộ trưởng Bộ Công Thương
    Nguyễn Văn An" → nguyen van an), titles removed; a run without a family name is a given name ("ông Hùng")
    unless it is an organisation ("Bộ Y tế"). An all lower-case speaker names someone only after a personal
    title ("ông hùng" → hung).
    """
    if not speaker.strip():
        return ()
    seq = TokenSeq.of(plain_view(speaker))
    orig = seq.norm.original
    n = len(seq)
    i = n
    while i > 0 and orig[seq.orig_span(i - 1, i)[0]].isupper():
        i -= 1
    run = list(range(i, n))
    if run == [0]:
        run = []  # one capitalized word opening the string is a sentence start, not a name ("Nghe nói")
    if run:
        last_surname = max((k for k in run if seq.words[k] in SURNAMES), default=None)
        if last_surname is not None:
            return tuple(seq.keys[k] for k in run if k >= last_surname and seq.keys[k] not in _TITLE_KEYS)
        if any(seq.words[k] in ORG_WORDS for k in run):
            return ()
        names = tuple(seq.keys[k] for k in run if seq.keys[k] not in _TITLE_KEYS)
        return names
    if any(c.isupper() for c in orig):
        return ()  # a role only ("Bộ trưởng"): no name to compare
    first = seq.words[0] if n else ""
    if n >= 2 and (first in _PERSONAL_WORDS or (first == seq.keys[0] and first in _PERSONAL_KEYS)):
        return tuple(k for k in seq.keys[1:] if k not in _TITLE_KEYS)
    return ()


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
    """Align the pieces of a quote: the longest first, then each neighbour inside a window next to the piece
    already placed (a one-word piece of "A … B" must sit just before B, not anywhere in the source)."""
    placed: dict[int, PieceAlignment] = {}
    order = sorted(range(len(piece_ranges)), key=lambda k: -(piece_ranges[k][1] - piece_ranges[k][0]))
    for k in order:
        i, j = piece_ranges[k]
        keys = post.keys[i:j]
        left = max((placed[x].s_end for x in placed if x < k), default=0)
        right = min((placed[x].s_start for x in placed if x > k), default=len(index.seq))
        pa = None
        for span in ((j - i) + 8, 3 * (j - i) + 40, None):
            if span is None:
                lo, hi = 0, len(index.seq)
            elif k and k - 1 in placed:
                lo, hi = left, min(right, left + span)
            elif k + 1 in placed:
                lo, hi = max(left, right - span), right
            else:
                lo, hi = left, right
            pa = align_piece(keys, i, index, lo=lo, hi=hi)
            if pa is not None and pa.matched * 2 >= j - i:
                break
        if pa is not None:
            placed[k] = pa
    aligned = [placed[k] for k in sorted(placed)]
    total = sum(j - i for i, j in piece_ranges)
    return _Match(index, aligned, sum(pa.matched for pa in aligned), total)


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
            changes.extend(_dropped(seq, p_e, n_s))
    ss = seq.sentence_start(s0)
    if ss < s0:
        changes.extend(_dropped_prefix(seq, ss, s0))
    se = seq.sentence_end(s1)
    if se > s1:
        changes.extend(_dropped_suffix(seq, s1, se))
    kinds = {c.kind for c in changes}
    if kinds & _ALTER_KINDS:
        verdict.verdict = "altered"
    elif kinds & _TRUNC_KINDS:
        verdict.verdict = "truncated"
    # the change that decided the verdict comes first (the explanation shows it)
    if verdict.verdict == "altered":
        changes.sort(key=lambda c: c.kind not in _ALTER_KINDS)
    verdict.changes = changes
    return verdict


_ALTER_KINDS = frozenset({
    "speaker_mismatch", "negation_added", "negation_removed", "number_changed", "antonym", "qualifier_replaced",
    "reworded", "word_changed",
})
_TRUNC_KINDS = frozenset({"negation_dropped", "qualifier_dropped", "condition_dropped", "contrast_dropped"})


def _extend(pa: PieceAlignment, seq: TokenSeq) -> tuple[int, int]:
    """Source region for a piece: its matched span, widened to pair the piece's unmatched head and tail."""
    head = pa.blocks[0][0] - pa.q_start
    tail = pa.q_end - (pa.blocks[-1][0] + pa.blocks[-1][2])
    rs, re_ = pa.s_start, pa.s_end
    if head:
        rs = max(seq.sentence_start(rs), rs - head)
        while rs > 0 and seq.breaks[rs] == 0 and _numberish(seq, rs - 1) and _numberish(seq, rs):
            rs -= 1  # take the whole figure ("chín mươi", not "mươi")
    if tail:
        re_ = min(seq.sentence_end(re_), re_ + tail)
        while re_ < len(seq) and seq.breaks[re_] == 0 and _numberish(seq, re_ - 1) and _numberish(seq, re_):
            re_ += 1
    return rs, re_


def _numberish(seq: TokenSeq, i: int) -> bool:
    w = seq.words[i]
    return (_is_number(w, seq.keys[i]) or (w == "phần" and i + 1 < len(seq) and seq.words[i + 1] == "trăm"))


def _kinds_in(words: list[str], keys: list[str]) -> dict[str, list[tuple[int, int, str]]]:
    return {
        "negation": _find(words, keys, _NEG),
        "qualifier": _find(words, keys, _QUAL),
        "condition": _find(words, keys, _COND),
        "contrast": _find(words, keys, _CONTR),
    }


def _dropped(seq: TokenSeq, i: int, j: int) -> list[Change]:
    """Source words ``[i, j)`` left out of the quote (by an ellipsis or a silent cut)."""
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
    if seq.breaks[i] >= CLAUSE_BREAK:
        return []  # the quote ends with its clause: the next clause counts only through the markers above
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
            if (_find(sw, sk, (a,)) and _find(qw, qk, (b,))
                    and not _find(sw, sk, (b,)) and not _find(qw, qk, (a,))):
                return True
    return False


_DIGITS = {"không": 0, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
           "bảy": 7, "tám": 8, "chín": 9}
_SCALES = {"nghìn": 1000, "ngàn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}


def _spelled(words: list[str]) -> str:
    """The value of a run of Vietnamese number words ("ba mươi" → "30", "mười lăm" → "15"), else the words."""
    total = group = unit = 0.0
    last_scale = 1
    have_unit = False
    for w in words:
        if w[:1].isdigit():
            if have_unit:
                return " ".join(words)
            try:
                unit, have_unit = float(w), True
            except ValueError:
                return " ".join(words)
            continue
        if w in _DIGITS:
            if have_unit:  # "hai năm" is two years, not a figure
                return " ".join(words)
            unit, have_unit = _DIGITS[w], True
            continue
        have_unit = False
        if w == "mười":
            group += 10
        elif w == "mươi":
            group += unit * 10
            unit = 0
        elif w == "trăm":
            group += unit * 100
            unit = 0
        elif w in ("linh", "lẻ"):
            continue
        elif w in _SCALES:
            scale = _SCALES[w]
            if total and scale > last_scale:  # "hai nghìn năm trăm tỷ" = 2,500 × 10⁹
                total = (total + group + unit) * scale
            else:
                total += (group + unit) * scale
            last_scale = scale
            group = unit = 0
        else:
            return " ".join(words)
    value = total + group + unit
    return str(int(value)) if value == int(value) else str(value)


def _numbers(words: list[str], keys: list[str]) -> list[str]:
    """Figures among the tokens, as values ("30", "ba mươi" → "30"; "phần trăm" is "%", not a number)."""
    out: list[str] = []
    run: list[str] = []
    for i, (k, w) in enumerate(zip(keys, words)):
        if k[:1].isdigit() or (w in NUMBER_WORDS and w not in ("gấp", "đôi", "nửa", "chục", "rưỡi") and not (
                w == "trăm" and i and words[i - 1] == "phần")):
            run.append(k if k[:1].isdigit() else w)
            continue
        if run:
            out.append(_spelled(run))
            run = []
        if w in ("gấp", "đôi", "nửa", "chục", "rưỡi"):
            out.append(w)
    if run:
        out.append(_spelled(run))
    return out


def _is_number(w: str, k: str) -> bool:
    return k[:1].isdigit() or w in NUMBER_WORDS


def _number_run(words: list[str], keys: list[str], a: int, b: int) -> tuple[int, int]:
    """Widen ``[a, b)`` over the number words around it, so a changed part of a figure is read whole."""
    if not any(_is_number(w, k) for w, k in zip(words[a:b], keys[a:b])):
        return a, b
    while a > 0 and _is_number(words[a - 1], keys[a - 1]):
        a -= 1
    while b < len(words) and _is_number(words[b], keys[b]):
        b += 1
    return a, b


def _content_except_numbers(words: list[str]) -> list[str]:
    return [
        w for i, w in enumerate(words)
        if w not in FILLERS and w not in NUMBER_WORDS and not w[:1].isdigit()
        and not (w == "phần" and words[i + 1 : i + 2] == ["trăm"])
    ]


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in FILLERS]


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
        q_neg = bool(_find(qa_w, qa_k, _NEG)) or any(w in _NEG_PREFIX for w in qa_w)
        s_neg = bool(_find(sb_w, sb_k, _NEG)) or any(w in _NEG_PREFIX for w in sb_w)
        qx0, qx1 = _number_run(qw, qk, a0, a1)
        sx0, sx1 = _number_run(sw, sk, b0, b1)
        q_num, s_num = _numbers(qw[qx0:qx1], qk[qx0:qx1]), _numbers(sw[sx0:sx1], sk[sx0:sx1])
        if tag != "replace":  # a figure is changed only by number words inside the added/removed words
            q_num, s_num = _numbers(qa_w, qa_k), _numbers(sb_w, sb_k)
        if tag == "insert":  # words of the source left out of the quote
            in_neg = {k for a, b, _ in _find(sb_w, sb_k, _NEG) for k in range(a, b)}
            rest = [w for k, w in enumerate(sb_w)
                    if k not in in_neg and w not in FILLERS and w not in INTENSIFIERS]
            if s_neg and not _find(sb_w, sb_k, _QUAL) and len(rest) <= 1:
                out.append(Change("negation_removed", src_txt, ""))
            elif s_num:
                out.append(Change("number_changed", src_txt, ""))
            else:
                out.extend(_dropped(seq, si + b0, si + b1))
            continue
        if tag == "delete":  # words of the quote not in the source
            if q_neg:
                out.append(Change("negation_added", "", post_txt))
            elif q_num:
                out.append(Change("number_changed", "", post_txt))
            else:
                changed += len(_content(qa_w))
            continue
        # replace
        if (a1 - a0 == 1 and b1 - b0 == 1 and not qa_k[0][:1].isdigit() and not sb_k[0][:1].isdigit()
                and SequenceMatcher(None, qa_k[0], sb_k[0], autojunk=False).ratio() >= 0.75):
            continue  # a typo
        if q_num != s_num and (q_num or s_num):
            out.append(Change("number_changed", src_txt, post_txt))
        elif q_num and not (_content_except_numbers(qa_w) or _content_except_numbers(sb_w)):
            continue  # the same figure written differently ("30" / "ba mươi")
        elif bool(_find(qa_w, qa_k, _POLARITY)) != bool(_find(sb_w, sb_k, _POLARITY)) or q_neg != s_neg:
            out.append(Change("negation_added" if q_neg else "negation_removed", src_txt, post_txt))
        elif _has_antonym(sb_w, sb_k, qa_w, qa_k):
            out.append(Change("antonym", src_txt, post_txt))
        elif (_find(sb_w, sb_k, _QUAL) and not _find(qa_w, qa_k, _QUAL)
              and not (_find(sb_w, sb_k, _POLARITY) and _find(qa_w, qa_k, _POLARITY))):
            out.append(Change("qualifier_replaced", src_txt, post_txt))
        elif (_content(qa_w) or _content(sb_w)) and SequenceMatcher(
                None, " ".join(qa_k), " ".join(sb_k), autojunk=False).ratio() < 0.75:
            out.append(Change("word_changed", src_txt, post_txt))
    if qj > qi and changed / (qj - qi) > MAX_CHANGED:
        out.append(Change("reworded", seq.excerpt(si, sj), post.excerpt(qi, qj)))
    return out
