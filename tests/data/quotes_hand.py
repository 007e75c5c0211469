"""Hand-written quote-integrity items (each post, source and label written one by one, not generated).

Kept apart from the generated items so the score on them is reported on its own: they use passages, wording and
tricks that the generator never produces.
"""

from __future__ import annotations

S_HOP = {
    "id": "hop-bao-chi-0412", "speaker": "Nguyễn Hữu Đạt",
    "text": ("Chiều nay, người phát ngôn Bộ Ngoại giao Nguyễn Hữu Đạt trả lời câu hỏi của phóng viên. "
             "Ông Đạt cho biết Việt Nam luôn ủng hộ giải quyết tranh chấp bằng biện pháp hòa bình. "
             "Chúng tôi không chấp nhận bất kỳ hành động đơn phương nào làm phức tạp tình hình. "
             "Việt Nam sẵn sàng hợp tác với tất cả các nước, trên cơ sở tôn trọng luật pháp quốc tế. "
             "Hiện chưa có công dân Việt Nam nào bị thương trong vụ động đất."),
}
S_SAN = {
    "id": "san-bay-long-thanh", "speaker": "Lại Xuân Thanh",
    "text": ("Thưa đồng chí Chủ tịch, giai đoạn một của sân bay sẽ hoàn thành vào năm 2026 nếu nhà thầu bảo đảm "
             "tiến độ như cam kết. Khối lượng công việc còn lại là rất lớn. Chúng tôi đã giải ngân được 40 phần "
             "trăm kế hoạch vốn năm nay. Một số gói thầu đang chậm từ hai đến ba tháng, nhưng chưa ảnh hưởng đến "
             "mốc hoàn thành chung."),
}
S_BS = {
    "id": "bs-sot-xuat-huyet", "speaker": "Trần Quang Huy",
    "text": ("Sốt xuất huyết không lây trực tiếp từ người sang người mà lây qua muỗi vằn. "
             "Phần lớn bệnh nhân có thể điều trị tại nhà, trừ khi có dấu hiệu cảnh báo như nôn nhiều, đau bụng, "
             "chảy máu chân răng. Người dân không nên tự ý truyền dịch tại nhà. "
             "Năm nay số ca mắc ở thành phố tăng khoảng 20 phần trăm so với năm ngoái."),
}
S_GV = {
    "id": "gv-tam-su", "speaker": "Lò Thị Xuân",
    "text": ("Tôi dạy ở điểm trường này đã mười hai năm. Có những hôm nước lũ lên, cô trò phải nghỉ học. "
             "Lương giáo viên vùng cao không cao, nhưng tôi chưa bao giờ có ý định bỏ nghề. "
             "Điều tôi mong nhất là các em có đủ áo ấm khi mùa đông tới."),
}
S_CEO = {
    "id": "ceo-dai-hoi-co-dong", "speaker": "Đàm Quang Minh",
    "text": ("Kính thưa quý cổ đông, năm qua công ty lãi sau thuế 1.250 tỷ đồng, tăng 12 phần trăm. "
             "Hội đồng quản trị đề xuất chia cổ tức bằng tiền mặt 15 phần trăm. "
             "Chúng tôi sẽ không phát hành thêm cổ phiếu trong năm nay. "
             "Rủi ro lớn nhất hiện nay là giá nguyên liệu đầu vào có thể biến động mạnh."),
}
S_CA = {
    "id": "ca-sa-tham-ho-dan", "speaker": "Hà Văn Tiến",
    "text": ("Qua kiểm tra ban đầu, chưa phát hiện dấu hiệu tội phạm trong vụ việc. Cơ quan công an đang tiếp tục "
             "làm rõ. Chúng tôi đề nghị người dân không chia sẻ thông tin chưa được kiểm chứng trên mạng xã hội."),
}
S_CA2 = {
    "id": "ls-binh-luan", "speaker": "Lưu Thị Quỳnh",
    "text": ("Theo tôi, vụ việc có dấu hiệu tội phạm và cần được khởi tố để điều tra. "
             "Người dân có quyền chia sẻ thông tin, nhưng phải chịu trách nhiệm về những gì mình đăng."),
}

HAND_ITEMS: list[dict[str, object]] = [
    # faithful
    {"post": 'Người phát ngôn Nguyễn Hữu Đạt: "Chúng tôi không chấp nhận bất kỳ hành động đơn phương nào làm phức tạp tình hình." Quá chuẩn!',
     "sources": [S_HOP], "label": "faithful"},
    {"post": "Theo ông Đạt, «Việt Nam sẵn sàng hợp tác với tất cả các nước, trên cơ sở tôn trọng luật pháp quốc tế».",
     "sources": [S_HOP, S_BS], "label": "faithful"},
    {"post": 'bs Huy noi "nguoi dan khong nen tu y truyen dich tai nha" nha moi nguoi',
     "sources": [S_BS], "label": "faithful"},
    {"post": "“Sốt xuất huyết không lây trực tiếp từ người sang người mà lây qua muỗi vằn” - BS Trần Quang Huy. Đừng hoang mang nhé!",
     "sources": [S_BS], "label": "faithful"},
    {"post": "Cô Xuân tâm sự: “Lương giáo viên vùng cao không cao, nhưng tôi chưa bao giờ có ý định bỏ nghề”. Thương cô quá 😢",
     "sources": [S_GV], "label": "faithful"},
    {"post": "Đọc câu này mà rưng rưng: “Điều tôi mong nhất là các em có đủ áo ấm khi mùa đông tới”.",
     "sources": [S_GV], "label": "faithful"},
    {"post": "Chủ tịch HĐQT Đàm Quang Minh khẳng định: “Chúng tôi sẽ không phát hành thêm cổ phiếu trong năm nay.” Cổ đông yên tâm rồi.",
     "sources": [S_CEO], "label": "faithful"},
    {"post": "Ông Minh: “Năm qua công ty lãi sau thuế 1.250 tỷ đồng, tăng 12%”.",
     "sources": [S_CEO, S_GV], "label": "faithful"},
    {"post": "“Chúng tôi đã giải ngân được 40 phần trăm kế hoạch vốn năm nay” – ông Lại Xuân Thanh báo cáo.",
     "sources": [S_SAN], "label": "faithful"},
    {"post": "Công an nói rõ: \"Chúng tôi đề nghị người dân không chia sẻ thông tin chưa được kiểm chứng ... trên mạng xã hội\".",
     "sources": [S_CA, S_CA2], "label": "faithful"},
    {"post": "Bà Quỳnh (luật sư) cho rằng “người dân có quyền chia sẻ thông tin, nhưng phải chịu trách nhiệm về những gì mình đăng”. Chuẩn luôn.",
     "sources": [S_CA, S_CA2], "label": "faithful"},
    {"post": "Tui thấy câu “siêu dự án” nghe to tát quá. Ông Thanh thì nói “khối lượng công việc còn lại là rất lớn”.",
     "sources": [S_SAN], "label": "faithful"},
    # truncated
    {"post": "Ông Thanh hứa chắc nịch: “Giai đoạn một của sân bay sẽ hoàn thành vào năm 2026”. Để xem!",
     "sources": [S_SAN], "label": "truncated"},
    {"post": "Chính ông Thanh thừa nhận “một số gói thầu đang chậm từ hai đến ba tháng”. Vậy mà còn hứa hẹn!",
     "sources": [S_SAN], "label": "truncated"},
    {"post": 'BS Huy: "Phần lớn bệnh nhân có thể điều trị tại nhà". Vậy đi viện làm gì cho tốn tiền.',
     "sources": [S_BS], "label": "truncated"},
    {"post": "Bác sĩ bảo «bệnh nhân có thể điều trị tại nhà» đấy, cứ ở nhà mà chữa.",
     "sources": [S_BS], "label": "truncated"},
    {"post": "Cô giáo vùng cao than thở: “Lương giáo viên vùng cao không cao”. Ngành giáo dục nghĩ sao?",
     "sources": [S_GV], "label": "truncated"},
    {"post": "Cô Xuân nói: “Lương giáo viên vùng cao không cao… tôi có ý định bỏ nghề”. Nghe mà xót.",
     "sources": [S_GV], "label": "truncated"},
    {"post": "Ông Minh cảnh báo: “Rủi ro lớn nhất hiện nay là giá nguyên liệu đầu vào biến động mạnh”. Bán hết cổ phiếu thôi!",
     "sources": [S_CEO], "label": "truncated"},
    {"post": 'Người phát ngôn nói: "Có công dân Việt Nam nào bị thương trong vụ động đất" ??? Thế là có hay không?',
     "sources": [S_HOP], "label": "truncated"},
    {"post": 'Công an kết luận: "phát hiện dấu hiệu tội phạm trong vụ việc". Vậy là có án mạng rồi.',
     "sources": [S_CA], "label": "truncated"},
    {"post": "Ông Đạt: “Việt Nam sẵn sàng hợp tác với tất cả các nước”. Kể cả khi họ vi phạm luật pháp quốc tế à?",
     "sources": [S_HOP], "label": "truncated"},
    {"post": "Luật sư Quỳnh: “Người dân có quyền chia sẻ thông tin”. Vậy cứ share thoải mái đi mọi người!",
     "sources": [S_CA2], "label": "truncated"},
    # altered
    {"post": "Ông Đạt nói: “Chúng tôi chấp nhận bất kỳ hành động đơn phương nào”. Thật không thể tin nổi!",
     "sources": [S_HOP], "label": "altered"},
    {"post": "BS Trần Quang Huy: “Năm nay số ca mắc ở thành phố tăng khoảng 50 phần trăm so với năm ngoái”. Báo động đỏ!",
     "sources": [S_BS], "label": "altered"},
    {"post": "Ông Minh tuyên bố: “Chúng tôi sẽ phát hành thêm cổ phiếu trong năm nay”. Cổ phiếu lại bị pha loãng.",
     "sources": [S_CEO], "label": "altered"},
    {"post": "“Hội đồng quản trị đề xuất chia cổ tức bằng tiền mặt 5 phần trăm” – ông Minh. Quá bèo!",
     "sources": [S_CEO], "label": "altered"},
    {"post": "Luật sư Lưu Thị Quỳnh: “Qua kiểm tra ban đầu, chưa phát hiện dấu hiệu tội phạm trong vụ việc”.",
     "sources": [S_CA, S_CA2], "label": "altered"},
    {"post": "Đại tá Hà Văn Tiến khẳng định: “vụ việc có dấu hiệu tội phạm và cần được khởi tố để điều tra”.",
     "sources": [S_CA, S_CA2], "label": "altered"},
    {"post": "Cô Xuân nói “lương giáo viên vùng cao rất cao, tôi chưa bao giờ có ý định bỏ nghề”. Ai tin?",
     "sources": [S_GV], "label": "altered"},
    {"post": "Ông Thanh báo cáo: “Khối lượng công việc còn lại là rất nhỏ”. Sắp xong rồi!",
     "sources": [S_SAN], "label": "altered"},
    {"post": "ong Dat noi \"Viet Nam luon phan doi giai quyet tranh chap bang bien phap hoa binh\" la sao???",
     "sources": [S_HOP], "label": "altered"},
    {"post": "Bác sĩ Huy khuyên: «Người dân nên tự truyền dịch tại nhà». Nguy hiểm quá!",
     "sources": [S_BS], "label": "altered"},
    {"post": "“Chúng tôi đã giải ngân được 90 phần trăm kế hoạch vốn năm nay”, ông Thanh nói.",
     "sources": [S_SAN], "label": "altered"},
    {"post": "Cô Lò Thị Xuân: “Tôi dạy ở điểm trường này đã hai năm”.",
     "sources": [S_GV], "label": "altered"},
    # not_found
    {"post": "Ông Đạt tuyên bố: “Việt Nam sẽ cắt đứt quan hệ ngoại giao với các nước láng giềng”. Sốc!",
     "sources": [S_HOP], "label": "not_found"},
    {"post": "BS Huy: “Muỗi vằn chỉ đốt người vào ban đêm nên ban ngày không cần phòng”.",
     "sources": [S_BS], "label": "not_found"},
    {"post": "Cô Xuân nói: “Tôi sẽ nghỉ việc vào cuối năm học vì lương quá thấp”.",
     "sources": [S_GV], "label": "not_found"},
    {"post": "Ông Minh hứa: “Cổ phiếu công ty sẽ tăng gấp ba trong năm tới”. Mua ngay đi anh em!",
     "sources": [S_CEO], "label": "not_found"},
    {"post": "“Sân bay đã hoàn thành và sẽ đón khách từ tháng sau” – ông Lại Xuân Thanh.",
     "sources": [S_SAN], "label": "not_found"},
    {"post": "Công an xác nhận: “Đã bắt giữ ba nghi phạm liên quan đến vụ việc”.",
     "sources": [S_CA, S_CA2], "label": "not_found"},
    {"post": 'ong Tien noi "nguoi dan cu chia se thoai mai, cong an khong xu ly dau"',
     "sources": [S_CA], "label": "not_found"},
    {"post": "Theo bà Quỳnh, “mọi bài đăng trên mạng xã hội đều phải xin phép trước”.",
     "sources": [S_CA2], "label": "not_found"},
    {"post": "BS Trần Quang Huy: «Uống nước lá đu đủ là chữa khỏi sốt xuất huyết trong ba ngày».",
     "sources": [S_BS], "label": "not_found"},
    {"post": "Ông Đạt: “Công dân Việt Nam ở vùng động đất cần về nước ngay lập tức”.",
     "sources": [S_HOP], "label": "not_found"},
    {"post": "Cô giáo nói với phóng viên: “Các em học sinh ở đây không bao giờ phải nghỉ học”.",
     "sources": [S_GV], "label": "not_found"},
    {"post": "Ông Minh: “Năm nay chúng tôi sẽ mua lại toàn bộ cổ phiếu của cổ đông nhỏ”.",
     "sources": [S_CEO], "label": "not_found"},
]
