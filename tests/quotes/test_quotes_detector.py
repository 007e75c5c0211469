"""The quote-integrity detector: report entries, findings on the original text, no sources, pickling."""

from __future__ import annotations

import pickle

import pytest

from kiemchung.analyzer import Analyzer
from kiemchung.detectors.base import Detector, Settings
from kiemchung.detectors.quotes import QuoteIntegrityDetector, create
from kiemchung.text.normalize import normalize
from kiemchung.types import Document, Prepared, Source

SOURCE = Source(
    "phat-bieu",
    "Kinh tế năm nay có thể tăng trưởng 6,5 phần trăm. Xuất khẩu đang phục hồi tốt, nhưng thị trường bất động "
    "sản vẫn còn nhiều rủi ro. Doanh nghiệp nhỏ và vừa vẫn chưa tiếp cận được vốn vay ưu đãi.",
    "Hoàng Thị Mai",
)


def _run(text: str, sources: tuple[Source, ...] = (SOURCE,)) -> tuple[Document, object]:
    doc = Document(text=text, sources=sources)
    (out,) = QuoteIntegrityDetector().detect_batch([Prepared(doc, normalize(doc.text))])
    return doc, out


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Bà Mai nói: “Xuất khẩu đang phục hồi tốt”. Nghe mà mừng!", ["quote.truncated"]),
        ("Bà Mai: «Kinh tế năm nay có thể tăng trưởng 9,5 phần trăm».", ["quote.altered"]),
        ("Bà Mai: «Kinh tế năm nay sẽ rơi vào suy thoái nghiêm trọng».", ["quote.not_found"]),
        ("Bà Mai: «Kinh tế năm nay có thể tăng trưởng 6,5 phần trăm».", []),
        ("Hôm nay trời đẹp quá, không trích dẫn ai cả.", []),
        ("Đúng là “siêu lừa” luôn.", []),
    ],
)
def test_quotes_detector_findings_table(text: str, labels: list[str]) -> None:
    doc, out = _run(text)
    assert [f.label for f in out.findings] == labels
    for f in out.findings:
        assert f.detector == "vi.quotes.integrity.v1"
        assert 0.5 <= f.score <= 1.0
        assert text[f.start : f.end] in text and f.end > f.start
        assert f.explanation and f.evidence
    for q in out.quotes:
        assert doc.text[q.start : q.end]
        if q.verdict != "not_found":
            assert SOURCE.text[q.source_start : q.source_end]


def test_quotes_detector_spans_index_the_original_text() -> None:
    text = "  Bà   MAI nói: “XUẤT KHẨU đang phục hồi tốt”!!!"
    doc, out = _run(text)
    (f,) = out.findings
    assert text[f.start : f.end] == "XUẤT KHẨU đang phục hồi tốt"
    (q,) = out.quotes
    assert (q.start, q.end, q.verdict, q.source_id) == (f.start, f.end, "truncated", "phat-bieu")
    assert SOURCE.text[q.source_start : q.source_end] == "Xuất khẩu đang phục hồi tốt"
    assert "nhưng thị trường bất động sản" in f.explanation


def test_quotes_detector_reports_every_quote_of_a_post() -> None:
    text = ("Bà Mai nói “kinh tế năm nay có thể tăng trưởng 6,5 phần trăm” và “doanh nghiệp nhỏ và vừa tiếp cận "
            "được vốn vay ưu đãi”, còn “doanh nghiệp nhỏ và vừa đã tiếp cận được vốn vay ưu đãi”.")
    _, out = _run(text)
    assert [q.verdict for q in out.quotes] == ["faithful", "truncated", "altered"]
    assert [f.label for f in out.findings] == ["quote.truncated", "quote.altered"]
    assert [text[f.start : f.end] for f in out.findings] == [
        "doanh nghiệp nhỏ và vừa tiếp cận được vốn vay ưu đãi", "doanh nghiệp nhỏ và vừa đã tiếp cận được vốn vay ưu đãi"]


def test_quotes_detector_without_sources_says_nothing() -> None:
    _, out = _run("Bà Mai: «Kinh tế năm nay sẽ rơi vào suy thoái nghiêm trọng».", ())
    assert out.quotes == () and out.findings == ()


def test_quotes_detector_batch_keeps_order() -> None:
    texts = ["Bà Mai: «Kinh tế năm nay có thể tăng trưởng 9,5 phần trăm».", "Không có gì.",
             "Bà Mai nói: “Xuất khẩu đang phục hồi tốt”."]
    docs = [Document(text=t, sources=(SOURCE,)) for t in texts]
    outs = QuoteIntegrityDetector().detect_batch([Prepared(d, normalize(d.text)) for d in docs])
    assert [[f.label for f in o.findings] for o in outs] == [["quote.altered"], [], ["quote.truncated"]]


def test_quotes_detector_pickles() -> None:
    det = create(Settings())
    assert isinstance(det, Detector)
    clone = pickle.loads(pickle.dumps(det))
    doc = Document(text="Bà Mai nói: “Xuất khẩu đang phục hồi tốt”.", sources=(SOURCE,))
    prepared = [Prepared(doc, normalize(doc.text))]
    assert clone.detect_batch(prepared) == det.detect_batch(prepared)


def test_quotes_detector_runs_in_the_analyzer() -> None:
    analyzer = Analyzer([QuoteIntegrityDetector()])
    report = analyzer.analyze(Document(text="Bà Mai nói: “Xuất khẩu đang phục hồi tốt”.", sources=(SOURCE,)))
    data = report.to_dict()
    assert [f["label"] for f in data["findings"]] == ["quote.truncated"]
    assert data["findings"][0]["rule"] == "nd15-d101k1"
    assert data["quotes"][0]["verdict"] == "truncated"
    assert data["findings"][0]["excerpt"] == "Xuất khẩu đang phục hồi tốt"
