"""Generate the claim-matching dev set: tests/data/factchecks_dev.jsonl and claims_queries_dev.jsonl.

All claims, paraphrases and posts below are written for this project (no dataset rows). Run from the repo root:

    python tests/data/make_claims_dev.py

Queries are built from each fact-check by transformations that a post "written any which way" shows:
a hand-written paraphrase, dropped diacritics, teencode, reordered clauses, the claim buried in a long post;
and hard negatives that must NOT match: a different number, a flipped negation, the same topic but a different
claim, and unrelated posts. ``--seed`` and ``--out-queries`` make a second, independent calibration set.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (id, topic, claim, rating, paraphrase, same-topic different claim)
FACTCHECKS: list[tuple[str, str, str, str, str, str]] = [
    # ---- health -------------------------------------------------------------------------------------------
    ("fc-001", "health", "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư", "Sai sự thật",
     "Chỉ cần sáng nào cũng uống chanh nóng là khỏi bệnh ung thư", "Uống nước chanh ấm buổi sáng giúp bổ sung vitamin C"),
    ("fc-002", "health", "Xông hơi bằng lá sả và gừng tiêu diệt được virus corona trong cơ thể", "Sai",
     "Virus corona trong người sẽ bị giết sạch nếu xông hơi với sả và gừng", "Xông hơi lá sả giúp thư giãn sau một ngày làm việc"),
    ("fc-003", "health", "Tiêm vắc xin COVID-19 gây vô sinh ở phụ nữ", "Sai sự thật",
     "Phụ nữ đi tiêm vắc xin covid sẽ bị vô sinh", "Phụ nữ mang thai nên hỏi bác sĩ trước khi tiêm vắc xin cúm"),
    ("fc-004", "health", "Ăn tỏi sống mỗi ngày giúp miễn nhiễm hoàn toàn với cúm A", "Sai",
     "Ngày nào cũng nhai tỏi sống thì không bao giờ bị lây cúm A", "Tỏi là gia vị phổ biến trong ẩm thực Việt Nam"),
    ("fc-005", "health", "Bộ Y tế khuyến cáo người dân súc miệng nước muối để phòng bệnh sởi", "Gây hiểu nhầm",
     "Theo Bộ Y tế, cứ súc miệng bằng nước muối là phòng được sởi", "Bộ Y tế khuyến cáo tiêm đủ hai mũi vắc xin sởi cho trẻ"),
    ("fc-006", "health", "Uống 3 lít nước đá mỗi ngày làm tan mỡ bụng trong 7 ngày", "Sai",
     "Mỡ bụng sẽ tan hết sau 7 ngày nếu mỗi ngày uống 3 lít nước đá", "Uống đủ nước mỗi ngày tốt cho thận"),
    ("fc-007", "health", "Ăn mì tôm liên tục 5 ngày sẽ gây ung thư gan", "Sai sự thật",
     "Chỉ cần ăn mì gói 5 ngày liền là bị ung thư gan", "Mì tôm có nhiều muối nên người cao huyết áp cần hạn chế"),
    ("fc-008", "health", "Nước dừa pha muối chữa được sốt xuất huyết mà không cần đi viện", "Sai",
     "Bị sốt xuất huyết chỉ cần uống nước dừa với muối, không phải vào viện", "Nước dừa giúp bù nước khi trời nắng nóng"),
    ("fc-009", "health", "Thuốc hạ sốt paracetamol có chứa virus Machupo gây chết người", "Tin giả",
     "Trong viên paracetamol có virus Machupo có thể làm chết người", "Paracetamol là thuốc hạ sốt thông dụng cần dùng đúng liều"),
    ("fc-010", "health", "Đeo khẩu trang quá 4 tiếng gây ngộ độc khí CO2", "Sai",
     "Đeo khẩu trang hơn 4 giờ liền là bị ngộ độc CO2", "Nên thay khẩu trang y tế sau mỗi lần sử dụng"),
    ("fc-011", "health", "Vắc xin HPV làm trẻ em gái dậy thì sớm", "Sai sự thật",
     "Tiêm HPV khiến các bé gái dậy thì sớm hơn", "Vắc xin HPV được tiêm cho trẻ em gái từ 9 tuổi"),
    ("fc-012", "health", "Ăn trứng gà luộc cùng đường gây ngộ độc chết người", "Sai",
     "Trứng luộc ăn với đường sẽ sinh độc tố làm chết người", "Trứng gà là nguồn đạm rẻ và dễ chế biến"),
    ("fc-013", "health", "Bệnh viện Bạch Mai hết sạch máu và ngừng mọi ca mổ", "Sai sự thật",
     "Bạch Mai đã cạn kiệt máu nên dừng toàn bộ các ca phẫu thuật", "Bệnh viện Bạch Mai kêu gọi người dân hiến máu dịp hè"),
    ("fc-014", "health", "Lá đu đủ đực sắc uống chữa khỏi tiểu đường type 2", "Sai",
     "Uống nước sắc lá đu đủ đực là hết bệnh tiểu đường tuýp 2", "Đu đủ chín là loại quả giàu chất xơ"),
    ("fc-015", "health", "Nhiễm cúm A/H5N1 lây qua ăn thịt gà đã nấu chín", "Gây hiểu nhầm",
     "Ăn thịt gà nấu chín vẫn bị lây cúm H5N1", "Không nên giết mổ gia cầm bị bệnh tại nhà"),
    ("fc-016", "health", "Uống rượu tỏi ngâm đánh tan cục máu đông sau 10 ngày", "Sai",
     "Rượu ngâm tỏi uống 10 ngày là tan hết cục máu đông", "Người bị bệnh tim cần khám định kỳ"),
    ("fc-017", "health", "Sữa đậu nành gây ung thư vú ở phụ nữ", "Gây hiểu nhầm",
     "Phụ nữ uống sữa đậu nành dễ bị ung thư vú", "Sữa đậu nành là thức uống phổ biến vào buổi sáng"),
    ("fc-018", "health", "Tiêm vắc xin sởi gây tự kỷ ở trẻ nhỏ", "Sai sự thật",
     "Con nít tiêm ngừa sởi sẽ mắc chứng tự kỷ", "Trẻ em cần tiêm nhắc lại vắc xin sởi theo lịch"),
    ("fc-019", "health", "Dịch bệnh đậu mùa khỉ lây qua muỗi đốt", "Sai",
     "Muỗi đốt là lây đậu mùa khỉ", "Đậu mùa khỉ có triệu chứng sốt và phát ban"),
    ("fc-020", "health", "Bộ Y tế không cho phép bán thuốc kháng sinh mà không có đơn", "Đúng",
     "Thuốc kháng sinh phải có đơn mới được bán theo quy định của Bộ Y tế", "Bộ Y tế tăng cường kiểm tra nhà thuốc dịp Tết"),
    ("fc-021", "health", "Ngâm chân nước muối gừng mỗi tối chữa khỏi bệnh gout", "Sai",
     "Tối nào cũng ngâm chân nước gừng muối là hết gout", "Bệnh gout liên quan đến chế độ ăn nhiều đạm"),
    ("fc-022", "health", "Ăn chuối xanh luộc chữa dứt điểm đau dạ dày", "Một phần sai",
     "Chuối xanh luộc ăn vào là khỏi hẳn bệnh đau bao tử", "Chuối chín giàu kali tốt cho tim mạch"),
    ("fc-023", "health", "Hút thuốc lá điện tử không gây hại cho phổi", "Sai sự thật",
     "Thuốc lá điện tử hoàn toàn không hại phổi", "Thuốc lá điện tử bị cấm quảng cáo tại Việt Nam"),
    ("fc-024", "health", "Nhỏ sữa mẹ vào mắt chữa khỏi đau mắt đỏ", "Sai",
     "Đau mắt đỏ chỉ cần nhỏ sữa mẹ vào là khỏi", "Đau mắt đỏ thường bùng phát vào mùa mưa"),
    ("fc-025", "health", "Vitamin C liều cao 10 gam mỗi ngày ngăn được đột quỵ", "Sai",
     "Uống 10 gam vitamin C một ngày thì không lo đột quỵ", "Thiếu vitamin C có thể gây chảy máu chân răng"),
    ("fc-026", "health", "Sốt xuất huyết năm nay đã làm chết 500 người tại Hà Nội", "Sai sự thật",
     "Hà Nội năm nay có 500 người tử vong vì sốt xuất huyết", "Hà Nội phun thuốc diệt muỗi tại các quận nội thành"),
    ("fc-027", "health", "Rau muống trồng ở Việt Nam chứa chất độc da cam", "Tin giả",
     "Rau muống trồng trong nước chứa chất độc màu da cam", "Rau muống xào tỏi là món ăn quen thuộc"),
    ("fc-028", "health", "Bệnh viện Nhi Trung ương tiếp nhận 300 ca viêm não mỗi ngày", "Sai",
     "Mỗi ngày Nhi Trung ương nhận 300 bé bị viêm não", "Viêm não Nhật Bản có vắc xin phòng bệnh"),
    ("fc-029", "health", "Cắt tóc trong tháng Giêng gây bệnh tai biến", "Sai",
     "Tháng Giêng đi cắt tóc dễ bị tai biến", "Tháng Giêng nhiều người đi lễ chùa"),
    ("fc-030", "health", "Ăn tiết canh vịt giúp tăng sức đề kháng trẻ em", "Sai sự thật",
     "Cho trẻ ăn tiết canh vịt để tăng đề kháng", "Tiết canh có nguy cơ gây bệnh liên cầu lợn"),
    # ---- disasters ------------------------------------------------------------------------------------------
    ("fc-031", "disaster", "Đập thủy điện Hòa Bình bị vỡ sau bão số 3", "Sai sự thật",
     "Sau cơn bão số 3, thủy điện Hòa Bình đã vỡ đập", "Thủy điện Hòa Bình mở thêm cửa xả đáy sau bão số 3"),
    ("fc-032", "disaster", "Động đất mạnh 7 độ sắp xảy ra tại Hà Nội trong tuần này", "Tin giả",
     "Tuần này Hà Nội sẽ có động đất 7 độ richter", "Kon Tum ghi nhận một trận động đất nhỏ"),
    ("fc-033", "disaster", "Bão Yagi làm sập cầu Long Biên", "Sai",
     "Cầu Long Biên đã bị sập do bão Yagi", "Bão Yagi làm sập cầu Phong Châu ở Phú Thọ"),
    ("fc-034", "disaster", "Sóng thần cao 10 mét sẽ đổ bộ vào Đà Nẵng đêm nay", "Tin giả",
     "Đêm nay Đà Nẵng sẽ hứng sóng thần 10 mét", "Đà Nẵng tổ chức diễn tập ứng phó bão"),
    ("fc-035", "disaster", "Hồ Dầu Tiếng xả lũ khẩn cấp khiến TP.HCM ngập 2 mét", "Sai sự thật",
     "TP.HCM sẽ ngập 2 mét vì hồ Dầu Tiếng xả lũ khẩn cấp", "Hồ Dầu Tiếng điều tiết nước phục vụ nông nghiệp"),
    ("fc-036", "disaster", "Lũ quét ở Lào Cai làm 1.000 người mất tích", "Sai",
     "1.000 người mất tích trong trận lũ quét ở Lào Cai", "Lào Cai di dời dân khỏi vùng có nguy cơ sạt lở"),
    ("fc-037", "disaster", "Nhà nước hỗ trợ 74 triệu đồng cho mỗi hộ có nhà bị sập do bão", "Sai sự thật",
     "Mỗi hộ dân có nhà bị bão làm sập sẽ được nhà nước cho 74 triệu đồng", "Tỉnh hỗ trợ gạo cho hộ dân vùng lũ"),
    ("fc-038", "disaster", "Cháy rừng ở Sóc Sơn thiêu rụi 5.000 héc ta", "Sai",
     "5.000 héc ta rừng Sóc Sơn đã bị cháy rụi", "Sóc Sơn tăng cường tuần tra phòng cháy rừng mùa khô"),
    ("fc-039", "disaster", "Bão số 5 sẽ mạnh cấp 17 khi vào Quảng Ninh", "Gây hiểu nhầm",
     "Khi đổ bộ Quảng Ninh, bão số 5 mạnh tới cấp 17", "Quảng Ninh cấm biển khi có bão"),
    ("fc-040", "disaster", "Nước lũ sông Hồng đã tràn qua đê ở quận Long Biên", "Sai sự thật",
     "Đê quận Long Biên bị lũ sông Hồng tràn qua", "Mực nước sông Hồng tại Hà Nội đang xuống"),
    ("fc-041", "disaster", "Mưa đá to bằng quả bưởi rơi ở Sa Pa làm chết 20 người", "Sai",
     "Sa Pa có mưa đá to như quả bưởi, 20 người chết", "Sa Pa có băng giá vào mùa đông"),
    ("fc-042", "disaster", "Hà Nội cho học sinh nghỉ học cả tháng vì ô nhiễm không khí", "Sai sự thật",
     "Học sinh Hà Nội được nghỉ học một tháng do không khí ô nhiễm", "Hà Nội khuyến cáo người già hạn chế ra ngoài khi ô nhiễm"),
    ("fc-043", "disaster", "Sạt lở ở Quảng Trị vùi lấp 200 chiến sĩ", "Sai",
     "200 chiến sĩ bị vùi lấp trong vụ sạt lở tại Quảng Trị", "Quảng Trị huy động lực lượng tìm kiếm người mất tích"),
    ("fc-044", "disaster", "Cầu Thăng Long bị nứt đôi phải cấm xe vô thời hạn", "Tin giả",
     "Cầu Thăng Long nứt làm đôi, cấm xe không thời hạn", "Cầu Thăng Long sửa mặt đường trong 3 tháng"),
    ("fc-045", "disaster", "Nhà máy hóa chất ở Bình Dương phát nổ làm rò rỉ khí độc ra cả tỉnh", "Sai",
     "Cả tỉnh Bình Dương nhiễm khí độc sau vụ nổ nhà máy hóa chất", "Bình Dương kiểm tra an toàn phòng cháy tại các khu công nghiệp"),
    # ---- finance ----------------------------------------------------------------------------------------------
    ("fc-046", "finance", "Ngân hàng Nhà nước sẽ đổi tiền và hủy tờ 500 nghìn từ tháng 7", "Sai sự thật",
     "Từ tháng 7 tờ 500 nghìn sẽ bị hủy vì Ngân hàng Nhà nước đổi tiền", "Ngân hàng Nhà nước phát hành tiền lì xì dịp Tết"),
    ("fc-047", "finance", "Giá xăng sẽ tăng lên 40.000 đồng một lít từ ngày mai", "Sai",
     "Ngày mai xăng lên 40.000 đồng/lít", "Giá xăng được điều chỉnh vào chiều thứ Năm hàng tuần"),
    ("fc-048", "finance", "Ngân hàng Vạn Thịnh Phát phát hành tiền riêng để trả nợ", "Tin giả",
     "Vạn Thịnh Phát in tiền riêng để trả nợ", "Vụ án Vạn Thịnh Phát được xét xử phúc thẩm"),
    ("fc-049", "finance", "Gửi tiết kiệm trên 100 triệu sẽ bị đánh thuế 10%", "Sai sự thật",
     "Tiền gửi tiết kiệm quá 100 triệu bị thu thuế 10%", "Lãi suất tiết kiệm kỳ hạn 12 tháng tăng nhẹ"),
    ("fc-050", "finance", "Ngân hàng SCB đã phá sản và người gửi tiền mất trắng", "Sai",
     "SCB phá sản rồi, ai gửi tiền là mất hết", "SCB được đặt vào diện kiểm soát đặc biệt"),
    ("fc-051", "finance", "Nhà nước thu hồi toàn bộ vàng miếng của người dân", "Tin giả",
     "Vàng miếng của dân sẽ bị nhà nước thu hồi hết", "Giá vàng miếng hôm nay giảm nhẹ"),
    ("fc-052", "finance", "Tỷ giá đô la sẽ vượt 30.000 đồng trong tháng này", "Gây hiểu nhầm",
     "Trong tháng này một đô la sẽ lên hơn 30.000 đồng", "Ngân hàng Nhà nước điều chỉnh tỷ giá trung tâm"),
    ("fc-053", "finance", "Tài khoản ngân hàng chưa xác thực sinh trắc học sẽ bị khóa và mất tiền", "Gây hiểu nhầm",
     "Không cập nhật sinh trắc học là tài khoản bị khóa, tiền mất luôn", "Ngân hàng hướng dẫn cập nhật sinh trắc học qua ứng dụng"),
    ("fc-054", "finance", "Lương cơ sở tăng lên 5 triệu đồng từ tháng 1", "Sai",
     "Từ tháng 1 lương cơ sở lên 5 triệu đồng", "Quốc hội thảo luận về cải cách tiền lương"),
    ("fc-055", "finance", "Quỹ bảo hiểm xã hội đã vỡ và sẽ không chi trả lương hưu", "Sai sự thật",
     "Quỹ BHXH vỡ rồi, sắp không trả lương hưu nữa", "Bảo hiểm xã hội điều chỉnh lương hưu từ tháng 7"),
    ("fc-056", "finance", "Đầu tư tiền ảo Onecoin lãi 30% mỗi tháng được nhà nước bảo lãnh", "Lừa đảo",
     "Onecoin được nhà nước bảo lãnh, lãi mỗi tháng 30%", "Tiền ảo chưa được công nhận là phương tiện thanh toán"),
    ("fc-057", "finance", "Thuế thu nhập cá nhân áp dụng với mọi khoản chuyển khoản trên 10 triệu", "Sai",
     "Mọi lần chuyển khoản hơn 10 triệu đều phải đóng thuế thu nhập cá nhân", "Cơ quan thuế hướng dẫn quyết toán thuế thu nhập cá nhân"),
    ("fc-058", "finance", "Giá điện sinh hoạt tăng gấp đôi từ tháng sau", "Sai sự thật",
     "Tháng sau tiền điện sinh hoạt sẽ tăng gấp hai", "EVN điều chỉnh giá bán lẻ điện bình quân"),
    ("fc-059", "finance", "Vietcombank tặng 2 triệu đồng cho khách hàng cập nhật thông tin qua đường link", "Lừa đảo",
     "Cập nhật thông tin qua link là được Vietcombank tặng 2 triệu", "Vietcombank cảnh báo tin nhắn giả mạo"),
    ("fc-060", "finance", "Sàn chứng khoán Việt Nam sẽ đóng cửa vĩnh viễn vào năm 2025", "Tin giả",
     "Năm 2025 sàn chứng khoán Việt Nam đóng cửa luôn", "Thị trường chứng khoán Việt Nam được nâng hạng"),
    ("fc-061", "finance", "Người dân phải nộp 3 triệu đồng để được cấp sổ đỏ mới", "Sai",
     "Muốn cấp sổ đỏ mới phải đóng 3 triệu đồng", "Luật Đất đai mới có hiệu lực từ tháng 8"),
    ("fc-062", "finance", "Giá thịt lợn tăng lên 300 nghìn đồng một kg vì dịch tả châu Phi", "Gây hiểu nhầm",
     "Dịch tả châu Phi đẩy thịt lợn lên 300 nghìn một ký", "Dịch tả lợn châu Phi tái bùng phát ở một số tỉnh"),
    ("fc-063", "finance", "Ứng dụng vay tiền của Bộ Tài chính cho vay 50 triệu không lãi suất", "Lừa đảo",
     "Bộ Tài chính có app cho vay 50 triệu không lấy lãi", "Bộ Tài chính cảnh báo các ứng dụng vay tiền trái phép"),
    ("fc-064", "finance", "Ngân hàng Agribank sẽ ngừng hoạt động tại nông thôn", "Sai",
     "Agribank sắp đóng cửa ở vùng nông thôn", "Agribank mở thêm điểm giao dịch lưu động"),
    ("fc-065", "finance", "Tiền lương hưu sẽ bị cắt 20% từ năm sau", "Sai sự thật",
     "Năm sau lương hưu bị cắt đi 20%", "Người nghỉ hưu được tăng lương hưu theo lộ trình"),
    # ---- policies --------------------------------------------------------------------------------------------
    ("fc-066", "policy", "Từ năm sau xe máy chạy xăng bị cấm lưu thông trên toàn quốc", "Sai sự thật",
     "Năm sau cả nước cấm xe máy xăng", "Hà Nội cấm xe máy chạy xăng trong vành đai 1 theo lộ trình"),
    ("fc-067", "policy", "Người đi bộ vượt đèn đỏ bị phạt 20 triệu đồng", "Sai",
     "Đi bộ vượt đèn đỏ sẽ bị phạt 20 triệu", "Nghị định mới tăng mức phạt vi phạm giao thông"),
    ("fc-068", "policy", "Học sinh tiểu học phải học thêm tiếng Trung bắt buộc từ năm học mới", "Tin giả",
     "Năm học mới tiểu học bắt buộc học tiếng Trung", "Tiếng Anh là môn bắt buộc từ lớp 3"),
    ("fc-069", "policy", "Căn cước công dân gắn chip sẽ hết hiệu lực từ năm 2025", "Sai sự thật",
     "CCCD gắn chip hết giá trị sử dụng từ 2025", "Thẻ căn cước mới được cấp cho trẻ dưới 14 tuổi"),
    ("fc-070", "policy", "Chạy xe máy không mang giấy tờ bị tịch thu xe ngay lập tức", "Gây hiểu nhầm",
     "Đi xe máy quên giấy tờ là bị tịch thu xe luôn", "Người dân có thể xuất trình giấy tờ qua ứng dụng VNeID"),
    ("fc-071", "policy", "Bộ Giáo dục bỏ kỳ thi tốt nghiệp trung học phổ thông từ năm 2025", "Sai",
     "Từ 2025 không còn kỳ thi tốt nghiệp THPT nữa", "Kỳ thi tốt nghiệp THPT năm 2025 có 4 môn"),
    ("fc-072", "policy", "Nộp phạt nguội qua tin nhắn từ số điện thoại lạ của Cục Cảnh sát giao thông", "Lừa đảo",
     "Cục CSGT nhắn tin đòi nộp phạt nguội qua số lạ", "Người dân tra cứu phạt nguội trên trang của Cục CSGT"),
    ("fc-073", "policy", "Mỗi hộ gia đình chỉ được nuôi tối đa 1 con chó từ tháng 6", "Sai sự thật",
     "Từ tháng 6 mỗi nhà chỉ được nuôi 1 con chó", "Chủ nuôi chó phải tiêm phòng dại cho vật nuôi"),
    ("fc-074", "policy", "Người không có bảo hiểm y tế bị từ chối cấp cứu", "Sai",
     "Không có BHYT thì bệnh viện không cấp cứu", "Bảo hiểm y tế học sinh được hỗ trợ một phần"),
    ("fc-075", "policy", "Chính phủ tăng tuổi nghỉ hưu của nữ lên 65 tuổi", "Sai sự thật",
     "Tuổi nghỉ hưu của phụ nữ được nâng lên 65", "Tuổi nghỉ hưu tăng dần theo lộ trình đến năm 2035"),
    ("fc-076", "policy", "Đăng bài chê chính quyền trên Facebook bị phạt 100 triệu đồng", "Gây hiểu nhầm",
     "Chê chính quyền trên facebook sẽ bị phạt 100 triệu", "Nghị định quy định xử phạt hành vi đưa tin sai sự thật trên mạng"),
    ("fc-077", "policy", "Sinh con thứ ba sẽ bị đuổi việc khỏi cơ quan nhà nước", "Sai",
     "Công chức sinh con thứ 3 bị buộc thôi việc", "Chính sách dân số khuyến khích sinh đủ hai con"),
    ("fc-078", "policy", "Đi xe máy phải có bằng lái mới từ ngày 1 tháng 1 năm sau", "Sai sự thật",
     "Ngày 1/1 năm sau ai đi xe máy cũng phải đổi bằng lái mới", "Giấy phép lái xe hạng A1 không có thời hạn"),
    ("fc-079", "policy", "Hà Nội cấm ô tô cá nhân vào nội thành từ tháng 9", "Sai",
     "Từ tháng 9 ô tô cá nhân không được vào nội thành Hà Nội", "Hà Nội nghiên cứu thu phí ô tô vào nội đô"),
    ("fc-080", "policy", "Người nước ngoài được mua đất ở Việt Nam theo luật mới", "Sai sự thật",
     "Luật mới cho phép người nước ngoài mua đất tại Việt Nam", "Người nước ngoài được sở hữu nhà ở tại dự án thương mại"),
    ("fc-081", "policy", "Thi bằng lái xe máy phải học lý thuyết 3 tháng", "Sai",
     "Muốn thi bằng xe máy phải học lý thuyết 3 tháng", "Đề thi lý thuyết bằng lái xe máy có 25 câu"),
    ("fc-082", "policy", "Nhà nước phát 500 nghìn đồng cho mỗi người dân qua ứng dụng VNeID", "Lừa đảo",
     "Mỗi người được nhận 500 nghìn qua VNeID", "Ứng dụng VNeID tích hợp giấy phép lái xe"),
    ("fc-083", "policy", "Bộ Công an thu hồi thẻ căn cước của người chưa cập nhật địa chỉ mới", "Sai",
     "Ai chưa cập nhật địa chỉ mới sẽ bị thu hồi thẻ căn cước", "Sau sáp nhập tỉnh người dân không bắt buộc đổi căn cước"),
    ("fc-084", "policy", "Tất cả sim chưa chuẩn hóa thông tin sẽ bị khóa vĩnh viễn trong 24 giờ", "Gây hiểu nhầm",
     "Sim chưa chuẩn hóa thông tin sẽ bị khóa vĩnh viễn sau 24 giờ", "Nhà mạng nhắn tin nhắc chuẩn hóa thông tin thuê bao"),
    ("fc-085", "policy", "Trẻ em dưới 16 tuổi bị cấm dùng mạng xã hội theo luật mới", "Sai sự thật",
     "Luật mới cấm trẻ dưới 16 tuổi dùng mạng xã hội", "Phụ huynh nên giám sát con khi dùng mạng xã hội"),
    # ---- celebrities -------------------------------------------------------------------------------------------
    ("fc-086", "celebrity", "Ca sĩ Mỹ Tâm qua đời vì tai nạn giao thông", "Tin giả",
     "Mỹ Tâm mất vì tai nạn xe", "Mỹ Tâm tổ chức liveshow tại Hà Nội"),
    ("fc-087", "celebrity", "Danh hài Hoài Linh bị bắt vì tiền từ thiện", "Sai sự thật",
     "Hoài Linh đã bị bắt do vụ tiền từ thiện", "Hoài Linh trở lại sân khấu sau thời gian vắng bóng"),
    ("fc-088", "celebrity", "Cầu thủ Quang Hải giải nghệ ở tuổi 27", "Sai",
     "Quang Hải treo giày khi mới 27 tuổi", "Quang Hải ghi bàn cho đội tuyển Việt Nam"),
    ("fc-089", "celebrity", "Sơn Tùng M-TP bị cấm biểu diễn 5 năm", "Tin giả",
     "Sơn Tùng bị cấm diễn trong 5 năm", "Sơn Tùng M-TP ra mắt ca khúc mới"),
    ("fc-090", "celebrity", "Hoa hậu H'Hen Niê bỏ quốc tịch Việt Nam", "Sai sự thật",
     "H'Hen Niê đã từ bỏ quốc tịch Việt Nam", "H'Hen Niê làm đại sứ cho một dự án giáo dục"),
    ("fc-091", "celebrity", "Nghệ sĩ Thành Lộc chuyển sang định cư tại Mỹ vĩnh viễn", "Sai",
     "Thành Lộc đã sang Mỹ định cư luôn", "Thành Lộc diễn kịch tại sân khấu Idecaf"),
    ("fc-092", "celebrity", "Tỷ phú Phạm Nhật Vượng tặng mỗi người dân 1 chiếc xe điện", "Lừa đảo",
     "Phạm Nhật Vượng cho không mỗi người 1 xe điện", "VinFast giảm giá xe điện cho khách mua lần đầu"),
    ("fc-093", "celebrity", "Ca sĩ Đàm Vĩnh Hưng bị khởi tố vì trốn thuế 50 tỷ đồng", "Sai sự thật",
     "Đàm Vĩnh Hưng trốn thuế 50 tỷ nên bị khởi tố", "Đàm Vĩnh Hưng kỷ niệm 25 năm ca hát"),
    ("fc-094", "celebrity", "Shark Bình và Phương Oanh đã ly hôn", "Sai",
     "Phương Oanh với Shark Bình ly hôn rồi", "Phương Oanh đóng phim truyền hình mới"),
    ("fc-095", "celebrity", "Huấn luyện viên Park Hang-seo nhập quốc tịch Việt Nam", "Sai sự thật",
     "Thầy Park đã nhập quốc tịch Việt Nam", "Park Hang-seo mở học viện bóng đá tại Bắc Ninh"),
    ("fc-096", "celebrity", "Diễn viên Hồng Vân bị ung thư giai đoạn cuối", "Tin giả",
     "Hồng Vân mắc ung thư giai đoạn cuối", "Hồng Vân quay lại Việt Nam thăm khán giả"),
    ("fc-097", "celebrity", "Ca sĩ Hà Anh Tuấn hủy toàn bộ đêm nhạc vì bị cấm", "Sai",
     "Hà Anh Tuấn bị cấm nên hủy hết các đêm nhạc", "Hà Anh Tuấn tổ chức đêm nhạc tại Đà Lạt"),
    ("fc-098", "celebrity", "Vận động viên Nguyễn Thị Oanh bị tước huy chương vàng SEA Games vì doping", "Sai sự thật",
     "Nguyễn Thị Oanh dính doping và bị lấy lại HCV SEA Games", "Nguyễn Thị Oanh phá kỷ lục SEA Games ở nội dung 1.500 mét"),
    ("fc-099", "celebrity", "MC Trấn Thành bị cấm xuất cảnh", "Sai",
     "Trấn Thành không được phép xuất cảnh", "Phim của Trấn Thành đạt doanh thu cao dịp Tết"),
    ("fc-100", "celebrity", "Nhà văn Nguyễn Nhật Ánh tuyên bố ngừng viết vĩnh viễn", "Gây hiểu nhầm",
     "Nguyễn Nhật Ánh nói sẽ không bao giờ viết nữa", "Nguyễn Nhật Ánh ra mắt tiểu thuyết mới"),
    ("fc-101", "health", "Uống nước muối loãng mỗi sáng giúp giảm 5 kg trong 1 tuần", "Sai",
     "Sáng nào cũng uống nước muối loãng là giảm 5 ký một tuần", "Nước muối sinh lý dùng để rửa mũi cho trẻ"),
    ("fc-102", "disaster", "Núi lửa dưới biển Phú Yên sắp phun trào", "Tin giả",
     "Phú Yên có núi lửa dưới biển sắp phun", "Gành Đá Đĩa Phú Yên hình thành từ dung nham núi lửa cổ"),
    ("fc-103", "finance", "Ngân hàng sẽ thu phí 50 nghìn đồng mỗi lần rút tiền ATM", "Sai sự thật",
     "Rút tiền ở ATM mỗi lần mất 50 nghìn phí", "Ngân hàng miễn phí chuyển khoản trên ứng dụng"),
    ("fc-104", "policy", "Người dân phải đổi biển số xe sang biển định danh trước ngày 1 tháng 1", "Sai",
     "Trước 1/1 phải đổi biển số xe sang biển định danh", "Biển số định danh gắn với căn cước của chủ xe"),
    ("fc-105", "celebrity", "Ca sĩ Tuấn Hưng bị đột quỵ khi đang biểu diễn", "Tin giả",
     "Tuấn Hưng đột quỵ ngay trên sân khấu", "Tuấn Hưng phát hành album mới"),
]

PUBLISHERS = ["Báo Kiểm Chứng Mẫu", "Trung tâm Xử lý tin giả (mẫu)", "Tổ kiểm chứng ĐH (mẫu)"]

PREFIXES = [
    "Mọi người ơi, ", "Share gấp cho người thân: ", "Nghe nói ", "Tin nóng: ", "Cả nhà biết chưa, ",
    "Vừa đọc được là ", "Bạn tôi làm ở viện bảo ", "Khẩn: ", "", "Thật không thể tin nổi, ",
]
SUFFIXES = [
    " Mọi người chia sẻ ngay nhé!", " Ai biết gì thêm không?", " Lan truyền cho mọi người cùng biết.", "",
    " Thật kinh khủng.", " 😱😱", " Đọc xong mà sốc.", " #tinnong",
]
FILLER = [
    "Hôm nay trời Hà Nội khá oi bức, chiều mới có chút gió.",
    "Mình vừa đi chợ về, rau củ dạo này lên giá quá.",
    "Tuần sau con mình thi học kỳ nên cả nhà đang bận ôn bài.",
    "Tối qua xem bóng đá đến khuya nên sáng nay dậy muộn.",
    "Quán cà phê đầu ngõ mới đổi chủ, đồ uống ngon hơn hẳn.",
    "Cuối tuần này cả nhà định về quê thăm ông bà.",
    "Dạo này đường Nguyễn Trãi tắc kinh khủng vào giờ tan tầm.",
    "Mình đang tập chạy bộ mỗi sáng được hai tuần rồi.",
    "Chị hàng xóm vừa sinh em bé, cả xóm mừng lắm.",
    "Công ty mình sắp tổ chức du lịch hè ở Quy Nhơn.",
]
UNRELATED = [
    "Hôm nay mình nấu canh chua cá lóc, cả nhà khen ngon.",
    "Ai có kinh nghiệm học tiếng Anh giao tiếp cho người đi làm không ạ?",
    "Chúc mừng sinh nhật em gái yêu quý, chúc em luôn vui vẻ.",
    "Trận đấu tối qua đội nhà thắng 2-1, quá xứng đáng!",
    "Cần tìm phòng trọ gần Đại học Bách khoa, giá dưới 3 triệu.",
    "Cảnh hoàng hôn ở Hồ Tây chiều nay đẹp quá trời.",
    "Bán xe đạp thể thao còn mới 90%, ai cần inbox mình.",
    "Cuối tuần đi Đà Lạt nên ghé quán nào ăn sáng ngon vậy mọi người?",
    "Con mèo nhà mình hôm nay lại làm đổ chậu cây.",
    "Review phim mới ra rạp: nội dung ổn, diễn viên đóng tròn vai.",
    "Mình vừa hoàn thành khóa học lập trình Python, vui quá.",
    "Thời tiết Sài Gòn mấy hôm nay mưa chiều liên tục.",
    "Ai muốn đi leo núi Bà Đen cuối tháng này thì nhắn mình nhé.",
    "Hôm nay là ngày đầu tiên con đi mẫu giáo, mẹ hồi hộp quá.",
    "Công thức làm bánh flan không cần lò nướng, rất đơn giản.",
    "Đội bóng chuyền nữ Việt Nam vào chung kết, tự hào quá!",
    "Có ai biết sửa máy giặt uy tín ở quận Cầu Giấy không?",
    "Sách hay tháng này: một cuốn tiểu thuyết về tuổi thơ miền quê.",
    "Tuyển nhân viên bán hàng part-time, lương theo giờ.",
    "Hôm nay đi làm muộn vì kẹt xe trên cầu Chương Dương.",
    "Mẹ mình trồng được giàn mướp sai quả ghê.",
    "Chia sẻ kinh nghiệm xin visa du lịch Nhật Bản tự túc.",
    "Quán phở mới mở ở phố Huế nước dùng rất trong và ngọt.",
    "Cả lớp họp mặt sau 10 năm ra trường, ai cũng thay đổi nhiều.",
    "Ngày mai công ty mất điện nên mọi người làm việc ở nhà.",
    "Mình mới mua cuốn sổ tay kế hoạch năm mới, xinh lắm.",
    "Giải chạy marathon thành phố năm nay có 5.000 người đăng ký.",
    "Lịch chiếu phim cuối tuần này có nhiều phim hoạt hình cho bé.",
    "Ai có công thức muối dưa cải không bị khú không ạ?",
    "Vừa đổi điện thoại mới, pin trâu hơn hẳn máy cũ.",
    "Thư viện quận mở cửa đến 9 giờ tối các ngày trong tuần.",
    "Nhóm mình tình nguyện dọn rác bãi biển Cửa Lò sáng chủ nhật.",
    "Hôm nay học được cách pha cà phê muối, uống lạ mà ngon.",
    "Bố mình vừa nghỉ hưu, giờ ngày nào cũng đi câu cá.",
    "Có ai đi tour Hạ Long hai ngày một đêm chưa, review giúp mình.",
    "Tiệm sửa giày ở đầu phố làm rất kỹ, giá lại rẻ.",
    "Em bé nhà mình đã biết nói câu đầu tiên.",
    "Cần pass lại bộ bàn ghế gỗ, tự đến lấy ở Thủ Đức.",
    "Hội chợ sách cuối tuần ở công viên có nhiều sách giảm giá.",
    "Mùa này hoa sưa nở trắng cả con phố, đẹp lắm.",
]
TEENCODE = [
    (r"\bkhông\b", "ko"), (r"\bKhông\b", "Ko"), (r"\bđược\b", "dc"), (r"\bngười\b", "ng"), (r"\bvới\b", "vs"),
    (r"\bgì\b", "j"), (r"\btriệu\b", "tr"), (r"\bmọi người\b", "mn"), (r"\bbao nhiêu\b", "bn"), (r"\brồi\b", "r"),
    (r"\bbiết\b", "bik"), (r"\bquá\b", "wa"), (r"\bcũng\b", "cx"), (r"\bnước\b", "nc"),
]
# Ordered: the first pattern that applies flips the negation of the claim.
NEGATION_FLIPS = [
    (r"\bkhông (phải|được|gây|cho|có)\b", r"\1"), (r"\bchưa\b", "đã"), (r"\bkhông\b(?! khí)", "có"),
    (r"\bchữa khỏi\b", "không chữa khỏi"), (r"\bchữa được\b", "không chữa được"), (r"\bchữa dứt điểm\b", "không chữa dứt điểm"),
    (r"\bgây\b", "không gây"), (r"\bgiúp\b", "không giúp"), (r"\bbị\b", "không bị"), (r"\bsẽ\b", "sẽ không"),
    (r"\bphải\b", "không phải"), (r"\bđã\b", "chưa"), (r"\bđược\b", "không được"), (r"\blàm\b", "không làm"),
    (r"\blây\b", "không lây"), (r"\bcó\b", "không có"), (r"\btăng\b", "không tăng"),
]


def strip_marks(s: str) -> str:
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def teencode(s: str, rng: random.Random) -> str:
    out = s
    for pat, rep in TEENCODE:
        if rng.random() < 0.8:
            out = re.sub(pat, rep, out)
    return out.lower() if rng.random() < 0.5 else out


def reorder(s: str) -> str | None:
    """Swap two clauses around a comma, or move a trailing time/place phrase to the front."""
    if ", " in s:
        a, b = s.split(", ", 1)
        return f"{b[0].upper()}{b[1:]}, {a[0].lower()}{a[1:]}"
    m = re.search(r"\s((?:từ|trong|sau|khi|vào|ở|tại|trước|mỗi|do|vì) .+)$", s)
    if m and len(m.group(1).split()) <= 6:
        head = s[: m.start()]
        tail = m.group(1)
        return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}"
    return None


def change_number(s: str, rng: random.Random) -> str | None:
    nums = list(re.finditer(r"\d+(?:[.,]\d+)*", s))
    if not nums:
        return None
    m = rng.choice(nums)
    old = m.group()
    digits = old.replace(".", "").replace(",", "")
    if len(digits) >= 2 and digits[0] != digits[1]:
        new = digits[1] + digits[0] + digits[2:]
    else:
        new = str(int(digits) * 2 + 3)
    if "." in old and len(new) > 3:
        new = f"{int(new):,}".replace(",", ".")
    return s[: m.start()] + new + s[m.end() :]


def flip_negation(s: str) -> str | None:
    for pat, rep in NEGATION_FLIPS:
        if re.search(pat, s):
            return re.sub(pat, rep, s, count=1)
    return None


def bury(s: str, rng: random.Random) -> str:
    k = rng.randint(2, 4)
    fill = rng.sample(FILLER, k)
    pos = rng.randint(1, k - 1)
    return " ".join(fill[:pos] + [s.rstrip(".") + "."] + fill[pos:])


def dress(s: str, rng: random.Random) -> str:
    p = rng.choice(PREFIXES)
    body = s if not p else s[0].lower() + s[1:] if not s[:2].isupper() else s
    return f"{p}{body}{rng.choice(SUFFIXES)}".strip()


def make_factchecks() -> list[dict[str, str]]:
    out = []
    for i, (fid, _topic, claim, rating, _para, _neg) in enumerate(FACTCHECKS):
        out.append({
            "id": fid, "claim": claim, "rating": rating,
            "url": f"https://kiemchung.example/fact-check/{fid}",
            "date": f"2025-{(i % 12) + 1:02d}-{(i * 7) % 28 + 1:02d}",
            "publisher": PUBLISHERS[i % len(PUBLISHERS)],
        })
    return out


def make_queries(seed: int) -> list[dict[str, object]]:
    rng = random.Random(seed)
    q: list[dict[str, object]] = []

    def add(text: str, match: str | None, kind: str) -> None:
        q.append({"text": unicodedata.normalize("NFC", text), "match": match, "kind": kind})

    for fid, _topic, claim, _rating, para, neg in FACTCHECKS:
        # positives
        add(dress(para, rng), fid, "paraphrase")
        add(strip_marks(dress(claim if rng.random() < 0.5 else para, rng)), fid, "no_diacritics")
        add(teencode(dress(claim, rng), rng), fid, "teencode")
        r = reorder(claim) or reorder(para)
        if r:
            add(dress(r, rng), fid, "reordered")
        add(bury(dress(claim if rng.random() < 0.6 else para, rng), rng), fid, "buried")
        # hard negatives
        ch = change_number(claim, rng)
        if ch:
            add(dress(ch, rng), None, "different_number")
        fl = flip_negation(claim)
        if fl and fl != claim:
            add(dress(fl, rng), None, "flipped_negation")
        add(dress(neg, rng), None, "same_topic")
    for t in UNRELATED:
        add(t, None, "unrelated")
    rng.shuffle(q)
    return q


def write_jsonl(path: Path, rows: list[dict[str, object]] | list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=20251128)
    ap.add_argument("--out-factchecks", type=Path, default=HERE / "factchecks_dev.jsonl")
    ap.add_argument("--out-queries", type=Path, default=HERE / "claims_queries_dev.jsonl")
    a = ap.parse_args()
    fcs = make_factchecks()
    qs = make_queries(a.seed)
    write_jsonl(a.out_factchecks, fcs)
    write_jsonl(a.out_queries, qs)
    kinds: dict[str, int] = {}
    for x in qs:
        kinds[str(x["kind"])] = kinds.get(str(x["kind"]), 0) + 1
    print(f"{len(fcs)} fact-checks, {len(qs)} queries: {kinds}")


if __name__ == "__main__":
    main()
