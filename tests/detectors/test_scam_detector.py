"""The scam detector: one finding per scam type with spans into the original text; hard negatives stay clean."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.detectors.base import Settings
from kiemchung.detectors.scam import ScamDetector, create
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared


@pytest.fixture(scope="module")
def detector() -> ScamDetector:
    return create(Settings())


def _prep(text: str, **meta: str) -> Prepared:
    return Prepared(Document(text=text, meta=meta), normalize(text))


# (text, expected label, expected excerpt of the main finding)
POSITIVES = [
    ("Tôi là cán bộ công an, anh liên quan đến vụ án rửa tiền, phải chuyển tiền để Chứng Minh Vô Tội.",
     "scam.impersonation", "Chứng Minh Vô Tội"),
    ("toi la can bo cong an, chi lien quan den vu an, chuyen tien de chung minh vo toi ngay",
     "scam.impersonation", "chung minh vo toi"),
    ("Việc nhẹ lương cao! Tuyển CTV online làm nhiệm vụ thả tim, nạp trước hoàn vốn kèm hoa hồng 20%.",
     "scam.task_job", "Việc nhẹ lương cao"),
    ("Đầu tư coin cùng chuyên gia, cam kết lợi nhuận 30%/tháng, không rủi ro.", "scam.investment", None),
    ("Tài khoản của quý khách sẽ bị khóa, cập nhật sinh trắc học tại đường link sau: bit.ly/capnhat-nh",
     "scam.phishing", None),
    ("Chúc mừng bạn đã trúng thưởng xe SH, vui lòng nộp phí nhận thưởng 2 triệu.", "scam.prize", "nộp phí nhận thưởng"),
    ("Bị lừa tiền qua mạng? Hacker mũ trắng lấy lại tiền đã bị lừa trong 24h.", "scam.recovery_service", None),
    ("Anh ơi em chuyển nhầm 5 triệu, anh chuyển lại giúp em vào số tài khoản khác này nhé.",
     "scam.mistaken_transfer", None),
    ("Tôi là bác sĩ, con chị bị tai nạn đang cấp cứu, chị chuyển gấp 30 triệu để mổ.", "scam.emergency", None),
    ("Vay tiền online chỉ cần CCCD, giải ngân trong 5 phút, hỗ trợ nợ xấu.", "scam.loan_gambling", None),
    ("Nhà cái uy tín: tài xỉu, nổ hũ, nạp đầu tặng 100%.", "scam.loan_gambling", None),
    ("Cập nhật VNeID tại vneid-gov.vip ngay hôm nay", "scam.lookalike_link", "vneid-gov.vip"),
]


@pytest.mark.parametrize(("text", "label", "excerpt"), POSITIVES)
def test_scam_detector_flags_each_type(detector: ScamDetector, text: str, label: str, excerpt: str | None) -> None:
    out = detector.detect_batch([_prep(text)])[0]
    assert out.findings, text
    f = out.findings[0]
    assert f.label == label
    assert 0 <= f.start < f.end <= len(text)
    if excerpt is not None:
        assert text[f.start : f.end] == excerpt
    assert f.explanation.startswith("Dấu hiệu lừa đảo ")
    assert f.score >= 0.5
    kinds = {e.kind for e in f.evidence}
    assert kinds & {"rule", "link", "model"}


HARD_NEGATIVES = [
    "Vietcombank khuyến cáo: tuyệt đối không cung cấp mã OTP, mật khẩu cho bất kỳ ai, kể cả nhân viên ngân hàng.",
    "Ngân hàng không bao giờ yêu cầu khách hàng cập nhật sinh trắc học qua đường link. Hãy cảnh giác.",
    "[MB] Ma OTP cua Quy khach la 583920. KHONG chia se ma nay voi bat ky ai.",
    "Công an tỉnh cảnh báo thủ đoạn giả danh cán bộ công an gọi điện yêu cầu chuyển tiền để chứng minh vô tội.",
    "Bộ Công an khuyến cáo người dân cảnh giác với lời mời việc nhẹ lương cao, làm nhiệm vụ online, nạp tiền nhận hoa hồng.",
    "Cảnh giác với tin nhắn báo trúng thưởng và yêu cầu nộp phí nhận thưởng, đây là thủ đoạn của kẻ lừa đảo.",
    "Công an TP cảnh báo các trang giả mạo dịch vụ công, người dân chỉ truy cập dichvucong.gov.vn.",
    "Công ty tuyển nhân viên kế toán, lương 10-12 triệu, làm việc tại văn phòng, nộp CV qua email.",
    "Tuyển phục vụ quán cà phê ca tối, lương 25k/giờ, liên hệ trực tiếp tại quán.",
    "Bitcoin vượt mốc 100.000 USD sau quyết định của Fed, giới đầu tư thận trọng.",
    "Thị trường chứng khoán phiên chiều giảm điểm do áp lực bán ở nhóm ngân hàng.",
    "Tao chuyển khoản trả mày 200k tiền ăn hôm qua rồi nhé, check đi.",
    "Mình chuyển nhầm tiền cho bạn, đã báo ngân hàng tra soát rồi, bạn không cần làm gì đâu nha.",
    "Ông ngoại bị ngã phải nhập viện nhưng giờ ổn rồi, cảm ơn mọi người đã hỏi thăm.",
    "Lớp mình trúng giải nhì văn nghệ toàn trường, tiền thưởng dùng để đi liên hoan.",
    # written for the stacked combiner (Nov 2026)
    "Agribank thông báo: ngân hàng không gửi đường link yêu cầu đăng nhập hay cung cấp mã OTP, mọi thắc mắc gọi tổng đài.",
    "Công an phường đề nghị người dân không chuyển tiền cho người lạ tự xưng cán bộ thuế, điện lực qua điện thoại.",
    "Cửa hàng tiện lợi tuyển nhân viên bán hàng bán thời gian, lương theo giờ, ưu tiên sinh viên gần trường.",
    "Giá Ethereum giảm 8% trong tuần, các quỹ đầu tư rút vốn khỏi thị trường tiền mã hóa.",
    "Đơn hàng của bạn đang được giao, vui lòng giữ máy để nhân viên giao hàng liên hệ.",
    "Nhóm mình góp tiền mua quà sinh nhật cô chủ nhiệm, mỗi bạn chuyển 50k cho lớp trưởng nhé.",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_scam_detector_leaves_hard_negatives(detector: ScamDetector, text: str) -> None:
    assert detector.detect_batch([_prep(text)])[0].findings == ()


def test_scam_detector_batch_keeps_order_and_length(detector: ScamDetector) -> None:
    texts = [HARD_NEGATIVES[0], POSITIVES[0][0], "", "   ", POSITIVES[-1][0]]
    outs = detector.detect_batch([_prep(t) for t in texts])
    assert len(outs) == len(texts)
    assert [bool(o.findings) for o in outs] == [False, True, False, False, True]
    assert all("scam" in o.scores for o in outs)


def test_scam_detector_lookalike_is_a_second_finding(detector: ScamDetector) -> None:
    text = "Chúc mừng bạn đã trúng thưởng, nộp phí nhận thưởng tại vietcombank-quatang.top nhé"
    labels = {f.label: text[f.start : f.end] for f in detector.detect_batch([_prep(text)])[0].findings}
    assert labels["scam.lookalike_link"] == "vietcombank-quatang.top"
    assert "scam.prize" in labels


def test_scam_detector_spans_survive_odd_characters(detector: ScamDetector) -> None:
    text = "🔥🔥 Ｔôi là công an, liên quan đến vụ án, chuyển tiền chứng\u200b minh vô tội"
    f = detector.detect_batch([_prep(text)])[0].findings[0]
    assert text[f.start : f.end].replace("\u200b", "") == "chứng minh vô tội"


def test_scam_detector_pickles(detector: ScamDetector) -> None:
    clone = pickle.loads(pickle.dumps(detector))
    docs = [_prep(t) for t, _, _ in POSITIVES[:4]] + [_prep(HARD_NEGATIVES[0])]
    assert [o.findings for o in clone.detect_batch(docs)] == [o.findings for o in detector.detect_batch(docs)]


def test_scam_detector_works_without_model() -> None:
    det = ScamDetector(None)
    out = det.detect_batch([_prep(POSITIVES[0][0]), _prep(HARD_NEGATIVES[3])])
    assert out[0].findings and out[0].findings[0].label == "scam.impersonation"
    assert out[1].findings == ()


def test_scam_detector_declares_labels() -> None:
    assert ScamDetector.name == "vi.scam.playbook.v1"
    assert "scam.lookalike_link" in ScamDetector.labels and len(ScamDetector.labels) == 10


_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạếềệốồộớờợứừựýỳ0123456789 .,:/-_@%\u200b\u0301ĐÂ🔥"


@pytest.mark.parametrize("seed_text", ["chuyển tiền chứng minh vô tội vcb-xacthuc.top", "trúng thưởng nộp phí bit.ly/x"])
def test_scam_detector_spans_stay_inside_random_text(detector: ScamDetector, seed_text: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=_ALPHABET, max_size=80), st.text(alphabet=_ALPHABET, max_size=40))
    def check(prefix: str, suffix: str) -> None:
        text = prefix + seed_text + suffix
        for f in detector.detect_batch([_prep(text)])[0].findings:
            assert 0 <= f.start <= f.end <= len(text)
            assert f.label in ScamDetector.labels

    check()
