from __future__ import annotations

import json
import pickle

import pytest

from kiemchung import Document, Evidence, Finding, NormalizedText, Report, Source
from kiemchung.types import ClaimMatch, QuoteCheck, sources_from


def test_finding_to_dict_lists_every_field_and_excerpt() -> None:
    text = "Gọi 0912 345 678 nhé"
    f = Finding("vi.privacy.phone.v1", "privacy.phone", 0.97, 4, 16, "Số điện thoại.",
                (Evidence("pattern", "vn_mobile", 0.0),), "nd356-d3")
    d = f.to_dict(text)
    assert d["excerpt"] == "0912 345 678" == text[d["start"] : d["end"]]
    assert d["category"] == "privacy"
    assert set(d) == {"label", "category", "score", "start", "end", "excerpt", "detector", "explanation",
                      "evidence", "rule"}
    assert d["evidence"] == [{"kind": "pattern", "detail": "vn_mobile", "score_delta": 0.0}]


def test_report_to_dict_is_json_and_keeps_text() -> None:
    text = "Ông A nói “không tăng thuế”."
    r = Report(text=text, findings=(), scores={"toxicity.hate": 0.01},
               claims=(ClaimMatch("fc1", 0.8, "Sai", "https://x.vn/1", 0, 5),),
               quotes=(QuoteCheck(10, 27, "Ông A", "faithful"),), versions={"kiemchung": "0.1.0"}, id="p1")
    d = json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
    assert d["id"] == "p1" and d["text"] == text
    assert set(d) == {"id", "text", "findings", "scores", "claims", "quotes", "versions"}
    assert d["claims"][0]["factcheck_id"] == "fc1" and d["quotes"][0]["verdict"] == "faithful"


def test_normalized_text_to_original_maps_and_rejects_out_of_range() -> None:
    nt = NormalizedText("ĐM", "đm", "dm", (0, 1), (1, 2))
    assert nt.to_original(0, 2) == (0, 2)
    assert nt.to_original(1, 1) == (1, 1)
    with pytest.raises(ValueError):
        nt.to_original(0, 3)


def test_sources_from_validates_objects() -> None:
    assert sources_from([{"id": "a", "text": "x", "speaker": "Bà B"}]) == (Source("a", "x", "Bà B"),)
    with pytest.raises(ValueError, match="source 0"):
        sources_from([{"id": "a"}])


def test_domain_objects_pickle() -> None:
    doc = Document("xin chào", id="1", sources=(Source("s", "nguồn"),), meta={"likes": 3})
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_report_to_json_equals_compact_dumps_of_to_dict() -> None:
    text = "Gọi “0912 345 678” nhé 😀"
    f = Finding("det", "privacy.phone", 0.9, 5, 17, "Số điện thoại", (Evidence("regex", "phone", 0.0),))
    versions_a = {"kiemchung": "0.1", "models": {"det": "1"}}
    versions_b = {"kiemchung": "0.2", "models": {}}
    for versions, rid in ((versions_a, "p1"), (versions_b, None), (versions_a, None)):
        rep = Report(text, (f,), {"scam": 0.12345}, (), (), versions, id=rid)
        expected = json.dumps(rep.to_dict(), ensure_ascii=False, separators=(",", ":"))
        assert rep.to_json() == expected
        assert json.loads(rep.to_json())["versions"] == versions


def test_normalized_tokens_are_built_on_first_use_and_survive_pickling() -> None:
    from kiemchung.text.normalize import normalize

    nt = normalize("ko bt gọi 0912 345 678 nha :))")
    clone = pickle.loads(pickle.dumps(nt))
    toks = nt.tokens
    assert toks and toks is nt.tokens  # built once, then kept
    assert [(t.text, t.start, t.end, t.kind) for t in clone.tokens] == [(t.text, t.start, t.end, t.kind) for t in toks]
    assert all(nt.normalized[t.start : t.end] == t.text for t in toks)
    assert clone == nt  # equality is about the text and its map, not how tokens are held


def test_report_to_json_matches_the_encoder_on_odd_values() -> None:
    import math

    f = Finding("d", "l", 0.5, 0, 1, "e\n\"", (Evidence("k", "v\t", math.inf),))
    for scores in ({"a": math.nan}, {"a": 1}, {"a": True}, {"b": 0.5, "a": 1e-7}, {"a": -0.0}, {"a": 1e20},
                   {}, {"x\"\n": 0.123456789}, {"z": 0.99995, "y": 0.00004}):
        for rid in (None, "p\u2028\"1", 7):
            rep = Report("x\ud800 \x00\x7f\u2028 “q” \\", (f,), scores, (), (), {"v": 1}, id=rid)  # type: ignore[arg-type]
            expected = json.dumps(rep.to_dict(), ensure_ascii=False, separators=(",", ":"))
            assert rep.to_json() == expected, (scores, rid)


def test_document_pickles_by_its_fields() -> None:
    doc = Document("bài", id=None, sources=(Source("s", "t", "A"),), meta={"likes": 1, "x": [1, 2]})
    clone = pickle.loads(pickle.dumps(doc, protocol=5))
    assert clone == doc and type(clone) is Document and clone.meta == {"likes": 1, "x": [1, 2]}


def test_report_to_json_findings_match_the_encoder() -> None:
    import math

    import numpy as np

    text = "Gọi “0912 345 678” nhé 😀 \u2028\"\\"
    ev = (Evidence("regex", "phone \"x\"\n", 0.0), Evidence("context", "gọi", 0.123456), Evidence("k", "", -0.0))
    cases = [
        Finding("det", "privacy.phone", 0.9, 5, 17, "Số điện thoại", ev, rule="qd874"),
        Finding("d", "toxicity", 1.0, 0, 0, "", ()),  # no dot in the label, empty span, no evidence
        Finding("d", "a.b.c", 0.99995, 3, len(text), "e\u2028", ev[:1]),
        # odd values: the encoder decides (nan, inf, a numpy score or offset, a bool offset)
        Finding("d", "l", math.nan, 0, 1, "x"),
        Finding("d", "l", 0.5, 0, 1, "x", (Evidence("k", "v", math.inf),)),
        Finding("d", "l", np.float64(0.25), 0, 1, "x"),  # type: ignore[arg-type]
        Finding("d", "l", 0.5, True, 1, "x"),  # type: ignore[arg-type]
    ]
    for n in range(len(cases)):
        for findings in ((cases[n],), tuple(cases[: n + 1])):
            rep = Report(text, findings, {"a": 0.5}, (), (), {"v": 1})
            expected = json.dumps(rep.to_dict(), ensure_ascii=False, separators=(",", ":"))
            assert rep.to_json() == expected, findings
