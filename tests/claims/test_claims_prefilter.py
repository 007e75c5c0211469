import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.claims import ClaimMatcher, FactCheck, load_factchecks
from kiemchung.claims.prefilter import _bigram_options, fold_words, key_words
from kiemchung.claims.text import sentences, syllables, view

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def matcher() -> ClaimMatcher:
    return ClaimMatcher(load_factchecks(DATA / "factchecks_dev.jsonl"))


def _key(matches: list) -> list[tuple[str, float, int, int]]:
    return [(m.factcheck.id, round(m.score, 9), m.start, m.end) for m in matches]


def _unfiltered(matcher: ClaimMatcher, texts: list[str]) -> list[list]:
    """What the matcher accepted before the candidate filter: retrieval + re-scoring of every post."""
    ranked = matcher.rank_batch([view(t) for t in texts])
    return [[m for m in r if m.score >= matcher.threshold][:3] for r in ranked]


def _superset(text: str) -> None:
    """The filter's words and bigrams of a text contain those of every window the re-scorer sees."""
    seq = key_words(text)
    words = fold_words(seq)
    bigrams = {(a, b) for la, fb in _bigram_options(seq) for a in la for b in fb}
    norm = view(text)
    for a, b in [*sentences(norm), (0, len(norm.normalized))]:
        sy = [s.text for s in syllables(norm, a, b)]
        assert set(sy) <= words, (text, set(sy) - words)
        assert set(zip(sy, sy[1:])) <= bigrams, (text, set(zip(sy, sy[1:])) - bigrams)


def test_prefilter_same_matches_as_full_rescoring_on_dev_set(matcher: ClaimMatcher) -> None:
    queries = [json.loads(line)["text"] for line in (DATA / "claims_queries_dev.jsonl").read_text("utf-8").splitlines()]
    fast = matcher.match_texts(queries)
    full = _unfiltered(matcher, queries)
    assert sum(bool(m) for m in full) > 300
    assert [_key(m) for m in fast] == [_key(m) for m in full]


@pytest.mark.parametrize(
    "text",
    [
        "Mọi người ơi, nhà nước hỗ trợ 74 triệu đồng cho mỗi hộ. Share gấp!",
        "nghe ns nhà nc hỗ trợ 74tr cho mỗi hộ ko bik thật ko, k tin dc",
        "vaccine chua chip theo doi 5G, ai tiem roi thi bi kiem soat",
        "Uống\u200b nước chanh\u00ad nóng — chữa khỏi ung thư!!! 😋 #share",
        "ＴＰ．ＨＣＭ cấm xe máy từ 2030 kp tin đồn",  # full-width letters (NFKC)
        "Giá 2.450.000.000đ, 50 k một kg, 2 ti đồng; mn ơi",
        "Ai biết quán phở nào ngon ở quận 3 chỉ mình với - thèm quá: phở bò",
        "",
        "   ...   ",
    ],
)
def test_prefilter_words_cover_every_window(text: str) -> None:
    _superset(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "ko", "k", "kp", "dc", "tr", "74", "74tr", "2", "ti", "ky", "hcm", "Hà", "Nội", "không", "chữa", "chua", "ung",
    "thư", "Đà", "ĐẰNG", "ｈｎ", "\u200b", ",", ".", "!", " - ", ": ", "\n", "😋", "x_y", "bão", "số", "3",
]), max_size=25))
def test_prefilter_words_cover_every_window_property(parts: list[str]) -> None:
    _superset(" ".join(parts))


@pytest.mark.parametrize(
    ("text", "expected", "candidate"),
    [
        ("Uống nước chanh nóng mỗi sáng chữa khỏi ung thư, chia sẻ ngay", ["fc-001"], True),
        # ordinary posts: no candidate at all, so nothing else is computed for them
        ("Hôm nay cả nhà đi chơi công viên, các bé vui lắm :))", [], False),
        ("Chúc mừng sinh nhật em gái yêu quý, chúc em luôn xinh đẹp và thành công!", [], False),
        # a different number: a candidate (the filter has no guards), rejected by the re-scorer's number guard
        ("Nhà nước hỗ trợ 47 triệu đồng cho mỗi hộ có nhà bị sập do bão", [], True),
    ],
)
def test_prefilter_match_texts_table(matcher: ClaimMatcher, text: str, expected: list[str], candidate: bool) -> None:
    got = [m.factcheck.id for m in matcher.match_texts([text])[0]]
    assert got[: len(expected)] == expected
    if not expected:
        assert got == []
    assert bool(matcher.filter.candidates([text], matcher.threshold)[0]) == candidate


def test_prefilter_reposts_get_the_same_matches(matcher: ClaimMatcher) -> None:
    post = "Bạn mình bảo uống nước chanh nóng mỗi sáng chữa khỏi ung thư."
    out = matcher.match_texts([post, "Trời đẹp quá", post, post])
    assert _key(out[0]) == _key(out[2]) == _key(out[3]) and out[0]
    assert out[1] == []
    assert out[0] is not out[2]  # separate lists
    assert "uống nước chanh nóng" in post[out[2][0].start : out[2][0].end]


def test_prefilter_low_threshold_skips_the_filter(matcher: ClaimMatcher) -> None:
    texts = ["Uống chanh mỗi sáng tốt cho sức khỏe", "Hà Nội mưa to"]
    low = matcher.match_texts(texts, threshold=0.3)
    assert [_key(m) for m in low] == [_key([x for x in r if x.score >= 0.3][:3])
                                      for r in matcher.rank_batch([view(t) for t in texts])]


def test_prefilter_pickles_and_handles_edge_stores() -> None:
    fcs = [FactCheck(id="a", claim="Uống nước chanh chữa khỏi ung thư", rating="Sai", verdict="false"),
           FactCheck(id="b", claim="Vàng", rating="Sai", verdict="false")]  # a one-syllable claim has no bigram
    m = pickle.loads(pickle.dumps(ClaimMatcher(fcs)))
    out = m.match_texts(["uong nuoc chanh chua khoi ung thu", "vàng", "Không liên quan"])
    assert [o[0].factcheck.id if o else None for o in out] == ["a", "b", None]
    assert ClaimMatcher([]).match_texts(["bất kỳ"]) == [[]]
    assert m.match_texts([]) == []
