from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiemchung.errors import InputError
from kiemchung.store import Records, Store

FACTCHECKS = [
    {"id": "fc-1", "claim": "Uống nước chanh nóng chữa khỏi ung thư", "rating": "Sai", "url": "https://example.vn/fc1",
     "date": "2026-03-01", "publisher": "Báo Ví Dụ"},
    {"id": "fc-2", "claim": "Từ 1/7 phạt người đi bộ 5 triệu đồng", "rating": "Gây hiểu lầm",
     "url": "https://example.vn/fc2", "date": "2026-06-20"},
]


def test_factchecks_round_trip_as_design_dicts(store: Store) -> None:
    with store.transaction() as s:
        assert Records(s).factchecks.add_many(FACTCHECKS) == 2
    with store.transaction() as s:
        Records(s).factchecks.add_many([FACTCHECKS[1] | {"rating": "Sai"}])  # update by id
    with store.session() as s:
        got = Records(s).factchecks.all_dicts()
    assert got[0] == FACTCHECKS[0]
    assert got[1] == FACTCHECKS[1] | {"rating": "Sai", "publisher": ""}
    assert set(got[0]) == {"id", "claim", "rating", "url", "date", "publisher"}


@pytest.mark.parametrize("bad", [{"claim": "không có id"}, {"id": "x"}, {"id": "x", "claim": "c", "date": "hôm qua"}])
def test_factchecks_reject_bad_items(store: Store, bad: dict[str, str]) -> None:
    with store.transaction() as s, pytest.raises(InputError):
        Records(s).factchecks.add_many([bad])


def test_sources_round_trip(store: Store) -> None:
    with store.transaction() as s:
        Records(s).sources.add("phat-bieu-1", "Chúng ta phải làm việc chăm chỉ hơn.", speaker="Ông A")
    with store.session() as s:
        (src,) = Records(s).sources.as_sources()
        assert (src.id, src.speaker, src.text) == ("phat-bieu-1", "Ông A", "Chúng ta phải làm việc chăm chỉ hơn.")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.recursive(st.none() | st.booleans() | st.integers(-10**9, 10**9) | st.text(max_size=20),
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                                       max_size=3),
                          max_leaves=8))
def test_settings_round_trip_any_json(store: Store, value: object) -> None:
    with store.transaction() as s:
        Records(s).settings.set("test.value", value)
    with store.session() as s:
        assert Records(s).settings.get("test.value") == value


def test_factchecks_module_import_and_load(db_url: str) -> None:
    from kiemchung.store.factchecks import import_factchecks, load_factchecks_from_db

    first = import_factchecks(db_url, FACTCHECKS)
    assert {k: first[k] for k in ("added", "updated", "unchanged", "total")} == {
        "added": 2, "updated": 0, "unchanged": 0, "total": 2}
    again = import_factchecks(db_url, [FACTCHECKS[0], FACTCHECKS[1] | {"rating": "Sai"}])
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 1, 1)
    assert [d["id"] for d in load_factchecks_from_db(db_url)] == ["fc-1", "fc-2"]


def test_factchecks_accepts_claims_objects(store: Store) -> None:
    claims = pytest.importorskip("kiemchung.claims")
    fcs = claims.factchecks_from_records(FACTCHECKS)
    with store.transaction() as s:
        assert Records(s).factchecks.add_many(fcs) == 2
    with store.session() as s:
        assert Records(s).factchecks.all_dicts() == [FACTCHECKS[0], FACTCHECKS[1] | {"publisher": ""}]
