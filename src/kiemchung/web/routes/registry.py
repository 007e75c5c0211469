"""The registry: units, members, declared pages (through the store's repositories, which audit every change)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiemchung.store import Records
from kiemchung.store.schema import PLATFORMS, Member, Post, Unit
from kiemchung.web.deps import csrf_protect, db_session, page_require
from kiemchung.web.principal import Principal
from kiemchung.web.templating import render

router = APIRouter(tags=["pages"], include_in_schema=False)


@router.get("/registry/units", response_class=HTMLResponse)
def units(
    request: Request,
    user: Principal = Depends(page_require("registry.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rec = Records(session, user.actor)
    rows = rec.units.list(include_retired=True)
    counts = dict(
        session.execute(
            select(Member.unit_id, func.count()).where(Member.status == "active").group_by(Member.unit_id)
        ).all()
    )
    names = {u.id: u.name for u in session.execute(select(Unit)).scalars()}
    return render(
        request,
        "registry_units.html",
        {"units": rows, "counts": counts, "names": names, "saved": request.query_params.get("saved")},
    )


@router.post("/registry/units", dependencies=[Depends(csrf_protect)])
def add_unit(
    request: Request,
    name: Annotated[str, Form(max_length=255)],
    code: Annotated[str, Form(max_length=64)] = "",
    parent: Annotated[str, Form()] = "",
    user: Principal = Depends(page_require("units.write")),
) -> Response:
    with request.app.state.store.transaction() as session:
        Records(session, user.actor).units.add(
            name, code=code.strip() or None, parent=int(parent) if parent.isdigit() else None
        )
    return RedirectResponse("/registry/units?saved=1", status_code=303)


@router.get("/registry/members", response_class=HTMLResponse)
def members(
    request: Request,
    user: Principal = Depends(page_require("registry.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rec = Records(session, user.actor)
    rows = rec.members.list(include_retired=True)
    unit_rows = rec.units.list()
    names = {u.id: u.name for u in session.execute(select(Unit)).scalars()}
    return render(
        request,
        "registry_members.html",
        {"members": rows, "units": unit_rows, "names": names, "saved": request.query_params.get("saved")},
    )


@router.post("/registry/members", dependencies=[Depends(csrf_protect)])
def add_member(
    request: Request,
    name: Annotated[str, Form(max_length=255)],
    unit: Annotated[int, Form()],
    email: Annotated[str, Form(max_length=255)] = "",
    user: Principal = Depends(page_require("registry.write")),
) -> Response:
    with request.app.state.store.transaction() as session:
        Records(session, user.actor).members.add(name, unit=unit, email=email.strip() or None)
    return RedirectResponse("/registry/members?saved=1", status_code=303)


@router.get("/registry/pages", response_class=HTMLResponse)
def pages(
    request: Request,
    user: Principal = Depends(page_require("registry.read")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rec = Records(session, user.actor)
    rows = rec.pages.list()
    member_rows = rec.members.list()
    mnames = {m.id: m.name for m in session.execute(select(Member)).scalars()}
    posts = dict(session.execute(select(Post.page_id, func.count()).group_by(Post.page_id)).all())
    return render(
        request,
        "registry_pages.html",
        {
            "pages": rows,
            "members": member_rows,
            "mnames": mnames,
            "posts": posts,
            "platforms": PLATFORMS,
            "saved": request.query_params.get("saved"),
        },
    )


@router.post("/registry/pages", dependencies=[Depends(csrf_protect)])
def add_page(
    request: Request,
    url: Annotated[str, Form(max_length=1024)],
    member: Annotated[int, Form()],
    platform: Annotated[str, Form()] = "",
    handle: Annotated[str, Form(max_length=255)] = "",
    user: Principal = Depends(page_require("registry.read")),
) -> Response:
    # members declare their own pages; unit admins their units' (the repository checks which)
    with request.app.state.store.transaction() as session:
        Records(session, user.actor).pages.add(
            url, member=member, platform=platform or None, handle=handle.strip() or None
        )
    return RedirectResponse("/registry/pages?saved=1", status_code=303)


@router.post("/registry/pages/{page_id}/{action}", dependencies=[Depends(csrf_protect)])
def move_page(
    request: Request, page_id: int, action: str, user: Principal = Depends(page_require("registry.write"))
) -> Response:
    from fastapi import HTTPException

    if action not in ("verify", "retire"):
        raise HTTPException(404)
    with request.app.state.store.transaction() as session:
        repo = Records(session, user.actor).pages
        (repo.verify if action == "verify" else repo.retire)(page_id)
    return RedirectResponse("/registry/pages?saved=1", status_code=303)


# --- import a platform export by upload ------------------------------------------------------------------------

IMPORT_FORMATS = ("facebook", "x", "tiktok", "youtube", "feed", "jsonl", "csv")


@router.get("/registry/import", response_class=HTMLResponse)
def import_form(
    request: Request,
    user: Principal = Depends(page_require("posts.import")),
    session: Session = Depends(db_session),
) -> HTMLResponse:
    rec = Records(session, user.actor)
    rows = [p for p in rec.pages.list() if p.status != "retired"]
    batches = rec.batches.list(limit=20)
    return render(
        request,
        "registry_import.html",
        {"pages": rows, "formats": IMPORT_FORMATS, "batches": batches, "result": None, "saved": None},
    )


@router.post("/registry/import", dependencies=[Depends(csrf_protect)])
async def import_upload(
    request: Request, user: Principal = Depends(page_require("posts.import"))
) -> Response:
    """Save the upload to a temporary file, import it into the page in one transaction (a malformed file
    writes nothing), then scan the new posts so their findings reach the review queue."""
    import tempfile
    from pathlib import Path

    from fastapi import HTTPException
    from starlette.concurrency import run_in_threadpool
    from starlette.datastructures import UploadFile

    from kiemchung.web.i18n import t

    lang = request.state.lang
    form = await request.form()
    upload = form.get("file")
    fmt = str(form.get("format") or "")
    page_id = str(form.get("page") or "")
    if not isinstance(upload, UploadFile) or fmt not in IMPORT_FORMATS or not page_id.isdigit():
        raise HTTPException(400, t("error.invalid_input", lang))
    suffix = Path(upload.filename or "upload").suffix[:16]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        with path.open("wb") as fh:
            while chunk := await upload.read(1 << 20):
                fh.write(chunk)

        def work() -> dict[str, int]:
            from kiemchung.ingest.archive import import_file
            from kiemchung.store.authz import Actor
            from kiemchung.store.scanning import scan_store

            with request.app.state.store.transaction() as session:
                page = Records(session, user.actor).pages.get(int(page_id))
                result = import_file(session, fmt, path, page.url, actor=user.actor)
            with request.app.state.store.transaction() as session:
                # the scan after an import runs as the system (scanning is an administrator's permission)
                summary = scan_store(
                    request.app.state.analyzer,
                    session,
                    only_new=True,
                    commit=False,
                    actor=Actor(name=f"{user.login} (import)", role="admin"),
                )
            return {
                "imported": result.imported,
                "duplicates": result.duplicates,
                "batch": result.batch,
                "scanned": summary.posts,
                "findings": summary.findings,
            }

        out = await run_in_threadpool(work)
    message = t("registry.import_done", lang, **out)
    if "application/json" in request.headers.get("accept", ""):
        from fastapi.responses import JSONResponse

        return JSONResponse({**out, "message": message})
    return RedirectResponse("/registry/import?saved=1", status_code=303)
