"""One repository per aggregate: the library API that the CLI and the web app call (library first).

Every repository takes a SQLAlchemy ``Session`` and the acting :class:`~kiemchung.store.authz.Actor`
(default: :data:`~kiemchung.store.authz.SYSTEM`, the local administrator). Repositories check permissions,
flush, and append an audit event for every change; they never commit: the caller owns the transaction::

    from kiemchung.store import Store, Records
    store = Store.open(url, upgrade=True)
    with store.transaction() as session:
        rec = Records(session, actor)
        unit = rec.units.add("Chi bộ 1")
        member = rec.members.add("Nguyễn Văn A", unit=unit.id)
        page = rec.pages.add("https://facebook.com/nguyenvana", member=member.id)

References (``ref``) to a unit accept its id or its code; to a page, its id or its URL.
Errors: :class:`NotFoundError`, :class:`InvalidTransitionError` (both ``StoreError``),
``PermissionDeniedError``, ``InputError`` for bad values.
"""

from sqlalchemy.orm import Session

from kiemchung.store._base import (
    InvalidTransitionError,
    NotFoundError,
    guess_platform,
    normalize_url,
    parse_when,
    slugify,
)
from kiemchung.store.authz import SYSTEM, Actor
from kiemchung.store.findings import (
    REVIEW_ACTION_PERMISSION,
    REVIEW_TRANSITIONS,
    FindingRepository,
    ImportBatchRepository,
    PostRepository,
    ReviewRepository,
    next_review_state,
)
from kiemchung.store.references import FactCheckRepository, SourceDocumentRepository
from kiemchung.store.registry import (
    PAGE_TRANSITIONS,
    SETTING_DEFAULTS,
    AccountRepository,
    MemberRepository,
    PageRepository,
    SettingsRepository,
    UnitRepository,
)

__all__ = [
    "PAGE_TRANSITIONS",
    "REVIEW_ACTION_PERMISSION",
    "REVIEW_TRANSITIONS",
    "SETTING_DEFAULTS",
    "AccountRepository",
    "FactCheckRepository",
    "FindingRepository",
    "ImportBatchRepository",
    "InvalidTransitionError",
    "MemberRepository",
    "NotFoundError",
    "PageRepository",
    "PostRepository",
    "Records",
    "ReviewRepository",
    "SettingsRepository",
    "SourceDocumentRepository",
    "UnitRepository",
    "guess_platform",
    "next_review_state",
    "normalize_url",
    "parse_when",
    "slugify",
]

# ---------------------------------------------------------------------------------------------- façade


class Records:
    """All repositories for one session and actor: ``Records(session, actor).pages.list()``."""

    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session, self.actor = session, actor
        self.units = UnitRepository(session, actor)
        self.members = MemberRepository(session, actor)
        self.accounts = AccountRepository(session, actor)
        self.pages = PageRepository(session, actor)
        self.settings = SettingsRepository(session, actor)
        self.posts = PostRepository(session, actor)
        self.batches = ImportBatchRepository(session, actor)
        self.findings = FindingRepository(session, actor)
        self.reviews = ReviewRepository(session, actor)
        self.factchecks = FactCheckRepository(session, actor)
        self.sources = SourceDocumentRepository(session, actor)

