import json
from pathlib import Path

import pytest

from kiemchung.claims import FactCheck, factchecks_from_records, load_factchecks
from kiemchung.errors import InputError

DATA = Path(__file__).resolve().parents[1] / "data"
FIX = DATA / "factchecks"


def test_loaders_claimreview_graph() -> None:
    fcs = load_factchecks(FIX / "claimreview_graph.jsonld")
    assert [fc.verdict for fc in fcs] == ["false", "misleading", "partly_false"]  # the WebSite node is skipped
    first = fcs[0]
    assert first.id == first.url == "https://kiemchung.example/fact-check/nuoc-chanh-ung-thu"
    assert first.claim == "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư"
    assert (first.rating, first.publisher, first.date) == ("Sai sự thật", "Kiểm chứng mẫu", "2025-03-14")
    assert first.claimant == "Một trang Facebook" and first.language == "vi"
    assert fcs[1].publisher == "Tổ kiểm chứng mẫu"  # publisher when there is no author
    assert fcs[2].rating == "2"  # only ratingValue: kept as the rating text, verdict from the 1..5 scale


def test_loaders_claimreview_single_and_list() -> None:
    (single,) = load_factchecks(FIX / "claimreview_single.json")
    assert (single.verdict, single.publisher, single.claimant) == ("partly_false", "Example Fact Check", "Viral post")
    verdicts = [fc.verdict for fc in load_factchecks(FIX / "claimreview_list.json")]
    assert verdicts == ["false", "true"]


def test_loaders_google_claims_search() -> None:
    fcs = load_factchecks(FIX / "google_claims_search.json")
    assert len(fcs) == 3  # one per claimReview
    a, b, c = fcs
    assert a.claim == b.claim == "Ngân hàng Nhà nước sẽ hủy tờ tiền 500 nghìn đồng từ tháng 7"
    assert (a.publisher, a.rating, a.verdict, a.date, a.language) == ("Kiểm chứng mẫu", "Sai", "false", "2025-06-03", "vi")
    assert b.publisher == "tokiemchung.example"  # site when there is no name
    assert a.claimant == "Bài đăng mạng xã hội"
    assert c.verdict == "false" and c.language == "en"


def test_loaders_jsonl_dev_set() -> None:
    fcs = load_factchecks(DATA / "factchecks_dev.jsonl")
    assert len(fcs) >= 100
    assert len({fc.id for fc in fcs}) == len(fcs)
    assert all(fc.verdict != "unknown" for fc in fcs)


@pytest.mark.parametrize(
    ("content", "suffix", "record", "reason"),
    [
        ('{"id": "a", "claim": "x", "rating": "Sai"}\n{"id": "b", "rating": "Sai"}\n', ".jsonl", 2, "claim"),
        ('{"id": "a", "claim": "x", "rating": "Sai"}\nnot json\n', ".jsonl", 2, "JSON"),
        ('[{"@type": "ClaimReview", "claimReviewed": "x", "reviewRating": {"alternateName": "Sai"}},'
         ' {"@type": "ClaimReview", "claimReviewed": "y"}]', ".json", 2, "reviewRating"),
        ('{"claims": [{"text": "x", "claimReview": [{"url": "u"}]}]}', ".json", 1, "textualRating"),
        ('{"claims": [', ".json", None, "JSON"),
    ],
)
def test_loaders_malformed_names_file_record_reason(
    tmp_path: Path, content: str, suffix: str, record: int | None, reason: str
) -> None:
    p = tmp_path / f"bad{suffix}"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as ei:
        load_factchecks(p)
    assert ei.value.file == str(p)
    assert ei.value.record == record
    assert reason in str(ei.value)


def test_loaders_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        load_factchecks(tmp_path / "none.jsonl")


def test_loaders_duplicate_ids_keep_last(tmp_path: Path) -> None:
    p = tmp_path / "dup.jsonl"
    rows = [{"id": "a", "claim": "cũ", "rating": "Sai"}, {"id": "a", "claim": "mới", "rating": "Đúng"}]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    (fc,) = load_factchecks(p)
    assert (fc.claim, fc.verdict) == ("mới", "true")


def test_loaders_records_and_roundtrip() -> None:
    d = {"id": "x1", "claim": "Uống nước đá gây ung thư", "rating": "Sai", "url": "https://e.example/x1",
         "date": "2025-01-01", "publisher": "P"}
    (fc,) = factchecks_from_records([d])
    assert isinstance(fc, FactCheck) and fc.verdict == "false"
    assert FactCheck.from_dict(fc.to_dict()) == fc
    with pytest.raises(InputError) as ei:
        factchecks_from_records([d, {"id": "x2"}])
    assert ei.value.record == 2
