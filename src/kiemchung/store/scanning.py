"""Scan stored posts with the analyzer and record findings (library; ``kiemchung scan --db`` calls it).

:func:`scan_store` reads posts in batches (ordered by id), calls ``analyzer.analyze_batch`` once per batch and
writes one ``Finding`` row per finding, with detector, model version, policy version and the scan id, plus an
open ``Review`` for each. Findings from earlier scans of the same posts are marked ``superseded_at`` (kept,
so the history of every model version stays). When a new finding has the same post, label and span as a
current one that a person already decided, the new finding's review starts as a copy of that decision, so a
rescan never undoes reviewers' work (the old review stays attached to the finding it judged). Each batch is committed on its own, so an interrupted scan keeps
its progress; ``resume=<scan id>`` continues it, ``only_new=True`` scans posts never scanned before.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiemchung.store.authz import SYSTEM, Actor, descendants, require
from kiemchung.store.repositories import UnitRepository, parse_when
from kiemchung.store.schema import Finding, Member, Page, Post, Review, Scan, utcnow
from kiemchung.types import Document, Report


class BatchAnalyzer(Protocol):
    @property
    def versions(self) -> dict[str, Any]: ...

    def analyze_batch(self, documents: list[Document]) -> list[Report]: ...


@dataclass
class ScanSummary:
    scan: int
    posts: int = 0
    findings: int = 0
    labels: Counter[str] = field(default_factory=Counter)

    def to_dict(self) -> dict[str, Any]:
        return {"scan": self.scan, "posts": self.posts, "findings": self.findings,
                "labels": dict(sorted(self.labels.items()))}


def post_document(post: Post, page: Page | None = None) -> Document:
    """The Document the analyzer sees for a stored post (id = the post's database id)."""
    meta: dict[str, Any] = {}
    if post.published_at is not None:
        meta["published_at"] = post.published_at.isoformat()
    if post.url:
        meta["url"] = post.url
    if page is not None:
        meta["page"] = page.url
    return Document(text=post.text, id=str(post.id), meta=meta)


def scan_store(analyzer: BatchAnalyzer, session: Session, *, since: datetime | str | None = None,
               unit: int | str | None = None, batch_size: int = 256, only_new: bool = False,
               resume: int | None = None, actor: Actor = SYSTEM, commit: bool = True,
               progress: Callable[[int], None] | None = None, workers: int = 1) -> ScanSummary:
    """Analyze stored posts (optionally published since ``since``, in ``unit`` and its sub-units).

    With ``workers`` > 1 (an :class:`~kiemchung.analyzer.Analyzer` is then required) the batches are analyzed in
    worker processes while this process reads posts and writes findings; the result is the same."""
    require(actor, "scan.run")
    versions = analyzer.versions
    models: dict[str, str] = dict(versions.get("models") or {})
    policy_version = str(versions.get("policy", ""))
    if resume is not None:
        scan = session.get_one(Scan, resume)
    else:
        scan = Scan(started_at=utcnow(), policy_version=policy_version, versions=_jsonable(versions))
        session.add(scan)
        session.flush()
    summary = ScanSummary(scan=scan.id, posts=scan.posts if resume else 0, findings=scan.findings if resume else 0)
    q = select(Post, Page).join(Page, Page.id == Post.page_id).order_by(Post.id)
    if since is not None:
        q = q.where(Post.published_at >= parse_when(since))
    if unit is not None:
        uid = UnitRepository(session, actor).get(unit).id
        q = q.where(Page.member_id.in_(select(Member.id).where(Member.unit_id.in_(descendants(session, uid)))))
    if only_new:
        q = q.where(Post.last_scan_id.is_(None))
    if resume is not None:
        q = q.where((Post.last_scan_id.is_(None)) | (Post.last_scan_id != scan.id))
    if commit:
        session.commit()
    pending: deque[Sequence[Any]] = deque()  # rows of the batches handed to the analyzer, oldest first

    def batches() -> Iterator[list[Document]]:
        last_id = 0
        while True:
            rows = session.execute(q.where(Post.id > last_id).limit(batch_size)).all()
            if not rows:
                return
            last_id = rows[-1][0].id
            pending.append(rows)
            yield [post_document(p, pg) for p, pg in rows]

    if workers > 1:
        from kiemchung.analyzer import Analyzer
        from kiemchung.pipeline.local import analyze_batches

        if not isinstance(analyzer, Analyzer):
            raise TypeError("scan_store(workers > 1) needs a kiemchung Analyzer (it is sent to worker processes)")
        results: Iterator[list[Report]] = analyze_batches(analyzer, batches(), workers)
    else:
        results = (analyzer.analyze_batch(docs) for docs in batches())
    for reports in results:
        rows = pending.popleft()
        now = utcnow()
        ids = [p.id for p, _ in rows]
        decided: dict[tuple[int, str, int, int], Review] = {}
        for old_f, old_r in session.execute(
            select(Finding, Review).join(Review, Review.finding_id == Finding.id)
            .where(Finding.post_id.in_(ids), Finding.superseded_at.is_(None), Review.state != "open")
        ):
            decided[(old_f.post_id, old_f.label, old_f.start, old_f.end)] = old_r
        session.execute(update(Finding).where(Finding.post_id.in_(ids), Finding.superseded_at.is_(None))
                        .values(superseded_at=now))
        new: list[Finding] = []
        for (post, _), report in zip(rows, reports, strict=True):
            for f in report.findings:
                new.append(Finding(post_id=post.id, scan_id=scan.id, detector=f.detector,
                                   detector_version=models.get(f.detector, ""), label=f.label, score=float(f.score),
                                   start=f.start, end=f.end, excerpt=post.text[f.start:f.end],
                                   evidence=[e.to_dict() for e in f.evidence], explanation=f.explanation,
                                   rule=f.rule, policy_version=policy_version, created_at=now))
                summary.labels[f.label] += 1
        session.add_all(new)
        session.flush()
        session.add_all([_review_for(f, decided.get((f.post_id, f.label, f.start, f.end)), now) for f in new])
        session.execute(update(Post).where(Post.id.in_(ids)).values(last_scan_id=scan.id))
        summary.posts += len(rows)
        summary.findings += len(new)
        scan.posts, scan.findings = summary.posts, summary.findings
        session.flush()
        if commit:
            session.commit()
        if progress is not None:
            progress(len(rows))
    scan.finished_at = utcnow()
    session.flush()
    if commit:
        session.commit()
    return summary


_CARRIED = ("state", "opened_at", "reviewed_by", "reviewed_at", "note", "appealed_by", "appealed_at", "appeal_note",
            "resolved_by", "resolved_at", "resolution_note")


def _review_for(finding: Finding, previous: Review | None, now: datetime) -> Review:
    if previous is None:
        return Review(finding_id=finding.id, state="open", opened_at=now)
    return Review(finding_id=finding.id, **{k: getattr(previous, k) for k in _CARRIED})


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in obj]
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)


def scan_store_cli(db: str | None, *, since: str | None = None, unit: int | str | None = None,
                   factchecks: Path | None = None, policy: Path | None = None, batch_size: int = 256,
                   only_new: bool = False, workers: int = 1) -> dict[str, Any]:
    """``kiemchung scan --db URL``: build the default analyzer (fact-checks from ``factchecks`` or, when not
    given, from the database's FactCheck table), scan the stored posts and return the scan summary in the
    shape of the file scan's (``posts``, ``seconds``, ``posts_per_second``, ``findings`` per label) plus ``scan``."""
    import time

    from kiemchung.analyzer import Analyzer
    from kiemchung.detectors.base import Settings
    from kiemchung.policy.pack import load_policy
    from kiemchung.store.engine import Store
    from kiemchung.store.factchecks import _ensure_schema
    from kiemchung.store.references import FactCheckRepository

    store = Store.open(db)
    try:
        _ensure_schema(store)
        with store.session() as session:
            fcs: Path | list[dict[str, Any]] | None = factchecks
            if fcs is None:
                fcs = FactCheckRepository(session).all_dicts() or None
            analyzer = Analyzer.default(Settings(factchecks=fcs), policy=load_policy(policy) if policy else None)
            t0 = time.perf_counter()
            summary = scan_store(analyzer, session, since=since, unit=unit, batch_size=batch_size,
                                 only_new=only_new, workers=workers)
            seconds = time.perf_counter() - t0
    finally:
        store.dispose()
    return {"posts": summary.posts, "seconds": round(seconds, 3),
            "posts_per_second": round(summary.posts / max(seconds, 1e-9), 1),
            "findings": dict(sorted(summary.labels.items())), "scan": summary.scan}
