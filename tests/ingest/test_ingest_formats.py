from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiemchung.errors import ImportFormatError, InputError
from kiemchung.ingest import content_hash, fix_mojibake, get_importer, read_records
from kiemchung.ingest.base import html_to_text
from kiemchung.ingest.youtube import comment_text

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Nguy\u00e1\u00bb\u0085n V\u00c4\u0083n An", "Nguyễn Văn An"),
        ("Ch\u00c3\u00bac m\u00e1\u00bb\u00abng", "Chúc mừng"),
        ("Nguyễn Văn An", "Nguyễn Văn An"),  # already right: unchanged
        ("café 100°", "café 100°"),  # latin-1 text that is not UTF-8 bytes: unchanged
        ("plain ascii", "plain ascii"),
    ],
)
def test_ingest_fix_mojibake(broken: str, fixed: str) -> None:
    assert fix_mojibake(broken) == fixed


def test_ingest_facebook_repairs_text_keeps_raw() -> None:
    recs = read_records("facebook", DATA / "facebook_posts.json")
    assert [r.text for r in recs] == [
        "Chúc mừng ngày Nhà giáo Việt Nam 20/11! Cảm ơn các thầy cô.",
        "Chiều nay chi đoàn ra quân dọn vệ sinh bờ kênh, ai rảnh tham gia nhé.",
        "",
    ]
    assert recs[0].published_at == datetime.fromtimestamp(1790000000, UTC)
    assert recs[1].url == "https://example.vn/bai-viet/don-ve-sinh"
    assert recs[0].raw["data"][0]["post"].startswith("Ch\u00c3\u00bac")  # raw record as exported


def test_ingest_x_tweets_js() -> None:
    recs = read_records("x", DATA / "tweets.js")
    assert [r.external_id for r in recs] == ["1860000000000000001", "1860000000000000002"]
    assert recs[0].text == "Đọc bài này trước khi chia sẻ nhé & kiểm tra nguồn: https://example.vn/kiem-chung"
    assert recs[0].published_at == datetime(2026, 11, 1, 8, 15, tzinfo=UTC)
    assert recs[0].url == "https://x.com/i/web/status/1860000000000000001"
    assert recs[0].raw["tweet"]["favorite_count"] == "3"


def test_ingest_tiktok_videos() -> None:
    recs = read_records("tiktok", DATA / "tiktok_user_data.json")
    assert [r.external_id for r in recs] == ["7301234567890123456", "7301234567890123457"]
    assert recs[0].text.startswith("Hướng dẫn nhận biết") and recs[0].published_at == datetime(2026, 10, 5, 12,
                                                                                                   tzinfo=UTC)


@pytest.mark.parametrize("name", ["youtube_comments.csv", "youtube_comments.json"])
def test_ingest_youtube_comments(name: str) -> None:
    recs = read_records("youtube", DATA / name)
    assert [r.text for r in recs] == ["Video rất bổ ích, cảm ơn kênh!", "Đồng ý với @kenhtinhnguyen ạ"]
    assert recs[1].url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxAbC2"


@pytest.mark.parametrize(
    ("raw", "text"),
    [('{"text":"a"},{"text":"b"}', "ab"), ("văn bản thường", "văn bản thường"), ("{không phải json", "{không phải json")],
)
def test_ingest_youtube_comment_text(raw: str, text: str) -> None:
    assert comment_text(raw) == text


def test_ingest_feeds_rss_and_atom() -> None:
    rss = read_records("rss", DATA / "feed_rss.xml")
    assert rss[0].text == "Ghi chép chuyến đi Mộc Châu\n\nCao nguyên mùa này rất đẹp & yên bình."
    assert rss[0].external_id == "https://an-nguyen.example.vn/?p=101"
    assert rss[0].published_at == datetime(2026, 10, 10, 0, 0, tzinfo=UTC)
    (atom,) = read_records("atom", DATA / "feed_atom.xml")
    assert atom.text == "Mùa thu Hà Nội\n\nHoa sữa nở khắp phố." and atom.url == "https://binh.example.vn/mua-thu"


def test_ingest_generic_jsonl_and_csv() -> None:
    j = read_records("jsonl", DATA / "posts.jsonl")
    assert [r.external_id for r in j] == ["p1", "p2", "3"] and j[2].published_at is None
    assert j[1].raw["likes"] == 10
    c = read_records("csv", DATA / "posts.csv")
    assert c[1].text == 'Chia sẻ: "đọc kỹ trước khi bấm chia sẻ"'
    assert c[1].published_at == datetime(2026, 10, 9, tzinfo=UTC) and c[1].url is None


@pytest.mark.parametrize(
    ("fmt", "name", "record", "reason"),
    [
        ("facebook", "facebook_broken.json", "bản ghi 2", "timestamp"),
        ("x", "tweets_broken.js", "bản ghi 2", "created_at"),
        ("tiktok", "tiktok_broken.json", "bản ghi 2", "Link"),
        ("youtube", "youtube_comments_broken.csv", "dòng 3", "số cột"),
        ("feed", "feed_broken.xml", "dòng", "XML"),
        ("jsonl", "posts_broken.jsonl", "dòng 2", "JSON"),
        ("csv", "posts_broken.csv", "dòng 3", "ngày mai"),
        ("x", "posts.jsonl", None, "tweets.js"),  # wrong format for the file
        ("facebook", "tweets.js", None, "JSON"),
        ("tiktok", "posts.csv", None, "JSON"),
        ("feed", "posts.jsonl", None, ""),
    ],
)
def test_ingest_broken_files_name_file_record_reason(fmt: str, name: str, record: str | None, reason: str) -> None:
    with pytest.raises(ImportFormatError) as info:
        read_records(fmt, DATA / name)
    msg = str(info.value)
    assert name in msg and reason in msg
    if record:
        assert record in msg


def test_ingest_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="không mở được"):
        read_records("jsonl", tmp_path / "khong-co.jsonl")
    with pytest.raises(InputError, match="định dạng"):
        get_importer("myspace")
    nan = tmp_path / "nan.jsonl"
    nan.write_text('{"text": "a"}\n{"text": "b", "score": NaN}\n', encoding="utf-8")
    with pytest.raises(ImportFormatError, match="NaN") as info:
        read_records("jsonl", nan)
    assert "dòng 2" in str(info.value)
    bad = tmp_path / "latin1.jsonl"
    bad.write_bytes('{"text": "caf\xe9"}\n'.encode("latin-1"))
    with pytest.raises(ImportFormatError, match="UTF-8"):
        read_records("jsonl", bad)


def test_ingest_content_hash_stable() -> None:
    t = datetime(2026, 10, 1, 1, 0, tzinfo=UTC)
    assert content_hash("Xin chào", t) == content_hash("Xin chào", t.astimezone())
    assert content_hash("Xin cha\u0300o", t) == content_hash("Xin chào", t)  # NFD == NFC
    assert content_hash("Xin chào", t) != content_hash("Xin chào", None)


def test_ingest_html_to_text() -> None:
    assert html_to_text("<p>Một <b>hai</b></p><p>ba &amp; bốn</p><script>x()</script>") == "Một hai\n\nba & bốn"
