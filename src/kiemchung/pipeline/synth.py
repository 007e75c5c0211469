"""Generated, realistic-looking Vietnamese posts and fact-checks for benchmarks (deterministic, no real data).

Every sentence here was written for this project; the mix follows what a page archive looks like: mostly ordinary
posts, some with teencode and no diacritics, a few insults, scams, personal data, quotes with sources and claims.
"""

from __future__ import annotations

import random
from typing import Any

_CLEAN = [
    "Hôm nay cả nhà đi chơi công viên, các bé vui lắm :))",
    "Chúc mừng sinh nhật em gái yêu quý, chúc em luôn xinh đẹp và thành công!",
    "Cuối tuần này lớp mình họp mặt ở quán cũ nhé mọi người, nhớ đến đúng giờ",
    "hnay troi mua to qua, di lam ma ướt het ca nguoi huhu",
    "Ai biết quán phở nào ngon ở quận 3 chỉ mình với, thèm quá 😋",
    "Cảm ơn thầy cô đã tận tâm dạy dỗ chúng em suốt ba năm qua 🌷",
    "Đội tuyển thắng rồi!!! Tự hào Việt Nam ơi 🇻🇳🇻🇳",
    "mk vừa đọc xong cuốn sách này, hay lắm mn nên đọc thử nha",
    "Chiều nay đơn vị tổ chức hiến máu nhân đạo, rất nhiều đoàn viên tham gia.",
    "ko bt nen mua dt hang nao, ai tu van giup mk voi dc ko",
    "Giá căn hộ 2.450.000.000đ, liên hệ hotline 1900 1234 để xem nhà cuối tuần",
    "Lịch trực tết của khoa đã được cập nhật trên bảng tin, mọi người xem nhé.",
]
_TOXIC = [
    "Thằng này ngu như bò, nói chuyện như c*t",
    "đm mày im mồm đi, đồ óc chó",
    "bọn này toàn lũ mất dạy, cút hết đi",
    "Đ.m thằng admin này, v-c-l thật sự",
    "may la thang ngu nhat ma tao tung gap",
]
_SCAM = [
    "Tuyển CTV online việc nhẹ lương cao, làm nhiệm vụ nạp tiền hoàn 130% trong ngày",
    "Tài khoản của quý khách sẽ bị khóa, vui lòng cập nhật sinh trắc học tại https://vcb-xacthuc.top",
    "Chúc mừng bạn trúng thưởng xe SH, nộp phí 2 triệu để nhận giải tại bit.ly/nhanqua",
    "Cán bộ công an thông báo anh liên quan đến vụ án, chuyển tiền để chứng minh vô tội",
]
_PII = [
    "Cần tìm người thân, gọi em theo số 0912 345 678 nhé",
    "Liên hệ chị Lan qua email lan.nguyen88@gmail.com hoặc zalo 0987.654.321",
    "Chuyển khoản vào STK 0071000123456 Vietcombank giúp mình",
    "Biển số 51F-123.45 gây tai nạn rồi bỏ chạy",
]
_QUOTE = (
    "Bộ trưởng nói “chúng ta sẽ tăng học phí”. Không thể chấp nhận!",
    "Chúng ta sẽ tăng học phí nhưng chỉ áp dụng với các trường tự chủ và có chính sách miễn giảm.",
)
_CLAIM = [
    "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư, chia sẻ ngay",
    "vaccine chua chip theo doi 5G, ai tiem roi thi bi kiem soat",
]
_TOPICS = ["nước chanh", "tỏi", "gừng", "vaccine", "sóng 5G", "điện thoại", "nước dừa", "lá ổi", "mật ong", "trà xanh"]
_EFFECTS = ["chữa khỏi ung thư", "gây vô sinh", "chữa khỏi tiểu đường", "làm tăng huyết áp", "diệt virus corona",
            "gây đột quỵ", "chữa bách bệnh", "làm mất trí nhớ"]
_PLACES = ["Hà Nội", "TP.HCM", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Quảng Ninh", "Lâm Đồng"]


def generate_posts(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` posts in the DESIGN §5 scan format, about 100–200 characters each."""
    rnd = random.Random(seed)
    posts = []
    for i in range(n):
        r = rnd.random()
        extra: dict[str, Any] = {}
        if r < 0.70:
            text = rnd.choice(_CLEAN) + " " + rnd.choice(_CLEAN)
        elif r < 0.80:
            text = rnd.choice(_TOXIC) + " " + rnd.choice(_CLEAN)
        elif r < 0.87:
            text = rnd.choice(_SCAM)
        elif r < 0.94:
            text = rnd.choice(_PII) + ". " + rnd.choice(_CLEAN)
        elif r < 0.97:
            text = _QUOTE[0]
            extra["sources"] = [{"id": "src-1", "speaker": "Bộ trưởng", "text": _QUOTE[1]}]
        else:
            text = rnd.choice(_CLAIM)
        posts.append({"id": f"b{i}", "text": text, "likes": rnd.randint(0, 900), "comments": rnd.randint(0, 90),
                      "shares": rnd.randint(0, 50), "published_at": "2026-10-01T08:00:00+07:00", **extra})
    return posts


def generate_factchecks(n: int, seed: int = 11) -> list[dict[str, Any]]:
    """``n`` fact-checks (DESIGN §5) with varied claims; the first two match the generated claim posts."""
    rnd = random.Random(seed)
    out = [
        {"id": "fc-chanh", "claim": "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư", "rating": "Sai",
         "url": "https://kiemchung.example/fc-chanh", "date": "2026-01-10", "publisher": "Trung tâm kiểm chứng"},
        {"id": "fc-chip", "claim": "Vaccine chứa chip theo dõi qua sóng 5G", "rating": "Sai sự thật",
         "url": "https://kiemchung.example/fc-chip", "date": "2026-02-11", "publisher": "Trung tâm kiểm chứng"},
    ]
    for i in range(len(out), n):
        claim = (f"{rnd.choice(_TOPICS).capitalize()} {rnd.choice(_EFFECTS)} theo nghiên cứu ở "
                 f"{rnd.choice(_PLACES)} năm {rnd.randint(1990, 2026)} với {rnd.randint(2, 999)} người")
        out.append({"id": f"fc-{i}", "claim": claim, "rating": rnd.choice(["Sai", "Gây hiểu nhầm", "Đúng"]),
                    "url": f"https://kiemchung.example/fc-{i}", "date": "2026-03-01", "publisher": "Báo mẫu"})
    return out
