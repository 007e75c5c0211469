"""Combine playbook rules, link verdicts and the classifier into scam findings for one prepared document."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiemchung.scam.links import STRONG_VERDICTS, LinkVerdict, find_links
from kiemchung.scam.features import has_digit
from kiemchung.scam.model import MAX_GUARDS, SENDERS, sms_len
from kiemchung.scam.playbook import TYPES
from kiemchung.scam.rules import RuleHit, find_guards, match_rules, trigger_words, type_scores

# a "." between a word character and a letter, or "://" or "www": the text may hold a link (the pattern starts with
# the literal ".", which the engine skips to, and looks back from it)
_DOT_ALPHA = re.compile(r"\.(?<=\w\.)[^\W\d_]")
_DIGITS3 = re.compile(r"\d{3}")
_ANY_DIGIT = re.compile(r"\d")
_WEAK = frozenset(("shortener", "risky_tld"))

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
    model_score: float | None  # the combined P(scam) of the classifier (None without a model)


def may_have_link(original: str) -> bool:
    """Cheap test: could ``find_links`` find anything in this text?"""
    if "://" in original:
        return True
    # only "w" and "W" lower to "w": without them, no "www" (and no copy of the text to lower)
    if ("w" in original or "W" in original) and "www" in original.lower():
        return True
    return _DOT_ALPHA.search(original) is not None


def assess(original: str, key: str, model_score: float | None, *, words: Iterable[str] | None = None) -> Assessment:
    words = words if words is not None else trigger_words(key)
    hits = match_rules(key, words=words)
    guards = find_guards(key, words=words)
    links = find_links(original) if may_have_link(original) else []
    keep = GUARD_KEEP[min(len(guards), 2)]
    link_keep = LINK_GUARD_KEEP[min(len(guards), 2)]
    types: dict[str, TypeEvidence] = {}
    for t, (s, hs) in type_scores(hits).items():
        types[t] = TypeEvidence(t, s * keep, hs)
    strong = [lv for lv in links if lv.verdict in STRONG_VERDICTS]
    weak = [lv for lv in links if lv.verdict in _WEAK]
    if strong:
        best = max(strong, key=lambda lv: lv.risk)
        types["lookalike_link"] = TypeEvidence("lookalike_link", best.risk * link_keep, [], sorted(strong, key=lambda lv: -lv.risk))
    if weak:
        te = types.setdefault("phishing", TypeEvidence("phishing", 0.0))
        te.score = 1.0 - (1.0 - te.score) * (1.0 - WEAK_LINK_WEIGHT * keep)
        te.links.extend(weak)
    return Assessment(types, guards, links, model_score)


def has_number(original: str) -> bool:
    """A phone number, an amount, a code: any run of three digits or more.

    Outside ASCII text (most posts: Vietnamese letters) one search for a digit says whether there is any, and the
    search for three goes on from the first; ASCII text is tested for its ten digits as substrings, cheaper still."""
    if original.isascii():
        return has_digit(original) and _DIGITS3.search(original) is not None
    m = _ANY_DIGIT.search(original)
    return m is not None and _DIGITS3.search(original, m.start()) is not None


def stack_features(a: Assessment, z: float, digits: bool, sender: str, length: int) -> list[float]:
    """The combiner's inputs in :data:`kiemchung.scam.model.STACK_FEATURES` order (``length``: of the original)."""
    scores = [te.score for te in a.types.values()]
    return [
        z,
        max(scores, default=0.0),
        float(min(len(a.guards), MAX_GUARDS)),
        float(any(lv.verdict in STRONG_VERDICTS for lv in a.links)),
        float(any(lv.verdict in _WEAK for lv in a.links)),
        float(digits),
        sms_len(length, sender),
        float(bool(a.links)),
        *(float(sender == s) for s in SENDERS),
    ]


def type_name(t: str) -> str:
    return TYPES.get(t, t)
