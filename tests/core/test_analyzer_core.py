from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import Any, ClassVar

import pytest

from kc_support import KeywordDetector
from kiemchung.analyzer import Analyzer
from kiemchung.detectors.registry import Registry
from kiemchung.errors import ConfigError, KiemChungError
from kiemchung.policy.pack import load_policy
from kiemchung.types import DetectorOutput, Document, Finding, Prepared


def test_analyzer_batch_keeps_input_order_and_ids(bare_analyzer: Analyzer) -> None:
    docs = [Document("bạn thật tốt", id="a"), Document("đồ NGU!", id="b"), Document("", id="c")]
    reports = bare_analyzer.analyze_batch(docs)
    assert [r.id for r in reports] == ["a", "b", "c"]
    assert reports[0].findings == ()
    (f,) = reports[1].findings
    assert reports[1].text[f.start : f.end] == "NGU"
    assert f.rule == "qd874-d4k6"  # filled from the policy pack
    assert reports[2].findings == ()


def test_analyzer_spans_index_original_text_without_diacritics(bare_analyzer: Analyzer) -> None:
    text = "Ａnh là đồ ngu\u200bngốc"
    (f,) = bare_analyzer.analyze(text).findings
    assert text[f.start : f.end] == "ngu"


def test_analyzer_policy_threshold_drops_low_scores() -> None:
    class Weak(KeywordDetector):
        name: ClassVar[str] = "test.weak.v1"

        def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
            return [DetectorOutput(findings=(Finding(self.name, "toxicity.offensive", 0.2, 0, 1, "x"),)) for _ in docs]

    assert Analyzer([Weak()]).analyze("abc").findings == ()


def test_analyzer_rejects_span_outside_text() -> None:
    class Bad(KeywordDetector):
        name: ClassVar[str] = "test.bad.v1"

        def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
            return [DetectorOutput(findings=(Finding(self.name, "toxicity.offensive", 0.9, 0, 99, "x"),)) for _ in docs]

    with pytest.raises(KiemChungError, match="outside the text"):
        Analyzer([Bad()]).analyze("abc")


def test_analyzer_rejects_wrong_result_count() -> None:
    class Short(KeywordDetector):
        name: ClassVar[str] = "test.short.v1"

        def detect_batch(self, docs: Sequence[Prepared]) -> list[DetectorOutput]:
            return []

    with pytest.raises(KiemChungError, match="returned 0 results for 1"):
        Analyzer([Short()]).analyze("abc")


def test_registry_add_get_remove_select() -> None:
    reg = Registry([KeywordDetector()])
    assert "test.keyword.v1" in reg and len(reg) == 1
    assert reg.get("test.keyword.v1").name == "test.keyword.v1"
    assert len(reg.select(categories=["toxicity"])) == 1
    assert len(reg.select(labels=["privacy.phone"])) == 0
    with pytest.raises(ConfigError):
        reg.add(KeywordDetector())
    reg.remove("test.keyword.v1")
    with pytest.raises(ConfigError):
        reg.get("test.keyword.v1")
    with pytest.raises(ConfigError):
        reg.add(object())  # type: ignore[arg-type]


def test_registry_loads_builtins_through_entry_points() -> None:
    reg = Registry.from_entry_points()
    for d in reg:
        assert d.name.count(".") >= 2 and d.labels


def test_analyzer_pickles(bare_analyzer: Analyzer) -> None:
    clone = pickle.loads(pickle.dumps(bare_analyzer))
    assert clone.analyze("ngu").findings[0].label == "toxicity.offensive"


def test_policy_pack_rejects_bad_values(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "p.toml"
    p.write_text('name="x"\nversion=1\n[labels."scam"]\nthreshold=2\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="threshold"):
        load_policy(p)
    p.write_text('name="x"\nversion=1\n[labels."scam"]\nrule="nope"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not defined"):
        load_policy(p)
    assert load_policy().for_label("privacy.phone").rule == "nd356-d3"


def test_registry_default_has_every_builtin_family() -> None:
    from kiemchung.detectors.base import Settings

    fc = {"id": "fc1", "claim": "Uống nước chanh chữa khỏi ung thư", "rating": "Sai", "url": "https://x.vn/1",
          "date": "2026-01-01"}
    names = Registry.from_entry_points(Settings(factchecks=[fc])).names
    for prefix in ("vi.toxicity.", "vi.misinformation.claim.", "vi.misinformation.unreliable.", "vi.scam.",
                   "vi.privacy.phone.", "vi.privacy.cccd.", "vi.quotes."):
        assert any(n.startswith(prefix) for n in names), prefix
    # without fact-checks there is nothing to match claims against: the claims detector stays out
    assert not any(n.startswith("vi.misinformation.claim.") for n in Registry.from_entry_points().names)


def test_registry_names_a_broken_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import EntryPoint

    import kiemchung.detectors.registry as registry_module

    broken = EntryPoint(name="broken", value="kiemchung_missing_plugin:create", group="kiemchung.detectors")
    monkeypatch.setattr(registry_module, "entry_points", lambda group: [broken])
    with pytest.raises(ConfigError, match="broken"):
        Registry.from_entry_points()


def test_analyzer_scores_shared_features_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # toxicity's and the unreliable model's features are nested: the analyzer scores both in one joint pass and
    # hands each detector its raw scores; the reports are what each detector gives on its own
    from kiemchung.detectors.base import SharesFeatures, Settings
    from kiemchung.text import features as F

    full = Analyzer.default(Settings(), only=["toxicity", "unreliable"])
    shared = [d for d in full.registry if isinstance(d, SharesFeatures)]
    assert {d.name for d in shared} == {"vi.toxicity.linear.v1", "vi.misinformation.unreliable.v1"}
    docs = [Document("đm thằng ngu này, cút đi"), Document("Hôm nay trời đẹp, cả nhà đi chơi công viên 🌷"),
            Document("SHARE NGAY!!! uống nước chanh chữa khỏi ung thư", meta={"likes": 3, "shares": 900}),
            Document("")]
    passes: list[int] = []
    joint = F.joint_linear_scores

    def counting(parts: Sequence[F.LinearPart], normalized: Sequence[str], keys: Sequence[str]) -> list[Any]:
        passes.append(len(parts))
        return list(joint(parts, normalized, keys))

    monkeypatch.setattr("kiemchung.analyzer.joint_linear_scores", counting)
    together = [r.to_json() for r in full.analyze_batch(docs)]
    assert passes == [2]  # one call for both detectors' parts
    alone = [Analyzer([d], full.policy).analyze_batch(docs) for d in shared]
    for i, rep in enumerate(together):
        scores = {**alone[0][i].scores, **alone[1][i].scores}
        findings = sorted(alone[0][i].findings + alone[1][i].findings, key=lambda f: (f.start, f.end, f.label))
        again = full.analyze_batch([docs[i]])[0]
        assert rep == again.to_json()
        assert again.scores == scores and list(again.findings) == findings
    assert any(f.label == "toxicity.offensive" or f.label == "toxicity.hate"
               for f in full.analyze_batch(docs[:1])[0].findings)


def test_analyzer_shared_pass_follows_registry_changes() -> None:
    # the joint pass is planned per batch from the registry as it is then: removing a detector after construction
    # neither breaks the batch nor hands a detector another's scores
    from kiemchung.detectors.base import Settings

    an = Analyzer.default(Settings(), only=["toxicity", "unreliable"])
    doc = Document("đm thằng ngu này, cút đi")
    both = an.analyze_batch([doc])[0]
    an.registry.remove("vi.misinformation.unreliable.v1")
    alone = an.analyze_batch([doc])[0]
    assert "misinformation.unreliable" in both.scores and "misinformation.unreliable" not in alone.scores
    assert alone.scores == {k: v for k, v in both.scores.items() if k.startswith("toxicity.")}
    assert alone.findings == both.findings
