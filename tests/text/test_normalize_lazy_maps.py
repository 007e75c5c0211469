"""``normalize`` leaves the offset maps unbuilt until first read (``NormalizedText.map_source``): whichever field is
read first, and whatever happens to the caches meanwhile, the maps, equality, hashing and pickling must be those of
maps built at once."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.text import normalize as nz
from kiemchung.types import NormalizedText

_TEXTS = [
    "ko bt nen mua dt hang nao, ai tu van giup mk voi dc ko",  # rewritten chunks
    "Hôm nay cả nhà đi chơi công viên, các bé vui lắm :))",  # one to one
    "Anh Ko nói với Ko rằng: ck trước 500k vào stk nhé",  # context-dependent chunks
    "ｆｕｌｌ ｗｉｄｔｈ \u200b hoà khoẻ quáaaa",  # cleaned and folded chunks
    "mày n g u thế",  # a spelled-out run
    "",
]


def _eager(n: NormalizedText) -> NormalizedText:
    return NormalizedText(n.original, n.normalized, n.key, tuple(n.starts), tuple(n.ends))


@pytest.mark.parametrize("first", ["starts", "ends", "eq", "pickle", "repr", "to_original"])
def test_maps_built_on_first_read_whatever_is_read_first(first: str) -> None:
    nz.clear_caches()
    cold = [_eager(nz.normalize(t)) for t in _TEXTS]
    for t in _TEXTS:
        nz.normalize(t)
    for t, want in zip(_TEXTS, cold):
        n = nz.normalize(t)
        nz.clear_caches()  # the builder must not depend on what the caches held when ``n`` was made
        if first == "eq":
            assert n == want and hash(n) == hash(want)
        elif first == "pickle":
            n = pickle.loads(pickle.dumps(n))
        elif first == "repr":
            assert repr(n) == repr(want)
        elif first == "to_original":
            assert n.to_original(0, len(n.normalized)) == want.to_original(0, len(n.normalized))
        else:
            getattr(n, first)
        assert (n.starts, n.ends) == (want.starts, want.ends) and type(n.starts) is tuple
        assert n.map_source is None  # built once, then plain slots
        assert len(n.starts) == len(n.ends) == len(n.normalized)


def test_spelled_out_run_of_cached_letters_is_still_joined() -> None:
    nz.clear_caches()
    nz.normalize("anh n , g , u hả")  # caches "n", "g", "u" as chunks of their own
    nz.normalize("mày thế")
    n = nz.normalize("mày n g u thế")  # every chunk cached: the fast path must still see the run
    assert n.normalized == "mày ngu thế"
    assert n.to_original(4, 7) == (4, 9)


def test_missing_attribute_is_still_an_attribute_error() -> None:
    n = nz.normalize("ko sao")
    with pytest.raises(AttributeError, match="nope"):
        getattr(n, "nope")
    assert not hasattr(n, "nope") and n.starts == (0, 0, 0, 0, 0, 2, 3, 4, 5)
