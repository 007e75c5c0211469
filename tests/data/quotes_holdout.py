"""A second hand-written set, written after the rules were tuned and scored once without further tuning.

It measures how the checker does on text its author did not look at while writing the rules (see
tests/quotes/README.md for the figures). Every passage and post was written for this repository.
"""

from __future__ import annotations

A = {
    "id": "hn-ngap-ung", "speaker": "Nguyễn Mạnh Quyền",
    "text": ("Phát biểu tại buổi làm việc với các quận nội thành, Phó Chủ tịch UBND thành phố Nguyễn Mạnh Quyền "
             "nói rằng tình trạng ngập úng trong mùa mưa năm nay đã giảm rõ rệt. Theo ông, thành phố đã cải tạo "
             "được 37 điểm ngập, nhưng vẫn còn 12 điểm chưa có phương án xử lý dứt điểm. "
             "Ông cho biết trạm bơm Yên Nghĩa sẽ được nâng công suất nếu nguồn vốn bổ sung được phê duyệt. "
             "Người dân cần hạn chế di chuyển qua các hầm chui khi có mưa lớn."),
}
B = {
    "id": "gs-toan-hoc", "speaker": "Ngô Bảo Lâm",
    "text": ("Tôi không cho rằng học sinh Việt Nam kém sáng tạo. Các em chỉ thiếu cơ hội để đặt câu hỏi. "
             "Nếu thầy cô khuyến khích tranh luận, các em sẽ tiến bộ rất nhanh. "
             "Tôi đã dạy ở nhiều nước và thấy học sinh mình không thua kém ai về tư duy."),
}
C = {
    "id": "bo-truong-tai-chinh", "speaker": "Hồ Văn Phước",
    "text": ("Thu ngân sách năm nay ước đạt 1,7 triệu tỷ đồng, vượt dự toán khoảng 8 phần trăm. "
             "Chúng tôi đề xuất giảm 2 phần trăm thuế giá trị gia tăng đến hết tháng Sáu năm sau. "
             "Bộ Tài chính không ủng hộ việc tăng thuế bảo vệ môi trường đối với xăng dầu trong lúc này. "
             "Nợ công vẫn ở mức an toàn, dưới 40 phần trăm GDP."),
}
D = {
    "id": "dau-bep", "speaker": "Vũ Thị Hồng",
    "text": ("Nấu phở ngon không có bí quyết gì cao siêu cả. Nước dùng phải ninh xương ít nhất tám tiếng. "
             "Tôi không dùng bột ngọt, trừ khi khách yêu cầu. Quán tôi mỗi ngày bán khoảng ba trăm bát."),
}
E = {
    "id": "hlv-bong-chuyen", "speaker": "Đặng Thái Hưng",
    "text": ("Các cô gái đã chơi một trận đấu tuyệt vời. Chúng tôi thua đối thủ mạnh hơn, nhưng không thua về "
             "tinh thần. Tôi hài lòng với cách toàn đội phòng ngự ở séc thứ ba. "
             "Mục tiêu của chúng tôi vẫn là lọt vào nhóm bốn đội mạnh nhất châu Á."),
}
E2 = {
    "id": "doi-truong-bong-chuyen", "speaker": "Trần Thị Thanh Thúy",
    "text": ("Chúng tôi đã chuẩn bị chưa tốt cho séc đầu tiên. Đối thủ giao bóng rất mạnh. "
             "Cả đội sẽ rút kinh nghiệm để thi đấu tốt hơn ở trận tới."),
}
F = {
    "id": "bs-tai-mui-hong", "speaker": "Phạm Thu Trang",
    "text": ("Trẻ bị viêm tai giữa có thể khỏi mà không cần dùng kháng sinh, nếu được theo dõi sát trong hai "
             "đến ba ngày đầu. Cha mẹ tuyệt đối không nên tự nhỏ thuốc vào tai trẻ. "
             "Khoảng một phần ba số ca viêm tai giữa có liên quan đến viêm mũi họng kéo dài."),
}

HOLDOUT_ITEMS: list[dict[str, object]] = [
    # faithful
    {"post": "PCT Nguyễn Mạnh Quyền: “Người dân cần hạn chế di chuyển qua các hầm chui khi có mưa lớn.” Ai ở Hà Nội lưu ý nhé.",
     "sources": [A], "label": "faithful"},
    {"post": "GS Lâm nói rất hay: 'Các em chỉ thiếu cơ hội để đặt câu hỏi' — «Các em chỉ thiếu cơ hội để đặt câu hỏi».",
     "sources": [B], "label": "faithful"},
    {"post": "\"Toi khong cho rang hoc sinh Viet Nam kem sang tao\" - GS Ngo Bao Lam. Dong y 100%",
     "sources": [B], "label": "faithful"},
    {"post": "Bộ trưởng Hồ Văn Phước cho biết: “Nợ công vẫn ở mức an toàn, dưới 40 phần trăm GDP”.",
     "sources": [C, A], "label": "faithful"},
    {"post": "Bà chủ quán phở chia sẻ: “Nước dùng phải ninh xương ít nhất tám tiếng”. Thảo nào ngon thế!",
     "sources": [D], "label": "faithful"},
    {"post": "HLV Đặng Thái Hưng: “Chúng tôi thua đối thủ mạnh hơn, nhưng không thua về tinh thần.” Tự hào các cô gái!",
     "sources": [E, E2], "label": "faithful"},
    {"post": "Đội trưởng Thanh Thúy thừa nhận “chúng tôi đã chuẩn bị chưa tốt cho séc đầu tiên”.",
     "sources": [E, E2], "label": "faithful"},
    {"post": "BS Trang khuyến cáo: «Cha mẹ tuyệt đối không nên tự nhỏ thuốc vào tai trẻ». Share cho các mẹ bỉm.",
     "sources": [F], "label": "faithful"},
    {"post": "“Nếu thầy cô khuyến khích tranh luận, các em sẽ tiến bộ rất nhanh”, giáo sư Lâm nói trong buổi giao lưu.",
     "sources": [B], "label": "faithful"},
    {"post": "Theo Bộ trưởng Phước, \"chúng tôi đề xuất giảm 2% thuế giá trị gia tăng đến hết tháng Sáu năm sau\".",
     "sources": [C], "label": "faithful"},
    # truncated
    {"post": "Thành phố nói “đã cải tạo được 37 điểm ngập” — ông Quyền nói vậy đấy, thế mà nhà tôi vẫn ngập.",
     "sources": [A], "label": "truncated"},
    {"post": "Ông Quyền hứa: “Trạm bơm Yên Nghĩa sẽ được nâng công suất”. Chờ xem bao giờ.",
     "sources": [A], "label": "truncated"},
    {"post": "Chủ quán phở khẳng định: “Tôi không dùng bột ngọt”. Ai tin thì tin.",
     "sources": [D], "label": "truncated"},
    {"post": "BS Phạm Thu Trang: «Trẻ bị viêm tai giữa có thể khỏi mà không cần dùng kháng sinh». Vậy là khỏi đi khám!",
     "sources": [F], "label": "truncated"},
    {"post": "HLV Hưng nói thẳng: “Chúng tôi thua đối thủ mạnh hơn”. Thế thì còn gì để nói.",
     "sources": [E], "label": "truncated"},
    {"post": "Giáo sư Lâm: \"Các em sẽ tiến bộ rất nhanh\". Giáo dục mình đỉnh quá rồi còn gì.",
     "sources": [B], "label": "truncated"},
    {"post": "Ông Phước nói “Bộ Tài chính không ủng hộ việc tăng thuế bảo vệ môi trường đối với xăng dầu”. Tức là sẽ không bao giờ tăng!",
     "sources": [C], "label": "truncated"},
    {"post": "Ông Quyền thừa nhận “... vẫn còn 12 điểm ... có phương án xử lý dứt điểm”. Vậy là sắp xong hết?",
     "sources": [A], "label": "truncated"},
    {"post": "Giáo sư Lâm nói: “Tôi … cho rằng học sinh Việt Nam kém sáng tạo”. Ông ấy coi thường học sinh mình!",
     "sources": [B], "label": "truncated"},
    {"post": "BS Trang cho biết “viêm tai giữa có liên quan đến viêm mũi họng kéo dài”.",
     "sources": [F], "label": "truncated"},
    # altered
    {"post": "Ông Quyền nói: “Tình trạng ngập úng trong mùa mưa năm nay đã tăng rõ rệt”. Thật đáng báo động!",
     "sources": [A], "label": "altered"},
    {"post": "GS Ngô Bảo Lâm: “Tôi cho rằng học sinh Việt Nam kém sáng tạo.” Buồn thật.",
     "sources": [B], "label": "altered"},
    {"post": "Bộ trưởng Phước: “Thu ngân sách năm nay ước đạt 1,7 triệu tỷ đồng, hụt dự toán khoảng 8 phần trăm”.",
     "sources": [C], "label": "altered"},
    {"post": "Bộ trưởng Phước: “Nợ công vẫn ở mức an toàn, dưới 60 phần trăm GDP”.",
     "sources": [C], "label": "altered"},
    {"post": "Bà Hồng tiết lộ: “Quán tôi mỗi ngày bán khoảng ba nghìn bát”. Giàu to!",
     "sources": [D], "label": "altered"},
    {"post": "Đội trưởng Trần Thị Thanh Thúy: “Chúng tôi thua đối thủ mạnh hơn, nhưng không thua về tinh thần”.",
     "sources": [E, E2], "label": "altered"},
    {"post": "HLV Đặng Thái Hưng: “Chúng tôi đã chuẩn bị chưa tốt cho séc đầu tiên”. Vậy mà cũng làm HLV.",
     "sources": [E, E2], "label": "altered"},
    {"post": "BS Trang: «Cha mẹ nên tự nhỏ thuốc vào tai trẻ» để đỡ mất công đi viện.",
     "sources": [F], "label": "altered"},
    {"post": "Ông Phước cho biết “Bộ Tài chính ủng hộ việc tăng thuế bảo vệ môi trường đối với xăng dầu trong lúc này”. Lại tăng giá xăng!",
     "sources": [C], "label": "altered"},
    {"post": "HLV Hưng: \"Tôi thất vọng với cách toàn đội phòng ngự ở séc thứ ba\".",
     "sources": [E], "label": "altered"},
    # not_found
    {"post": "Ông Quyền tuyên bố: “Hà Nội sẽ không bao giờ còn ngập sau năm nay”.",
     "sources": [A], "label": "not_found"},
    {"post": "GS Lâm: “Học sinh Việt Nam học giỏi nhất thế giới, không cần cải cách gì nữa”.",
     "sources": [B], "label": "not_found"},
    {"post": "Bộ trưởng Phước: “Năm sau sẽ miễn toàn bộ thuế thu nhập cá nhân cho người dưới 30 tuổi”.",
     "sources": [C], "label": "not_found"},
    {"post": "Chủ quán phở: “Bí quyết của tôi là cho thêm một chút thuốc bắc vào nồi nước dùng”.",
     "sources": [D], "label": "not_found"},
    {"post": "HLV Hưng cay đắng: “Trọng tài đã cướp chiến thắng của chúng tôi”.",
     "sources": [E, E2], "label": "not_found"},
    {"post": "BS Trang: «Viêm tai giữa phải mổ ngay, càng để lâu càng nguy hiểm».",
     "sources": [F], "label": "not_found"},
    {"post": "Ông Quyền khẳng định “người dân vùng ngập sẽ được hỗ trợ năm triệu đồng mỗi hộ”.",
     "sources": [A], "label": "not_found"},
    {"post": "Đội trưởng Thanh Thúy: “Tôi sẽ chia tay đội tuyển sau giải đấu này”.",
     "sources": [E, E2], "label": "not_found"},
    {"post": "“Giá xăng sẽ giảm mạnh vào tháng tới”, Bộ trưởng Hồ Văn Phước cho biết.",
     "sources": [C], "label": "not_found"},
    {"post": "GS Ngô Bảo Lâm: “Thầy cô không nên để học sinh tranh luận trong giờ học”.",
     "sources": [B], "label": "not_found"},
]
