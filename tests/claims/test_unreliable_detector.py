import csv
import math
import pickle
from pathlib import Path

import numpy as np
import pytest

from kiemchung.detectors.base import Settings
from kiemchung.detectors.unreliable import (
    LABEL,
    META_FEATURES,
    UnreliableDetector,
    UnreliableModel,
    create,
    meta_features,
)
from kiemchung.errors import ModelError
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

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
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    from kiemchung.models.unreliable_train import Grid, train

    d = tmp_path_factory.mktemp("reintel")
    _write_csv(d / "public_train.csv")
    grid = Grid(c_lr=(30.0,), c_nb=(30.0,), trees=({"max_iter": 30, "learning_rate": 0.3, "max_depth": 2},))
    result = train([d], d / "out", grid=grid)
    return d / "out" / "unreliable" / "model.npz", result


def _prep(text: str, **meta: object) -> Prepared:
    return Prepared(Document(text=text, meta=meta), normalize(text))


def test_unreliable_tiny_training_run(tiny_model: tuple[Path, dict[str, object]]) -> None:
    path, result = tiny_model
    assert {"roc_auc", "baseline_tfidf_lr_roc_auc", "n_train", "n_heldout", "cv"} <= result.keys()
    model = UnreliableModel.load(path)
    assert model.info["labels"] == [LABEL] and model.info["meta_features"] == list(META_FEATURES)
    assert float(result["roc_auc"]) >= 0.9  # type: ignore[arg-type]  # held-out rows of the toy set
    texts = ["SỐC!!! Chia sẻ ngay kẻo bị xóa!!!", "Sở Giáo dục công bố điểm chuẩn lớp 10"]
    norms = [normalize(t) for t in texts]
    text = model.text_scores([n.normalized for n in norms], [n.key for n in norms])
    assert text.shape == (2, 2) and (text[0] > text[1]).all()  # both text models
    det = UnreliableDetector(model_path=path)
    unseen = [UNRELIABLE[1].format(n=999), RELIABLE[2].format(n=999)]  # templates the toy training set uses
    outs = det.detect_batch([_prep(t, likes=10, comments=3, shares=2, timestamp=1585945439) for t in unseen])
    assert outs[0].scores[LABEL] > outs[1].scores[LABEL]


def test_unreliable_model_file_never_needs_pickle(tiny_model: tuple[Path, dict[str, object]]) -> None:
    path, _ = tiny_model
    with np.load(path, allow_pickle=False) as z:
        assert all(z[k].dtype != object for k in z.files)
    assert "user" not in " ".join(UnreliableModel.load(path).info["meta_features"])


def test_unreliable_rejects_a_model_of_another_format(tmp_path: Path) -> None:
    bad = tmp_path / "model.npz"
    np.savez(bad, info_json=np.asarray('{"format": 1, "labels": ["misinformation.unreliable"]}'))
    with pytest.raises(ModelError, match="format 1"):
        UnreliableModel.load(bad)


def test_unreliable_detector_scores_only_and_pickles_by_reference() -> None:
    det = create(Settings())
    assert isinstance(det, UnreliableDetector) and det.model_version
    docs = [_prep("Bộ Y tế thông báo lịch tiêm chủng tháng này", likes=120, comments=4, shares=3,
                  published_at="2026-10-01T08:00:00+07:00"), _prep(""), _prep("SỐC!!! share gấp kẻo bị xóa!!!")]
    outs = det.detect_batch(docs)
    assert len(outs) == 3
    for o in outs:
        assert o.findings == () and set(o.scores) == {LABEL} and 0.0 <= o.scores[LABEL] <= 1.0
    blob = pickle.dumps(det)
    assert len(blob) < 10_000  # the weights are not in the pickle: workers load the model file
    clone = pickle.loads(blob)
    assert [o.scores for o in clone.detect_batch(docs)] == [o.scores for o in outs]
    assert det.detect_batch([]) == []


def test_unreliable_batch_does_not_change_a_posts_score() -> None:
    det = create(Settings())
    docs = [_prep(f"Tin {i}: KHẨN!!! phong tỏa {i} ngày, chia sẻ ngay", likes=i, shares=2 * i) for i in range(40)]
    together = [o.scores[LABEL] for o in det.detect_batch(docs)]
    alone = [det.detect_batch([d])[0].scores[LABEL] for d in docs[:5]]
    np.testing.assert_allclose(alone, together[:5], rtol=0, atol=1e-9)


@pytest.mark.parametrize(
    ("meta", "hour", "weekday"),
    [({"published_at": "2026-10-01T01:00:00+00:00"}, 8.0, 3.0),  # a Thursday in Vietnam
     ({"published_at": "2026-10-04T20:30:00+00:00"}, 3.5, 0.0),  # 03:30 on Monday in Vietnam
     ({"timestamp": "0"}, 7.0, 3.0), ({"timestamp": 0}, 7.0, 3.0), ({}, None, None),
     ({"published_at": "not a date"}, None, None), ({"timestamp": True}, None, None)],
)
def test_unreliable_hour_and_weekday(meta: dict[str, object], hour: float | None, weekday: float | None) -> None:
    row = meta_features(["x"], [meta])[0]
    h, wd = row[META_FEATURES.index("hour")], row[META_FEATURES.index("weekday")]
    assert (np.isnan(h) if hour is None else h == pytest.approx(hour))
    assert (np.isnan(wd) if weekday is None else wd == weekday)


def _reference(text: str, meta: dict[str, object]) -> dict[str, float]:
    def log_count(k: str) -> float:
        v = meta.get(k)
        return math.log1p(float(v)) if isinstance(v, (int, float)) and v >= 0 else math.nan  # type: ignore[operator]

    letters = sum(c.isalpha() for c in text) or 1
    return {
        "log_likes": log_count("likes"), "log_comments": log_count("comments"), "log_shares": log_count("shares"),
        "comments_per_like": log_count("comments") - log_count("likes"),
        "log_length": math.log1p(len(text)), "words": len(text.split()),
        "links": text.count("http") + text.count("www."), "hashtags": text.count("#"),
        "exclamations": text.count("!"), "questions": text.count("?"), "lines": text.count("\n"),
        "upper_ratio": sum(c.isupper() for c in text) / letters,
        "digit_ratio": sum(c.isdigit() for c in text) / max(len(text), 1),
        "emoji": sum(0x1F000 <= ord(c) <= 0x1FAFF or 0x2600 <= ord(c) <= 0x27BF for c in text),
    }


def test_unreliable_form_features_match_a_plain_python_count() -> None:
    texts = ["KHẨN CẤP!!! Xem ngay https://vd.example/a #tin #nóng 😱😱", "", "bình thường thôi\nok? 0912 345 678",
             "ĐÃ XÁC MINH ✅ www.vd.example 🇻🇳", "   ", "lỗi mã hoá \ud83d nửa emoji!"]
    metas: list[dict[str, object]] = [{"likes": 10, "comments": 0, "shares": 3}, {}, {"likes": "12"},
                                      {"likes": -1}, {"comments": 5}, {"shares": 0}]
    got = meta_features(texts, metas)
    assert got.shape == (len(texts), len(META_FEATURES))
    for row, text, meta in zip(got, texts, metas, strict=True):
        ref = _reference(text, {k: float(v) if isinstance(v, str) else v for k, v in meta.items()})
        for name, want in ref.items():
            v = row[META_FEATURES.index(name)]
            assert (np.isnan(v) if math.isnan(want) else v == pytest.approx(want)), (text, name)


@pytest.mark.data
def test_unreliable_shipped_model_heldout_auc(shared_data: Path) -> None:
    path = shared_data / "reintel" / "public_train.csv"
    if not path.exists():
        pytest.skip("shared ReINTEL data not present")
    from kiemchung.evaluation.unreliable import evaluate

    r = evaluate([path], "reintel-heldout")
    assert r["n"] > 500
    assert r["roc_auc"] >= 0.93
