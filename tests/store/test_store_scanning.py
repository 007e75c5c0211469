from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kiemchung.analyzer import Analyzer
from kiemchung.store import Records, Store
from kiemchung.store.scanning import scan_store
from kiemchung.store.schema import Finding, Post, Review


def test_scanning_writes_findings_with_versions(store: Store, org: object, make_analyzer: Callable[[str], Analyzer]
                                               ) -> None:
    with store.session() as s:
        summary = scan_store(make_analyzer("2026.10-1"), s, batch_size=2)
    assert summary.posts == 5 and summary.findings == 3
    assert summary.labels == {"scam.prize": 2, "toxicity.offensive": 1}
    with store.session() as s:
        rows = s.execute(select(Finding).order_by(Finding.id)).scalars().all()
        for f in rows:
            post = s.get(Post, f.post_id)
            assert post is not None and post.text[f.start:f.end] == f.excerpt
            assert f.detector == "test.keyword.v1" and f.detector_version == "2026.10-1"
            assert f.policy_version.startswith("default") and f.scan_id == summary.scan
            assert f.evidence == [{"kind": "keyword", "detail": f.excerpt.lower(), "score_delta": 0.0}]
        assert {r.state for r in s.execute(select(Review)).scalars()} == {"open"}


def test_scanning_rescan_keeps_history(store: Store, org: object, make_analyzer: Callable[[str], Analyzer]) -> None:
    with store.session() as s:
        first = scan_store(make_analyzer("1"), s)
        second = scan_store(make_analyzer("2"), s)
    with store.session() as s:
        total = s.execute(select(func.count()).select_from(Finding)).scalar_one()
        current = Records(s).findings.list()
        assert total == 6 and len(current) == 3
        assert {f.detector_version for f in current} == {"2"} and {f.scan_id for f in current} == {second.scan}
        post_id = current[0].post_id
        history = Records(s).findings.history(post_id)
        assert [f.scan_id for f in history] == [first.scan, second.scan]
        assert history[0].superseded_at is not None and history[1].superseded_at is None


def test_scanning_only_new_and_unit_filter(store: Store, org: object, make_analyzer: Callable[[str], Analyzer]
                                          ) -> None:
    with store.session() as s:
        a = scan_store(make_analyzer("1"), s, unit="a")
        assert a.posts == 3
        rest = scan_store(make_analyzer("1"), s, only_new=True)
        assert rest.posts == 2
        none = scan_store(make_analyzer("1"), s, only_new=True)
        assert none.posts == 0
        since = scan_store(make_analyzer("1"), s, since="2026-11-01")
        assert since.posts == 3


def test_scanning_rescan_keeps_reviewers_decisions(store: Store, org: object,
                                                   make_analyzer: Callable[[str], Analyzer]) -> None:
    with store.session() as s:
        scan_store(make_analyzer("1"), s)
    with store.transaction() as s:
        rec = Records(s)
        first = rec.reviews.list()[0]
        rec.reviews.confirm(first.id, "Đúng là lừa đảo.")
        key = (first.finding.post_id, first.finding.label, first.finding.start, first.finding.end)
    with store.session() as s:
        scan_store(make_analyzer("2"), s)
    with store.session() as s:
        reviews = {(r.finding.post_id, r.finding.label, r.finding.start, r.finding.end): r
                   for r in Records(s).reviews.list(limit=1000) if r.finding.superseded_at is None}
        carried = reviews[key]
        assert (carried.state, carried.note, carried.reviewed_by) == ("confirmed", "Đúng là lừa đảo.", "cli")
        assert carried.finding.detector_version == "2"
        assert sorted(r.state for r in reviews.values()) == ["confirmed", "open", "open"]


@pytest.mark.slow  # loads every installed detector
def test_scanning_cli_helper_uses_db_factchecks(db_url: str, tmp_path: Path) -> None:
    from kiemchung.ingest import import_file
    from kiemchung.store.factchecks import import_factchecks
    from kiemchung.store.scanning import scan_store_cli

    import_factchecks(db_url, [{"id": "fc-1", "claim": "Uống nước chanh nóng chữa khỏi ung thư", "rating": "Sai",
                                "url": "https://example.vn/fc1", "date": "2026-03-01"}])
    f = tmp_path / "p.jsonl"
    f.write_text('{"id": "1", "text": "Uống nước chanh nóng chữa khỏi ung thư, mọi người chia sẻ nhé."}\n'
                 '{"id": "2", "text": "Chúc cả nhà cuối tuần vui vẻ."}\n', encoding="utf-8")
    store = Store.open(db_url)
    with store.transaction() as s:
        import_file(s, "jsonl", f, "https://facebook.com/an")
    store.dispose()
    out = scan_store_cli(db_url, batch_size=1)
    assert out["posts"] == 2 and out["scan"] == 1 and isinstance(out["findings"], dict)
    assert set(out) == {"posts", "seconds", "posts_per_second", "findings", "scan"}


def test_scanning_with_worker_processes_records_the_same_findings(store: Store, org: object,
                                                                  make_analyzer: Callable[[str], Analyzer]) -> None:
    def current() -> list[tuple[int, str, int, int, str]]:
        with store.session() as s:
            return sorted((f.post_id, f.label, f.start, f.end, f.excerpt) for f in Records(s).findings.list())

    with store.session() as s:
        one = scan_store(make_analyzer("1"), s, batch_size=2)
    first = current()
    with store.session() as s:
        two = scan_store(make_analyzer("1"), s, batch_size=2, workers=2)
    assert (two.posts, two.findings, two.labels) == (one.posts, one.findings, one.labels)
    assert current() == first and len(first) == 3
    with store.session() as s:
        assert {p.last_scan_id for p in s.execute(select(Post)).scalars()} == {two.scan}
