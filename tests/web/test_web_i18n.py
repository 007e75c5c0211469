"""The message catalogue: vi and en have the same keys, every key used in a template or route exists."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path

import pytest

from kiemchung.web.i18n import catalogue, pick_language, t

WEB = Path(str(resources.files("kiemchung.web")))


def _used_keys() -> set[str]:
    keys: set[str] = set()
    for path in list(WEB.rglob("*.html")) + list(WEB.rglob("*.py")):
        text = path.read_text("utf-8")
        keys |= set(re.findall(r"""\bt\(\s*['"]([a-z_]+\.[a-z_.0-9]+)['"]""", text))
    return keys


def test_i18n_catalogues_have_the_same_keys() -> None:
    assert set(catalogue("vi")) == set(catalogue("en"))
    for lang in ("vi", "en"):
        for v in catalogue(lang).values():
            assert unicodedata.is_normalized("NFC", v)


def test_i18n_every_used_key_exists() -> None:
    missing = sorted(k for k in _used_keys() if k not in catalogue("vi"))
    assert not missing


@pytest.mark.parametrize("prefix", ["role.", "state.", "label.", "action.", "quote."])
def test_i18n_dynamic_keys_exist(prefix: str) -> None:
    expected = {
        "role.": ["member", "reviewer", "unit_admin", "auditor", "admin"],
        "state.": ["open", "confirmed", "dismissed", "appealed", "upheld", "overturned"],
        "label.": ["toxicity", "misinformation", "scam", "privacy", "quote"],
        "action.": ["review", "redact", "advisory", "ignore"],
        "quote.": ["faithful", "truncated", "altered", "not_found"],
    }[prefix]
    for name in expected:
        assert prefix + name in catalogue("vi")


@pytest.mark.parametrize(
    ("query", "cookie", "expected"),
    [(None, None, "vi"), ("en", None, "en"), (None, "en", "en"), ("vi", "en", "vi"), ("fr", None, "vi")],
)
def test_i18n_pick_language(query: str | None, cookie: str | None, expected: str) -> None:
    assert pick_language(query, cookie) == expected


def test_i18n_t_fallbacks() -> None:
    assert t("check.found_n", "en", n=3) == "3 thing(s) to look at before posting."
    assert t("no.such.key", "en") == "no.such.key"
    assert t("check.found_n", "xx", n=2).startswith("Có 2")


def test_templating_shows_times_in_vietnam() -> None:
    from datetime import UTC, datetime

    from kiemchung.web.templating import _fmt_dt

    assert _fmt_dt(datetime(2026, 11, 28, 20, 34, tzinfo=UTC)) == "2026-11-29 03:34 +07"
    assert _fmt_dt(None) == ""
