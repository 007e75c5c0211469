"""``normalize`` takes shortcuts on texts whose chunks are all cached: they must give what the chunk-by-chunk
path gives (text, key, offset maps, tokens), before and after the caches warm up, and after they are cleared."""

from __future__ import annotations

import pickle

from kiemchung.text import normalize as nz
from kiemchung.types import NormalizedText

_TEXTS = [
    "Hôm nay cả nhà đi chơi công viên, các bé vui lắm :))",
    "ko bt nen mua dt hang nao, ai tu van giup mk voi dc ko",
    "Anh Ko nói với Ko rằng: ck trước 500k vào stk nhé",  # names and money talk: context-dependent chunks
    "Chồng em tên Ck, ck em hiền lắm",
    "n g u   v c l thật sự, c h ế t đi",  # spelled-out letters
    "e\u0323\u0302 o\u0300 thu\u00fd khoe\u0309 ",  # combining marks, new-style tones
    "THẰNG NÀY KO BIẾT GÌ HẾT",  # shouting
    "Gọi 0912 345 678 hoặc https://bit.ly/AbC123 #tin @minh 😂👍🏻",
    "ｆｕｌｌ ｗｉｄｔｈ \u200b zero width …",
    "", " ", "  hai  khoảng  trắng  ", "a b", "TP.HCM và Đ.m, v-c-l",
    "x" * 70 + " " + "y" * 3,  # a chunk too long to be cached
]


def _fields(n: NormalizedText) -> tuple[object, ...]:
    toks = tuple((t.text, t.start, t.end, t.kind) for t in n.tokens)
    return n.original, n.normalized, n.key, n.starts, n.ends, toks, type(n.starts), type(n.ends)


def _loop(text: str) -> NormalizedText:
    parts = text.split(" ")
    if len(parts) > 3 and nz._SPACED_RE.search(" " + text + " "):
        parts = nz._spaced_parts(text, parts)
    return nz._normalize_loop(text, parts)


def test_every_path_gives_the_chunk_by_chunk_result() -> None:
    nz.clear_caches()
    cold = [_fields(nz.normalize(t)) for t in _TEXTS]
    warm = [_fields(nz.normalize(t)) for t in _TEXTS]  # now every short chunk is cached
    loop = [_fields(_loop(t)) for t in _TEXTS]
    assert cold == warm == loop
    for t, f in zip(_TEXTS, warm):
        assert len(f[3]) == len(f[4]) == len(f[1]) == len(f[2]), t  # type: ignore[arg-type]
        assert f[6] is tuple and f[7] is tuple


def test_tokens_survive_cache_eviction_and_pickling() -> None:
    text = "Hôm nay cả nhà đi chơi công viên 😂"
    nz.normalize(text)
    n = nz.normalize(text)  # the cached, one-to-one path: tokens are found later from the chunk cache
    clone = pickle.loads(pickle.dumps(n))
    nz.clear_caches()
    assert [(t.text, t.start, t.end, t.kind) for t in n.tokens] == [(t.text, t.start, t.end, t.kind)
                                                                     for t in clone.tokens]
    assert [t.text for t in n.tokens] == ["hôm", "nay", "cả", "nhà", "đi", "chơi", "công", "viên", "😂"]


def test_long_texts_beyond_the_shared_offset_table() -> None:
    text = " ".join(["xin chào"] * (nz._RANGE_MAX // 8))  # longer than the shared range tuple
    nz.normalize(text)
    n = nz.normalize(text)
    assert n.starts == tuple(range(len(text))) and n.ends == tuple(range(1, len(text) + 1))
    m = nz.normalize(text + " ko")  # a rewritten chunk at the end
    assert m.normalized.endswith("không") and m.to_original(len(m.normalized) - 5, len(m.normalized)) == (
        len(text) + 1, len(text) + 3)
