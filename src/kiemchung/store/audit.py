"""The append-only audit log: every change of registry, reviews, settings and imports is an event.

Each event stores ``hash = sha256(prev_hash + canonical JSON of the event)`` where the canonical JSON holds
``id, at, actor, action, entity, entity_id, data`` (sorted keys, no spaces, UTF-8). The chain's tip is kept in
``audit_head`` and updated in the same transaction, so :func:`verify` notices

* an edited row (its hash no longer matches its content),
* an inserted or deleted row (ids have a gap, or ``prev_hash`` does not match the previous row's hash),
* a deleted last row (the head no longer points at the last row),
* a rewrite of the whole chain with its head, when the head was anchored before: :func:`anchor` gives
  ``{"seq", "hash", "at"}`` to keep OUTSIDE the database (a file on another machine, a printed report, an e-mail
  to the auditors), and ``verify(session, anchors=[...])`` checks that each anchored event still has that hash.

Appends lock the head row first (``UPDATE audit_head``), which serializes concurrent writers on SQLite and
PostgreSQL alike, so the chain never forks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from kiemchung.errors import AuditIntegrityError
from kiemchung.store.schema import AuditEvent, AuditHead

GENESIS = "0" * 64


def canonical_json(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _at_text(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def event_hash(prev_hash: str, *, id: int, at: datetime, actor: str, action: str, entity: str,
               entity_id: str, data: Any) -> str:
    body = canonical_json({"id": id, "at": _at_text(at), "actor": actor, "action": action, "entity": entity,
                           "entity_id": entity_id, "data": data})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def ensure_head(engine: Engine) -> None:
    """Create the chain's tip row if missing (the first migration does it; ``create_all`` calls this)."""
    with engine.begin() as conn:
        if conn.execute(select(AuditHead.id).where(AuditHead.id == 1)).first() is None:
            conn.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS))


def append(session: Session, actor: str, action: str, entity: str, entity_id: object = "",
           data: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event in the caller's transaction and return it (flushed)."""
    payload = json.loads(canonical_json(data or {}))  # what the JSON column will give back
    res = session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1))
    if res.rowcount == 0:  # type: ignore[attr-defined]
        session.add(AuditHead(id=1, seq=1, hash=GENESIS))
        session.flush()
    head = session.execute(
        select(AuditHead).where(AuditHead.id == 1).execution_options(populate_existing=True)
    ).scalar_one()
    seq = head.seq
    prev = head.hash
    at = datetime.now(UTC)
    eid = "" if entity_id is None else str(entity_id)
    h = event_hash(prev, id=seq, at=at, actor=actor, action=action, entity=entity, entity_id=eid, data=payload)
    ev = AuditEvent(id=seq, at=at, actor=actor, action=action, entity=entity, entity_id=eid, data=payload,
                    prev_hash=prev, hash=h)
    session.add(ev)
    head.hash = h
    session.flush()
    return ev


@dataclass(frozen=True, slots=True)
class AuditProblem:
    event_id: int | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    events: int
    head: str
    problems: tuple[AuditProblem, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "events": self.events, "head": self.head,
                "problems": [p.to_dict() for p in self.problems]}


@dataclass(frozen=True, slots=True)
class Anchor:
    """The chain's head at one moment, to be kept outside the database."""

    seq: int
    hash: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash, "at": self.at}

    @classmethod
    def from_dict(cls, obj: Any, *, where: str = "anchor") -> Anchor:
        if (not isinstance(obj, dict) or not isinstance(obj.get("seq"), int) or isinstance(obj.get("seq"), bool)
                or obj["seq"] < 0 or not isinstance(obj.get("hash"), str) or len(obj["hash"]) != 64):
            raise ValueError(f"{where}: cần đối tượng {{\"seq\": số, \"hash\": 64 ký tự hex}} "
                             "(expected {\"seq\": int, \"hash\": 64 hex chars})")
        return cls(seq=obj["seq"], hash=obj["hash"], at=str(obj.get("at", "")))


def anchor(session: Session) -> Anchor:
    """The current head of the chain (``seq`` 0 and the genesis hash for an empty log)."""
    head = session.get(AuditHead, 1, populate_existing=True)
    return Anchor(seq=head.seq if head else 0, hash=head.hash if head else GENESIS,
                  at=_at_text(datetime.now(UTC)))


def verify(session: Session, *, raise_on_error: bool = False, anchors: Sequence[Anchor] = ()) -> VerifyResult:
    """Walk the whole chain; report every row that was edited, inserted or deleted, and every anchor the chain
    no longer passes through (the chain, or its beginning, was rewritten after the anchor was taken)."""
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected_id = 1
    n = 0
    wanted: dict[int, list[Anchor]] = {}
    for a in anchors:
        if a.seq == 0:
            if a.hash != GENESIS:
                problems.append(AuditProblem(None, "mốc neo seq 0 không phải gốc chuỗi (anchor 0 is not genesis)"))
            continue
        wanted.setdefault(a.seq, []).append(a)
    rows = session.execute(select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000))
    for ev in rows.scalars():
        n += 1
        for a in wanted.pop(ev.id, ()):
            if a.hash != ev.hash:
                problems.append(AuditProblem(ev.id, f"khác mốc neo lấy lúc {a.at} (differs from the anchor taken "
                                                    f"at {a.at}: the chain was rewritten)"))
        if ev.id != expected_id:
            problems.append(AuditProblem(ev.id, f"thiếu sự kiện {expected_id}…{ev.id - 1} (events deleted)"
                                         if ev.id > expected_id else "số thứ tự lặp (duplicate id)"))
        if ev.prev_hash != prev:
            problems.append(AuditProblem(ev.id, "không nối với sự kiện trước (prev_hash mismatch: row inserted "
                                                "or deleted before it)"))
        h = event_hash(ev.prev_hash, id=ev.id, at=ev.at, actor=ev.actor, action=ev.action, entity=ev.entity,
                       entity_id=ev.entity_id, data=ev.data)
        if h != ev.hash:
            problems.append(AuditProblem(ev.id, "nội dung bị sửa (content edited: hash mismatch)"))
        prev = ev.hash
        expected_id = ev.id + 1
    head = session.get(AuditHead, 1, populate_existing=True)
    head_hash = head.hash if head else GENESIS
    head_seq = head.seq if head else 0
    for seq in sorted(wanted):
        problems.append(AuditProblem(seq, "sự kiện đã neo không còn (an anchored event is missing: the chain was "
                                          "cut or rewritten)"))
    if head_hash != prev or head_seq != expected_id - 1:
        problems.append(AuditProblem(head_seq or None, "đầu chuỗi không khớp sự kiện cuối (last events deleted "
                                                       "or head edited)"))
    result = VerifyResult(ok=not problems, events=n, head=head_hash, problems=tuple(problems))
    if raise_on_error and problems:
        raise AuditIntegrityError("; ".join(f"#{p.event_id}: {p.reason}" for p in problems[:5]))
    return result


def list_events(session: Session, *, limit: int = 100, offset: int = 0, entity: str | None = None,
                entity_id: str | None = None, action: str | None = None, newest_first: bool = True
                ) -> Sequence[AuditEvent]:
    q = select(AuditEvent)
    if entity:
        q = q.where(AuditEvent.entity == entity)
    if entity_id is not None:
        q = q.where(AuditEvent.entity_id == str(entity_id))
    if action:
        q = q.where(AuditEvent.action == action)
    q = q.order_by(AuditEvent.id.desc() if newest_first else AuditEvent.id).limit(limit).offset(offset)
    return session.execute(q).scalars().all()
