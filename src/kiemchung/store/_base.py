"""Shared pieces of the repositories: errors, value helpers and the base class."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy.orm import Session

from kiemchung.errors import InputError, StoreError
from kiemchung.store import audit
from kiemchung.store.authz import SYSTEM, Actor


class NotFoundError(StoreError):
    """The record asked for does not exist (or is outside the actor's scope)."""


class InvalidTransitionError(StoreError):
    """A state change that the state machine does not allow."""


# ---------------------------------------------------------------------------------------------- helpers


def slugify(text: str) -> str:
    """ASCII slug: diacritics stripped, đ → d, non-alphanumerics → '-'."""
    s = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "unit"


def normalize_url(url: str) -> str:
    """Canonical form of a page URL: https assumed, host lower-cased without ``www.`` (and without ``m.`` on
    the social platforms), trailing slash and fragment dropped, so ``www.facebook.com/an/`` equals
    ``https://facebook.com/an``."""
    raw = url.strip()
    if not raw:
        raise InputError("địa chỉ trang trống (empty page URL)")
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    if not parts.netloc:
        raise InputError(f"địa chỉ trang không hợp lệ (invalid page URL): {url!r}")
    path = parts.path.rstrip("/")
    host = parts.netloc.lower()
    host = host.removeprefix("www.")
    if host.startswith("m.") and any(host[2:] == h for hosts, _ in _HOSTS for h in hosts):
        host = host[2:]
    return urlunsplit((parts.scheme.lower(), host, path, parts.query, ""))


_HOSTS = (
    (("facebook.com", "fb.com", "fb.me"), "facebook"),
    (("youtube.com", "youtu.be"), "youtube"),
    (("tiktok.com",), "tiktok"),
    (("zalo.me", "zalo.vn"), "zalo"),
    (("instagram.com",), "instagram"),
    (("x.com", "twitter.com"), "x"),
)


def guess_platform(url: str) -> str:
    """The platform a URL belongs to; anything unknown is ``blog`` (a personal site or blog)."""
    host = urlsplit(normalize_url(url)).netloc.split(":")[0]
    for suffixes, platform in _HOSTS:
        if any(host == s or host.endswith("." + s) for s in suffixes):
            return platform
    return "blog"


def parse_when(value: str | datetime | date | None) -> datetime | None:
    """ISO-8601 text, a date or a datetime → aware datetime (naive means UTC)."""
    from datetime import UTC

    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise InputError(f"thời điểm không hợp lệ (invalid date/time): {value!r}") from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


class _Repository:
    def __init__(self, session: Session, actor: Actor = SYSTEM) -> None:
        self.session = session
        self.actor = actor

    def _audit(self, action: str, entity: str, entity_id: object, data: dict[str, Any] | None = None) -> None:
        audit.append(self.session, self.actor.name, action, entity, entity_id, data)


