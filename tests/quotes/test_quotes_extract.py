"""Quote extraction: marks, attribution before/after, titles, ellipses, no diacritics; negatives included."""

from __future__ import annotations

import pytest

from kiemchung.quotes import extract_quotes
from kiemchung.quotes.tokens import plain_view

# (post, [(quote words, speaker)])
CASES = [
    ("Bộ trưởng Nguyễn Văn An khẳng định: “Giá điện sẽ không tăng trong năm nay”.",
     [("Giá điện sẽ không tăng trong năm nay", "Bộ trưởng Nguyễn Văn An")]),
    ("“Chúng tôi sẽ tăng lương cho giáo viên”, bà Trần Thị Bình cho biết.",
     [("Chúng tôi sẽ tăng lương cho giáo viên", "bà Trần Thị Bình")]),
    ('Theo ông Lê Hùng, "kinh tế đang phục hồi rất tốt". Thật nực cười.',
     [("kinh tế đang phục hồi rất tốt", "ông Lê Hùng")]),
    ("PGS.TS Phạm Minh Châu: «Học sinh cần được nghỉ ngơi nhiều hơn…»",
     [("Học sinh cần được nghỉ ngơi nhiều hơn…", "PGS.TS Phạm Minh Châu")]),
    ('ong Nguyen Van An noi "gia dien se tang 10% vao thang toi" luon ae a',
     [("gia dien se tang 10% vao thang toi", "ong Nguyen Van An")]),
    ("“Chúng tôi ... sẽ cắt giảm biên chế” – ông Hoàng Văn Cường.",
     [("Chúng tôi ... sẽ cắt giảm biên chế", "ông Hoàng Văn Cường")]),
    ("Anh Tuấn nhấn mạnh rằng ‘mọi việc đã xong xuôi cả rồi’ nhưng chị Lan phát biểu: “chưa xong đâu các bạn ạ”.",
     [("mọi việc đã xong xuôi cả rồi", "Anh Tuấn"), ("chưa xong đâu các bạn ạ", "chị Lan")]),
    ("Đồng chí Cao Văn Thành chia sẻ: “Lực lượng chữa cháy đã có mặt rất nhanh”.",
     [("Lực lượng chữa cháy đã có mặt rất nhanh", "Đồng chí Cao Văn Thành")]),
    ("Nghe đâu “giá xăng sẽ tăng mạnh vào tuần sau” đấy mọi người.",
     [("giá xăng sẽ tăng mạnh vào tuần sau", "")]),
    ("Người dân Hà Nội nói chung rất vui. “Trời hôm nay đẹp quá các bạn ạ” – ông Tư.",
     [("Trời hôm nay đẹp quá các bạn ạ", "ông Tư")]),
    ("Kỹ sư Lâm Quốc Bảo nêu rõ rằng ‘pin được bảo hành tám năm’.",  # "Bảo" is a name here, not "bảo"
     [("pin được bảo hành tám năm", "Kỹ sư Lâm Quốc Bảo")]),
    ("Phát biểu tại Hà Nội, bà Lan cho biết: “Chúng tôi sẽ hoàn thành trong tháng này”.",  # "Nội" is not "nói"
     [("Chúng tôi sẽ hoàn thành trong tháng này", "bà Lan")]),
    ("PCT Nguyễn Mạnh Quyền: “Người dân cần hạn chế di chuyển khi có mưa lớn.” Ai ở Hà Nội lưu ý nhé.",
     [("Người dân cần hạn chế di chuyển khi có mưa lớn.", "PCT Nguyễn Mạnh Quyền")]),
    # negatives: scare quotes, short unattributed phrases, no quotes at all
    ("Đúng là “siêu lừa” mà, các bác cẩn thận.", []),
    ("Cái gọi là “cải cách” này chẳng ra sao.", []),
    ("Hôm nay trời đẹp, không có trích dẫn nào cả.", []),
]


@pytest.mark.parametrize(("post", "expected"), CASES)
def test_extract_quotes_finds_words_and_speaker(post: str, expected: list[tuple[str, str]]) -> None:
    quotes = extract_quotes(plain_view(post))
    got = [(post[q.start : q.end], q.speaker) for q in quotes]
    assert got == expected
    for q in quotes:
        if q.speaker:
            assert post[q.speaker_start : q.speaker_end] == q.speaker


@pytest.mark.parametrize(
    ("post", "pieces", "lead", "trail"),
    [
        ("Ông A nói: “Chúng tôi … sẽ làm ngay việc này”.", ["Chúng tôi", "sẽ làm ngay việc này"], False, False),
        ("Ông A nói: “...sẽ làm ngay việc này”.", ["sẽ làm ngay việc này"], True, False),
        ("Ông A nói: “Chúng tôi sẽ làm ngay [...]”.", ["Chúng tôi sẽ làm ngay"], False, True),
        ("Ông A nói: “Chúng tôi (...) sẽ làm (…) ngay việc này”.", ["Chúng tôi", "sẽ làm", "ngay việc này"], False, False),
    ],
)
def test_extract_quotes_splits_on_ellipsis(post: str, pieces: list[str], lead: bool, trail: bool) -> None:
    (q,) = extract_quotes(plain_view(post))
    assert [post[a:b] for a, b in q.pieces] == pieces
    assert (q.lead_ellipsis, q.trail_ellipsis) == (lead, trail)
    assert q.has_ellipsis
