from __future__ import annotations

import pytest
from sqlalchemy import text

from kiemchung.errors import AuditIntegrityError
from kiemchung.store import Records, Store, audit


def _three_events(store: Store) -> None:
    with store.transaction() as s:
        rec = Records(s)
        u = rec.units.add("Chi bộ Kiểm toán")
        rec.members.add("Đặng Thị Hoa", unit=u.id)
        rec.settings.set("org.name", "Hội Kiểm Chứng")


def test_audit_chain_verifies(store: Store) -> None:
    _three_events(store)
    with store.session() as s:
        res = audit.verify(s)
        assert res.ok and res.events == 3 and res.problems == ()
        events = audit.list_events(s, newest_first=False)
        assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
        assert events[0].prev_hash == audit.GENESIS


@pytest.mark.parametrize(
    ("tamper", "why"),
    [
        ("UPDATE audit_events SET actor = 'ke-gian' WHERE id = 2", "edited"),
        ("UPDATE audit_events SET data = '{\"name\": \"X\"}' WHERE id = 1", "edited"),
        ("DELETE FROM audit_events WHERE id = 2", "deleted"),
        ("DELETE FROM audit_events WHERE id = 3", "deleted"),  # the last row: caught by the head
        (("INSERT INTO audit_events (id, at, actor, action, entity, entity_id, data, prev_hash, hash) "
          "SELECT 4, at, actor, action, entity, entity_id, data, hash, hash FROM audit_events WHERE id = 3"),
         "inserted"),
        ("UPDATE audit_events SET id = id + 10 WHERE id = 3", "edited"),
    ],
)
def test_audit_detects_tampering(store: Store, tamper: str, why: str) -> None:
    _three_events(store)
    with store.engine.begin() as conn:
        conn.execute(text(tamper))
    with store.session() as s:
        res = audit.verify(s)
        assert not res.ok, why
        with pytest.raises(AuditIntegrityError):
            audit.verify(s, raise_on_error=True)


def test_audit_appends_continue_chain_across_sessions(store: Store) -> None:
    for i in range(3):
        with store.transaction() as s:
            audit.append(s, "tester", "test.event", "thing", i, {"i": i, "văn bản": "tiếng Việt"})
    with store.session() as s:
        assert audit.verify(s).ok
        assert [e.entity_id for e in audit.list_events(s)] == ["2", "1", "0"]


def test_audit_rolled_back_change_leaves_no_event(store: Store) -> None:
    _three_events(store)
    with pytest.raises(RuntimeError), store.transaction() as s:
        Records(s).units.add("Sẽ bị hủy")
        raise RuntimeError("abort")
    with store.session() as s:
        res = audit.verify(s)
        assert res.ok and res.events == 3


def test_audit_concurrent_writers_keep_one_chain(store: Store) -> None:
    import threading

    errors: list[Exception] = []

    def writer(n: int) -> None:
        try:
            for i in range(8):
                with store.transaction() as s:
                    audit.append(s, f"writer-{n}", "test.concurrent", "thing", f"{n}-{i}")
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with store.session() as s:
        res = audit.verify(s)
        assert res.ok and res.events == 32


def test_audit_anchors_catch_a_rewritten_chain(store: Store) -> None:
    _three_events(store)
    with store.session() as s:
        early = audit.anchor(s)
    with store.transaction() as s:
        audit.append(s, "tester", "test.event", "thing", 4)
    with store.session() as s:
        late = audit.anchor(s)
        assert (early.seq, late.seq) == (3, 4)
        assert audit.verify(s, anchors=[early, late, audit.Anchor(0, audit.GENESIS, "")]).ok
    with store.engine.begin() as conn:  # someone with database access rewrites every row and the head
        conn.execute(text("DELETE FROM audit_events"))
        conn.execute(text("UPDATE audit_head SET seq = 0, hash = :g"), {"g": audit.GENESIS})
    for i in range(3):
        with store.transaction() as s:
            audit.append(s, "ke-gian", "test.event", "thing", i)
    with store.session() as s:
        assert audit.verify(s).ok  # consistent with itself
        res = audit.verify(s, anchors=[early, late])
        assert not res.ok
        assert [p.event_id for p in res.problems] == [3, 4]  # 3 differs, 4 is gone


def test_audit_anchor_from_dict_rejects_bad_records() -> None:
    assert audit.Anchor.from_dict({"seq": 2, "hash": "a" * 64}).seq == 2
    for bad in ({"seq": "2", "hash": "a" * 64}, {"seq": 2, "hash": "ab"}, {"seq": True, "hash": "a" * 64}, [1]):
        with pytest.raises(ValueError):
            audit.Anchor.from_dict(bad)
