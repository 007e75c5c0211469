"""Turn a Report into what the self-check page shows: highlighted segments, quote diffs, a redacted copy."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiemchung.policy.pack import PolicyPack
from kiemchung.types import Report

CATEGORY_CLASS = {
    "toxicity": "tox",
    "misinformation": "mis",
    "scam": "scam",
    "privacy": "pii",
    "quote": "quote",
}


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of the original text covered by the same set of findings (indexes into ``report.findings``)."""

    text: str
    start: int
    end: int
    findings: tuple[int, ...] = ()

    @property
    def css(self) -> str:
        return " ".join(sorted({f"hl-{c}" for c in self.categories}))

    categories: tuple[str, ...] = field(default=())


def segments(report: Report) -> list[Segment]:
    """Split the text at every finding boundary; overlapping findings give a segment with several indexes."""
    text = report.text
    cuts = {0, len(text)}
    for f in report.findings:
        cuts.add(f.start)
        cuts.add(f.end)
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in zip(points, points[1:], strict=False):
        if a == b:
            continue
        covering = tuple(
            i for i, f in enumerate(report.findings) if f.start <= a and b <= f.end and f.start < f.end
        )
        cats = tuple(sorted({CATEGORY_CLASS.get(report.findings[i].category, "other") for i in covering}))
        out.append(Segment(text[a:b], a, b, covering, cats))
    return out


def _words(s: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]+|\s+", s)


def word_diff(left: str, right: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Word-level diff: two lists of (op, text) with op in {"eq", "del", "ins"} for the left and right columns."""
    a, b = _words(left), _words(right)
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    lcol: list[tuple[str, str]] = []
    rcol: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            lcol.append(("eq", "".join(a[i1:i2])))
            rcol.append(("eq", "".join(b[j1:j2])))
        else:
            if i2 > i1:
                lcol.append(("del", "".join(a[i1:i2])))
            if j2 > j1:
                rcol.append(("ins", "".join(b[j1:j2])))
    return lcol, rcol


def quote_views(report: Report, sources: dict[str, str]) -> list[dict[str, Any]]:
    """Each checked quote with its source passage and a side-by-side diff (post on the left, source right)."""
    out = []
    for q in report.quotes:
        quoted = report.text[q.start : q.end]
        src_text = sources.get(q.source_id or "", "")
        passage = ""
        if src_text and q.source_start is not None and q.source_end is not None:
            s0 = max(0, q.source_start)
            s1 = min(len(src_text), q.source_end)
            passage = src_text[s0:s1]
        left, right = word_diff(quoted, passage) if passage else ([("eq", quoted)], [])
        out.append({"quote": q, "quoted": quoted, "passage": passage, "left": left, "right": right})
    return out


def redacted(report: Report) -> str:
    """The text with personal data masked: ``kiemchung.redact.redact`` when installed, else the privacy spans."""
    redact: Callable[..., Any] | None
    try:
        from kiemchung.redact import redact
    except ImportError:
        redact = None
    if redact is not None:
        try:
            out = redact(report.text, mode="mask")
        except TypeError:
            out = redact(report.text)
        text = getattr(out, "text", out)
        if isinstance(text, str):
            return text
    spans = sorted((f.start, f.end) for f in report.findings if f.category == "privacy")
    pieces: list[str] = []
    pos = 0
    for a, b in spans:
        if a < pos:
            a = pos
        if b <= a:
            continue
        pieces.append(report.text[pos:a])
        pieces.append("".join(ch if ch.isspace() else "•" for ch in report.text[a:b]))
        pos = b
    pieces.append(report.text[pos:])
    return "".join(pieces)


def finding_views(report: Report, policy: PolicyPack) -> list[dict[str, Any]]:
    """Findings as the template lists them: the excerpt, explanation, rule text and evidence."""
    out = []
    for i, f in enumerate(report.findings):
        out.append(
            {
                "n": i + 1,
                "finding": f,
                "excerpt": report.text[f.start : f.end],
                "css": "hl-" + CATEGORY_CLASS.get(f.category, "other"),
                "rule_text": policy.rule_text(f.rule) if f.rule else "",
                "action": policy.for_label(f.label).action,
            }
        )
    return out
