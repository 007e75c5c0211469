import csv
import pickle
from pathlib import Path

import numpy as np
import pytest

from kiemchung.detectors.base import Settings
from kiemchung.detectors.unreliable import LABEL, UnreliableDetector, UnreliableModel, create, meta_features
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "reintel"

RELIABLE = [
    "Bộ Y tế công bố thêm {n} ca khỏi bệnh, các bệnh nhân đã được xuất viện theo quy định",
    "UBND thành phố thông báo lịch cắt điện khu vực phường {n} để bảo dưỡng đường dây",
    "Sở Giáo dục công bố điểm chuẩn lớp 10 năm nay, thí sinh tra cứu trên cổng thông tin",
    "Công an quận {n} khuyến cáo người dân cảnh giác với các cuộc gọi giả danh",
]
UNRELIABLE = [
    "KHẨN CẤP!!! Chia sẻ ngay kẻo bị xóa: uống nước lá ổi chữa khỏi {n} loại bệnh, bác sĩ giấu kín!!!",
    "SỐC!!! Tin nội bộ: ngày mai phong tỏa toàn thành phố {n} ngày, mọi người đi mua đồ ngay!!!",
    "Bí mật động trời mà báo chí không dám đăng!!! Share gấp cho người thân #{n}",
    "Cảnh báo!!! Ăn loại quả này sẽ chết sau {n} giờ, lan truyền cho mọi người biết!!!",
]


def _write_csv(path: Path, n: int = 80) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "user_name", "post_message", "timestamp_post", "num_like_post", "num_comment_post",
                    "num_share_post", "label"])
        for i in range(n):
            bad = i % 2
            tpl = (UNRELIABLE if bad else RELIABLE)[i % 4]
            w.writerow([i, f"u{i % 7}", tpl.format(n=i), 1585945439 + 3600 * i, 10 * i if i % 5 else "",
                        i, "" if i % 3 else i * 2, bad])


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[UnreliableModel, dict[str, object]]:
    from kiemchung.models.unreliable_train import train

    d = tmp_path_factory.mktemp("reintel")
    _write_csv(d / "public_train.csv")
    result = train([d], d / "out")
    return UnreliableModel.load(d / "out" / "unreliable" / "model.npz"), result


def _prep(text: str, **meta: object) -> Prepared:
    return Prepared(Document(text=text, meta=meta), normalize(text))


def test_unreliable_tiny_training_run(tiny_model: tuple[UnreliableModel, dict[str, object]]) -> None:
    model, result = tiny_model
    assert {"roc_auc", "baseline_tfidf_lr_roc_auc", "n_train", "n_heldout"} <= result.keys()
    assert model.info["labels"] == [LABEL]
    p = model.predict(["SỐC!!! Chia sẻ ngay kẻo bị xóa!!!", "Sở Giáo dục công bố điểm chuẩn lớp 10"], [{}, {}])
    assert p.shape == (2,) and p[0] > p[1]


def test_unreliable_detector_scores_only_and_pickles() -> None:
    det = create(Settings())
    assert isinstance(det, UnreliableDetector) and det.model_version
    docs = [_prep("Bộ Y tế thông báo lịch tiêm chủng tháng này", likes=120, comments=4, shares=3,
                  published_at="2026-10-01T08:00:00+07:00"), _prep(""), _prep("SỐC!!! share gấp kẻo bị xóa!!!")]
    outs = det.detect_batch(docs)
    assert len(outs) == 3
    for o in outs:
        assert o.findings == () and set(o.scores) == {LABEL} and 0.0 <= o.scores[LABEL] <= 1.0
    clone = pickle.loads(pickle.dumps(det))
    assert [o.scores for o in clone.detect_batch(docs)] == [o.scores for o in outs]


@pytest.mark.parametrize(
    ("meta", "hour"),
    [({"published_at": "2026-10-01T01:00:00+00:00"}, 8.0), ({"timestamp": "0"}, 7.0), ({}, None),
     ({"published_at": "not a date"}, None)],
)
def test_unreliable_meta_features_hour(meta: dict[str, object], hour: float | None) -> None:
    h = meta_features("x", meta)[3]
    assert (np.isnan(h) if hour is None else h == pytest.approx(hour))


@pytest.mark.data
def test_unreliable_shipped_model_heldout_auc() -> None:
    path = SHARED / "public_train.csv"
    if not path.exists():
        pytest.skip("shared ReINTEL data not present")
    from kiemchung.evaluation.unreliable import evaluate

    r = evaluate([path], "reintel-heldout")
    assert r["n"] > 500
    assert r["roc_auc"] >= 0.92
