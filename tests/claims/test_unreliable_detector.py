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
    grid = Grid(c_lr=(30.0,), c_nb=(30.0,), trees=({"max_iter": 30, "learning_rate": 0.3, "max_depth": 2},),
                heads=(("lr", "nb"),))
    result = train([d], d / "out", grid=grid)
    return d / "out" / "unreliable" / "model.npz", result


def test_unreliable_nb_only_model_with_masked_meta(tmp_path: Path) -> None:
    """A model whose trees read the NB-weighted text score alone (one text head), trained also on copies of the
    rows without metadata, trains, saves and scores — with and without metadata."""
    from kiemchung.models.unreliable_train import Grid, train

    _write_csv(tmp_path / "public_train.csv")
    grid = Grid(c_lr=(30.0,), c_nb=(30.0,), trees=({"max_iter": 30, "learning_rate": 0.3, "max_depth": 2},),
                heads=(("nb",),), mask_meta=True, mask_weight=(1.0, 0.25))
    result = train([tmp_path], tmp_path / "out", grid=grid)
    assert "roc_auc_text_nb_lr" in result and "roc_auc_text_lr" not in result
    assert {"roc_auc_without_meta", "reliable_above_half_without_meta", "roc_auc_known_engagement"} <= result.keys()
    cv = result["cv"]
    assert cv["chosen"]["heads"] == ["nb"] and cv["mask_meta"] is True  # type: ignore[index]
    # each weight of the masked copies is cross-validated, with the figures that judge it beside the AUC
    stack = cv["stack"]  # type: ignore[index]
    assert [row["mask_weight"] for row in stack] == [1.0, 0.25]
    assert all({"roc_auc_known_engagement", "roc_auc_without_meta", "reliable_above_half_without_meta"} <= row.keys()
               for row in stack)
    best = max(stack, key=lambda row: row["roc_auc"])
    assert cv["chosen"]["mask_weight"] == best["mask_weight"]  # type: ignore[index]
    model = UnreliableModel.load(tmp_path / "out" / "unreliable" / "model.npz")
    assert model.info["text_models"] == ["tfidf_nb_lr"] and model.text_w.shape[1] == 1
    texts = [UNRELIABLE[1].format(n=999), RELIABLE[2].format(n=999)]  # templates the toy training set uses
    norms = [normalize(t) for t in texts]
    text = model.text_scores([n.normalized for n in norms], [n.key for n in norms])
    assert text.shape == (2, 1) and text[0, 0] > text[1, 0]
    metas = [{"likes": 10, "comments": 3, "shares": 2, "timestamp": 1585945439}] * 2
    p = model.predict(texts, [n.normalized for n in norms], [n.key for n in norms], metas)
    assert p.shape == (2,) and p[0] > p[1]
    bare = model.predict(texts, [n.normalized for n in norms], [n.key for n in norms], [{}, {}])
    assert bare[0] > bare[1]


def test_unreliable_mask_weights_follow_augment_rows() -> None:
    """The rows weigh 1 and their two masked copies ``w``; weight 1 or no masking fits without weights at all
    (so the shipped recipe's trees are exactly the unweighted ones)."""
    from kiemchung.models.unreliable_train import _augment, _weights

    stack = np.zeros((3, 2 + len(META_FEATURES)))
    aug, _ = _augment(stack, np.asarray([0, 1, 0]), 2, on=True)
    w = _weights(3, True, 0.25)
    assert w is not None and w.shape == (aug.shape[0],)
    assert list(w) == [1.0] * 3 + [0.25] * 6
    assert _weights(3, True, 1.0) is None and _weights(3, False, 0.25) is None


def test_unreliable_augment_masks_engagement_then_all_meta() -> None:
    from kiemchung.models.unreliable_train import _augment

    k = 2
    stack = np.arange(3 * (k + len(META_FEATURES)), dtype=np.float64).reshape(3, -1)
    y = np.asarray([0, 1, 0])
    same, same_y = _augment(stack, y, k, on=False)
    assert same is stack and same_y is y
    aug, aug_y = _augment(stack, y, k, on=True)
    assert aug.shape == (9, stack.shape[1]) and list(aug_y) == [0, 1, 0] * 3
    np.testing.assert_array_equal(aug[:3], stack)
    engagement = [k + META_FEATURES.index(f) for f in ("log_likes", "log_comments", "log_shares",
                                                        "comments_per_like", "shares_per_like", "shares_per_comment")]
    time_cols = [k + META_FEATURES.index(f) for f in ("hour", "weekday")]
    rest = [j for j in range(stack.shape[1]) if j not in engagement + time_cols]
    assert np.isnan(aug[3:6, engagement]).all() and not np.isnan(aug[3:6, time_cols]).any()
    assert np.isnan(aug[6:, engagement + time_cols]).all()
    np.testing.assert_array_equal(aug[3:6, rest], stack[:, rest])  # text scores and form features are kept
    np.testing.assert_array_equal(aug[6:, rest], stack[:, rest])


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


SOBER_DRAFTS = [  # written for this test: ordinary posts a member might paste, no likes/comments/shares/time
    "Chiều nay chi đoàn tổ chức dọn vệ sinh khu phố, mọi người nhớ mang theo găng tay nhé.",
    "Trường thông báo lịch thi học kỳ I sẽ bắt đầu từ ngày 15/12, các em xem chi tiết trên cổng thông tin.",
    "Cảm ơn các anh chị đã đến dự buổi sinh hoạt chuyên đề hôm qua, tài liệu em gửi trong nhóm.",
    "Phường tổ chức tiêm vắc-xin cúm cho người cao tuổi vào sáng thứ Bảy tại trạm y tế.",
    "Hôm nay cả nhà đi Đà Lạt, trời se lạnh, hoa dã quỳ nở vàng cả con dốc.",
    "Bộ Giáo dục và Đào tạo công bố dự thảo quy chế thi tốt nghiệp, lấy ý kiến đến hết tháng này.",
]


def test_unreliable_shipped_model_judges_posts_without_metadata_on_their_text() -> None:
    # 2026.11-2 had learned "engagement missing => unreliable" from ReINTEL's `unknown` rows and scored most
    # sober posts sent without metadata above 0.5; the shipped model must not.
    det = create(Settings())
    sober = [o.scores[LABEL] for o in det.detect_batch([_prep(t) for t in SOBER_DRAFTS])]
    alarming = det.detect_batch([_prep(UNRELIABLE[0].format(n=7))])[0].scores[LABEL]
    assert sum(s >= 0.5 for s in sober) <= 1 and sorted(sober)[len(sober) // 2] < 0.3, sober  # 2026.11-2: all ≥ 0.75
    assert alarming > max(sober)
