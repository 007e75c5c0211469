"""Playbook rules: phrases per type, unaccented text, guards, and the trigger-word prefilter."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kiemchung.scam.playbook import GUARDS, RULES, TYPES
from kiemchung.scam.rules import GUARD_TRIGGERS, TRIGGERS, find_guards, match_rules, rule_bound, rules_reach, type_scores, words_of
from kiemchung.scam.seed import SEED
from kiemchung.text.normalize import normalize

DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "scam_dev.jsonl"


def _ids(text: str) -> set[str]:
    return {h.rule.id for h in match_rules(normalize(text).key)}


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("phải chuyển tiền để chứng minh vô tội", "imp.vo_toi"),
        ("phai chuyen tien de chung minh vo toi", "imp.vo_toi"),
        ("anh liên quan đến vụ án rửa tiền", "imp.vu_an"),
        ("VIỆC NHẸ LƯƠNG CAO", "job.viec_nhe"),
        ("nạp trước 500k, hoàn vốn kèm hoa hồng", "job.nap_truoc"),
        ("cam kết lợi nhuận 30% mỗi tháng", "inv.cam_ket"),
        ("cập nhật sinh trắc học ngay", "phi.sinh_trac"),
        ("đọc giúp em mã OTP", "phi.otp"),
        ("nộp phí nhận thưởng 2 triệu", "pri.phi_nhan"),
        ("lấy lại tiền đã bị lừa", "rec.lay_lai"),
        ("em chuyển nhầm tiền", "mis.chuyen_nham"),
        ("con chị đang cấp cứu", "emg.tai_nan"),
        ("giải ngân trong 5 phút", "loan.no_xau"),
        ("chơi tài xỉu, nổ hũ", "gam.cuoc"),
    ],
)
def test_scam_rules_match_phrases(text: str, rule: str) -> None:
    assert rule in _ids(text)


@pytest.mark.parametrize(
    "text",
    ["chứng minh thư nhân dân", "không thể chấp nhận được", "hôm nay trời đẹp", "giá vàng tăng nhẹ", "con mèo nhà mình", "lương tháng này về rồi"],
)
def test_scam_rules_quiet_on_ordinary_text(text: str) -> None:
    assert type_scores(match_rules(normalize(text).key)) == {}


def test_scam_rules_guards_find_warnings() -> None:
    key = normalize("Cảnh giác! Tuyệt đối không cung cấp mã OTP cho bất kỳ ai.").key
    assert len(find_guards(key)) >= 2
    assert find_guards(normalize("Chuyển tiền ngay cho em").key) == []


def test_scam_rules_every_rule_is_typed_and_triggered() -> None:
    assert {r.type for r in RULES} <= set(TYPES)
    assert set(TRIGGERS) == {r.id for r in RULES}
    assert len(GUARD_TRIGGERS) == len(GUARDS)
    assert all(0 < r.weight <= 1 and r.why for r in RULES)


def test_scam_rules_prefilter_is_exact() -> None:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t for t, _, _ in SEED]
    for t in texts:
        key = normalize(t).key
        fast = sorted((h.rule.id, h.start, h.end) for h in match_rules(key))
        full = sorted((h.rule.id, h.start, h.end) for h in match_rules(key, prefilter=False))
        assert fast == full, t
        assert find_guards(key) == find_guards(key, prefilter=False), t


def test_scam_rule_bound_is_the_highest_type_score() -> None:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [t for t, _, _ in SEED] + ["hôm nay trời đẹp", ""]
    tight = 0
    for t in texts:
        key = normalize(t).key
        best = max((s for s, _ in type_scores(match_rules(key, prefilter=False)).values()), default=0.0)
        bound = rule_bound(key, words_of(key))
        assert bound == pytest.approx(best), t  # exact: guards are applied later, by the engine
        for need in (-1.0, 0.0, 0.2, 0.45, 0.6, 0.8, 0.95, 2.0):  # the detector's early-exit test agrees with it
            assert rules_reach(key, words_of(key), need) == (bound >= need), (t, need)
        tight += bound == 0.0
    assert tight > 0  # some texts need no rule at all


@pytest.mark.parametrize(
    "text", ["Chuyển tiền_gấp, ngay!!! 0912.345.678 (x2)", "a_b-c\x00d\x7fe\x1ff\tg", "".join(map(chr, range(128))), "Đà Nẵng ơi"]
)
def test_scam_words_of_matches_the_word_regex(text: str) -> None:
    for s in (text, normalize(text).key):
        assert words_of(s) == set(re.findall(r"\w+", s))
