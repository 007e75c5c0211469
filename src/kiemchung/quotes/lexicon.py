"""Word lists behind quote verdicts: markers whose loss changes a meaning, antonyms, titles, speech verbs.

Entries are written in normalized form (lower case, with diacritics); :func:`key_of` gives the diacritic-free
form that alignment uses. Multi-word entries are matched on token sequences.
"""

from __future__ import annotations

from kiemchung.text.normalize import strip_diacritics


def key_of(phrase: str) -> tuple[str, ...]:
    """The diacritic-free token tuple of a lexicon phrase."""
    return tuple(strip_diacritics(phrase.lower()).split())


def words_of(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


# Dropping or adding one of these flips a statement (altered when swapped in place).
NEGATIONS: tuple[str, ...] = (
    "không", "chẳng", "chả", "đừng", "chớ", "không hề", "chẳng hề", "đâu có", "không phải", "không thể",
    "ko", "hông", "hok", "kg", "chưa hề", "không bao giờ", "chẳng bao giờ",
)

# Dropping a qualifier widens or hardens a claim (truncated).
QUALIFIERS: tuple[str, ...] = (
    "có thể", "chưa", "một bộ phận", "không nhiều", "một số", "một phần", "phần nào", "có lẽ", "dường như",
    "hầu hết", "đa số", "chỉ", "tạm thời", "bước đầu", "về cơ bản", "gần như", "nhất định", "tương đối",
    "cá biệt", "hiếm khi", "ít khi", "thỉnh thoảng", "đôi khi", "chưa chắc", "khó có thể", "không hẳn",
    "một vài", "số ít", "rất ít", "nhiều khả năng", "ít khả năng", "trong lúc này", "lúc này", "vào lúc này",
    "vào thời điểm này", "trong ngắn hạn", "trước mắt", "ở mức độ", "trong chừng mực", "chưa hẳn", "phần lớn",
)

# Dropping a condition makes a conditional statement absolute (truncated).
CONDITIONS: tuple[str, ...] = (
    "nếu", "nếu như", "trừ khi", "trừ phi", "khi", "chỉ khi", "với điều kiện", "miễn là", "trong trường hợp",
    "giả sử", "hễ", "một khi", "ngoại trừ", "trừ trường hợp", "trừ", "với điều kiện là", "điều kiện là",
)

# Dropping the contrasting half of a sentence keeps only the half that suits the poster (truncated).
CONTRASTS: tuple[str, ...] = (
    "nhưng", "tuy nhiên", "song", "nhưng mà", "thế nhưng", "có điều", "trái lại", "ngược lại", "dù vậy",
    "mặc dù vậy", "tuy vậy", "bên cạnh đó",
)

# Pairs of words of opposite meaning (either order); a swap inside a quote is an alteration.
ANTONYM_PAIRS: tuple[tuple[str, str], ...] = (
    ("tăng", "giảm"), ("tăng", "hạ"), ("cao", "thấp"), ("lớn", "nhỏ"), ("nhiều", "ít"), ("tốt", "xấu"),
    ("đúng", "sai"), ("ủng hộ", "phản đối"), ("đồng ý", "phản đối"), ("đồng ý", "bác bỏ"),
    ("tán thành", "phản đối"),
    ("thành công", "thất bại"), ("lãi", "lỗ"), ("mở", "đóng"), ("an toàn", "nguy hiểm"), ("nhanh", "chậm"),
    ("mạnh", "yếu"), ("dễ", "khó"), ("tích cực", "tiêu cực"), ("thuận lợi", "khó khăn"), ("sớm", "muộn"),
    ("thắng", "thua"), ("đủ", "thiếu"), ("thừa", "thiếu"), ("giàu", "nghèo"), ("hợp pháp", "bất hợp pháp"),
    ("cho phép", "cấm"), ("chấp nhận", "từ chối"), ("khuyến khích", "hạn chế"), ("khuyến khích", "ngăn cấm"),
    ("mở rộng", "thu hẹp"), ("ổn định", "bất ổn"), ("phát triển", "suy thoái"), ("lạc quan", "bi quan"),
    ("khả quan", "bi quan"), ("hài lòng", "thất vọng"), ("tin tưởng", "nghi ngờ"), ("tăng cường", "cắt giảm"),
    ("nới lỏng", "siết chặt"), ("hiệu quả", "kém hiệu quả"), ("minh bạch", "mập mờ"), ("rẻ", "đắt"),
    ("hoan nghênh", "phản đối"), ("bắt đầu", "kết thúc"), ("tiếp tục", "dừng"), ("tiếp tục", "tạm dừng"),
    ("duy trì", "bãi bỏ"), ("thông qua", "bác bỏ"), ("đẩy mạnh", "hạn chế"), ("cải thiện", "xấu đi"),
    ("vượt", "hụt"), ("đạt", "không đạt"), ("trước", "sau"), ("vào", "ra"), ("nóng", "lạnh"), ("xuất", "nhập"),
    ("tăng trưởng", "suy giảm"), ("đồng thuận", "phản đối"), ("sẽ", "không bao giờ"), ("luôn", "không bao giờ"),
    ("đã", "chưa"), ("có", "không có"), ("yêu cầu", "cấm"), ("bảo vệ", "phá hoại"), ("khẳng định", "phủ nhận"),
    ("tăng lên", "giảm xuống"), ("nâng", "hạ"), ("thuận", "nghịch"), ("ưu điểm", "nhược điểm"),
    ("lợi", "hại"), ("hợp lý", "bất hợp lý"), ("công bằng", "bất công"), ("rõ ràng", "mơ hồ"),
    ("đơn giản", "phức tạp"), ("sạch", "bẩn"), ("mới", "cũ"), ("dài", "ngắn"), ("rộng", "hẹp"),
    ("trong nước", "nước ngoài"), ("tối đa", "tối thiểu"), ("hơn", "kém"), ("đầu", "cuối"),
)

# Diacritic-free keys that are also everyday words: a word typed without diacritics matches a lexicon entry by
# its key only when the key is not one of these ("cho" is not "chớ", "co the" may be "cơ thể").
AMBIGUOUS_KEYS: frozenset[tuple[str, ...]] = frozenset({
    ("cho",), ("cha",), ("dung",), ("chi",), ("con",), ("song",), ("tuy",), ("du",), ("ha",), ("hong",),
    ("tru",), ("hoc",), ("k",), ("khi",),
})

# Words placed before a word to negate it ("thiếu nỗ lực", "kém hiệu quả", "bất hợp lý"): adding or removing
# one inside a quote flips the meaning like a negation.
NEGATING_PREFIXES: tuple[str, ...] = ("thiếu", "kém", "bất", "vô", "phi", "chống")

# Number words: adding, removing or changing one changes a figure ("mười hai năm" → "hai năm").
NUMBER_WORDS: frozenset[str] = frozenset({
    "một", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười", "mươi",
    "trăm", "nghìn", "ngàn", "triệu", "tỷ", "tỉ", "nửa", "đôi", "gấp", "chục", "linh", "lẻ", "rưỡi", "mốt",
})

# Words that only strengthen a negation ("tuyệt đối không"): dropping them with it drops a negation.
INTENSIFIERS: frozenset[str] = frozenset({
    "tuyệt", "đối", "hoàn", "toàn", "hề", "bao", "giờ", "chắc", "chắn", "nhất", "định",
})

# Function words whose change in a quote does not change what was said.
FILLERS: frozenset[str] = frozenset({
    "thì", "là", "mà", "rằng", "đã", "sẽ", "đang", "rất", "cũng", "vẫn", "các", "những", "này", "đó", "ạ", "nhé",
    "à", "ấy", "nữa", "lại", "thật", "quá", "lắm", "hết", "cả", "được", "của", "với", "và", "cho", "để", "ở",
    "tại", "trong", "về", "nay", "hiện", "vậy", "thế", "chúng", "ta", "tôi", "mình", "chúng tôi", "chúng ta",
    "bạn", "họ", "một", "cái", "việc", "sự", "nên", "thì là", "đây", "kia", "nhưng mà", "ơi", "nhỉ", "đấy",
    "luôn", "hơn", "nhất", "như", "có", "ra", "vào", "lên", "xuống", "đi", "từ", "do", "bởi", "vì",
})

# Shorthand typed for a word, compared as that word's key.
SHORTHAND_KEYS: dict[str, str] = {
    "ko": "khong", "kg": "khong", "khg": "khong", "hok": "khong", "k0": "khong", "dc": "duoc", "đc": "duoc",
    "vs": "voi", "ng": "nguoi", "nc": "nuoc", "j": "gi", "r": "roi",
}

# Words before a name that are a title or a role, not a name.
TITLES: tuple[str, ...] = (
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cụ", "đồng chí", "ts", "gs", "pgs", "ths", "bs", "ks",
    "ls", "pct", "ct", "tgđ", "gđ", "nhà báo", "luật sư", "bác sĩ", "tiến sĩ", "giáo sư", "phó giáo sư",
    "thạc sĩ", "kỹ sư", "nhà văn",
    "bộ trưởng", "thứ trưởng", "thủ tướng", "phó thủ tướng", "chủ tịch", "phó chủ tịch", "giám đốc",
    "phó giám đốc", "tổng giám đốc", "tổng bí thư", "bí thư", "phó bí thư", "chủ nhiệm", "trưởng phòng",
    "trưởng ban", "phó trưởng ban", "viện trưởng", "hiệu trưởng", "đại biểu", "đại sứ", "người phát ngôn",
    "chuyên gia", "thiếu tướng", "trung tướng", "đại tướng", "thượng tướng", "đại tá", "thượng tá", "trung tá",
    "thiếu tá", "phó", "tổng", "trưởng", "ca sĩ", "nghệ sĩ", "diễn viên", "cầu thủ", "huấn luyện viên", "hlv",
    "nhà nghiên cứu", "giảng viên", "thầy", "ngài",
)
PERSONAL_TITLES: tuple[str, ...] = (
    "ông", "bà", "anh", "chị", "cô", "chú", "bác", "cụ", "đồng chí", "ts", "gs", "pgs", "ths", "bs", "ks", "ls",
    "ngài", "thầy", "em",
)

# Common Vietnamese family names: a speaker's name starts at the last one ("Bộ trưởng Bộ Công Thương Nguyễn
# Văn An" → "Nguyễn Văn An").
SURNAMES: frozenset[str] = frozenset({
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "hồ", "ngô",
    "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "đinh", "lâm", "phùng", "mai", "tô", "hà", "tạ",
    "cao", "lương", "lưu", "quách", "châu", "mạc", "kiều", "đàm", "lại", "thái", "tôn", "lò", "triệu", "chu",
    "khúc", "doãn", "hứa", "từ", "tăng", "thân", "lục", "giáp", "nghiêm", "kim", "âu", "tiêu", "vi",
})

# Words that start an organisation's name: a capitalized run made of these is not a person ("Bộ Y tế").
ORG_WORDS: frozenset[str] = frozenset({
    "bộ", "sở", "ban", "ủy", "ubnd", "công", "viện", "cục", "trường", "bệnh", "ngân", "tập", "tổng", "hội",
    "đảng", "quốc", "phòng", "trung", "tòa", "viện", "đài", "báo", "thành", "tỉnh", "huyện", "quận", "xã",
})

# Speech verbs that introduce or follow a direct quote.
SPEECH_VERBS: tuple[str, ...] = (
    "nói", "cho biết", "khẳng định", "nhấn mạnh", "phát biểu", "chia sẻ", "tuyên bố", "cho rằng", "viết",
    "nêu rõ", "bày tỏ", "trả lời", "thừa nhận", "kêu gọi", "cảnh báo", "giải thích", "nhận định", "tiết lộ",
    "khuyến cáo", "trao đổi", "nhắn nhủ", "tâm sự", "kể", "lưu ý", "đề nghị",
    "yêu cầu", "nhận xét", "đánh giá", "phân tích", "chỉ rõ", "chỉ đạo", "bình luận", "xác nhận", "bác bỏ",
    "phủ nhận", "quả quyết", "nhắc lại", "nói rõ", "nói thêm", "cam kết", "hứa", "thông báo", "lên tiếng",
    "trích lời", "dẫn lời", "khuyên", "bộc bạch", "phát biểu rằng", "tuyên bố rằng", "bảo", "hỏi", "đáp",
    "than thở", "khoe", "hứa hẹn", "báo cáo", "kết luận", "thú nhận", "nhắn", "gửi gắm",
)

# Abbreviations whose trailing dot does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset({
    "ts", "gs", "pgs", "ths", "bs", "ks", "tp", "ls", "tt", "th", "mr", "mrs", "pct", "ct",
})
