"""A demo organization for ``kiemchung serve --demo`` and the web tests.

Units, members, accounts (one per role, printed at start), declared pages, about thirty posts written for
this demo in Vietnamese (no dataset rows), a scan so findings exist, and some reviews in every state so the
dashboard and the review queue show something at once. Seeding is idempotent: a second run changes nothing.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

DEMO_PASSWORD = "kiemchung-demo"
ROOT_CODE = "demo-hoi"


@dataclass(frozen=True, slots=True)
class DemoLogin:
    login: str
    role: str
    who: str


def default_demo_url() -> str:
    """``sqlite:///<user data dir>/kiemchung-demo.db``."""
    from pathlib import Path

    from platformdirs import user_data_dir

    path = Path(user_data_dir("kiemchung", appauthor=False)) / "kiemchung-demo.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


UNITS = [
    ("demo-hoi", "Hội Truyền thông Cộng đồng (demo)", None),
    ("demo-bao-sang", "Ban Biên tập Báo Sáng", "demo-hoi"),
    ("demo-dai-phuong-nam", "Ban Nội dung Đài Phương Nam", "demo-hoi"),
]

# (key, name, unit code, email, page url, handle)
MEMBERS = [
    (
        "lan",
        "Nguyễn Thị Lan",
        "demo-bao-sang",
        "lan@example.org",
        "https://facebook.com/lan.baosang",
        "Lan Báo Sáng",
    ),
    (
        "minh",
        "Trần Quang Minh",
        "demo-bao-sang",
        "minh@example.org",
        "https://facebook.com/minh.tq",
        "Minh TQ",
    ),
    ("hoa", "Lê Thu Hoà", "demo-bao-sang", None, "https://www.tiktok.com/@hoa.le", "hoa.le"),
    (
        "tuan",
        "Phạm Anh Tuấn",
        "demo-dai-phuong-nam",
        "tuan@example.org",
        "https://facebook.com/tuan.pn",
        "Tuấn Phương Nam",
    ),
    ("mai", "Võ Ngọc Mai", "demo-dai-phuong-nam", None, "https://youtube.com/@maivo", "Mai Võ"),
    ("khoa", "Đặng Minh Khoa", "demo-dai-phuong-nam", None, "https://khoadang.blog", "Khoa viết"),
]

# (login, role, unit code | None, member key | None, description)
ACCOUNTS = [
    ("admin", "admin", None, None, "quản trị hệ thống"),
    ("kiemtoan", "auditor", None, None, "kiểm toán viên (toàn tổ chức)"),
    ("quantri", "unit_admin", "demo-hoi", None, "quản trị đơn vị (cả hội)"),
    ("ranhsoat", "reviewer", "demo-bao-sang", None, "người rà soát Báo Sáng"),
    ("truongban", "reviewer", "demo-hoi", None, "trưởng ban rà soát (xét khiếu nại)"),
    ("ranhsoat2", "reviewer", "demo-dai-phuong-nam", None, "người rà soát Đài Phương Nam"),
    ("lan", "member", None, "lan", "thành viên Nguyễn Thị Lan"),
    ("tuan", "member", None, "tuan", "thành viên Phạm Anh Tuấn"),
]

# (member key, days ago, text) — written for this demo.
POSTS: list[tuple[str, int, str]] = [
    ("lan", 3, "Sáng nay Báo Sáng ra mắt chuyên mục mới về nông nghiệp sạch. Mời cả nhà đón đọc!"),
    ("lan", 6, "Đứa nào viết bài đó đúng là ngu như bò, não để trang trí à?"),
    ("lan", 10, "Ai cần liên hệ phỏng vấn thì gọi em số 0912 345 678 hoặc mail lan.ns@example.com nhé."),
    ("lan", 17, "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư, bác sĩ không muốn bạn biết điều này!"),
    ("lan", 25, "Cảm ơn bạn đọc đã gửi hơn 200 câu hỏi cho buổi giao lưu tối qua."),
    ("lan", 40, "Bọn người miền đó toàn lũ lừa đảo, đừng bao giờ tin chúng nó."),
    (
        "minh",
        2,
        "Tuyển cộng tác viên làm tại nhà, chỉ cần like và share bài, hoa hồng 500k/ngày. Nạp 300k phí "
        "kích hoạt qua số tài khoản 0123456789 Vietcombank để nhận nhiệm vụ.",
    ),
    ("minh", 8, 'Bộ trưởng nói: "Chúng ta sẽ tăng học phí ngay năm nay" — ai cũng bức xúc.'),
    ("minh", 15, "Tin vui: tuyến xe buýt số 12 chạy thêm chuyến tối từ tuần sau."),
    (
        "minh",
        33,
        "Chúc mừng bạn đã trúng thưởng iPhone 17! Bấm vào link vietcombank-khuyenmai.xyz và nhập mã OTP "
        "để nhận quà.",
    ),
    ("minh", 52, "Thằng cha đó mất dạy thật sự, nói chuyện như c*t."),
    ("minh", 70, "Biển số xe gây tai nạn là 51G-123.45, ai thấy báo công an giúp."),
    ("hoa", 4, "Video mới: hướng dẫn làm bánh xèo miền Tây giòn rụm."),
    ("hoa", 12, "Căn cước của chị ấy là 001199012345, mọi người tra giúp xem ở đâu."),
    ("hoa", 21, "Vắc xin gây vô sinh hàng loạt, đã có hàng nghìn ca được che giấu!"),
    ("hoa", 48, "Đầu tư tiền ảo lãi 30% mỗi tuần, cam kết không lỗ, inbox để được hướng dẫn."),
    ("hoa", 95, "Hôm nay trời Hà Nội se lạnh, mọi người nhớ giữ ấm."),
    ("tuan", 1, "Mất tiền vì bị lừa? Dịch vụ lấy lại tiền bị lừa đảo 100%, phí trước 2 triệu."),
    ("tuan", 5, "Phóng sự tuần này: những người giữ rừng ở Tây Nguyên."),
    ("tuan", 9, "Con ơi mẹ đang cấp cứu ở bệnh viện, chuyển gấp 20 triệu vào tài khoản này giúp mẹ."),
    ("tuan", 19, "Mấy con mụ bán hàng online toàn đồ rẻ rách, óc chó hết."),
    ("tuan", 38, 'Chủ tịch tỉnh phát biểu: "Không để ai bị bỏ lại phía sau trong mùa lũ".'),
    ("tuan", 66, "Số thẻ 4111 1111 1111 1111 hết hạn 12/28, ai nhặt được ví xin liên hệ."),
    ("mai", 7, "Livestream tối nay 20h: chuyện nghề dẫn chương trình."),
    ("mai", 14, "Uống thuốc hạ sốt trước khi tiêm giúp vắc xin hiệu quả gấp đôi."),
    ("mai", 29, "Đồ ngu, đã không biết còn bày đặt dạy đời."),
    ("mai", 58, "Vay tiền online không cần thế chấp, giải ngân 5 phút, lãi 0%, chơi kèm tài xỉu đổi thưởng."),
    ("khoa", 11, "Bài mới trên blog: đọc sách chậm trong thời đại mạng xã hội."),
    ("khoa", 23, "Hộ chiếu của tôi số C1234567 bị mất ở sân bay, ai thấy xin báo."),
    (
        "khoa",
        80,
        "Nhân viên ngân hàng gọi báo chuyển nhầm tiền vào tài khoản bạn, yêu cầu chuyển lại gấp — cẩn thận "
        "đây là chiêu lừa.",
    ),
]


# Fact-checks written for this demo (fictional publisher on example.org), so claim matching shows at once.
FACTCHECKS = [
    {
        "id": "demo-fc-1",
        "claim": "Uống nước chanh nóng mỗi sáng chữa khỏi ung thư.",
        "rating": "Sai",
        "url": "https://example.org/kiem-chung/nuoc-chanh-ung-thu",
        "date": "2026-03-02",
        "publisher": "Trang kiểm chứng mẫu",
    },
    {
        "id": "demo-fc-2",
        "claim": "Vắc xin gây vô sinh hàng loạt.",
        "rating": "Sai",
        "url": "https://example.org/kiem-chung/vac-xin-vo-sinh",
        "date": "2026-05-14",
        "publisher": "Trang kiểm chứng mẫu",
    },
    {
        "id": "demo-fc-3",
        "claim": "Uống thuốc hạ sốt trước khi tiêm giúp vắc xin hiệu quả gấp đôi.",
        "rating": "Gây hiểu lầm",
        "url": "https://example.org/kiem-chung/thuoc-ha-sot-truoc-tiem",
        "date": "2026-06-20",
        "publisher": "Trang kiểm chứng mẫu",
    },
]


def seed_demo_factchecks(store: Any) -> int:
    """Store the demo fact-checks (idempotent: rows are upserted by id)."""
    from kiemchung.store import Records
    from kiemchung.store.authz import Actor

    with store.transaction() as session:
        rec = Records(session, Actor(name="demo-seed", role="admin"))
        if rec.factchecks.count() and all(_has(session, fc["id"]) for fc in FACTCHECKS):
            return 0
        return int(rec.factchecks.add_many(FACTCHECKS))


def _has(session: Any, fid: str) -> bool:
    from kiemchung.store.schema import FactCheck

    return session.get(FactCheck, fid) is not None


def _content_hash(text: str, when: datetime | None) -> str:
    try:
        from kiemchung.ingest.base import content_hash

        return content_hash(text, when)
    except ImportError:  # pragma: no cover - ingest not installed
        stamp = when.astimezone(UTC).isoformat(timespec="seconds") if when else ""
        body = unicodedata.normalize("NFC", text).strip() + "\x1f" + stamp
        return hashlib.sha256(body.encode()).hexdigest()


def demo_logins() -> list[DemoLogin]:
    return [DemoLogin(login, role, who) for login, role, _u, _m, who in ACCOUNTS]


def is_seeded(store: Any) -> bool:
    from sqlalchemy import select

    from kiemchung.store.schema import Unit

    with store.transaction() as session:
        return session.execute(select(Unit.id).where(Unit.code == ROOT_CODE)).first() is not None


def seed_demo(
    store: Any, analyzer: Any = None, *, now: datetime | None = None, password: str = DEMO_PASSWORD
) -> list[DemoLogin]:
    """Seed the demo organization into ``store`` (no-op when already seeded); returns the demo logins.

    ``analyzer`` scans the posts (default: ``Analyzer.default()``); findings are stored and some reviewed.
    """
    if is_seeded(store):
        if analyzer is not None:
            rescan_if_detectors_changed(store, analyzer)
        return demo_logins()
    from kiemchung.store import Records
    from kiemchung.store.authz import Actor
    from kiemchung.store.schema import Post

    now = now or datetime.now(UTC)
    if analyzer is None:
        from kiemchung.analyzer import Analyzer

        analyzer = Analyzer.default()
    with store.transaction() as session:
        rec = Records(session, Actor(name="demo-seed", role="admin"))
        units: dict[str, Any] = {}
        for code, name, parent in UNITS:
            units[code] = rec.units.add(name, code=code, parent=units[parent].id if parent else None)
        members: dict[str, Any] = {}
        pages: dict[str, Any] = {}
        for key, name, unit, email, url, handle in MEMBERS:
            m = rec.members.add(name, unit=units[unit].id, email=email)
            members[key] = m
            pages[key] = rec.pages.add(url, member=m.id, handle=handle, declared_at=now - timedelta(days=120))
        for key in ("lan", "minh", "tuan"):
            rec.pages.verify(pages[key].id)
        for login, role, acc_unit, acc_member, _who in ACCOUNTS:
            rec.accounts.add(
                login,
                password,
                role,
                unit=units[acc_unit].id if acc_unit else None,
                member=members[acc_member].id if acc_member else None,
            )
        posts = []
        for i, (key, days, text) in enumerate(POSTS):
            when = (now - timedelta(days=days, hours=(i * 5) % 11)).replace(microsecond=0)
            page = pages[key]
            post = Post(
                page_id=page.id,
                external_id=f"demo-{i + 1}",
                url=f"{page.url}/posts/demo-{i + 1}",
                published_at=when,
                text=text,
                raw={"demo": True, "id": f"demo-{i + 1}", "text": text},
                content_hash=_content_hash(text, when),
            )
            session.add(post)
            posts.append(post)
        session.flush()
        store_findings(session, analyzer, posts)
        _review_some(session, now)
    return demo_logins()


def rescan_if_detectors_changed(store: Any, analyzer: Any) -> bool:
    """Rescan the demo posts when the installed detectors differ from the last scan's (new findings supersede
    the old ones; reviews stay attached to the findings they judged)."""
    from sqlalchemy import select

    try:
        from kiemchung.store.authz import Actor
        from kiemchung.store.scanning import scan_store
        from kiemchung.store.schema import Scan
    except ImportError:  # pragma: no cover
        return False
    with store.transaction() as session:
        last = session.execute(select(Scan).order_by(Scan.id.desc()).limit(1)).scalar_one_or_none()
        if last is not None and (last.versions or {}).get("detectors") == analyzer.versions.get("detectors"):
            return False
        scan_store(analyzer, session, actor=Actor(name="demo-seed", role="admin"), commit=False)
    return True


def store_findings(session: Any, analyzer: Any, posts: list[Any]) -> int:
    """Scan ``posts`` (the store's ``scan_store``) and date each finding and its review an hour after the post
    was published, so the demo's weekly charts and time-to-review look like months of use."""
    from kiemchung.store.schema import Finding, Review

    try:
        from kiemchung.store.authz import Actor
        from kiemchung.store.scanning import scan_store
    except ImportError:  # pragma: no cover - older store without scanning
        return _store_findings_directly(session, analyzer, posts)
    summary = scan_store(analyzer, session, actor=Actor(name="demo-seed", role="admin"), commit=False)
    by_id = {p.id: p for p in posts}
    from sqlalchemy import select

    for f, r in session.execute(select(Finding, Review).outerjoin(Review, Review.finding_id == Finding.id)):
        post = by_id.get(f.post_id)
        if post is None or post.published_at is None:
            continue
        f.created_at = post.published_at + timedelta(hours=1)
        if r is not None:
            r.opened_at = f.created_at
    session.flush()
    return int(summary.findings)


def _store_findings_directly(session: Any, analyzer: Any, posts: list[Any]) -> int:
    from kiemchung.store.schema import Finding
    from kiemchung.types import Document

    reports = analyzer.analyze_batch([Document(text=p.text, id=str(p.id)) for p in posts])
    models = analyzer.versions.get("models", {})
    n = 0
    for post, report in zip(posts, reports, strict=True):
        for f in report.findings:
            session.add(
                Finding(
                    post_id=post.id,
                    detector=f.detector,
                    detector_version=str(models.get(f.detector, "")),
                    label=f.label,
                    score=float(f.score),
                    start=f.start,
                    end=f.end,
                    excerpt=report.text[f.start : f.end],
                    evidence=[e.to_dict() for e in f.evidence],
                    explanation=f.explanation,
                    rule=f.rule,
                    policy_version=analyzer.policy.id,
                    created_at=(post.published_at or datetime.now(UTC)) + timedelta(hours=1),
                )
            )
            n += 1
    session.flush()
    return n


def _review_some(session: Any, now: datetime) -> None:
    """Put some findings through the review state machine, as the demo reviewers and members would."""
    from sqlalchemy import select

    from kiemchung.store import Records
    from kiemchung.store.authz import Actor
    from kiemchung.store.schema import Account, Finding, Post

    def actor(login: str) -> Actor:
        acc = session.execute(select(Account).where(Account.login == login)).scalar_one()
        return Actor(
            name=acc.login, role=acc.role, unit_id=acc.unit_id, member_id=acc.member_id, account_id=acc.id
        )

    findings = list(
        session.execute(select(Finding).join(Post).order_by(Post.published_at, Finding.id)).scalars()
    )
    # findings on posts of the last three weeks wait in the queue, and so does each unit's newest finding;
    # the older ones have decisions (members' own findings are confirmed so that they can appeal)
    cutoff = now - timedelta(days=20)
    newest_per_unit: dict[int, Finding] = {}
    for f in findings:
        member = f.post.page.member
        if member is not None:
            newest_per_unit[member.unit_id] = f
    keep_open = {f.id for f in newest_per_unit.values()}
    decided = [
        f
        for f in findings
        if f.id not in keep_open
        and f.post.published_at is not None
        and (f.post.published_at < cutoff or len(findings) < 12)
    ]
    owners = {"Nguyễn Thị Lan": "lan", "Phạm Anh Tuấn": "tuan"}
    appealable = []
    k = 0
    for i, f in enumerate(decided):
        member = f.post.page.member
        reviewer = "ranhsoat" if member is not None and member.unit.code == "demo-bao-sang" else "ranhsoat2"
        rev = Records(session, actor(reviewer)).reviews
        r = rev.open(f.id)
        owned = member is not None and member.name in owners
        action = "confirm" if owned else ("confirm", "dismiss")[k % 2]
        k += 0 if owned else 1
        rev.transition(
            r.id,
            action,
            "Đã xem trong ngữ cảnh (demo)."
            if action == "confirm"
            else "Không vi phạm trong ngữ cảnh này (demo).",
        )
        r.reviewed_at = f.created_at + timedelta(hours=4 + (i * 7) % 60)
        if owned:
            appealable.append((r, owners[member.name]))
    for j, (r, owner) in enumerate(appealable[:3]):
        Records(session, actor(owner)).reviews.transition(
            r.id, "appeal", "Tôi trích lại lời người khác để phản bác, không phải lời của tôi (demo)."
        )
        if j == 0:
            Records(session, actor("truongban")).reviews.transition(
                r.id, "overturn", "Chấp nhận khiếu nại: trích dẫn để phản bác (demo)."
            )
        elif j == 1:
            Records(session, actor("truongban")).reviews.transition(r.id, "uphold", "Giữ nguyên (demo).")
    session.flush()
