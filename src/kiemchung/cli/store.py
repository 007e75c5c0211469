"""The organization's records from the command line: ``db``, ``units``, ``members``, ``pages``, ``accounts``,
``import``, ``audit``, ``report``, ``settings``. Thin shells over :mod:`kiemchung.store` and
:mod:`kiemchung.ingest`; every command takes ``--db URL`` and ``--json``; the CLI acts as the local administrator.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.table import Table

from kiemchung.cli._common import cli_errors, console, err_console

DbOpt = Annotated[str | None, typer.Option("--db", help="Địa chỉ CSDL (database URL); mặc định $KIEMCHUNG_DB "
                                                            "hoặc tệp SQLite trong thư mục dữ liệu người dùng.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="In kết quả dạng JSON.")]


@contextmanager
def _db_errors() -> Iterator[None]:
    """Database driver errors become one StoreError line (unreachable server, locked file, constraint…)."""
    from sqlalchemy.exc import DBAPIError

    from kiemchung.errors import StoreError

    try:
        yield
    except DBAPIError as exc:
        detail = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        raise StoreError(f"cơ sở dữ liệu từ chối thao tác (database error): {detail}") from exc


@contextmanager
def _records(db: str | None) -> Iterator[Any]:
    """Records for the CLI (system actor) in one transaction; a fresh database is created on first use."""
    from kiemchung.errors import StoreError
    from kiemchung.store import Records, Store
    from kiemchung.store.migrate import current_revision, head_revision

    store = Store.open(db)
    try:
        with _db_errors():
            current = current_revision(store.engine)
            if current is None:
                store.upgrade()
            elif current != head_revision():
                raise StoreError(f"CSDL ở phiên bản {current}; hãy chạy 'kiemchung db upgrade' (schema out of date)")
            with store.transaction() as session:
                yield Records(session)
    finally:
        store.dispose()


def _emit(obj: Any, as_json: bool, render: Callable[[], None] | None = None) -> None:
    if as_json or render is None:
        typer.echo(json.dumps(obj, ensure_ascii=False, indent=None if isinstance(obj, list) else 2, default=str))
    else:
        render()


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str) -> None:
    t = Table(title=title)
    for c in columns:
        t.add_column(c)
    for r in rows:
        t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    console.print(t)


def _show(obj: dict[str, Any], as_json: bool) -> None:
    def render() -> None:
        for k, v in obj.items():
            console.print(f"[bold]{k}[/]: {v}", highlight=False)

    _emit(obj, as_json, render)


# ---------------------------------------------------------------------------------------------- db

db_app = typer.Typer(help="Cơ sở dữ liệu (database): nâng cấp lược đồ.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Áp dụng các bản chuyển đổi lược đồ (apply migrations)."""
    from kiemchung.store import Store
    from kiemchung.store.migrate import current_revision

    with cli_errors():
        store = Store.open(db)
        try:
            with _db_errors():
                before = current_revision(store.engine)
                store.upgrade()
                out = {"url": store.url, "from": before, "to": current_revision(store.engine)}
        finally:
            store.dispose()
        _emit(out, as_json, lambda: console.print(f"CSDL {out['url']}: {out['from'] or '∅'} → {out['to']}",
                                                  highlight=False))


@db_app.command("current")
def db_current(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """In phiên bản lược đồ hiện tại (current revision)."""
    from kiemchung.store import Store
    from kiemchung.store.migrate import current_revision, head_revision

    with cli_errors():
        store = Store.open(db)
        try:
            with _db_errors():
                out = {"url": store.url, "current": current_revision(store.engine), "head": head_revision()}
        finally:
            store.dispose()
        _show(out, as_json)


# ---------------------------------------------------------------------------------------------- units

units_app = typer.Typer(help="Đơn vị (units): cây tổ chức.", no_args_is_help=True)
UNIT_COLS = ("id", "code", "name", "parent_id", "status")


@units_app.command("add")
def units_add(name: str, code: Annotated[str | None, typer.Option(help="Mã đơn vị (mặc định: từ tên).")] = None,
              parent: Annotated[str | None, typer.Option(help="Đơn vị cha (id hoặc mã).")] = None,
              db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Thêm một đơn vị."""
    with cli_errors(), _records(db) as rec:
        _show(rec.units.add(name, code=code, parent=parent).to_dict(), as_json)


@units_app.command("list")
def units_list(all_: Annotated[bool, typer.Option("--all", help="Gồm cả đơn vị đã ngừng.")] = False,
               db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Liệt kê đơn vị."""
    with cli_errors(), _records(db) as rec:
        rows = [u.to_dict() for u in rec.units.list(include_retired=all_)]
        _emit(rows, as_json, lambda: _table(rows, UNIT_COLS, "Đơn vị"))


@units_app.command("show")
def units_show(ref: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Xem một đơn vị (id hoặc mã)."""
    with cli_errors(), _records(db) as rec:
        u = rec.units.get(ref)
        out = u.to_dict() | {"children": [c.id for c in rec.units.children(u.id)],
                             "members": [m.id for m in rec.members.list(unit=u.id)]}
        _show(out, as_json)


@units_app.command("retire")
def units_retire(ref: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Ngừng một đơn vị (không còn đơn vị con và thành viên đang hoạt động)."""
    with cli_errors(), _records(db) as rec:
        _show(rec.units.retire(ref).to_dict(), as_json)


# ---------------------------------------------------------------------------------------------- members

members_app = typer.Typer(help="Thành viên (members).", no_args_is_help=True)
MEMBER_COLS = ("id", "name", "unit_id", "email", "status")


@members_app.command("add")
def members_add(name: str, unit: Annotated[str, typer.Option(help="Đơn vị (id hoặc mã).")],
                email: Annotated[str | None, typer.Option()] = None,
                db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Thêm một thành viên vào đơn vị."""
    with cli_errors(), _records(db) as rec:
        _show(rec.members.add(name, unit=unit, email=email).to_dict(), as_json)


@members_app.command("list")
def members_list(unit: Annotated[str | None, typer.Option(help="Chỉ đơn vị này (và đơn vị con).")] = None,
                 all_: Annotated[bool, typer.Option("--all", help="Gồm cả thành viên đã ngừng.")] = False,
                 db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Liệt kê thành viên."""
    with cli_errors(), _records(db) as rec:
        rows = [m.to_dict() for m in rec.members.list(unit=unit, include_retired=all_)]
        _emit(rows, as_json, lambda: _table(rows, MEMBER_COLS, "Thành viên"))


@members_app.command("show")
def members_show(member_id: int, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Xem một thành viên và các trang của họ."""
    with cli_errors(), _records(db) as rec:
        m = rec.members.get(member_id)
        _show(m.to_dict() | {"pages": [p.to_dict() for p in rec.pages.list(member=m.id)]}, as_json)


@members_app.command("retire")
def members_retire(member_id: int, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Ngừng một thành viên (các trang của họ cũng ngừng)."""
    with cli_errors(), _records(db) as rec:
        _show(rec.members.retire(member_id).to_dict(), as_json)


# ---------------------------------------------------------------------------------------------- pages

pages_app = typer.Typer(help="Trang đã khai báo (declared pages): declared → verified → retired.",
                        no_args_is_help=True)
PAGE_COLS = ("id", "platform", "url", "handle", "member_id", "status", "declared_at")


@pages_app.command("add")
def pages_add(url: str,
              member: Annotated[int | None, typer.Option(help="Thành viên sở hữu trang (id).")] = None,
              platform: Annotated[str | None, typer.Option(
                  help="facebook|youtube|tiktok|zalo|instagram|x|blog (mặc định: đoán từ URL).")] = None,
              handle: Annotated[str | None, typer.Option(help="Tên hiển thị / @handle.")] = None,
              declared_at: Annotated[str | None, typer.Option(help="Ngày khai báo (ISO-8601).")] = None,
              db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Khai báo một trang."""
    with cli_errors(), _records(db) as rec:
        _show(rec.pages.add(url, platform=platform, member=member, handle=handle,
                            declared_at=declared_at).to_dict(), as_json)


@pages_app.command("list")
def pages_list(member: Annotated[int | None, typer.Option()] = None,
               unit: Annotated[str | None, typer.Option()] = None,
               status: Annotated[str | None, typer.Option(help="declared|verified|retired")] = None,
               platform: Annotated[str | None, typer.Option()] = None,
               db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Liệt kê trang."""
    with cli_errors(), _records(db) as rec:
        rows = [p.to_dict() for p in rec.pages.list(member=member, unit=unit, status=status, platform=platform)]
        _emit(rows, as_json, lambda: _table(rows, PAGE_COLS, "Trang"))


@pages_app.command("show")
def pages_show(ref: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Xem một trang (id hoặc URL) và số bài đã lưu."""
    with cli_errors(), _records(db) as rec:
        p = rec.pages.get(ref)
        _show(p.to_dict() | {"posts": rec.posts.count(page=p.id)}, as_json)


@pages_app.command("verify")
def pages_verify(ref: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Xác minh một trang (declared → verified)."""
    with cli_errors(), _records(db) as rec:
        _show(rec.pages.verify(ref).to_dict(), as_json)


@pages_app.command("retire")
def pages_retire(ref: str, db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Ngừng một trang (→ retired)."""
    with cli_errors(), _records(db) as rec:
        _show(rec.pages.retire(ref).to_dict(), as_json)


@pages_app.command("missing")
def pages_missing(unit: Annotated[str | None, typer.Option()] = None,
                  db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Thành viên chưa khai báo trang trên nền tảng bắt buộc (setting pages.required_platforms)."""
    with cli_errors(), _records(db) as rec:
        rows = rec.pages.missing_declarations(unit=unit)
        _emit(rows, as_json, lambda: _table(rows, ("member_id", "name", "unit_id", "missing"), "Chưa khai báo"))


# ---------------------------------------------------------------------------------------------- accounts

accounts_app = typer.Typer(help="Tài khoản đăng nhập (accounts) và vai trò.", no_args_is_help=True)
ACCOUNT_COLS = ("id", "login", "role", "unit_id", "member_id", "active", "last_login_at")


@accounts_app.command("add")
def accounts_add(login: str,
                 role: Annotated[str, typer.Option(help="member|reviewer|unit_admin|auditor|admin")],
                 unit: Annotated[str | None, typer.Option(help="Đơn vị (reviewer, unit_admin).")] = None,
                 member: Annotated[int | None, typer.Option(help="Thành viên (role member).")] = None,
                 password_stdin: Annotated[bool, typer.Option("--password-stdin",
                                                              help="Đọc mật khẩu từ stdin.")] = False,
                 db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Tạo một tài khoản (mật khẩu hỏi khi chạy, hoặc đọc từ stdin với --password-stdin)."""
    with cli_errors():
        if password_stdin:
            password = sys.stdin.readline().rstrip("\r\n")
        else:
            password = typer.prompt("Mật khẩu (password)", hide_input=True, confirmation_prompt=True)
        with _records(db) as rec:
            _show(rec.accounts.add(login, password, role, unit=unit, member=member).to_dict(), as_json)


@accounts_app.command("list")
def accounts_list(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Liệt kê tài khoản."""
    with cli_errors(), _records(db) as rec:
        rows = [a.to_dict() for a in rec.accounts.list()]
        _emit(rows, as_json, lambda: _table(rows, ACCOUNT_COLS, "Tài khoản"))


# ---------------------------------------------------------------------------------------------- import


def import_cmd(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT",
                                       help="facebook | x | tiktok | youtube | feed (rss, atom) | jsonl | csv")],
    path: Annotated[Path, typer.Argument(help="Tệp xuất từ nền tảng hoặc tệp nguồn tin.")],
    page: Annotated[str, typer.Option("--page", help="URL của trang (tạo mới nếu chưa có).")],
    platform: Annotated[str | None, typer.Option(help="Nền tảng của trang, nếu tạo mới.")] = None,
    handle: Annotated[str | None, typer.Option(help="Tên hiển thị của trang, nếu tạo mới.")] = None,
    progress: Annotated[bool, typer.Option("--progress", help="In tiến độ ra stderr.")] = False,
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Lưu trữ bài đăng từ tệp xuất của nền tảng (một giao dịch: tệp lỗi thì không ghi gì)."""
    from kiemchung.ingest.archive import import_file

    def report(done: int, total: int) -> None:
        print(f"progress {done}/{total}", file=sys.stderr, flush=True)

    with cli_errors(), _records(db) as rec:
        res = import_file(rec.session, fmt, path, page, platform=platform, handle=handle,
                          progress=report if progress else None)
        out = res.to_dict()
        _emit(out, as_json, lambda: console.print(
            f"Đã nhập {res.imported} bài mới, bỏ qua {res.duplicates} bài trùng (lô {res.batch}, trang {res.page}"
            f"{', mới tạo' if res.page_created else ''}).", highlight=False))


# ---------------------------------------------------------------------------------------------- audit

audit_app = typer.Typer(help="Nhật ký kiểm toán (audit log): chuỗi băm chống sửa.", no_args_is_help=True)


def _read_anchors(path: Path) -> list[Any]:
    from kiemchung.errors import InputError
    from kiemchung.io import iter_jsonl
    from kiemchung.store import audit

    out = []
    for lineno, obj in iter_jsonl(path):
        try:
            out.append(audit.Anchor.from_dict(obj))
        except ValueError as exc:
            raise InputError(str(exc), file=str(path), record=lineno) from exc
    return out


@audit_app.command("verify")
def audit_verify(
    anchors: Annotated[Optional[Path], typer.Option(help="Tệp JSONL các mốc neo (từ `audit anchor`) để đối chiếu.")] = None,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Kiểm tra toàn bộ chuỗi; mã thoát 1 nếu có dòng bị sửa, chèn hoặc xóa, hoặc chuỗi không còn qua một mốc neo."""
    from kiemchung.store import audit

    with cli_errors():
        kept = _read_anchors(anchors) if anchors is not None else []
        with _records(db) as rec:
            res = audit.verify(rec.session, anchors=kept)
    out = res.to_dict()

    def render() -> None:
        if res.ok:
            console.print(f"[green]Nhật ký nguyên vẹn[/]: {res.events} sự kiện.", highlight=False)
        else:
            err_console.print(f"[bold red]Nhật ký bị thay đổi[/] ({len(res.problems)} vấn đề):", highlight=False)
            for p in res.problems:
                err_console.print(f"  #{p.event_id}: {p.reason}", highlight=False)

    _emit(out, as_json, render)
    if not res.ok:
        raise typer.Exit(1)


@audit_app.command("anchor")
def audit_anchor(
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Thêm mốc neo vào cuối tệp JSONL này.")] = None,
    db: DbOpt = None, as_json: JsonOpt = False,
) -> None:
    """Lấy mốc neo của đầu chuỗi (seq, hash) để cất NGOÀI cơ sở dữ liệu; `audit verify --anchors` đối chiếu."""
    from kiemchung.store import audit

    with cli_errors(), _records(db) as rec:
        a = audit.anchor(rec.session)
    line = json.dumps(a.to_dict(), ensure_ascii=False)
    if out is not None:
        with out.open("a", encoding="utf-8") as fh:
            fh.write(line + "\n")
    _emit(a.to_dict(), as_json, lambda: console.print(
        f"Mốc neo: sự kiện {a.seq}, hash {a.hash}" + (f" → {out}" if out else "")
        + "\nCất mốc này ngoài cơ sở dữ liệu (máy khác, bản in, thư gửi kiểm toán viên).", highlight=False))


@audit_app.command("list")
def audit_list(limit: Annotated[int, typer.Option(min=1)] = 50,
               entity: Annotated[str | None, typer.Option(help="unit|member|page|account|review|…")] = None,
               entity_id: Annotated[str | None, typer.Option("--id")] = None,
               db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Các sự kiện gần nhất."""
    from kiemchung.store import audit

    with cli_errors(), _records(db) as rec:
        rows = [e.to_dict() for e in audit.list_events(rec.session, limit=limit, entity=entity, entity_id=entity_id)]
    brief = [r | {"at": r["at"][:19], "data": json.dumps(r["data"], ensure_ascii=False)} for r in rows]
    _emit(rows, as_json, lambda: _table(brief, ("id", "at", "actor", "action", "entity", "entity_id", "data"),
                                        "Nhật ký"))


# ---------------------------------------------------------------------------------------------- report


def report_cmd(
    quarter: Annotated[str, typer.Option("--quarter", help="Quý, ví dụ 2026Q4.")],
    fmt: Annotated[str, typer.Option("--format", help="xlsx | csv | json")] = "json",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Tệp ra (bắt buộc với xlsx).")] = None,
    db: DbOpt = None,
) -> None:
    """Báo cáo quý: số phát hiện theo đơn vị, nhãn, tuần; kết quả và thời gian xem xét."""
    from kiemchung.errors import InputError
    from kiemchung.store import reports

    with cli_errors():
        if fmt not in ("xlsx", "csv", "json"):
            raise InputError(f"định dạng báo cáo phải là xlsx, csv hoặc json (got {fmt!r})")
        if fmt == "xlsx" and out is None:
            raise InputError("báo cáo xlsx cần --out FILE")
        with _records(db) as rec:
            rep = reports.quarterly_report(rec.session, quarter)
        if fmt == "xlsx":
            assert out is not None
            reports.to_xlsx(rep, out)
            err_console.print(f"Đã ghi {out}", highlight=False)
            return
        text = (json.dumps(reports.to_json(rep), ensure_ascii=False, indent=2) + "\n" if fmt == "json"
                else reports.to_csv(rep))
        if out is None:
            typer.echo(text, nl=False)
        else:
            out.write_text(text, encoding="utf-8")
            err_console.print(f"Đã ghi {out}", highlight=False)


# ---------------------------------------------------------------------------------------------- settings

settings_app = typer.Typer(help="Thiết lập của tổ chức (organization settings).", no_args_is_help=True)


@settings_app.command("get")
def settings_get(key: Annotated[str | None, typer.Argument()] = None, db: DbOpt = None,
                 as_json: JsonOpt = False) -> None:
    """Xem một thiết lập, hoặc tất cả."""
    with cli_errors(), _records(db) as rec:
        out = rec.settings.all() if key is None else {key: rec.settings.get(key)}
    _show(out, as_json)


@settings_app.command("set")
def settings_set(key: str, value: Annotated[str, typer.Argument(help="Giá trị JSON (hoặc chuỗi thường).")],
                 db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Đặt một thiết lập, ví dụ: settings set pages.required_platforms '["facebook","tiktok"]'."""
    try:
        parsed: Any = json.loads(value)
    except json.JSONDecodeError:
        parsed = value
    with cli_errors(), _records(db) as rec:
        out = {key: rec.settings.set(key, parsed)}
    _show(out, as_json)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.add_typer(units_app, name="units")
    app.add_typer(members_app, name="members")
    app.add_typer(pages_app, name="pages")
    app.add_typer(accounts_app, name="accounts")
    app.add_typer(audit_app, name="audit")
    app.add_typer(settings_app, name="settings")
    app.command("import")(import_cmd)
    app.command("report")(report_cmd)
