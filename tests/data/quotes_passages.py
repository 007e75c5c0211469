"""Hand-written source passages for the quote-integrity dev set (no dataset rows; all text written for this repo).

Markup inside a sentence (the source text keeps ``a`` and the inner text of ``[[…]]`` and ``((…))``):

- ``[[…]]``  a part whose loss changes the meaning (condition, contrast, qualifier, negation): dropping it
             makes a *truncated* quote;
- ``((…))``  a part that may be dropped harmlessly (a *faithful* partial quote or ellipsis);
- ``{a|b}``  the source says ``a``; writing ``b`` makes an *altered* quote (antonym, number, negation).

Each passage also lists ``fakes``: statements on the same topic that the speaker never made (*not_found*).
"""

from __future__ import annotations

PASSAGES: list[dict[str, object]] = [
    {
        "id": "dien-2026", "speaker": "Nguyễn Văn An", "title": "ông", "role": "Bộ trưởng Bộ Công Thương",
        "kind": "press",
        "sentences": [
            "((Thưa các quý vị, ))giá điện sinh hoạt sẽ {không tăng|tăng} trong quý này[[, nhưng có thể được điều chỉnh vào cuối năm]].",
            "[[Nếu nguồn cung than và khí ổn định, ]]chúng tôi sẽ giữ giá bán lẻ ở mức {hiện nay|cao hơn}.",
            "Ngành điện đã tiết kiệm được {2.500|5.200} tỷ đồng chi phí vận hành((trong năm qua)).",
            "Chúng tôi {hoan nghênh|phản đối} mọi góp ý của người dân về biểu giá điện.",
        ],
        "fakes": [
            "Giá điện sẽ tăng gấp đôi ngay từ tháng sau để bù lỗ cho ngành điện.",
            "Người dân dùng nhiều điện thì phải chịu phạt, không có ngoại lệ nào cả.",
        ],
    },
    {
        "id": "giaoduc-hocphi", "speaker": "Trần Thị Bích Hạnh", "title": "bà", "role": "Thứ trưởng Bộ Giáo dục và Đào tạo",
        "kind": "interview",
        "sentences": [
            "Học phí đại học công lập năm học tới sẽ tăng khoảng {10|25} phần trăm[[ đối với một số ngành đào tạo chất lượng cao]].",
            "Chúng tôi {chưa|đã} có kế hoạch bỏ kỳ thi tốt nghiệp trung học phổ thông.",
            "Sinh viên thuộc hộ nghèo sẽ được {miễn|tăng} học phí[[ nếu có xác nhận của địa phương]].",
            "((Theo tôi, ))việc dạy thêm tràn lan là điều {đáng lo ngại|đáng khuyến khích}.",
        ],
        "fakes": [
            "Từ năm sau, học sinh tiểu học sẽ phải đóng học phí như các trường tư thục.",
            "Bộ sẽ bỏ hẳn môn lịch sử khỏi chương trình trung học phổ thông.",
        ],
    },
    {
        "id": "yte-vaccine", "speaker": "Lê Minh Tuấn", "title": "ông", "role": "Giám đốc Sở Y tế",
        "kind": "press",
        "sentences": [
            "Vắc xin sởi đang được tiêm {miễn phí|có thu phí} tại tất cả trạm y tế phường, xã.",
            "[[Trừ khi có chỉ định của bác sĩ, ]]trẻ em từ chín tháng tuổi cần được tiêm đủ hai mũi.",
            "Số ca mắc sởi trong tháng này đã {giảm|tăng} khoảng {30|60} phần trăm so với tháng trước.",
            "Tình hình dịch bệnh ((trên địa bàn thành phố)) cơ bản đã được kiểm soát[[, tuy nhiên vẫn còn nguy cơ bùng phát ở các khu trọ đông người]].",
        ],
        "fakes": [
            "Vắc xin sởi gây nhiều tác dụng phụ nguy hiểm nên phụ huynh không nên cho con tiêm.",
            "Thành phố đã hết sạch vắc xin và phải chờ đến năm sau mới có hàng.",
        ],
    },
    {
        "id": "giaothong-caotoc", "speaker": "Phạm Quốc Dũng", "title": "ông", "role": "Phó Giám đốc Sở Giao thông vận tải",
        "kind": "press",
        "sentences": [
            "Tuyến cao tốc mới dự kiến thông xe vào tháng {9|6} năm nay[[ nếu thời tiết thuận lợi]].",
            "Chúng tôi {không|sẽ} thu phí trên đoạn tuyến này trong sáu tháng đầu vận hành.",
            "Tốc độ tối đa cho phép trên tuyến là {90|120} ki lô mét mỗi giờ.",
            "[[Một bộ phận ]]nhà thầu còn chậm tiến độ vì thiếu vật liệu đắp nền.",
        ],
        "fakes": [
            "Cao tốc được xây dựng bằng vật liệu kém chất lượng và sẽ xuống cấp chỉ sau một năm.",
            "Chủ đầu tư đã rút toàn bộ vốn khỏi dự án cao tốc này.",
        ],
    },
    {
        "id": "kinhte-tangtruong", "speaker": "Hoàng Thị Mai", "title": "bà", "role": "Viện trưởng Viện Nghiên cứu Kinh tế",
        "kind": "speech",
        "sentences": [
            "Kinh tế Việt Nam năm nay có thể tăng trưởng {6,5|8,5} phần trăm.",
            "Xuất khẩu đang phục hồi {tốt|yếu}[[, nhưng thị trường bất động sản vẫn còn nhiều rủi ro]].",
            "Lạm phát được dự báo ở mức {thấp|cao}((, quanh bốn phần trăm)).",
            "Doanh nghiệp nhỏ và vừa [[vẫn chưa ]]tiếp cận được nguồn vốn vay ưu đãi.",
        ],
        "fakes": [
            "Nền kinh tế đang rơi vào suy thoái nghiêm trọng và sẽ khủng hoảng trong năm tới.",
            "Người dân nên rút hết tiền gửi ngân hàng để mua vàng ngay bây giờ.",
        ],
    },
    {
        "id": "moitruong-rac", "speaker": "Đỗ Văn Hải", "title": "ông", "role": "Chủ tịch Ủy ban nhân dân quận",
        "kind": "speech",
        "sentences": [
            "Từ tháng tới, các hộ gia đình phải phân loại rác tại nguồn[[, trừ những khu vực chưa có xe thu gom riêng]].",
            "Chúng tôi {sẽ|không} xử phạt các hộ cố tình không phân loại rác((, sau thời gian tuyên truyền)).",
            "Lượng rác nhựa trên địa bàn đã {giảm|tăng} gần {một nửa|gấp đôi} sau hai năm.",
            "Người dân nhìn chung rất {ủng hộ|phản đối} chủ trương này.",
        ],
        "fakes": [
            "Rác thải sẽ được chở sang các tỉnh khác để chôn lấp vì quận không còn chỗ chứa.",
            "Mỗi hộ gia đình phải nộp thêm năm trăm nghìn đồng phí rác mỗi tháng.",
        ],
    },
    {
        "id": "bongda-hlv", "speaker": "Vũ Đức Thắng", "title": "ông", "role": "Huấn luyện viên trưởng đội tuyển",
        "kind": "interview",
        "sentences": [
            "Các cầu thủ đã thi đấu rất {nỗ lực|thiếu nỗ lực} trong trận đấu tối qua.",
            "Chúng tôi {không|vẫn} hài lòng với kết quả hòa này[[, nhưng tinh thần của đội là điều đáng khen]].",
            "Đội tuyển sẽ gọi thêm {ba|năm} cầu thủ trẻ cho đợt tập trung tháng tới.",
            "[[Có thể ]]tôi sẽ thay đổi sơ đồ chiến thuật trong trận lượt về.",
        ],
        "fakes": [
            "Tôi sẽ từ chức ngay sau giải đấu này vì áp lực quá lớn.",
            "Trọng tài đã cố tình thiên vị đội bạn trong suốt trận đấu.",
        ],
    },
    {
        "id": "congnghe-ai", "speaker": "Ngô Thanh Tùng", "title": "anh", "role": "Giám đốc công nghệ của một công ty phần mềm",
        "kind": "interview",
        "sentences": [
            "Trí tuệ nhân tạo sẽ {thay thế|hỗ trợ} một phần công việc của lập trình viên.",
            "Trong ngắn hạn, chúng tôi chưa có kế hoạch cắt giảm nhân sự vì trí tuệ nhân tạo.",
            "Công ty đã đầu tư khoảng {50|500} tỷ đồng cho nghiên cứu trong ba năm qua.",
            "Tôi tin rằng các kỹ sư trẻ Việt Nam hoàn toàn {có thể|không thể} làm chủ công nghệ này[[, nếu được đào tạo bài bản]].",
        ],
        "fakes": [
            "Trong năm tới, công ty sẽ sa thải một nửa số lập trình viên và thay bằng máy.",
            "Trí tuệ nhân tạo là trò lừa đảo, chẳng mang lại giá trị gì cho doanh nghiệp.",
        ],
    },
    {
        "id": "nongnghiep-lua", "speaker": "Bùi Văn Lộc", "title": "ông", "role": "Giám đốc Sở Nông nghiệp",
        "kind": "press",
        "sentences": [
            "Vụ lúa đông xuân năm nay đạt năng suất {cao|thấp} nhất trong năm năm.",
            "Giá lúa có thể tiếp tục {tăng|giảm}[[ nếu nhu cầu xuất khẩu giữ vững]].",
            "Khoảng {12.000|21.000} héc ta lúa bị ảnh hưởng bởi hạn mặn.",
            "Nông dân không nên bán lúa non cho thương lái với giá thấp[[, trừ khi đã có hợp đồng bao tiêu]].",
        ],
        "fakes": [
            "Tỉnh sẽ cấm nông dân trồng lúa từ năm sau để chuyển sang nuôi tôm.",
            "Toàn bộ vụ đông xuân đã mất trắng vì sâu bệnh.",
        ],
    },
    {
        "id": "dulich-bien", "speaker": "Đặng Thu Hà", "title": "bà", "role": "Giám đốc Sở Du lịch",
        "kind": "press",
        "sentences": [
            "Lượng khách du lịch đến tỉnh trong dịp lễ đã {tăng|giảm} {15|40} phần trăm so với cùng kỳ.",
            "Các bãi biển vẫn {an toàn|nguy hiểm} cho du khách tắm[[, trừ khu vực có cắm biển cảnh báo sóng dữ]].",
            "Chúng tôi đã xử lý nghiêm {bảy|hai mươi} cơ sở chặt chém du khách.",
            "((Trong thời gian tới, ))tỉnh sẽ {khuyến khích|hạn chế} phát triển du lịch cộng đồng.",
        ],
        "fakes": [
            "Tỉnh sẽ thu phí tất cả du khách khi xuống tắm biển từ mùa hè này.",
            "Nước biển đã bị ô nhiễm nặng, du khách tuyệt đối không được xuống tắm.",
        ],
    },
    {
        "id": "nhao-gia", "speaker": "Lý Hoàng Nam", "title": "ông", "role": "chuyên gia bất động sản",
        "kind": "interview",
        "sentences": [
            "Giá căn hộ tại các đô thị lớn khó có thể giảm mạnh trong hai năm tới.",
            "[[Nếu lãi suất tiếp tục hạ, ]]thị trường sẽ sôi động trở lại vào cuối năm.",
            "Người mua nhà lần đầu {nên|không nên} thận trọng với các dự án chưa đủ pháp lý.",
            "Nguồn cung nhà ở xã hội hiện {rất ít|khá dồi dào}((, chưa đáp ứng nhu cầu của công nhân)).",
        ],
        "fakes": [
            "Giá nhà sẽ sụp đổ một nửa ngay trong năm nay, ai đang giữ nhà nên bán gấp.",
            "Nhà nước sẽ thu hồi toàn bộ căn hộ chưa có sổ hồng.",
        ],
    },
    {
        "id": "congan-luadao", "speaker": "Trịnh Quang Vinh", "title": "ông", "role": "Trưởng phòng Cảnh sát hình sự",
        "kind": "press",
        "sentences": [
            "Trong sáu tháng, lực lượng công an đã triệt phá {14|41} đường dây lừa đảo qua mạng.",
            "Người dân tuyệt đối {không|nên} cung cấp mã OTP cho bất kỳ ai qua điện thoại.",
            "Công an {không bao giờ|thường} làm việc với người dân qua các cuộc gọi video.",
            "[[Phần lớn ]]nạn nhân là người cao tuổi và học sinh, sinh viên.",
        ],
        "fakes": [
            "Công an sẽ phạt tiền những người bị lừa vì đã thiếu cảnh giác.",
            "Mọi tài khoản ngân hàng đều sẽ bị khóa nếu chủ tài khoản không cập nhật trong tuần này.",
        ],
    },
    {
        "id": "thoitiet-bao", "speaker": "Mai Văn Khiêm", "title": "ông", "role": "Giám đốc Trung tâm Dự báo khí tượng thủy văn",
        "kind": "press",
        "sentences": [
            "Cơn bão số ba có thể mạnh lên cấp {12|15} khi vào Biển Đông.",
            "Bão [[nhiều khả năng ]]sẽ đổ bộ vào các tỉnh Bắc Trung Bộ vào chiều thứ Bảy.",
            "Lượng mưa phổ biến từ {200|500} đến 300 mi li mét((, có nơi trên 400 mi li mét)).",
            "Người dân {không nên|nên} ra khơi trong những ngày này.",
        ],
        "fakes": [
            "Đây là cơn bão mạnh nhất trong lịch sử và sẽ quét sạch toàn bộ miền Bắc.",
            "Bão sẽ tan ngay trên biển nên người dân không cần chuẩn bị gì.",
        ],
    },
    {
        "id": "laodong-luong", "speaker": "Phan Thị Thu", "title": "chị", "role": "đại diện công đoàn khu công nghiệp",
        "kind": "interview",
        "sentences": [
            "Lương tối thiểu vùng sẽ tăng {6|16} phần trăm từ ngày đầu tháng Bảy.",
            "[[Chỉ ]]những doanh nghiệp có đơn hàng ổn định mới thưởng Tết cho công nhân.",
            "Công nhân {được|không được} nghỉ ốm có hưởng lương theo quy định.",
            "Đời sống người lao động đã {cải thiện|xấu đi}[[, song nhiều người vẫn phải thuê trọ chật chội]].",
        ],
        "fakes": [
            "Các doanh nghiệp đã thống nhất cắt thưởng Tết của toàn bộ công nhân năm nay.",
            "Công nhân sẽ phải làm việc thêm ngày Chủ nhật mà không được trả lương.",
        ],
    },
    {
        "id": "nganhang-laisuat", "speaker": "Võ Minh Châu", "title": "bà", "role": "Phó Thống đốc Ngân hàng Nhà nước",
        "kind": "speech",
        "sentences": [
            "Mặt bằng lãi suất cho vay đã {giảm|tăng} khoảng {1|3} điểm phần trăm so với đầu năm.",
            "Ngân hàng Nhà nước {sẽ tiếp tục|sẽ dừng} hỗ trợ thanh khoản cho các tổ chức tín dụng.",
            "Tỷ giá về cơ bản vẫn ổn định dù chịu áp lực từ thị trường quốc tế.",
            "[[Trong trường hợp cần thiết, ]]chúng tôi sẽ bán ngoại tệ can thiệp thị trường.",
        ],
        "fakes": [
            "Các ngân hàng sẽ ngừng cho vay mua nhà đến hết năm nay.",
            "Tiền gửi tiết kiệm của người dân không còn được bảo hiểm từ tháng sau.",
        ],
    },
    {
        "id": "vanhoa-nghesi", "speaker": "Hồ Ngọc Lan", "title": "chị", "role": "ca sĩ",
        "kind": "interview",
        "sentences": [
            "Tôi {sẽ|sẽ không} tổ chức liveshow kỷ niệm hai mươi năm ca hát vào cuối năm.",
            "Tôi chưa bao giờ nghĩ sẽ rời bỏ sân khấu[[, nhưng sức khỏe là điều tôi phải cân nhắc]].",
            "Khán giả miền Trung đã dành cho tôi tình cảm rất {lớn|ít ỏi}.",
            "Toàn bộ số tiền bán vé sẽ được dùng để hỗ trợ {các em nhỏ vùng lũ|công ty quản lý}.",
        ],
        "fakes": [
            "Tôi đã giải nghệ và sẽ không bao giờ hát trước khán giả nữa.",
            "Tôi rất ghét khán giả miền Trung vì họ không ủng hộ tôi.",
        ],
    },
    {
        "id": "benhvien-quatai", "speaker": "Nguyễn Thị Thanh", "title": "bà", "role": "Giám đốc Bệnh viện Nhi",
        "kind": "press",
        "sentences": [
            "Bệnh viện đang tiếp nhận khoảng {3.000|8.000} lượt khám mỗi ngày.",
            "Tình trạng quá tải ((ở khoa Hô hấp)) đã giảm đáng kể[[, tuy nhiên khoa Sơ sinh vẫn thiếu giường]].",
            "Bệnh viện {không|vẫn} thiếu thuốc điều trị cho bệnh nhi.",
            "Phụ huynh [[chỉ ]]nên đưa trẻ đến bệnh viện tuyến trên khi có giấy chuyển tuyến.",
        ],
        "fakes": [
            "Bệnh viện sẽ ngừng nhận bệnh nhi có bảo hiểm y tế từ tháng sau.",
            "Bác sĩ của bệnh viện đã đình công vì bị nợ lương nhiều tháng.",
        ],
    },
    {
        "id": "dat-dai-quyhoach", "speaker": "Châu Văn Phúc", "title": "ông", "role": "Phó Chủ tịch Ủy ban nhân dân tỉnh",
        "kind": "speech",
        "sentences": [
            "Tỉnh {chưa|đã} phê duyệt quy hoạch khu đô thị mới ven sông.",
            "Người dân bị thu hồi đất sẽ được bồi thường theo giá thị trường[[, khi dự án được cấp có thẩm quyền thông qua]].",
            "Chúng tôi {kiên quyết|sẽ bỏ qua} xử lý các trường hợp phân lô bán nền trái phép.",
            "Hiện có khoảng {150|510} hộ dân nằm trong vùng dự kiến giải tỏa.",
        ],
        "fakes": [
            "Tỉnh sẽ thu hồi đất của người dân mà không bồi thường đồng nào.",
            "Khu đô thị ven sông đã được bán hết cho một tập đoàn nước ngoài.",
        ],
    },
    {
        "id": "truonghoc-hieutruong", "speaker": "Đinh Thị Hoa", "title": "cô", "role": "Hiệu trưởng trường trung học cơ sở",
        "kind": "interview",
        "sentences": [
            "Nhà trường {không|có} thu bất kỳ khoản phí nào ngoài quy định.",
            "Học sinh được phép mang điện thoại đến lớp[[ nhưng chỉ dùng khi giáo viên cho phép]].",
            "Năm nay trường có {98|89} phần trăm học sinh đỗ vào lớp mười công lập.",
            "((Theo quan sát của tôi, ))áp lực học tập của các em đang {ngày càng lớn|giảm dần}.",
        ],
        "fakes": [
            "Nhà trường bắt buộc mọi học sinh phải đi học thêm tại trường.",
            "Học sinh dùng điện thoại trong trường sẽ bị đuổi học ngay lập tức.",
        ],
    },
    {
        "id": "nuoc-sach", "speaker": "Tạ Minh Khoa", "title": "ông", "role": "Tổng Giám đốc công ty cấp nước",
        "kind": "press",
        "sentences": [
            "Nước máy của công ty {đạt|không đạt} quy chuẩn về chất lượng nước ăn uống.",
            "Trong vài ngày tới, một số khu vực ở phía tây thành phố có thể bị mất nước do sửa chữa đường ống.",
            "Công ty {chưa|đã} có kế hoạch điều chỉnh giá nước trong năm nay.",
            "Tỷ lệ thất thoát nước đã giảm xuống còn {18|28} phần trăm[[, nhưng ở một số quận ven vẫn còn cao]].",
        ],
        "fakes": [
            "Nước máy đang nhiễm độc nặng, người dân tuyệt đối không được dùng để nấu ăn.",
            "Công ty sẽ cắt nước toàn thành phố trong một tháng.",
        ],
    },
    {
        "id": "thethao-vdv", "speaker": "Lương Thị Thu Trang", "title": "chị", "role": "vận động viên điền kinh",
        "kind": "interview",
        "sentences": [
            "Tôi đã giành huy chương {vàng|bạc} ở nội dung chạy 400 mét.",
            "Tôi {vẫn|sẽ không} tiếp tục thi đấu ở kỳ SEA Games tới[[ nếu chấn thương đầu gối hồi phục kịp]].",
            "Chế độ dinh dưỡng cho vận động viên hiện nay đã {tốt hơn|kém hơn} nhiều.",
            "((Sau mỗi giải đấu, ))tôi đều dành thời gian về thăm gia đình ở quê.",
        ],
        "fakes": [
            "Tôi sẽ nhập quốc tịch nước ngoài để có điều kiện thi đấu tốt hơn.",
            "Liên đoàn đã cắt toàn bộ tiền thưởng của các vận động viên.",
        ],
    },
    {
        "id": "moitruong-khongkhi", "speaker": "Hà Thị Ngọc", "title": "TS.", "role": "nhà nghiên cứu môi trường",
        "kind": "interview",
        "sentences": [
            "Chất lượng không khí ở Hà Nội thường {xấu|tốt} nhất vào các tháng mùa đông.",
            "Nguồn gây ô nhiễm lớn nhất là khí thải từ {xe máy|nhà máy điện} và hoạt động xây dựng.",
            "Người dân [[có thể ]]giảm rủi ro sức khỏe bằng cách đeo khẩu trang đạt chuẩn.",
            "Chúng ta {cần|không cần} một lộ trình rõ ràng để chuyển đổi sang phương tiện điện.",
        ],
        "fakes": [
            "Không khí Hà Nội độc đến mức người dân nên chuyển đi nơi khác sinh sống.",
            "Ô nhiễm không khí hoàn toàn không ảnh hưởng đến sức khỏe con người.",
        ],
    },
    {
        "id": "thuonghieu-ceo", "speaker": "Kiều Minh Đức", "title": "ông", "role": "Tổng Giám đốc một chuỗi bán lẻ",
        "kind": "press",
        "sentences": [
            "Doanh thu sáu tháng đầu năm của tập đoàn đạt {4.200|2.400} tỷ đồng.",
            "Chúng tôi sẽ mở thêm {30|80} cửa hàng tại các tỉnh miền Tây.",
            "Công ty {không|sẽ} tăng giá bán các mặt hàng thiết yếu trong dịp Tết.",
            "Lợi nhuận của tập đoàn [[vẫn chưa ]]về mức trước đại dịch.",
        ],
        "fakes": [
            "Tập đoàn đang thua lỗ nặng và sẽ đóng cửa một nửa số cửa hàng.",
            "Chúng tôi sẽ tăng giá gấp đôi tất cả sản phẩm trước Tết.",
        ],
    },
    {
        "id": "qh-daibieu", "speaker": "Trương Thị Lệ", "title": "bà", "role": "đại biểu Quốc hội",
        "kind": "speech",
        "sentences": [
            "Tôi {tán thành|phản đối} việc nâng mức giảm trừ gia cảnh cho người nộp thuế.",
            "Mức giảm trừ hiện nay {không còn|vẫn còn} phù hợp với giá cả sinh hoạt.",
            "[[Nếu chậm điều chỉnh, ]]người làm công ăn lương sẽ chịu thiệt thòi lớn nhất.",
            "Tôi đề nghị nâng mức giảm trừ lên {15|51} triệu đồng mỗi tháng.",
        ],
        "fakes": [
            "Tôi đề nghị bãi bỏ hoàn toàn thuế thu nhập cá nhân.",
            "Người làm công ăn lương đang được hưởng lợi quá nhiều từ chính sách thuế.",
        ],
    },
    {
        "id": "pccc", "speaker": "Cao Văn Thành", "title": "đồng chí", "role": "Trưởng phòng Cảnh sát phòng cháy chữa cháy",
        "kind": "press",
        "sentences": [
            "Vụ cháy chung cư mini tối qua {không|đã} gây thương vong về người.",
            "Nguyên nhân ban đầu [[có thể ]]là do chập điện ở khu vực để xe tầng một.",
            "Lực lượng chữa cháy đã có mặt sau {7|17} phút kể từ khi nhận tin báo.",
            "Chúng tôi sẽ kiểm tra toàn bộ chung cư mini trên địa bàn((, trước hết là các nhà trọ nhiều tầng)).",
        ],
        "fakes": [
            "Chủ chung cư mini đã cố tình gây cháy để nhận tiền bảo hiểm.",
            "Lực lượng cứu hỏa đến muộn hơn một giờ nên ngọn lửa lan rộng.",
        ],
    },
    {
        "id": "nongsan-xuatkhau", "speaker": "Quách Thị Yến", "title": "bà", "role": "Phó Cục trưởng Cục Xuất nhập khẩu",
        "kind": "speech",
        "sentences": [
            "Xuất khẩu sầu riêng năm nay có thể đạt {3|1} tỷ đô la Mỹ.",
            "Thị trường Trung Quốc vẫn chiếm tỷ trọng {lớn nhất|nhỏ nhất} trong kim ngạch rau quả.",
            "Doanh nghiệp {cần|không cần} tuân thủ nghiêm các quy định về mã số vùng trồng.",
            "[[Khi đối tác nhập khẩu siết chặt kiểm dịch, ]]nhiều lô hàng sẽ bị trả về.",
        ],
        "fakes": [
            "Trung Quốc đã cấm nhập khẩu toàn bộ trái cây của Việt Nam.",
            "Nông dân nên chặt bỏ sầu riêng vì sắp mất giá hoàn toàn.",
        ],
    },
    {
        "id": "chuyen-doi-so", "speaker": "Mạc Đình Long", "title": "ông", "role": "Giám đốc Sở Thông tin và Truyền thông",
        "kind": "speech",
        "sentences": [
            "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đã đạt {72|27} phần trăm.",
            "Người dân {vẫn có thể|không thể} nộp hồ sơ giấy tại bộ phận một cửa.",
            "Hệ thống [[đôi khi ]]bị gián đoạn vào giờ cao điểm.",
            "Chúng tôi cam kết bảo vệ {an toàn|công khai} dữ liệu cá nhân của người dân.",
        ],
        "fakes": [
            "Từ tháng sau, mọi hồ sơ giấy sẽ bị từ chối tiếp nhận.",
            "Dữ liệu cá nhân của người dân sẽ được bán cho các doanh nghiệp để lấy kinh phí.",
        ],
    },
    {
        "id": "xe-dien", "speaker": "Lâm Quốc Bảo", "title": "anh", "role": "kỹ sư một hãng xe điện",
        "kind": "interview",
        "sentences": [
            "Pin xe điện của chúng tôi được bảo hành {tám|hai} năm.",
            "Xe điện {ít|nhiều} tốn chi phí bảo dưỡng hơn xe chạy xăng.",
            "[[Trừ khi sạc bằng bộ sạc không chính hãng, ]]nguy cơ cháy pin là rất thấp.",
            "Trạm sạc công cộng ((ở các tỉnh)) còn thiếu, nhất là trên các tuyến quốc lộ.",
        ],
        "fakes": [
            "Pin xe điện có thể phát nổ bất cứ lúc nào nên không ai nên mua.",
            "Hãng sẽ ngừng sản xuất xe điện từ năm sau.",
        ],
    },
    {
        "id": "tre-em-mangxahoi", "speaker": "Phùng Thị Hằng", "title": "PGS.TS", "role": "chuyên gia tâm lý học",
        "kind": "interview",
        "sentences": [
            "Trẻ dưới hai tuổi {không nên|nên} tiếp xúc với màn hình điện tử.",
            "Mạng xã hội [[có thể ]]ảnh hưởng xấu đến giấc ngủ của thanh thiếu niên.",
            "Cha mẹ {nên|không nên} trò chuyện với con về những gì con xem trên mạng.",
            "Cấm đoán hoàn toàn thường {không hiệu quả|rất hiệu quả}[[, trừ khi trẻ đã có dấu hiệu nghiện]].",
        ],
        "fakes": [
            "Mạng xã hội là nguyên nhân duy nhất khiến trẻ em học kém.",
            "Cha mẹ nên đọc trộm tin nhắn của con mỗi ngày.",
        ],
    },
    {
        "id": "lu-lut", "speaker": "Đoàn Văn Sáu", "title": "ông", "role": "Chủ tịch Ủy ban nhân dân huyện",
        "kind": "press",
        "sentences": [
            "Trận lũ vừa qua làm {1.200|12.000} ngôi nhà bị ngập sâu.",
            "Huyện {đã|chưa} hỗ trợ gạo và nước sạch cho tất cả các hộ bị ảnh hưởng.",
            "Các trường học sẽ cho học sinh nghỉ thêm hai ngày[[ nếu nước chưa rút]].",
            "Tình hình về cơ bản đã ổn định[[, nhưng nguy cơ sạt lở ở vùng núi vẫn rất cao]].",
        ],
        "fakes": [
            "Huyện đã giữ lại hàng cứu trợ và không phát cho người dân.",
            "Lũ đã cuốn trôi toàn bộ huyện, không còn ngôi nhà nào nguyên vẹn.",
        ],
    },
    {
        "id": "hang-khong", "speaker": "Tôn Nữ Diễm", "title": "bà", "role": "người phát ngôn của hãng hàng không",
        "kind": "press",
        "sentences": [
            "Tỷ lệ chuyến bay đúng giờ của hãng trong quý vừa qua đạt {85|58} phần trăm.",
            "Hãng {sẽ|không} bồi thường cho hành khách có chuyến bay bị hủy theo quy định.",
            "Do thiếu tàu bay, một số đường bay nội địa sẽ tạm dừng khai thác.",
            "Giá vé dịp Tết không vượt mức trần do Nhà nước quy định[[, trừ một số chặng bay tăng chuyến]].",
        ],
        "fakes": [
            "Hãng sẽ hủy toàn bộ chuyến bay trong dịp Tết vì thiếu phi công.",
            "Hành khách bị hủy chuyến sẽ không được hoàn tiền trong bất kỳ trường hợp nào.",
        ],
    },
    {
        "id": "thuc-pham", "speaker": "Vương Đình Khải", "title": "BS", "role": "bác sĩ dinh dưỡng",
        "kind": "interview",
        "sentences": [
            "Người trưởng thành nên ăn {dưới|trên} năm gam muối mỗi ngày.",
            "Đồ uống có đường [[nếu dùng thường xuyên ]]làm tăng nguy cơ béo phì ở trẻ em.",
            "Cà phê {không|luôn} gây hại cho sức khỏe[[ khi uống với lượng vừa phải]].",
            "Bữa sáng đầy đủ giúp trẻ tập trung {tốt hơn|kém hơn} trong giờ học.",
        ],
        "fakes": [
            "Ăn muối càng nhiều càng tốt cho người huyết áp thấp.",
            "Trẻ em không cần ăn sáng nếu đã uống sữa buổi tối.",
        ],
    },
]

# Statements no source in the set contains (used as not_found quotes of any passage).
STRAY_FAKES: list[str] = [
    "Chúng tôi sẽ phát tiền mặt cho mọi người dân vào dịp Tết năm nay.",
    "Từ tháng sau, người dân không được phép đi xe máy vào trung tâm thành phố.",
    "Mọi khoản vay ngân hàng của người dân sẽ được xóa nợ hoàn toàn.",
    "Nhà nước sẽ bỏ thi đại học và cho tất cả học sinh vào thẳng trường.",
    "Giá xăng sẽ giảm xuống còn mười nghìn đồng một lít vào tuần sau.",
]
