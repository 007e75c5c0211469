"""Playbook rules: the scam patterns Vietnamese authorities describe, one rule per tell-tale phrase.

Written from the warnings of Bộ Công an and Cục An toàn thông tin (Cẩm nang nhận diện và phòng chống lừa đảo
trực tuyến, 2023; the recurring "24 hình thức lừa đảo" notices). Patterns match the diacritic-free ``key`` of the
normalized text, so "chứng minh vô tội" and "chung minh vo toi" both match. Each rule has a weight: a strong
rule is enough on its own, weak ones only add up. ``GUARDS`` are the words of warnings *about* scams (a bank
notice that says never to share an OTP, a police warning) and damp every rule.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    pattern: str  # regular expression over the diacritic-free key
    weight: float  # 0..1, combined as 1 - Π(1 - w) per type
    why: str  # Vietnamese: what the phrase shows


TYPES: dict[str, str] = {
    "impersonation": "giả danh cơ quan chức năng (công an, viện kiểm sát, tòa án, thuế, điện lực, nhà mạng)",
    "task_job": "tuyển cộng tác viên, làm nhiệm vụ online",
    "investment": "đầu tư tài chính, tiền ảo lợi nhuận cao",
    "phishing": "đánh cắp tài khoản (khóa tài khoản, xác thực, cập nhật sinh trắc học qua đường link)",
    "prize": "trúng thưởng, quà tặng",
    "recovery_service": "dịch vụ lấy lại tiền bị lừa, khôi phục tài khoản",
    "mistaken_transfer": "chuyển nhầm tiền",
    "emergency": "người thân gặp nạn cần tiền gấp",
    "loan_gambling": "cho vay qua ứng dụng, cờ bạc trực tuyến",
    "lookalike_link": "đường link giả mạo tên miền chính thức",
}

_S = r"\s*"
MONEY_ASK = r"(?:chuyen|ck|nap|gui|dong|dat coc|chuyen khoan)(?:\s+(?:tien|khoan|vao|ngay|truoc|gap|lai|them|phi))*"

RULES: tuple[Rule, ...] = (
    # --- impersonation of police, procuracy, courts, tax, utilities
    Rule("imp.vu_an", "impersonation", r"lien quan (?:den|toi|toi mot) (?:\w+ ){0,2}(?:vu an|duong day|an ninh|rua tien|ma tuy)", 0.6,
         "nói bạn liên quan đến vụ án"),
    Rule("imp.vo_toi", "impersonation", r"chung minh (?:su )?(?:vo toi|trong sach|trong sach)|xac minh dong tien|kiem tra (?:nguon goc )?dong tien", 0.9,
         "yêu cầu chuyển tiền để 'chứng minh vô tội'"),
    Rule("imp.tai_khoan_tam_giu", "impersonation", r"tai khoan (?:tam giu|an toan|cua (?:co quan|bo) cong an|phong toa)|phong toa tai khoan", 0.6,
         "đòi chuyển tiền vào 'tài khoản tạm giữ'"),
    Rule("imp.giay_trieu_tap", "impersonation", r"giay (?:trieu tap|moi lam viec)|lenh (?:bat|truy na|phong toa)|quyet dinh khoi to", 0.45,
         "nhắc giấy triệu tập, lệnh bắt qua điện thoại"),
    Rule("imp.co_quan", "impersonation", r"\b(?:(?:toi|em|chung toi) (?:la|o|ben|goi tu) (?:can bo |dong chi |dieu tra vien )?(?:cong an|vien kiem sat|toa an|canh sat|cuc thue|chi cuc thue|dien luc|nha mang|bao hiem xa hoi|buu dien))", 0.55,
         "tự xưng là cán bộ cơ quan chức năng"),
    Rule("imp.bi_mat", "impersonation", r"giu bi mat|khong duoc (?:noi|tiet lo|chia se) (?:voi|cho) (?:ai|nguoi than|gia dinh)|bi mat dieu tra", 0.45,
         "dặn giữ bí mật, không nói với người thân"),
    Rule("imp.cat_thue_bao", "impersonation", r"(?:cat|khoa|thu hoi) (?:so )?thue bao|(?:cat|ngung) (?:cap )?dien (?:trong )?(?:hom nay|ngay|\d)", 0.45,
         "dọa cắt thuê bao / cắt điện"),
    Rule("imp.phat_nguoi", "impersonation", r"phat nguoi|vi pham giao thong (?:chua nop|can nop)|nop phat (?:qua|tai) (?:link|duong link)", 0.4,
         "báo phạt nguội và đòi nộp phạt qua đường link"),
    Rule("imp.cap_nhat_dinh_danh", "impersonation", r"(?:cap nhat|dong bo|kich hoat|xac thuc) (?:thong tin )?(?:dinh danh|vneid|can cuoc|cccd|muc do 2)", 0.4,
         "đòi cập nhật định danh điện tử qua người lạ"),
    # --- task and job scams
    Rule("job.viec_nhe", "task_job", r"viec nhe,? luong cao|viec nhe luong khung|luong cao viec nhe", 0.75, "'việc nhẹ lương cao'"),
    Rule("job.ctv", "task_job", r"\bctv\b|cong tac vien (?:online|ban hang online|tren mang|lam tai nha)|tuyen (?:gap )?(?:ctv|cong tac vien)", 0.35,
         "tuyển cộng tác viên online"),
    Rule("job.nhiem_vu", "task_job", r"lam nhiem vu|(?:hoan thanh|nhan) (?:cac )?nhiem vu|don hang ao|chot don (?:ao|ho)|tha tim|like (?:video|bai)|danh gia (?:5 sao|san pham) (?:nhan|duoc)|xem video (?:nhan|kiem)", 0.55,
         "'làm nhiệm vụ' ăn hoa hồng"),
    Rule("job.nap_truoc", "task_job", r"nap (?:tien )?(?:truoc|de nhan|de lam|de mo khoa)|hoan (?:lai )?(?:von|tien) (?:kem|cung|va) hoa hong|hoa hong (?:\d+|cao|len den|toi)", 0.6,
         "đòi nạp tiền trước rồi hoàn kèm hoa hồng"),
    Rule("job.thu_nhap", "task_job", r"thu nhap (?:tu |len den |toi )?(?:sotien\w*|\d+\s*(?:k|tr|trieu|nghin|00k))\s*(?:\/|moi|1|mot)?\s*(?:ngay|gio)|kiem (?:them )?(?:sotien\w*|\d+\s*(?:k|tr|trieu)) ?(?:moi|\/|1) ?ngay|chi can (?:co )?(?:dien thoai|smartphone)", 0.45,
         "hứa thu nhập theo ngày chỉ cần điện thoại"),
    Rule("job.khong_coc", "task_job", r"khong (?:can )?(?:coc|kinh nghiem|bang cap).{0,40}(?:lam tai nha|online|tren dien thoai)", 0.3,
         "không cần kinh nghiệm, làm tại nhà"),
    # --- investment and crypto
    Rule("inv.loi_nhuan", "investment", r"loi nhuan (?:cao|khung|\d+\s*%|len (?:den|toi))|lai (?:suat )?(?:\d+\s*%|khung) ?(?:\/|moi|1) ?(?:ngay|tuan|thang)|x(?:2|3|5|10) tai khoan", 0.5,
         "hứa lợi nhuận cao bất thường"),
    Rule("inv.cam_ket", "investment", r"cam ket (?:loi nhuan|lai|hoan von|khong lo)|bao (?:lai|lo|von)|(?:dam bao|100%) (?:co )?(?:lai|loi nhuan|thang)|khong (?:bao gio )?(?:lo|rui ro)", 0.55,
         "cam kết lãi, không rủi ro"),
    Rule("inv.san", "investment", r"san (?:giao dich|dau tu|forex|coin|ngoai hoi|chung khoan quoc te|tien ao)|(?:dau tu|choi) (?:tien ao|coin|forex|vang ao|chung khoan quoc te)|nhom (?:keo|phim) (?:coin|chung khoan|co phieu)|chuyen gia (?:tai chinh|chung khoan) (?:huong dan|dan dat)", 0.3,
         "mời vào sàn, nhóm kéo đầu tư"),
    Rule("inv.rut_tien", "investment", r"nap (?:them )?(?:tien )?de (?:rut|mo khoa|nang cap)|phi (?:rut tien|mo khoa|kich hoat)|dong thue (?:de|truoc khi) rut", 0.6,
         "đòi nạp thêm để rút tiền"),
    # --- account-lock and credential phishing
    Rule("phi.khoa", "phishing", r"(?:tai khoan|the|vi|sim)(?: \w+){0,3} (?:se |da |dang )?(?:bi )?(?:khoa|tam khoa|vo hieu hoa|dong bang|tam ngung|han che)", 0.45,
         "dọa khóa tài khoản"),
    Rule("phi.sinh_trac", "phishing", r"(?:cap nhat|xac thuc|bo sung|dang ky) (?:thong tin )?sinh trac(?: hoc)?", 0.35,
         "đòi 'cập nhật sinh trắc học'"),
    Rule("phi.link", "phishing", r"(?:truy cap|click|nhan|bam|vao|an|nhap|theo)(?: vao)? (?:duong )?(?:link|lienket\w*|duong dan|url)|(?:link|duong dan)(?: ben duoi| sau| duoi day)?\s*:", 0.3,
         "thúc truy cập đường link"),
    Rule("phi.otp", "phishing", r"(?:cung cap|gui lai|doc|chia se|bao|xin) (?:lai )?(?:(?:giup|cho|dum|gium) (?:em|minh|toi|ben em|chi|anh|to) )?(?:lai )?(?:ma )?(?:otp|ma xac (?:thuc|nhan))", 0.55,
         "xin mã OTP"),
    Rule("phi.xac_thuc", "phishing", r"(?:xac thuc|xac minh|cap nhat|kich hoat) (?:lai )?(?:tai khoan|thong tin (?:tai khoan|khach hang|ca nhan)|the)", 0.35,
         "đòi xác thực tài khoản"),
    Rule("phi.gap", "phishing", r"trong (?:vong )?(?:24|48|12|2) ?(?:h|gio)|truoc (?:23h59|24h|ngay hom nay)|(?:ngay|gap) (?:hom nay|lap tuc)|qua han se", 0.2,
         "ép làm gấp trong thời hạn ngắn"),
    Rule("phi.dang_nhap", "phishing", r"dang nhap (?:tai|vao|qua) (?:lienket\w*|link|duong dan|trang)|dang nhap (?:lai )?de (?:nhan|xac|tranh|mo)", 0.4,
         "mời đăng nhập qua đường link"),
    Rule("phi.tai_app", "phishing", r"tai (?:ung dung|app|file|phan mem)(?: \w+){0,3} (?:qua|theo|tai) (?:link|lienket\w*|duong dan)|\.apk\b", 0.5,
         "mời cài ứng dụng ngoài kho chính thức"),
    Rule("phi.diem_thuong", "phishing", r"(?:diem thuong|diem tich luy|diem thanh vien|diem uu dai)(?: \w+){0,4} (?:sap het han|het han|bi huy|se bi xoa)", 0.45,
         "báo điểm thưởng sắp hết hạn để dụ bấm link"),
    Rule("phi.buu_pham", "phishing", r"(?:buu pham|buu kien|kien hang)(?: \w+){0,4} (?:chua (?:duoc )?giao|bi giu|that lac|giao khong thanh cong)|cap nhat (?:lai )?dia chi (?:giao|nhan) hang", 0.4,
         "báo bưu phẩm bị giữ, đòi cập nhật địa chỉ"),
    Rule("phi.hoan_tien", "phishing", r"(?:nhan|duoc|dang ky) hoan (?:tien|thue)(?: \w+){0,3} (?:tai|qua|theo) (?:link|duong dan|lienket\w*)", 0.45,
         "mời nhận hoàn tiền qua đường link"),
    # --- prizes
    Rule("pri.trung_thuong", "prize", r"(?:da |vua )?(?:trung thuong|trung giai|may man (?:nhan|trung)|duoc chon (?:nhan|trung)|tri an khach hang (?:tang|nhan))", 0.4,
         "báo trúng thưởng"),
    Rule("pri.phi_nhan", "prize", r"(?:phi|thue) (?:nhan thuong|nhan qua|van chuyen qua|thu tuc)|nop (?:phi|thue|truoc) (?:de )?(?:nhan|lay) (?:thuong|qua|giai)", 0.7,
         "đòi nộp phí để nhận thưởng"),
    Rule("pri.qua", "prize", r"nhan (?:ngay )?(?:qua|thuong|iphone|xe may|sh|voucher|phan qua)(?: \w+){0,3} (?:tri gia|mien phi|khung)|qua tang tri gia", 0.4,
         "quà giá trị lớn"),
    # --- recovery services
    Rule("rec.lay_lai", "recovery_service", r"(?:lay lai|thu hoi|hoan lai|ho tro (?:lay|thu) lai) (?:\w+ ){0,2}(?:tien|so tien|tai san)(?: da)? (?:bi lua|mat|bi chiem)|(?:bi lua|bi scam)\W{0,3}(?:\w+\W+){0,4}(?:lien he|ib|inbox)", 0.75,
         "nhận 'lấy lại tiền bị lừa'"),
    Rule("rec.khoi_phuc", "recovery_service", r"(?:khoi phuc|lay lai|mo khoa) (?:tai khoan|nick|fb|facebook|zalo)(?: \w+){0,3} (?:bi hack|bi khoa|bi mat|nhanh|uy tin|trong)|dich vu (?:lay lai|khoi phuc|thu hoi)|(?:chuyen gia|doi ngu|trung tam) (?:\w+ ){0,2}(?:thu hoi|lay lai)", 0.6,
         "dịch vụ khôi phục tài khoản, thu hồi tiền"),
    Rule("rec.hacker", "recovery_service", r"hacker (?:mu trang|uy tin|chuyen nghiep)|(?:luat su|cong an|chuyen gia) (?:ho tro )?(?:lay|thu hoi) lai tien", 0.6,
         "'hacker', 'luật sư' nhận thu hồi tiền"),
    # --- mistaken transfer
    Rule("mis.chuyen_nham", "mistaken_transfer", r"chuyen nham|ck nham|chuyen khoan nham|gui nham (?:tien|so)|nham (?:so )?tai khoan", 0.35,
         "'chuyển nhầm tiền' rồi đòi trả"),
    Rule("mis.tra_lai", "mistaken_transfer", r"(?:tra|chuyen|hoan) lai (?:giup|dum|gium|cho em|cho minh|so tien)|(?:chuyen|tra|gui) (?:lai |tra )?vao (?:so )?(?:tai khoan|stk) (?:khac|nay|cua em)|chuyen tra vao", 0.45,
         "đòi trả lại tiền vào tài khoản khác"),
    Rule("mis.no_xau", "mistaken_transfer", r"(?:khoan vay|no|tien) (?:cua ban|cua anh|cua chi) (?:da )?(?:qua han|tinh lai)|(?:tinh lai|no xau) (?:neu khong tra|khi khong hoan)", 0.35,
         "dọa tính lãi khoản 'chuyển nhầm'"),
    # --- relatives in an emergency
    Rule("emg.tai_nan", "emergency", r"(?:bi |gap )?tai nan|cap cuu|nhap vien|dang (?:o )?benh vien|mo gap|nguy kich|bi bat (?:giu|tam giam)|bi cong an giu", 0.25,
         "báo người thân gặp nạn"),
    Rule("emg.tien_gap", "emergency", rf"(?:{MONEY_ASK}) (?:gap|ngay|lien)|can (?:gap )?(?:tien|sotien\w*) (?:gap|ngay|de)|vay (?:tam|gap) (?:\w+ )?(?:tien|sotien\w*)", 0.35,
         "đòi chuyển tiền gấp"),
    Rule("emg.nguoi_than", "emergency", r"(?:con|chong|vo|bo|me|em) (?:anh|chi|ban|cua (?:anh|chi|ban)) (?:dang |vua |bi )+(?:cap cuu|tai nan|nguy kich|nhap vien|bi bat)|(?:thay|co) giao (?:cua chau|bao chau)|(?:toi|em) la (?:bac si|giao vien|y ta)", 0.55,
         "người lạ báo tin người thân nguy kịch"),
    Rule("emg.doi_so", "emergency", r"(?:doi|mat|hong) (?:so|dien thoai|sim)(?:,|\.)? (?:\w+ ){0,4}(?:chuyen|gui|muon|vay)", 0.45,
         "'đổi số mới' rồi vay tiền"),
    # --- loans and gambling apps
    Rule("loan.vay_nhanh", "loan_gambling", r"(?:vay|ho tro vay|giai ngan) (?:tien )?(?:nhanh|online|tin chap|khong the chap|chi can cccd|chi can can cuoc|khong tham dinh)|(?:khong|ko) (?:can )?(?:the chap(?! nhan)|tham dinh|chung minh thu nhap)", 0.45,
         "cho vay nhanh không thế chấp"),
    Rule("loan.no_xau", "loan_gambling", r"(?:ho tro|bao) (?:ca )?no xau|(?:giai ngan|duyet) (?:trong|sau) \d+ ?(?:phut|p)|phi (?:giai ngan|ho so|bao hiem khoan vay)", 0.5,
         "hứa duyệt ngay cả khi nợ xấu, đòi phí giải ngân"),
    Rule("gam.cuoc", "loan_gambling", r"\b(?:ca cuoc|ca do|tai xiu|no hu|xoc dia|lo de|danh de|nha cai|casino|ban ca doi thuong|game bai doi thuong|keo bong)\b", 0.6,
         "mời chơi cờ bạc trực tuyến"),
    Rule("gam.khuyen_mai", "loan_gambling", r"(?:tang|khuyen mai|thuong) (?:\d+\s*%|sotien\w*) (?:nap dau|lan nap)|nap dau (?:tang|x2|x3)|code (?:tan thu|free)", 0.45,
         "khuyến mãi nạp đầu của nhà cái"),
)

# warnings about scams and legitimate notices share the vocabulary; these phrases damp every rule
GUARDS: tuple[str, ...] = (
    r"canh giac",
    r"canh bao",
    r"khong (?:bao gio|khi nao)? ?(?:yeu cau|goi dien yeu cau|gui (?:tin nhan|link))",
    r"(?:tuyet doi )?khong (?:cung cap|chia se|tiet lo|bam|click|truy cap|chuyen tien)",
    r"thu doan",
    r"(?:gia danh|mao danh|gia mao) (?:de|nham)",
    r"(?:cac )?doi tuong (?:lua dao|gia danh|mao danh)",
    r"de phong|phong tranh|phong chong",
    r"khuyen cao",
    r"\btrinh bao\b|\bto giac\b",
    r"(?:da )?bi lua (?:mat|hon)",
    r"(?:khoi to|bat giu|triet pha) (?:\w+ ){0,3}(?:doi tuong|duong day|vu)",
    r"ke gian",
    r"dau hieu (?:cua )?lua dao",
    r"nguoi dan (?:luu y|can|nen|hay)",
    r"(?:hay|nen) (?:goi lai|lien he|bao) (?:ngay )?(?:cho |voi )?(?:nguoi than|ngan hang|co quan|cong an)",
    r"khong chuyen tra",
    r"(?:tin nhan|trang|cuoc goi|website|duong link) (?:\w+ ){0,2}gia mao",
)
