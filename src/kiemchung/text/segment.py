"""Vietnamese word segmentation of a normalized text (pyvi, which ships its CRF model), kept off the hot path.

``segment(norm)`` returns tokens over ``norm.normalized`` where the syllables of one word are merged
("đại học" → one token ``đại học``); other tokens (URLs, numbers, emoji, punctuation…) are kept as they are.
pyvi is imported on first use; without it (the ``nlp`` extra), every syllable stays its own word.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from kiemchung.types import NormalizedText, Token

__all__ = ["segment", "segment_words"]


@cache
def _tokenizer() -> Callable[[str], str] | None:
    try:
        from pyvi import ViTokenizer
    except ImportError:
        return None
    fn: Callable[[str], str] = ViTokenizer.tokenize
    return fn


def segment_words(syllables: list[str]) -> list[int]:
    """How many consecutive syllables each word spans (sums to ``len(syllables)``)."""
    tok = _tokenizer()
    if tok is None or not syllables:
        return [1] * len(syllables)
    out = tok(" ".join(syllables)).split()
    sizes: list[int] = []
    i = 0
    for word in out:
        parts = word.split("_")
        if syllables[i : i + len(parts)] != parts:  # pyvi changed something: give up on this run
            return [1] * len(syllables)
        sizes.append(len(parts))
        i += len(parts)
    return sizes if i == len(syllables) else [1] * len(syllables)


def segment(norm: NormalizedText) -> list[Token]:
    """Word tokens of ``norm`` (multi-syllable words merged), in order, with the other tokens unchanged."""
    out: list[Token] = []
    run: list[Token] = []

    def flush() -> None:
        if not run:
            return
        i = 0
        for size in segment_words([t.text for t in run]):
            first, last = run[i], run[i + size - 1]
            text = norm.normalized[first.start : last.end] if size > 1 else first.text
            out.append(Token(text, first.start, last.end, "word"))
            i += size
        run.clear()

    for t in norm.tokens:
        if t.kind == "word" and t.text.isalpha():
            if run and norm.normalized[run[-1].end : t.start] != " ":  # only words separated by one space
                flush()
            run.append(t)
        else:
            flush()
            out.append(t)
    flush()
    return out
