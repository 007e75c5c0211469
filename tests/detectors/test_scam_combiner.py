"""The stacked combiner: the rule gate never changes a decision, the sender type is used, the model round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiemchung.detectors.base import Settings
from kiemchung.detectors.scam import ScamDetector, create
from kiemchung.scam.engine import assess, has_number, stack_features
from kiemchung.scam.model import STACK_FEATURES, ScamModel, sender_of, sms_len
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared

DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "scam_dev.jsonl"


@pytest.fixture(scope="module")
def detector() -> ScamDetector:
    det = create(Settings())
    if det.model is None:
        pytest.skip("the shipped scam model is missing")
    return det


def _prep(text: str, **meta: str) -> Prepared:
    return Prepared(Document(text=text, meta=meta), normalize(text))


def _ungated(det: ScamDetector, doc: Prepared) -> float:
    """P(scam) with rules and links always run (what the gate must never change)."""
    m = det.model
    assert m is not None
    z = float(m.logits([doc.norm.key])[0])
    a = assess(doc.text, doc.norm.key, None)
    feats = stack_features(a, z, has_number(doc.text), sender_of(doc.document.meta.get("sender_type")), len(doc.text))
    return m.combine(feats, len(a.guards))


def test_scam_gate_never_changes_a_decision(detector: ScamDetector) -> None:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [_prep(t) for t in texts] + [_prep(t, sender_type="personal_number") for t in texts[:80]]
    docs += [_prep(t, sender_type="brandname") for t in texts[80:160]]
    assert detector.model is not None
    thr = detector.model.threshold
    gated = 0
    for doc, a in zip(docs, detector.predict(docs)):
        assert a.model_score is not None
        full = _ungated(detector, doc)
        assert (a.model_score >= thr) == (full >= thr), doc.text
        if not a.types and not a.links and assess(doc.text, doc.norm.key, None).types:
            gated += 1
    assert gated > 0  # the gate did skip rules that would have matched, and nothing changed


def test_scam_rule_weights_stay_below_one() -> None:
    from kiemchung.scam.playbook import RULES

    # the gate skips the rules of a text that needs a rule score of 1 or more: no weight may reach 1
    assert all(0.0 < r.weight < 1.0 for r in RULES)


def test_scam_sender_type_is_used(detector: ScamDetector) -> None:
    text = "Ban da trung thuong 1 chiec xe may, lien he so 0912345678 de nhan giai"
    plain = detector.detect_batch([_prep(text)])[0].scores["scam"]
    assert detector.detect_batch([_prep(text, sender_type="no_such_sender")])[0].scores["scam"] == plain
    scores = {s: detector.detect_batch([_prep(text, sender_type=s)])[0].scores["scam"] for s in ("brandname", "personal_number")}
    assert scores["brandname"] != scores["personal_number"]


def test_scam_length_counts_for_sms_only(detector: ScamDetector) -> None:
    short, long = "Ban da trung thuong, lien he ngay", "Ban da trung thuong, lien he ngay" + " ." * 200
    assert sms_len(len(long), "unknown") == sms_len(len(short), "unknown") == 0.0
    assert sms_len(len(long), "personal_number") > sms_len(len(short), "personal_number") > 0.0
    m = detector.model
    assert m is not None
    # a post's base logit does not move with its length; an SMS's does
    assert m.base_logit(0.0, False, "unknown", 30) == m.base_logit(0.0, False, "unknown", 3000)
    assert m.base_logit(0.0, False, "personal_number", 30) != m.base_logit(0.0, False, "personal_number", 3000)


def test_scam_model_round_trips(tmp_path: Path, detector: ScamDetector) -> None:
    m = detector.model
    assert m is not None
    m.save(tmp_path)
    clone = ScamModel.load(tmp_path)
    keys = [normalize(t).key for t in ("nap tien nhan thuong ngay", "hom nay troi dep", "")]
    assert clone.predict_keys(keys) == pytest.approx(m.predict_keys(keys), abs=1e-6)
    assert clone.stack == m.stack and len(m.stack) == len(STACK_FEATURES)
    meta = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    meta["stack_features"] = meta["stack_features"][:-1]
    (tmp_path / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    from kiemchung.errors import ModelError

    with pytest.raises(ModelError, match="combiner"):
        ScamModel.load(tmp_path)
