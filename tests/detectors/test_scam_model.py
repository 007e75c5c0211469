"""Masking, the model artifact, training on a tiny set, and the `eval scam` metrics."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from kiemchung.errors import InputError
from kiemchung.evaluation.scam import evaluate
from kiemchung.scam.data import Example, ie403_split
from kiemchung.scam.features import mask, mask_key
from kiemchung.scam.model import ScamModel

REPO = Path(__file__).resolve().parents[2]
DEV = REPO / "tests" / "data" / "scam_dev.jsonl"
SHARED = REPO / ".." / "shared" / "data"


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Gọi 0912 345 678 ngay", "0912"),
        ("vào http://vcb-abc.xyz/login nhé", "vcb-abc"),
        ("mã OTP 483920 của bạn", "483920"),
        ("Nguyễn Văn An chuyển tiền", "Nguyễn Văn An"),
        ("anh Tuấn ơi", "Tuấn"),
        ("mã đơn SPX12AB34", "SPX12AB34"),
    ],
)
def test_scam_mask_removes_personal_tokens(text: str, gone: str) -> None:
    assert gone not in mask(text)


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("vao https://www.vcb-xacthuc.top/login?id=99 ngay", ["lienketx", "tldtop", "hostvcb", "hostxacthuc"]),
        ("xem tai evnhcmc.com.vn", ["lienketx", "tldvn", "hostevnhcmc"]),
        ("https://user@abc.com:8080/x", ["lienketx", "tldcom", "hostabc"]),
        ("lien he lan.nguyen88@gmail.com", ["thudientux"]),
    ],
)
def test_scam_mask_keeps_where_a_link_points(key: str, words: list[str]) -> None:
    masked = mask_key(key).split()
    assert [w for w in masked if w.startswith(("lienketx", "tld", "host", "thudientux"))] == words
    assert not any(ch.isdigit() for ch in "".join(masked))  # paths, ports and digits are not kept


def test_scam_model_ships_with_version_and_labels() -> None:
    m = ScamModel.load()
    assert m.meta["labels"] == ["not_scam", "scam"]
    assert m.version and 0 < m.threshold < 1
    assert 0.0 <= m.predict_keys(["xin chao"])[0] <= 1.0


def test_scam_split_is_deterministic_and_stratified() -> None:
    rows = [Example(f"tin nhan so {i}", int(i % 4 == 0)) for i in range(200)] + [Example("tin nhan so 1", 0)]
    tr, dev = ie403_split(rows)
    assert {e.text for e in dev} == {e.text for e in ie403_split(list(reversed(rows)))[1]}
    assert len(dev) == 40 and sum(e.label for e in dev) == 10
    assert not {e.text for e in tr} & {e.text for e in dev}  # duplicates stay on one side


def test_scam_eval_own_set_meets_target() -> None:
    result = evaluate([DEV], fmt="jsonl")
    assert set(result) >= {"f1", "precision", "recall"}
    assert result["n"] >= 200
    assert result["f1"] >= 0.92


def test_scam_eval_rejects_bad_input(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "label": 2}\n', encoding="utf-8")
    with pytest.raises(InputError, match="label"):
        evaluate([bad], fmt="jsonl")
    with pytest.raises(InputError):
        evaluate([bad], fmt="vihsd")


@pytest.mark.slow
def test_scam_train_tiny_set(tmp_path: Path) -> None:
    from kiemchung.models.scam_train import train

    data = tmp_path / "data" / "ie403_sms_smishing"
    data.mkdir(parents=True)
    with (data / "dataset.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["content", "label", "has_url", "has_phone_number", "sender_type"])
        for i in range(30):
            w.writerow([f"Quy khach da trung thuong {i} trieu, nop phi nhan thuong tai link", 1, 1, 0, "personal_number"])
            w.writerow([f"Goi cuoc data thang {i} da duoc gia han thanh cong", 0, 0, 0, "brandname"])
    out = tmp_path / "model"
    result = train([tmp_path / "data"], out)
    assert {"threshold", "dev_model_f1"} <= set(result)
    m = ScamModel.load(out)
    assert json.loads((out / "meta.json").read_text(encoding="utf-8"))["format"] == m.meta["format"]
    assert m.predict_keys(["quy khach da trung thuong nop phi nhan thuong"])[0] > 0.5


@pytest.mark.data
def test_scam_eval_sms_dev_split() -> None:
    csv_path = SHARED / "ie403_sms_smishing" / "dataset.csv"
    if not csv_path.exists():
        pytest.skip("shared data not present")
    result = evaluate([csv_path], fmt="ie403")
    assert result["split"] == "ie403_dev"
    assert result["n"] > 300
    # measured 0.825 with model 2026.11-2 (P 0.97, R 0.72; see MODEL_CARD.md: 46 scams, one message moves F1 by
    # 0.01-0.02); the 0.92 target is not met yet, guard against regressions
    assert result["f1"] >= 0.80
