"""A fourth hand-written set, written after every rule change of the first version and scored once, untouched.

Every passage and post was written for this repository.
"""

from __future__ import annotations

Q1 = {
    "id": "giam-doc-benh-vien-k", "speaker": "Lê Văn Quảng",
    "text": ("Ung thư phát hiện sớm có thể chữa khỏi tới chín mươi phần trăm. Tuy vậy, đa số bệnh nhân đến viện "
             "khi bệnh đã ở giai đoạn muộn. Bệnh viện không thu thêm bất kỳ khoản phí nào ngoài danh mục. "
             "Chúng tôi sẽ mở thêm hai cơ sở tại Hà Nam và Thanh Hóa trong năm tới nếu được cấp kinh phí."),
}
Q2 = {
    "id": "chu-tich-xa", "speaker": "Hoàng Văn Sính",
    "text": ("Thưa bà con, con đường liên thôn sẽ được đổ bê tông trước Tết. Xã không huy động tiền của dân cho "
             "công trình này. Những hộ hiến đất sẽ được ghi nhận công khai. Một số hộ chưa đồng thuận, nhưng "
             "chúng tôi sẽ tiếp tục vận động chứ không cưỡng chế."),
}
Q3 = {
    "id": "nha-khoa-hoc", "speaker": "Vũ Minh Hiền",
    "text": ("Vắc xin này an toàn với người trưởng thành khỏe mạnh. Dữ liệu trên phụ nữ mang thai còn hạn chế, "
             "vì vậy chúng tôi chưa khuyến cáo tiêm cho nhóm này. Hiệu quả bảo vệ đạt khoảng 80 phần trăm sau "
             "mũi thứ hai."),
}
Q4 = {
    "id": "nguoi-mau", "speaker": "Trần Ngọc Hân",
    "text": ("Em chưa từng phẫu thuật thẩm mỹ. Em chỉ tập thể dục đều đặn và ăn uống điều độ. "
             "Em không ủng hộ việc các bạn trẻ giảm cân bằng thuốc."),
}
Q5 = {
    "id": "giam-doc-cong-an", "speaker": "Đinh Văn Nơi",
    "text": ("Công an tỉnh đã bắt giữ năm đối tượng trong đường dây đánh bạc qua mạng. Số tiền giao dịch lên tới "
             "hơn ba trăm tỷ đồng. Chúng tôi không loại trừ khả năng có cán bộ tiếp tay, nếu có sai phạm sẽ xử "
             "lý nghiêm, không có vùng cấm."),
}

HOLDOUT3_ITEMS: list[dict[str, object]] = [
    # faithful
    {"post": "GS Lê Văn Quảng: «Ung thư phát hiện sớm có thể chữa khỏi tới 90%». Đi khám định kỳ nhé mọi người!",
     "sources": [Q1], "label": "faithful"},
    {"post": "Chủ tịch xã Hoàng Văn Sính nói \"Xã không huy động tiền của dân cho công trình này\". Tuyệt vời!",
     "sources": [Q2], "label": "faithful"},
    {"post": "“Dữ liệu trên phụ nữ mang thai còn hạn chế, vì vậy chúng tôi chưa khuyến cáo tiêm cho nhóm này” – TS Vũ Minh Hiền.",
     "sources": [Q3], "label": "faithful"},
    {"post": "Hân chia sẻ: “Em chưa từng phẫu thuật thẩm mỹ”. Xinh tự nhiên luôn 😍",
     "sources": [Q4], "label": "faithful"},
    {"post": "Dai ta Dinh Van Noi khang dinh: \"neu co sai pham se xu ly nghiem, khong co vung cam\"",
     "sources": [Q5], "label": "faithful"},
    {"post": "Ông Sính: “Một số hộ chưa đồng thuận, nhưng chúng tôi sẽ tiếp tục vận động chứ không cưỡng chế”. Cán bộ thế này mới đáng quý.",
     "sources": [Q2, Q5], "label": "faithful"},
    {"post": "Theo bà Hiền, «hiệu quả bảo vệ đạt khoảng 80 phần trăm sau mũi thứ hai».",
     "sources": [Q3], "label": "faithful"},
    {"post": "Người mẫu Trần Ngọc Hân: “Em không ủng hộ việc các bạn trẻ giảm cân bằng thuốc.”",
     "sources": [Q4], "label": "faithful"},
    # truncated
    {"post": "Bác sĩ Quảng hứa: “Chúng tôi sẽ mở thêm hai cơ sở tại Hà Nam và Thanh Hóa trong năm tới”.",
     "sources": [Q1], "label": "truncated"},
    {"post": "TS Hiền: “Vắc xin này an toàn”. Vậy bà bầu tiêm thoải mái nhé!",
     "sources": [Q3], "label": "truncated"},
    {"post": "Ông Sính thừa nhận: “Một số hộ chưa đồng thuận”. Vậy là dân phản đối rồi!",
     "sources": [Q2], "label": "truncated"},
    {"post": "Công an nói “không loại trừ khả năng có cán bộ tiếp tay”… à không, “có cán bộ tiếp tay”! Rõ rồi nhé.",
     "sources": [Q5], "label": "truncated"},
    {"post": "Hân bảo “em … phẫu thuật thẩm mỹ”. Biết ngay mà!",
     "sources": [Q4], "label": "truncated"},
    {"post": "Chủ tịch xã: “Chúng tôi sẽ tiếp tục vận động chứ … cưỡng chế”. Dân khổ rồi.",
     "sources": [Q2], "label": "truncated"},
    {"post": "TS Vũ Minh Hiền: “Chúng tôi … khuyến cáo tiêm cho nhóm này”.",
     "sources": [Q3], "label": "truncated"},
    {"post": "GS Quảng: “Bệnh nhân đến viện khi bệnh đã ở giai đoạn muộn”. Bệnh viện chỉ biết đổ lỗi cho dân.",
     "sources": [Q1], "label": "truncated"},
    # altered
    {"post": "GS Quảng: «Ung thư phát hiện sớm có thể chữa khỏi tới 50 phần trăm». Thấp vậy sao?",
     "sources": [Q1], "label": "altered"},
    {"post": "Bệnh viện nói thẳng: “Bệnh viện thu thêm các khoản phí ngoài danh mục”.",
     "sources": [Q1], "label": "altered"},
    {"post": "Ông Sính: “Xã sẽ huy động tiền của dân cho công trình này”. Lại góp tiền à?",
     "sources": [Q2], "label": "altered"},
    {"post": "Đại tá Đinh Văn Nơi: “Một số hộ chưa đồng thuận, nhưng chúng tôi sẽ tiếp tục vận động chứ không cưỡng chế”.",
     "sources": [Q2, Q5], "label": "altered"},
    {"post": "TS Hiền: “Hiệu quả bảo vệ đạt khoảng 40 phần trăm sau mũi thứ hai”. Tiêm làm gì?",
     "sources": [Q3], "label": "altered"},
    {"post": "Hân: “Em đã từng phẫu thuật thẩm mỹ”. Thú nhận rồi kìa!",
     "sources": [Q4], "label": "altered"},
    {"post": "Cong an tinh: \"Số tiền giao dịch lên tới hơn ba nghìn tỷ đồng\".",
     "sources": [Q5], "label": "altered"},
    {"post": "TS Vũ Minh Hiền: “Vắc xin này nguy hiểm với người trưởng thành khỏe mạnh”.",
     "sources": [Q3], "label": "altered"},
    # not_found
    {"post": "GS Quảng: “Ung thư giai đoạn cuối vẫn chữa khỏi hoàn toàn nếu có tiền”.",
     "sources": [Q1], "label": "not_found"},
    {"post": "Ông Sính: “Hộ nào không hiến đất sẽ bị cắt điện nước”.",
     "sources": [Q2], "label": "not_found"},
    {"post": "TS Hiền: “Tiêm vắc xin này có thể gây vô sinh ở nam giới”.",
     "sources": [Q3], "label": "not_found"},
    {"post": "Hân: “Em giảm mười cân trong một tuần nhờ thuốc của nhãn hàng X”.",
     "sources": [Q4], "label": "not_found"},
    {"post": "Đại tá Nơi: “Các đối tượng đều là con cháu cán bộ nên được thả về”.",
     "sources": [Q5], "label": "not_found"},
    {"post": "“Bệnh viện sẽ miễn phí hoàn toàn cho bệnh nhân ung thư từ tháng sau” – GS Lê Văn Quảng.",
     "sources": [Q1], "label": "not_found"},
    {"post": "Chủ tịch xã nói rằng “con đường này do một doanh nghiệp tài trợ toàn bộ”.",
     "sources": [Q2], "label": "not_found"},
    {"post": "Công an tỉnh: «Người chơi đánh bạc qua mạng sẽ không bị xử lý gì».",
     "sources": [Q5], "label": "not_found"},
]
