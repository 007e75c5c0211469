"""Registry pages (units, members, declared pages) and importing a platform export by upload."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from webtest_support import csrf_of  # type: ignore[import-not-found]

from kiemchung.store.schema import Page, Post


def test_registry_lists_in_scope(module_app, client_for) -> None:  # type: ignore[no-untyped-def]
    member = client_for(module_app, "member")
    pages = member.get("/registry/pages").text
    assert "lan.baosang" in pages and "tuan.pn" not in pages
    admin = client_for(module_app, "unit_admin")
    pages = admin.get("/registry/pages").text
    assert "lan.baosang" in pages and "tuan.pn" in pages
    assert "Ban Biên tập Báo Sáng" in admin.get("/registry/units").text
    assert "Võ Ngọc Mai" in admin.get("/registry/members").text


def test_registry_unit_admin_adds_member_and_page(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "unit_admin")
    page = c.get("/registry/members")
    unit = page.text.split('<select name="unit" required><option value="')[1].split('"')[0]
    r = c.post(
        "/registry/members",
        data={"csrf_token": csrf_of(page.text), "name": "Hồ Thị Mới", "unit": unit},
        follow_redirects=False,
    )
    assert r.status_code == 303
    page = c.get("/registry/members")
    assert "Hồ Thị Mới" in page.text
    mid = page.text.split("Hồ Thị Mới")[0].rsplit("<td>", 2)[-2].split("<")[0]
    r = c.post(
        "/registry/pages",
        data={"csrf_token": csrf_of(page.text), "url": "https://facebook.com/ho.thi.moi", "member": mid},
        follow_redirects=False,
    )
    assert r.status_code == 303
    assert "ho.thi.moi" in c.get("/registry/pages").text
    # declaring the same page twice is a clear 400, not a crash
    r = c.post(
        "/registry/pages",
        data={"csrf_token": csrf_of(page.text), "url": "https://facebook.com/ho.thi.moi", "member": mid},
    )
    assert r.status_code == 400


def test_registry_import_upload_and_scan(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "member")
    form = c.get("/registry/import")
    assert form.status_code == 200 and 'id="import-progress"' in form.text
    page_id = form.text.split('<select name="page" required><option value="')[1].split('"')[0]
    lines = [
        {
            "id": "up-1",
            "text": "Bài mới: cảm ơn mọi người đã ủng hộ.",
            "published_at": "2026-11-20T08:00:00+07:00",
        },
        {"id": "up-2", "text": "Ai ngu mới tin tin đồn này.", "published_at": "2026-11-21T08:00:00+07:00"},
    ]
    body = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines).encode()
    r = c.post(
        "/registry/import",
        headers={"Accept": "application/json"},
        data={"csrf_token": csrf_of(form.text), "page": page_id, "format": "jsonl"},
        files={"file": ("posts.jsonl", body, "application/jsonl")},
    )
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["imported"] == 2 and out["duplicates"] == 0 and out["findings"] >= 1
    again = c.post(
        "/registry/import",
        headers={"Accept": "application/json"},
        data={"csrf_token": csrf_of(form.text), "page": page_id, "format": "jsonl"},
        files={"file": ("posts.jsonl", body, "application/jsonl")},
    )
    assert again.json()["imported"] == 0 and again.json()["duplicates"] == 2
    s = app.state.store.session()
    try:
        n = s.execute(
            select(func.count())
            .select_from(Post)
            .where(Post.page_id == int(page_id), Post.external_id.like("up-%"))
        ).scalar_one()
    finally:
        s.close()
    assert n == 2


def test_registry_import_malformed_file_writes_nothing(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "member")
    form = c.get("/registry/import")
    page_id = form.text.split('<select name="page" required><option value="')[1].split('"')[0]
    s = app.state.store.session()
    try:
        before = s.execute(select(func.count()).select_from(Post)).scalar_one()
    finally:
        s.close()
    r = c.post(
        "/registry/import",
        headers={"Accept": "application/json"},
        data={"csrf_token": csrf_of(form.text), "page": page_id, "format": "jsonl"},
        files={"file": ("bad.jsonl", b'{"id": "x", "text": "ok"}\n{not json\n', "application/jsonl")},
    )
    assert r.status_code == 400
    assert "bad.jsonl" in r.json()["detail"] or "2" in r.json()["detail"]
    s = app.state.store.session()
    try:
        assert s.execute(select(func.count()).select_from(Post)).scalar_one() == before
    finally:
        s.close()


def test_registry_member_cannot_import_into_foreign_page(app, client_for) -> None:  # type: ignore[no-untyped-def]
    c = client_for(app, "member")
    form = c.get("/registry/import")
    s = app.state.store.session()
    try:
        foreign = s.execute(select(Page.id).where(Page.url.like("%tuan.pn%"))).scalar_one()
    finally:
        s.close()
    r = c.post(
        "/registry/import",
        headers={"Accept": "application/json"},
        data={"csrf_token": csrf_of(form.text), "page": str(foreign), "format": "jsonl"},
        files={"file": ("p.jsonl", b'{"id": "z", "text": "xin chao"}\n', "application/jsonl")},
    )
    assert r.status_code == 403
