"""Run the playbook rules over a diacritic-free key: one compiled alternation, one pass per text."""

from __future__ import annotations

import re
import re._constants as _sc
import re._parser as _sp
from dataclasses import dataclass
from typing import Any

from kiemchung.scam.playbook import GUARDS, RULES, Rule


def _anchor_set(items: Any) -> frozenset[str] | None:
    """Literal strings one of which every match of this sequence contains (None: no such set found)."""
    cands: list[frozenset[str]] = []
    cur = ""
    for op, av in items:
        if op is _sc.LITERAL:
            cur += chr(av)
            continue
        if cur:
            cands.append(frozenset({cur}))
        cur = ""
        sub: frozenset[str] | None = None
        if op is _sc.SUBPATTERN:
            sub = _anchor_set(av[-1])
        elif op is _sc.BRANCH:
            parts = [_anchor_set(br) for br in av[1]]
            if all(p is not None for p in parts):
                sub = frozenset().union(*[p for p in parts if p is not None])
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            sub = _anchor_set(av[2])
        if sub is not None:
            cands.append(sub)
    if cur:
        cands.append(frozenset({cur}))
    good = [c for c in cands if min(len(x.strip()) for x in c) >= 2]
    if not good:
        return None
    return max(good, key=lambda c: (min(len(x) for x in c), -len(c)))


def anchors(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match contains (a cheap prefilter), or None when there is none."""
    found = _anchor_set(_sp.parse(pattern))
    return tuple(sorted(found)) if found else None


def _compile(p: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + p + r")(?!\w)")


_RULES_C: tuple[tuple[Rule, re.Pattern[str], tuple[str, ...] | None], ...] = tuple(
    (r, _compile(r.pattern), anchors(r.pattern)) for r in RULES
)
_GUARDS_C: tuple[tuple[re.Pattern[str], tuple[str, ...] | None], ...] = tuple(
    (_compile(g), anchors(g)) for g in GUARDS
)


@dataclass(frozen=True, slots=True)
class RuleHit:
    """A rule that matched ``key[start:end]``."""

    rule: Rule
    start: int
    end: int


def match_rules(key: str) -> list[RuleHit]:
    """Every rule hit in ``key`` (first-listed rule wins where two start at the same place)."""
    hits = []
    for rule, rx, anc in _RULES_C:
        if anc is not None and not any(a in key for a in anc):
            continue
        for m in rx.finditer(key):
            hits.append(RuleHit(rule, m.start(), m.end()))
    return hits


def find_guards(key: str) -> list[tuple[int, int]]:
    """Spans of warning phrases ("cảnh giác", "không cung cấp") in ``key``."""
    out = []
    for rx, anc in _GUARDS_C:
        if anc is not None and not any(a in key for a in anc):
            continue
        out.extend(m.span() for m in rx.finditer(key))
    return sorted(out)


def type_scores(hits: list[RuleHit]) -> dict[str, tuple[float, list[RuleHit]]]:
    """Per scam type: 1 - Π(1 - weight) over distinct rules, and the hits, strongest first."""
    seen: dict[str, dict[str, RuleHit]] = {}
    for h in hits:
        per = seen.setdefault(h.rule.type, {})
        if h.rule.id not in per:
            per[h.rule.id] = h
    out: dict[str, tuple[float, list[RuleHit]]] = {}
    for t, per in seen.items():
        miss = 1.0
        for h in per.values():
            miss *= 1.0 - h.rule.weight
        out[t] = (1.0 - miss, sorted(per.values(), key=lambda h: -h.rule.weight))
    return out
