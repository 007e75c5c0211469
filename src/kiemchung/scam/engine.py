"""Combine playbook rules, link verdicts and the classifier into scam findings for one prepared document."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kiemchung.scam.links import STRONG_VERDICTS, LinkVerdict, find_links
from kiemchung.scam.playbook import TYPES
from kiemchung.scam.rules import RuleHit, find_guards, match_rules, type_scores, words_of

_MAYBE_LINK = re.compile(r"\w\.[^\W\d_]|://|www", re.IGNORECASE)

# one guard phrase ("cảnh giác", "không cung cấp") keeps this share of every rule score; two or more keep less
GUARD_KEEP = (1.0, 0.45, 0.25)
LINK_GUARD_KEEP = (1.0, 0.6, 0.35)
WEAK_LINK_WEIGHT = 0.3  # a shortener or a risky TLD adds this much to the phishing score


@dataclass(slots=True)
class TypeEvidence:
    """What supports one scam type in one document."""

    type: str
    score: float
    hits: list[RuleHit] = field(default_factory=list)
    links: list[LinkVerdict] = field(default_factory=list)


@dataclass(slots=True)
class Assessment:
    """Everything the detector needs to write findings."""

    types: dict[str, TypeEvidence]
    guards: list[tuple[int, int]]
    links: list[LinkVerdict]
    model_score: float | None
    corroborated: bool = True  # a rule hit, a non-official link or a phone number / amount backs the classifier


def assess(original: str, key: str, model_score: float | None) -> Assessment:
    words = words_of(key)
    hits = match_rules(key, words=words)
    guards = find_guards(key, words=words)
    links = find_links(original) if _MAYBE_LINK.search(original) is not None else []
    keep = GUARD_KEEP[min(len(guards), 2)]
    link_keep = LINK_GUARD_KEEP[min(len(guards), 2)]
    types: dict[str, TypeEvidence] = {}
    for t, (s, hs) in type_scores(hits).items():
        types[t] = TypeEvidence(t, s * keep, hs)
    strong = [lv for lv in links if lv.verdict in STRONG_VERDICTS]
    weak = [lv for lv in links if lv.verdict in ("shortener", "risky_tld")]
    if strong:
        best = max(strong, key=lambda lv: lv.risk)
        types["lookalike_link"] = TypeEvidence("lookalike_link", best.risk * link_keep, [], sorted(strong, key=lambda lv: -lv.risk))
    if weak:
        te = types.setdefault("phishing", TypeEvidence("phishing", 0.0))
        te.score = 1.0 - (1.0 - te.score) * (1.0 - WEAK_LINK_WEIGHT * keep)
        te.links.extend(weak)
    return Assessment(types, guards, links, model_score)


def type_name(t: str) -> str:
    return TYPES.get(t, t)
