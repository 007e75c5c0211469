import pickle
from pathlib import Path

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.detectors.base import Settings
from kiemchung.detectors.claims import ClaimsDetector, create
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

DATA = Path(__file__).resolve().parents[1] / "data"
DEMO = Path(__file__).resolve().parents[2] / "demo" / "factchecks.jsonl"

RECORDS = [
    {"id": "fc-chanh", "claim": "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư", "rating": "Sai sự thật",
     "url": "https://kiemchung.example/fc-chanh", "date": "2025-01-10", "publisher": "Trung tâm kiểm chứng mẫu"},
    {"id": "fc-khangsinh", "claim": "Thuốc kháng sinh phải có đơn của bác sĩ mới được bán", "rating": "Đúng",
     "url": "https://kiemchung.example/fc-khangsinh", "date": "2025-02-01", "publisher": "Trung tâm kiểm chứng mẫu"},
    {"id": "fc-bao", "claim": "Nhà nước hỗ trợ 74 triệu đồng cho mỗi hộ có nhà bị sập do bão", "rating": "Gây hiểu nhầm",
     "url": "https://kiemchung.example/fc-bao", "date": "2025-09-01", "publisher": "Tổ kiểm chứng mẫu"},
]


def _prep(text: str) -> Prepared:
    return Prepared(Document(text=text), normalize(text))


@pytest.fixture(scope="module")
def detector() -> ClaimsDetector:
    det = create(Settings(factchecks=RECORDS))
    assert isinstance(det, ClaimsDetector)
    return det


def test_claims_create_from_path_records_or_nothing() -> None:
    assert create(Settings()) is None
    assert create(Settings(factchecks=[])) is None
    det = create(Settings(factchecks=DATA / "factchecks_dev.jsonl"))
    assert det is not None and len(det.matcher) >= 100
    assert create(Settings(factchecks=str(DEMO))) is not None
    assert det.model_version.startswith("factchecks-")


@pytest.mark.parametrize(
    ("text", "excerpt", "factcheck_id", "flagged"),
    [
        ("Sốc!!! Uong nuoc chanh nong moi sang chua khoi ung thu. Share đi mọi người", "Uong nuoc chanh nong moi sang chua khoi ung thu.", "fc-chanh", True),
        ("Nghe nói nhà nc hỗ trợ 74tr cho mỗi hộ có nhà bị sập do bão", "Nghe nói nhà nc hỗ trợ 74tr cho mỗi hộ có nhà bị sập do bão", "fc-bao", True),
        ("Nhớ nhé: thuốc kháng sinh phải có đơn của bác sĩ mới được bán.", "thuốc kháng sinh phải có đơn của bác sĩ mới được bán.", "fc-khangsinh", False),
        ("Nhà nước hỗ trợ 47 triệu đồng cho mỗi hộ có nhà bị sập do bão", None, None, False),
        ("Uống nước chanh nóng mỗi sáng không chữa khỏi ung thư", None, None, False),
        ("Hôm nay trời đẹp quá, đi dạo Hồ Gươm thôi", None, None, False),
    ],
)
def test_claims_detector_table(
    detector: ClaimsDetector, text: str, excerpt: str | None, factcheck_id: str | None, flagged: bool
) -> None:
    (out,) = detector.detect_batch([_prep(text)])
    if factcheck_id is None:
        assert out.claims == () and out.findings == ()
        return
    c = out.claims[0]
    assert c.factcheck_id == factcheck_id
    assert text[c.start : c.end] == excerpt
    if flagged:
        (f,) = out.findings
        assert f.label == "misinformation.claim"
        assert (f.start, f.end) == (c.start, c.end)
        assert f.evidence[0].kind == "claim_match" and f.evidence[0].detail == factcheck_id
        assert c.url in f.explanation and c.publisher in f.explanation and c.rating in f.explanation
    else:
        assert out.findings == ()  # a claim rated true is listed, never flagged


def test_claims_detector_batch_order(detector: ClaimsDetector) -> None:
    texts = ["không liên quan", "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư", ""]
    outs = detector.detect_batch([_prep(t) for t in texts])
    assert [bool(o.claims) for o in outs] == [False, True, False]


def test_claims_detector_pickles(detector: ClaimsDetector) -> None:
    clone = pickle.loads(pickle.dumps(detector))
    text = "uong nuoc chanh nong moi sang chua khoi ung thu"
    assert clone.detect_batch([_prep(text)]) == detector.detect_batch([_prep(text)])


def test_claims_analyzer_report(detector: ClaimsDetector) -> None:
    report = Analyzer([detector]).analyze("Share gấp: uống nước chanh nóng mỗi sáng chữa khỏi ung thư!")
    d = report.to_dict()
    assert d["claims"][0]["factcheck_id"] == "fc-chanh"
    (f,) = d["findings"]
    assert f["label"] == "misinformation.claim" and f["rule"]
    assert d["text"][f["start"] : f["end"]] == f["excerpt"]
