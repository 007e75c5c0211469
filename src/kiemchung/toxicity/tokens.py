"""Token-level features for the span model: each word with its neighbours, hashed, for a whole batch at once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from kiemchung.toxicity.features import Batch, IntArray, U64Array, mix

_EDGE = np.uint64(0x5BD1E9955BD1E995)
_MUL = np.uint64(0xBF58476D1CE4E5B9)
N_TOKEN_FEATURES = 11


@dataclass(frozen=True)
class Tokens:
    """Words of a batch of normalized texts: document index and [start, end) inside that document's text."""

    doc: IntArray
    start: IntArray
    end: IntArray
    features: IntArray  # (n_tokens, N_TOKEN_FEATURES) bucket ids


def _shift(h: U64Array, doc: IntArray, k: int) -> U64Array:
    """h[i+k] where it is in the same document, an edge marker otherwise."""
    out = np.full_like(h, _EDGE)
    n = len(h)
    if k > 0 and n > k:
        ok = doc[k:] == doc[:-k]
        out[:-k][ok] = h[k:][ok]
    elif k < 0 and n > -k:
        j = -k
        ok = doc[:-j] == doc[j:]
        out[j:][ok] = h[:-j][ok]
    return out


def tokens(normalized: Sequence[str], keys: Sequence[str], bits: int) -> Tokens:
    nb = Batch.of(list(normalized))
    kb = Batch.of(list(keys))  # same lengths as normalized, so the same positions
    doc, s, e = nb.words()
    offs = np.zeros(len(normalized) + 1, dtype=np.int64)
    np.cumsum(np.fromiter((len(t) + 1 for t in normalized), dtype=np.int64, count=len(normalized)), out=offs[1:])
    hn = nb.span_hash(s, e)
    hk = kb.span_hash(s, e)
    k_prev, k_next = _shift(hk, doc, -1), _shift(hk, doc, 1)
    n_prev, n_next = _shift(hn, doc, -1), _shift(hn, doc, 1)
    k_prev2, k_next2 = _shift(hk, doc, -2), _shift(hk, doc, 2)
    # character prefix/suffix of up to 3 letters of the key (short words give the whole word)
    ln = e - s
    p3 = kb.span_hash(s, s + np.minimum(ln, 3))
    s3 = kb.span_hash(e - np.minimum(ln, 3), e)
    cols = [
        mix(hk, 1, bits),
        mix(hn, 2, bits),
        mix(k_prev, 3, bits),
        mix(k_next, 4, bits),
        mix(k_prev * _MUL + hk, 5, bits),
        mix(hk * _MUL + k_next, 6, bits),
        mix(n_prev * _MUL + hn, 7, bits),
        mix(hn * _MUL + n_next, 8, bits),
        mix(k_prev2 * _MUL + k_next2, 9, bits),
        mix(p3, 10, bits),
        mix(s3, 11, bits),
    ]
    feats = np.stack(cols, axis=1) if len(s) else np.zeros((0, N_TOKEN_FEATURES), dtype=np.int64)
    return Tokens(doc, s - offs[doc], e - offs[doc], feats)


def token_scores(t: Tokens, w: npt.NDArray[np.float32], b: float) -> npt.NDArray[np.float32]:
    """Logit of each token being part of an offensive span."""
    if len(t.doc) == 0:
        return np.zeros(0, dtype=np.float32)
    scores: npt.NDArray[np.float32] = w[t.features].sum(axis=1, dtype=np.float32) + np.float32(b)
    return scores
