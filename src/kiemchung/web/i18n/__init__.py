"""A small message catalogue: Vietnamese first, English available.

Messages live in ``vi.json`` and ``en.json`` next to this module (UTF-8, NFC). ``t(key, lang)`` returns the
message in ``lang``, falling back to Vietnamese, then to the key itself, so a missing translation never breaks
a page. ``str.format`` placeholders are filled from keyword arguments.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


@cache
def catalogue(lang: str) -> dict[str, str]:
    """The messages of one language (cached; read from the package)."""
    if lang not in LANGUAGES:
        return {}
    raw = resources.files("kiemchung.web.i18n").joinpath(f"{lang}.json").read_text("utf-8")
    data: dict[str, str] = json.loads(raw)
    return data


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message ``key`` in ``lang`` (fallback: Vietnamese, then the key)."""
    msg = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    if params:
        try:
            return msg.format(**params)
        except (KeyError, IndexError, ValueError):
            return msg
    return msg


def pick_language(query: str | None, cookie: str | None) -> str:
    """The language to use: ``?lang=``, then the ``lang`` cookie, then Vietnamese (the browser's
    Accept-Language is not consulted: the product is Vietnamese first)."""
    for cand in (query, cookie):
        if cand in LANGUAGES:
            return cand
    return DEFAULT_LANGUAGE
