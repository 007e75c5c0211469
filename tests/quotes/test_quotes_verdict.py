"""Verdicts: faithful / truncated / altered / not_found, offsets into both texts, several quotes per post."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.quotes import check_quotes, same_speaker, speaker_names, worst_verdict
from kiemchung.types import Source

SPEECH = Source(
    "hop-bao",
    "Thưa các quý vị, giá điện sinh hoạt sẽ không tăng trong quý này, nhưng có thể được điều chỉnh vào cuối năm. "
    "Nếu nguồn cung than ổn định, chúng tôi sẽ giữ giá bán lẻ ở mức hiện nay. "
    "Ngành điện đã tiết kiệm được 2.500 tỷ đồng chi phí vận hành trong năm qua. "
    "Một bộ phận cán bộ còn né tránh trách nhiệm. "
    "Chúng tôi chưa có kế hoạch sáp nhập các công ty điện lực. "
    "Chúng tôi hoan nghênh mọi góp ý của người dân về biểu giá điện. "
    "Người dân tuyệt đối không nên tự ý câu móc điện.",
    "Nguyễn Văn An",
)
OTHER = Source(
    "phong-van",
    "Tôi cho rằng giá điện cần phản ánh đúng chi phí sản xuất. Các hộ nghèo phải được hỗ trợ tiền điện hằng tháng.",
    "Trần Thị Bình",
)

CASES = [
    # faithful: case, punctuation, diacritics, small typo, harmless ellipsis, partial sentence without markers
    ("Ông An nói: “Giá điện sinh hoạt sẽ không tăng trong quý này, nhưng có thể được điều chỉnh vào cuối năm”.", "faithful"),
    ("ong An noi: \"gia dien sinh hoat se khong tang trong quy nay, nhung co the duoc dieu chinh vao cuoi nam\"", "faithful"),
    ("«ngành điện đã tiết kiệm được 2.500 tỷ đồng chi phí vận hành» – ông An.", "faithful"),
    ("Ông An: “Ngành điện đã tiết kiệm được 2500 tỷ đồng … trong năm qua”.", "faithful"),
    ("Ông An: “Chúng tôi hoan nghênh mọi góp ý của người dânn về biểu giá điện”.", "faithful"),
    ("Bà Bình cho rằng “các hộ nghèo phải được hỗ trợ tiền điện hằng tháng”.", "faithful"),
    ("Ông An nhắc: “người dân tuyệt đối ko nên tự ý câu móc điện”.", "faithful"),
    # truncated: contrast, condition, qualifier dropped; ellipsis over a negation
    ("Ông An hứa: “Giá điện sinh hoạt sẽ không tăng trong quý này”.", "truncated"),
    ("Ông An: “Chúng tôi sẽ giữ giá bán lẻ ở mức hiện nay”.", "truncated"),
    ("Ông An thừa nhận “cán bộ còn né tránh trách nhiệm”.", "truncated"),
    ("Ông An: “Chúng tôi có kế hoạch sáp nhập các công ty điện lực”.", "truncated"),
    ("Ông An: “Giá điện sinh hoạt sẽ … tăng trong quý này”.", "truncated"),
    # altered: negation removed/added, number changed, antonym, wrong speaker, word swapped
    ("Ông An: “Giá điện sinh hoạt sẽ tăng trong quý này, nhưng có thể được điều chỉnh vào cuối năm”.", "altered"),
    ("Ông An: “Chúng tôi không hoan nghênh mọi góp ý của người dân về biểu giá điện”.", "altered"),
    ("Ông An: “Ngành điện đã tiết kiệm được 5.200 tỷ đồng chi phí vận hành trong năm qua”.", "altered"),
    ("Ông An: “Chúng tôi phản đối mọi góp ý của người dân về biểu giá điện”.", "altered"),
    ("Bà Trần Thị Bình nói: “Chúng tôi hoan nghênh mọi góp ý của người dân về biểu giá điện”.", "altered"),
    ("Ông An: “Người dân nên tự ý câu móc điện”.", "altered"),
    ("Ông An: “Ngành điện đã lãng phí 2.500 tỷ đồng chi phí vận hành trong năm qua”.", "altered"),
    # not_found
    ("Ông An tuyên bố: “Giá điện sẽ tăng gấp đôi ngay từ tháng sau để bù lỗ”.", "not_found"),
    ("Ông An: “Người nghèo dùng điện nhiều sẽ bị phạt nặng”.", "not_found"),
    ("“Chúng tôi sẽ phát tiền mặt cho mọi người dân vào dịp Tết năm nay”, ông An nói.", "not_found"),
]


@pytest.mark.parametrize(("post", "verdict"), CASES)
def test_check_quotes_verdict_table(post: str, verdict: str) -> None:
    checked = check_quotes(post, [SPEECH, OTHER])
    assert len(checked) == 1
    (c,) = checked
    assert c.verdict.verdict == verdict, c.explanation
    qc = c.to_quote_check()
    assert post[qc.start : qc.end] == c.text
    if verdict != "not_found":
        src = SPEECH if qc.source_id == SPEECH.id else OTHER
        assert qc.source_start is not None and qc.source_end is not None
        assert 0 <= qc.source_start < qc.source_end <= len(src.text)
    if verdict != "faithful":
        assert c.explanation.endswith(".") and len(c.explanation) > 20


def test_check_quotes_source_offsets_point_at_the_words() -> None:
    post = "Ông An: “ngành điện đã tiết kiệm được 2.500 tỷ đồng”."
    (c,) = check_quotes(post, [SPEECH])
    qc = c.to_quote_check()
    assert SPEECH.text[qc.source_start : qc.source_end] == "Ngành điện đã tiết kiệm được 2.500 tỷ đồng"


def test_check_quotes_judges_each_quote_of_a_post() -> None:
    post = ("Ông An nói “chúng tôi hoan nghênh mọi góp ý của người dân về biểu giá điện”, rồi lại bảo "
            "“Giá điện sinh hoạt sẽ không tăng trong quý này”. Còn bà Bình thì nói “các hộ nghèo phải bị cắt "
            "tiền điện hằng tháng”. Cuối cùng ông An: “Giá điện sẽ tăng gấp ba vào tuần sau để bù lỗ”.")
    checked = check_quotes(post, [SPEECH, OTHER])
    assert [c.verdict.verdict for c in checked] == ["faithful", "truncated", "altered", "not_found"]
    assert [c.to_quote_check().source_id for c in checked][:3] == ["hop-bao", "hop-bao", "phong-van"]
    assert worst_verdict([c.verdict.verdict for c in checked]) == "not_found"


@pytest.mark.parametrize(
    ("explanation_part", "post"),
    [
        ("bỏ phần «nhưng có thể được điều chỉnh vào cuối năm»", "Ông An: “Giá điện sinh hoạt sẽ không tăng trong quý này”."),
        ("«hoan nghênh» → «phản đối»", "Ông An: “Chúng tôi phản đối mọi góp ý của người dân về biểu giá điện”."),
        ("«2.500» → «5.200»", "Ông An: “Ngành điện đã tiết kiệm được 5.200 tỷ đồng”."),
        ("lời của «Nguyễn Văn An»", "Bà Bình: “Chúng tôi hoan nghênh mọi góp ý của người dân về biểu giá điện”."),
        ("Không tìm thấy", "Ông An: “Điện sẽ miễn phí cho mọi nhà từ năm sau”."),
    ],
)
def test_check_quotes_explanation_shows_both_sides(explanation_part: str, post: str) -> None:
    (c,) = check_quotes(post, [SPEECH, OTHER])
    assert explanation_part in c.explanation


def test_check_quotes_without_sources_checks_nothing() -> None:
    assert check_quotes("Ông An: “Giá điện sẽ tăng gấp đôi ngay từ tháng sau”.", []) == []


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ông An", "Nguyễn Văn An", True),
        ("Bộ trưởng Nguyễn Văn An", "Nguyễn Văn An", True),
        ("ong Nguyen Van An", "Nguyễn Văn An", True),
        ("bà Bình", "Nguyễn Văn An", False),
        ("Bộ trưởng Bộ Công Thương", "Nguyễn Văn An", None),  # a role only: cannot tell
        ("Sau khi", "Nguyễn Văn An", None),
        ("", "Nguyễn Văn An", None),
    ],
)
def test_same_speaker_table(a: str, b: str, same: bool | None) -> None:
    assert same_speaker(speaker_names(a), speaker_names(b)) is same


@pytest.mark.parametrize(
    ("post", "verdict"),
    [
        ("Ông An: “Ngành điện đã tiết kiệm được hai nghìn năm trăm tỷ đồng chi phí vận hành”.", "faithful"),
        ("Ông An: “Ngành điện đã tiết kiệm được hai nghìn tỷ đồng chi phí vận hành”.", "altered"),
        ("Ông An: “Ngành điện đã tiết kiệm được 2.500 tỷ đồng chi phí vận hành trong hai năm qua”.", "altered"),
        ("Ông An: “Hiệu suất đạt chín mươi phần trăm”.", "faithful"),
        ("Ông An: “Hiệu suất đạt 90%”.", "faithful"),
        ("Ông An: “Hiệu suất đạt 80%”.", "altered"),
    ],
)
def test_check_quotes_reads_spelled_numbers(post: str, verdict: str) -> None:
    (c,) = check_quotes(post, [SPEECH, Source("hs", "Hiệu suất đạt 90 phần trăm.", "Nguyễn Văn An")])
    assert c.verdict.verdict == verdict, c.explanation


_WORDS = ["ông", "An", "nói", "giá", "điện", "sẽ", "không", "tăng", "“", "”", '"', "«", "»", "…", "...", ",", ".",
          "Chúng", "tôi", "hoan", "nghênh", "góp", "ý", "\u0301", "\u200b", "ko", "2.500", "\n"]


@given(st.lists(st.sampled_from(_WORDS), max_size=40))
@settings(max_examples=60, deadline=None)
def test_check_quotes_spans_stay_inside_the_post(words: list[str]) -> None:
    post = " ".join(words)
    for c in check_quotes(post, [SPEECH, OTHER]):
        qc = c.to_quote_check()
        assert 0 <= qc.start < qc.end <= len(post)
        assert qc.verdict in ("faithful", "truncated", "altered", "not_found")
        if qc.source_start is not None:
            src = SPEECH if qc.source_id == SPEECH.id else OTHER
            assert 0 <= qc.source_start < qc.source_end <= len(src.text)


@pytest.mark.parametrize(
    ("source", "post", "verdict"),
    [  # marker words that mean something else in context are not markers
        ("Chúng tôi không loại trừ khả năng có sai phạm, nếu có sẽ xử lý nghiêm, không có vùng cấm.",
         "Ông An: “nếu có sẽ xử lý nghiêm, không có vùng cấm”.", "faithful"),
        ("Chúng tôi không loại trừ khả năng có sai phạm, có sai phạm sẽ xử lý nghiêm.",
         "Ông An: “có sai phạm sẽ xử lý nghiêm”.", "faithful"),
        ("Sau khi họp xong, chúng tôi sẽ công bố kết quả.", "Ông An: “chúng tôi sẽ công bố kết quả”.", "faithful"),
        ("Khi có kết quả, chúng tôi sẽ công bố ngay.", "Ông An: “chúng tôi sẽ công bố ngay”.", "truncated"),
    ],
)
def test_check_quotes_marker_context(source: str, post: str, verdict: str) -> None:
    (c,) = check_quotes(post, [Source("s", source, "Nguyễn Văn An")])
    assert c.verdict.verdict == verdict, c.explanation
