from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.claims import ClaimMatcher, FactCheck, load_factchecks
from kiemchung.claims.text import negation_parity, negators, numbers, numbers_conflict, syllables, view

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def matcher() -> ClaimMatcher:
    return ClaimMatcher(load_factchecks(DATA / "factchecks_dev.jsonl"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the claim as published, with chatter around it
        ("Mọi người ơi, nhà nước hỗ trợ 74 triệu đồng cho mỗi hộ có nhà bị sập do bão. Share gấp!", "fc-037"),
        # no diacritics
        ("nha nuoc ho tro 74 trieu dong cho moi ho co nha bi sap do bao nhe mn", "fc-037"),
        # teencode
        ("nghe ns nhà nc hỗ trợ 74tr cho mỗi hộ có nhà bị sập do bão ko bik thật ko", "fc-037"),
        # reordered clauses
        ("Sau cơn bão số 3, thủy điện Hòa Bình đã vỡ đập rồi", "fc-031"),
        # paraphrase
        ("Phụ nữ đi tiêm vắc xin covid sẽ bị vô sinh đấy", "fc-003"),
        # buried in a long post
        ("Hôm nay đi chợ mua rau. Chiều đón con đi học về thì trời mưa to. "
         "Bạn mình bảo uống nước chanh nóng mỗi sáng chữa khỏi ung thư. Tối nay nấu canh chua.", "fc-001"),
        # hard negatives: a different number, a flipped negation, same topic, unrelated
        ("Nhà nước hỗ trợ 47 triệu đồng cho mỗi hộ có nhà bị sập do bão", None),
        ("Tiêm vắc xin COVID-19 không gây vô sinh ở phụ nữ", None),
        ("Uống nước chanh nóng mỗi sáng không chữa khỏi ung thư đâu nhé", None),
        ("Hà Nội phun thuốc diệt muỗi phòng sốt xuất huyết tại các quận", None),
        ("Cuối tuần này cả nhà mình đi Đà Lạt chơi", None),
        ("", None),
    ],
)
def test_matcher_table(matcher: ClaimMatcher, text: str, expected: str | None) -> None:
    got = matcher.match(text)
    if expected is None:
        assert got == []
    else:
        assert got and got[0].factcheck.id == expected
        m = got[0]
        assert 0 <= m.start < m.end <= len(text)


def test_matcher_span_is_the_matched_sentence_of_the_original(matcher: ClaimMatcher) -> None:
    text = "Chào cả nhà!  Bạn mình bảo UỐNG NƯỚC CHANH NÓNG mỗi sáng chữa khỏi ung thư.\nTối nay nấu canh chua."
    (m, *_) = matcher.match(text)
    assert text[m.start : m.end] == "Bạn mình bảo UỐNG NƯỚC CHANH NÓNG mỗi sáng chữa khỏi ung thư."


def test_matcher_span_is_one_sentence_when_the_next_one_only_adds_chance_overlap(matcher: ClaimMatcher) -> None:
    # the second sentence shares a few letters with the claim: the pair scores a little higher, but the span
    # reported is the sentence that states the claim; a claim spread over two sentences keeps both
    text = ("Nghe nói uống nước chanh nóng chữa khỏi ung thư, ai cần tư vấn thì gọi 0987 654 321 nhé. "
            "Thằng nào không tin là đồ ngu.")
    (m, *_) = matcher.match(text)
    assert m.factcheck.id == "fc-001" and text[m.start : m.end] == text[: text.index("nhé.") + 4]
    spread = "Bạn mình bảo uống chanh nóng chữa được ung thư. Mỗi sáng một cốc nước là khỏi."
    (m, *_) = matcher.match(spread)
    assert m.factcheck.id == "fc-001" and (m.start, m.end) == (0, len(spread))


def test_matcher_threshold_is_not_top1(matcher: ClaimMatcher) -> None:
    ranked = matcher.rank_batch([view("Uống nước chanh giúp giảm cân")])[0]
    assert ranked  # there are candidates…
    assert matcher.match("Uống nước chanh giúp giảm cân") == []  # …but none is accepted


def test_matcher_empty_store() -> None:
    m = ClaimMatcher([])
    assert m.match("bất kỳ") == []


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        ("74 triệu", "47 triệu", True),
        ("74 triệu", "74tr", False),
        ("74 triệu", "74 tỷ", True),
        ("1.000 người", "1000 người", False),
        ("ngày 1 tháng 1", "ngày 5 tháng 1", True),
        ("cúm A/H5N1", "cúm A/H7N9", True),
        ("74 triệu", "rất nhiều tiền", False),
    ],
)
def test_matcher_numbers(a: str, b: str, conflict: bool) -> None:
    na, nb = numbers(view(a).key), numbers(view(b).key)
    assert numbers_conflict(na, nb) is conflict


@pytest.mark.parametrize(
    ("text", "parity"),
    [
        ("vắc xin không gây vô sinh", 1),
        ("vac xin ko gay vo sinh", 1),
        ("vắc xin chưa được cấp phép", 1),
        ("chẳng có chuyện đó", 1),
        ("không phải vắc xin gây vô sinh", 1),
        ("không khí ô nhiễm", 0),
        ("không chỉ vắc xin", 0),
        ("có đúng vậy không", 0),
        ("chữa khỏi ung thư", 0),
        ("không phải không có lý", 0),
    ],
)
def test_matcher_negation_parity(text: str, parity: int) -> None:
    v = view(text)
    assert negation_parity(negators(syllables(v))) == parity


def test_matcher_diacritic_free_chua_resolved_against_claim() -> None:
    fcs = [FactCheck("a", "Uống nước chanh chữa khỏi ung thư", "Sai", verdict="false"),
           FactCheck("b", "Vắc xin chưa được cấp phép tại Việt Nam", "Sai", verdict="false")]
    m = ClaimMatcher(fcs)
    assert [x.factcheck.id for x in m.match("uong nuoc chanh chua khoi ung thu")] == ["a"]
    assert [x.factcheck.id for x in m.match("vac xin chua duoc cap phep tai viet nam")] == ["b"]
    assert m.match("vac xin da duoc cap phep tai viet nam") == []


_MATCHER_SMALL = ClaimMatcher([
    FactCheck("a", "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư", "Sai", verdict="false"),
    FactCheck("b", "Nhà nước hỗ trợ 74 triệu đồng cho mỗi hộ bị bão", "Sai", verdict="false"),
])


@given(st.text(alphabet=st.sampled_from(list("uống nước chanh nóng mỗi sáng chữa khỏi ung thư 74 triệu.!,\n\u0301ÂĐ")),
               max_size=120))
@settings(max_examples=150, deadline=None)
def test_matcher_spans_stay_in_original(text: str) -> None:
    for m in _MATCHER_SMALL.match(text):
        assert 0 <= m.start < m.end <= len(text)
    v = view(text)
    assert len(v.key) == len(v.normalized) == len(v.starts)
