"""A third hand-written set, written after all rule changes and scored once, untouched (the honest figure).

Every passage and post was written for this repository.
"""

from __future__ import annotations

P1 = {
    "id": "phong-van-nong-dan", "speaker": "Lê Văn Tám",
    "text": ("Năm nay vải thiều được mùa nhưng mất giá. Giá bán tại vườn chỉ khoảng mười lăm nghìn đồng một cân, "
             "thấp hơn năm ngoái gần một nửa. Thương lái không ép giá, nhưng chi phí phân bón tăng quá cao. "
             "Nếu có hợp đồng xuất khẩu ổn định thì bà con mới yên tâm mở rộng diện tích."),
}
P2 = {
    "id": "thong-cao-bao-chi", "speaker": "Phạm Thị Lan Anh",
    "text": ("Công ty khẳng định sản phẩm sữa bị phản ánh trên mạng xã hội không phải là hàng giả. "
             "Kết quả kiểm nghiệm của cơ quan chức năng cho thấy các chỉ tiêu đều đạt chuẩn. "
             "Tuy nhiên, công ty sẽ thu hồi lô hàng số 27 để kiểm tra thêm về bao bì. "
             "Khách hàng có thể đổi sản phẩm miễn phí tại tất cả các đại lý trong vòng ba mươi ngày."),
}
P3 = {
    "id": "toa-dam-giao-duc", "speaker": "Nguyễn Thị Kim Dung",
    "text": ("Tôi không phản đối việc học sinh dùng trí tuệ nhân tạo. Điều tôi lo là các em chép nguyên văn mà "
             "không hiểu. Trong ba năm tới, chúng tôi có thể đưa nội dung về sử dụng công nghệ có trách nhiệm "
             "vào chương trình chính khóa. Giáo viên cần được tập huấn trước khi áp dụng."),
}
P4 = {
    "id": "cau-thu-phong-van", "speaker": "Đỗ Hùng Dũng",
    "text": ("Tôi chưa nghĩ đến chuyện giải nghệ. Chấn thương lần này khá nặng, các bác sĩ nói tôi cần ít nhất "
             "sáu tháng để hồi phục. Tôi sẽ trở lại sân cỏ mạnh mẽ hơn. Cảm ơn người hâm mộ đã luôn ở bên tôi."),
}
P5 = {
    "id": "phat-ngon-bo-y-te", "speaker": "Trần Văn Thuấn",
    "text": ("Hiện chưa ghi nhận ca nhiễm biến chủng mới tại Việt Nam. Bộ Y tế đang theo dõi chặt chẽ tình hình "
             "trên thế giới. Người dân không cần quá lo lắng, nhưng nên tiêm đủ các mũi nhắc lại theo khuyến cáo."),
}
P5B = {
    "id": "chuyen-gia-dich-te", "speaker": "Lê Thị Quỳnh Mai",
    "text": ("Biến chủng mới lây lan nhanh hơn nhưng chưa có bằng chứng gây bệnh nặng hơn. "
             "Nguy cơ xâm nhập vào Việt Nam là có thật."),
}

HOLDOUT2_ITEMS: list[dict[str, object]] = [
    # faithful
    {"post": "Bác Tám trồng vải tâm sự: “Năm nay vải thiều được mùa nhưng mất giá.” Thương bà con quá.",
     "sources": [P1], "label": "faithful"},
    {"post": "Thông cáo của công ty nêu rõ: “Khách hàng có thể đổi sản phẩm miễn phí tại tất cả các đại lý trong vòng 30 ngày”.",
     "sources": [P2], "label": "faithful"},
    {"post": "co Dung noi \"giao vien can duoc tap huan truoc khi ap dung\" chuan qua",
     "sources": [P3], "label": "faithful"},
    {"post": "Hùng Dũng: «Tôi chưa nghĩ đến chuyện giải nghệ. Chấn thương lần này khá nặng…» Mau khỏe lại nhé Dũng ơi!",
     "sources": [P4], "label": "faithful"},
    {"post": "“Biến chủng mới lây lan nhanh hơn nhưng chưa có bằng chứng gây bệnh nặng hơn”, PGS.TS Lê Thị Quỳnh Mai nhận định.",
     "sources": [P5, P5B], "label": "faithful"},
    {"post": "Ông Thuấn (Bộ Y tế): “Người dân không cần quá lo lắng, nhưng nên tiêm đủ các mũi nhắc lại theo khuyến cáo”.",
     "sources": [P5, P5B], "label": "faithful"},
    {"post": "Bà Lan Anh cho biết \"kết quả kiểm nghiệm của cơ quan chức năng cho thấy các chỉ tiêu đều đạt chuẩn\".",
     "sources": [P2], "label": "faithful"},
    {"post": "Cô Kim Dung: “Điều tôi lo là các em chép nguyên văn mà không hiểu”. Rất đúng!",
     "sources": [P3], "label": "faithful"},
    # truncated
    {"post": "Đến nông dân cũng nói: “Thương lái không ép giá”. Vậy là do nông dân tự làm khổ mình thôi.",
     "sources": [P1], "label": "truncated"},
    {"post": "Bác Tám bảo “bà con mới yên tâm mở rộng diện tích”. Vậy thì trồng thêm đi!",
     "sources": [P1], "label": "truncated"},
    {"post": "Ông Thuấn: “Người dân không cần quá lo lắng”. Yên tâm đi chơi Tết thôi!",
     "sources": [P5], "label": "truncated"},
    {"post": "PGS Mai nói: “Biến chủng mới lây lan nhanh hơn”. Sắp phải đóng cửa nữa rồi!",
     "sources": [P5B], "label": "truncated"},
    {"post": "Cô Dung khẳng định “… học sinh dùng trí tuệ nhân tạo”. Thế là cô ủng hộ à?",
     "sources": [P3], "label": "truncated"},
    {"post": "Theo cô Dung, “chúng tôi … đưa nội dung về sử dụng công nghệ có trách nhiệm vào chương trình chính khóa”.",
     "sources": [P3], "label": "truncated"},
    {"post": "Người phát ngôn công ty thừa nhận: “Công ty sẽ thu hồi lô hàng số 27”. Vậy là sữa có vấn đề thật!",
     "sources": [P2], "label": "faithful"},
    {"post": "Công ty sữa xác nhận: “Sản phẩm sữa bị phản ánh trên mạng xã hội … là hàng giả”. Tẩy chay thôi!",
     "sources": [P2], "label": "truncated"},
    # altered
    {"post": "Bác Tám: “Giá bán tại vườn chỉ khoảng năm nghìn đồng một cân”. Rẻ như cho!",
     "sources": [P1], "label": "altered"},
    {"post": "Bác Tám: “Thương lái ép giá, chi phí phân bón lại tăng quá cao”.",
     "sources": [P1], "label": "altered"},
    {"post": "Công ty thừa nhận: «Sản phẩm sữa bị phản ánh trên mạng xã hội là hàng giả».",
     "sources": [P2], "label": "altered"},
    {"post": "Hùng Dũng: “Các bác sĩ nói tôi cần ít nhất mười sáu tháng để hồi phục”. Tiếc quá!",
     "sources": [P4], "label": "altered"},
    {"post": "Ông Trần Văn Thuấn: “Biến chủng mới lây lan nhanh hơn nhưng chưa có bằng chứng gây bệnh nặng hơn”.",
     "sources": [P5, P5B], "label": "altered"},
    {"post": "Cô Dung: “Tôi phản đối việc học sinh dùng trí tuệ nhân tạo”. Lạc hậu quá!",
     "sources": [P3], "label": "altered"},
    {"post": "Hùng Dũng tuyên bố: “Tôi sẽ giải nghệ”... à nhầm, “Tôi đã nghĩ đến chuyện giải nghệ”. Buồn ghê.",
     "sources": [P4], "label": "altered"},
    {"post": "Bộ Y tế: “Đã ghi nhận ca nhiễm biến chủng mới tại Việt Nam”. Mọi người cẩn thận!",
     "sources": [P5], "label": "altered"},
    # not_found
    {"post": "Bác Tám: “Chính quyền bỏ mặc nông dân, không ai giúp chúng tôi bán vải”.",
     "sources": [P1], "label": "not_found"},
    {"post": "Công ty sữa: “Chúng tôi sẽ bồi thường mười triệu đồng cho mỗi khách hàng”.",
     "sources": [P2], "label": "not_found"},
    {"post": "Cô Dung: “Học sinh dùng ChatGPT sẽ bị đình chỉ học”.",
     "sources": [P3], "label": "not_found"},
    {"post": "Hùng Dũng: “Tôi bị đội bóng đối xử bất công nên muốn ra đi”.",
     "sources": [P4], "label": "not_found"},
    {"post": "Ông Thuấn: “Việt Nam sẽ phong tỏa các cửa khẩu từ tuần sau”.",
     "sources": [P5, P5B], "label": "not_found"},
    {"post": "PGS Mai: “Biến chủng này nguy hiểm gấp mười lần các biến chủng trước”.",
     "sources": [P5B], "label": "not_found"},
    {"post": "Bác Tám nói “năm nay lãi to, vải bán được giá cao nhất từ trước đến nay”.",
     "sources": [P1], "label": "not_found"},
    {"post": "Công ty: “Lô hàng số 27 đã được tiêu hủy toàn bộ”.",
     "sources": [P2], "label": "not_found"},
]
