from __future__ import annotations

import json
from pathlib import Path

import pytest

from kc_support import KeywordDetector
from kiemchung.analyzer import Analyzer
from kiemchung.errors import InputError
from kiemchung.pipeline.local import scan_files

TEXTS = ["bài viết bình thường", "đồ ngu", "Ngu quá đi", "chào buổi sáng", "ngu ngu"]


def _posts(tmp_path: Path, n: int = 53) -> Path:
    p = tmp_path / "posts.jsonl"
    with p.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"p{i}", "text": f"{TEXTS[i % len(TEXTS)]} #{i}"}, ensure_ascii=False) + "\n")
    return p


def _lines(p: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(x) for x in p.read_text(encoding="utf-8").splitlines()]


def test_scan_files_workers_give_the_same_output_as_one_process(tmp_path: Path) -> None:
    inp = _posts(tmp_path)
    analyzer = Analyzer([KeywordDetector()])
    one = scan_files(analyzer, [inp], tmp_path / "one.jsonl", batch_size=7, workers=1)
    two = scan_files(analyzer, [inp], tmp_path / "two.jsonl", batch_size=7, workers=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert one.posts == two.posts == 53
    assert one.findings == two.findings and one.findings["toxicity.offensive"] > 0
    assert [x["id"] for x in _lines(tmp_path / "one.jsonl")] == [f"p{i}" for i in range(53)]


def test_scan_files_resume_after_interruption_equals_full_run(tmp_path: Path) -> None:
    inp = _posts(tmp_path)
    analyzer = Analyzer([KeywordDetector()])
    full = scan_files(analyzer, [inp], tmp_path / "full.jsonl", batch_size=5)

    class Boom(Exception):
        pass

    seen = {"n": 0}

    def crash(n: int) -> None:
        seen["n"] += n
        if seen["n"] >= 20:
            raise Boom

    out = tmp_path / "out.jsonl"
    with pytest.raises(Boom):
        scan_files(analyzer, [inp], out, batch_size=5, on_batch=crash)
    assert not out.exists() and (tmp_path / "out.jsonl.part.ckpt").exists()
    starts: list[int] = []
    resumed = scan_files(analyzer, [inp], out, batch_size=5, resume=True, on_start=starts.append)
    assert starts == [20] and resumed.resumed_from == 20
    assert out.read_bytes() == (tmp_path / "full.jsonl").read_bytes()
    assert resumed.posts == full.posts and resumed.findings == full.findings
    assert not (tmp_path / "out.jsonl.part.ckpt").exists()


def test_scan_files_resume_refuses_changed_inputs(tmp_path: Path) -> None:
    inp = _posts(tmp_path)
    analyzer = Analyzer([KeywordDetector()])
    out = tmp_path / "out.jsonl"

    def crash(n: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        scan_files(analyzer, [inp], out, batch_size=5, on_batch=crash)
    with inp.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "new", "text": "thêm"}) + "\n")
    with pytest.raises(InputError, match="checkpoint"):
        scan_files(analyzer, [inp], out, batch_size=5, resume=True)


def test_scan_files_reads_csv(tmp_path: Path) -> None:
    csv_path = tmp_path / "posts.csv"
    csv_path.write_text('id,text,likes\n1,"đồ ngu, thật",3\n2,chào,\n', encoding="utf-8")
    analyzer = Analyzer([KeywordDetector()])
    s = scan_files(analyzer, [csv_path], tmp_path / "o.jsonl")
    rows = _lines(tmp_path / "o.jsonl")
    assert s.posts == 2 and rows[0]["text"] == "đồ ngu, thật" and rows[0]["findings"][0]["excerpt"] == "ngu"


def test_read_posts_csv_names_line_of_bad_number(tmp_path: Path) -> None:
    from kiemchung.io import read_posts

    p = tmp_path / "bad.csv"
    p.write_text("id,text,likes\n1,ok,2\n2,xấu,nhiều\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.csv, bản ghi 3: .*likes"):
        list(read_posts(p))


@pytest.mark.parametrize("workers", [1, 2])
def test_scan_files_bad_line_names_file_and_line_and_writes_no_output(tmp_path: Path, workers: int) -> None:
    inp = _posts(tmp_path, n=20)
    lines = inp.read_text(encoding="utf-8").splitlines()
    lines.insert(12, "")  # blank lines are skipped but still counted as lines
    lines.insert(15, '{"id": "bad", "text": 42}')
    inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError) as err:
        scan_files(Analyzer([KeywordDetector()]), [inp], out, batch_size=4, workers=workers)
    assert str(inp) in str(err.value) and "16" in str(err.value) and "text" in str(err.value)
    assert not out.exists()
