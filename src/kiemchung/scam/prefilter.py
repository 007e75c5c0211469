"""Required literals of a regular expression: substrings one of which occurs in every match.

A playbook rule is a regular expression that Python's engine runs position by position (its leading look-behind
leaves the engine no literal prefix to skip to), several microseconds per search of a post. Most searches find
nothing, and a substring test (``"vo toi" in key``) says so for a fraction of the cost: every match of
``(?:chung minh (?:su )?vo toi|xac minh dong tien)`` contains ``"chung minh "`` or ``"xac minh dong tien"``. The
literals are read off the pattern's parse tree, so they hold for any text by construction (the idea of RE2's
prefilter and of Russ Cox's "Regular Expression Matching with a Trigram Index", on whole literals).

Reading the tree, each node gives the set of strings it matches when that set is small and finite (``exact``:
``(?:den|toi)`` gives {"den", "toi"}; a zero-width assertion gives {""}) and a set of substrings one of which every
match of it contains (``need``). A sequence concatenates runs of exact nodes; a branch needs one of its branches'
sets; anything else (classes, open repeats, flags) is unknown, which is always safe: it only makes the filter weaker.
"""

from __future__ import annotations

import importlib
import re
from typing import Any, TypeAlias

# the standard library's own parser of ``re`` (Python 3.11: ``re._parser``, no public name and no type stubs)
_parser: Any = importlib.import_module("re._parser")

# an exact set grows no larger than this (a product of alternations); beyond, the run is cut there
_MAX_EXACT = 64
# the cost of a set, in substring tests: one per string, plus a search (worth ``_SEARCH`` tests) as often as one of
# them occurs, a string of n characters in a post about ``2 ** (5 - n)`` of the time (a rough guess: "khong " is
# common, "lien quan " not). Only the choice between sound sets depends on it.
_SEARCH = 50.0
# a run that costs no more than this is not multiplied by further alternatives unless that makes it cheaper
_CHEAP = 10.0
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})

_Sets = tuple[frozenset[str] | None, frozenset[str] | None]  # (exact, need)


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which occurs in every match of ``pattern`` (compiled without flags), or None when the
    pattern gives no such set (the empty string would be one: every text holds it)."""
    if re.compile(pattern).flags & ~re.UNICODE:
        return None  # inline flags (ignore case, verbose …) change what a literal matches
    exact, need = _seq(_parser.parse(pattern).data)
    best = _better(exact, need)
    if best is None:
        return None
    # a string that contains another one of the set adds nothing: a text holding it holds the shorter one too
    return frozenset(s for s in best if not any(t != s and t in s for t in best))


def _useful(s: frozenset[str] | None) -> frozenset[str] | None:
    return s if s and "" not in s else None


def _cost(s: frozenset[str]) -> float:
    if "" in s:
        return float("inf")  # every text holds the empty string
    return len(s) + _SEARCH * sum(2.0 ** (5 - len(x)) for x in s)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    a, b = _useful(a), _useful(b)
    if a is None or b is None:
        return a if b is None else b
    return a if _cost(a) <= _cost(b) else b


def _seq(items: list[tuple[Any, Any]]) -> _Sets:
    """A concatenation: runs of exact nodes multiply out; the best run (or a node's own need) is the need."""
    run: frozenset[str] = frozenset({""})
    whole = True  # the run covers every node so far: the sequence is exact
    need: frozenset[str] | None = None
    for op, av in items:
        exact, own = _node(op.name, av)
        if exact is not None and len(run) * len(exact) <= _MAX_EXACT:
            longer = frozenset(a + b for a in run for b in exact)
            if _cost(run) > _CHEAP or _cost(longer) <= _cost(run):  # more strings only where they pay
                run = longer
                continue
        need = _better(_better(need, run), own)
        whole = False
        run = exact if exact is not None else frozenset({""})
    if whole:
        return run, None
    return None, _better(need, run)


def _node(name: str, av: Any) -> _Sets:
    if name == "LITERAL":
        return frozenset({chr(av)}), None
    if name in _ZERO_WIDTH:
        return frozenset({""}), None  # matches no characters: the strings around it are adjacent in the match
    if name == "IN" and all(op.name == "LITERAL" for op, _ in av):
        return frozenset(chr(c) for _, c in av), None
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, sub = av
        return _seq(sub.data) if not add_flags and not del_flags else (None, None)
    if name == "BRANCH":
        parts = [_seq(sub.data) for sub in av[1]]
        exacts = [e for e, _ in parts if e is not None]
        if len(exacts) == len(parts) and sum(map(len, exacts)) <= _MAX_EXACT:
            return frozenset().union(*exacts), None
        needs = [_better(e, n) for e, n in parts]
        if any(n is None for n in needs):
            return None, None
        return None, frozenset().union(*(n for n in needs if n is not None))
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        lo, hi, sub = av
        exact, need = _seq(sub.data)
        if lo == 0:
            if hi == 1 and exact is not None and len(exact) < _MAX_EXACT:
                return exact | {""}, None
            return None, None
        if lo == hi and exact is not None and len(exact) ** lo <= _MAX_EXACT:
            out = frozenset({""})
            for _ in range(lo):
                out = frozenset(a + b for a in out for b in exact)
            return out, None
        return None, _better(exact, need)  # one repetition at least: what it needs, the whole needs
    return None, None  # classes, any character, group references …: unknown (safe)


# --- testing a set of literals ---------------------------------------------------------------------------------------
# A rule's literals are often a product ("cap nhat ", "dong bo ", "kich hoat " … times "can cuoc", "cccd", "vneid" …),
# 40 substring tests when none occurs. Sorted into a tree by their leading words, a test of the shared prefix
# ("cap nhat ") stands for the whole branch: a text without it holds none of them.

ProbeTree: TypeAlias = tuple[tuple[str, bool, "ProbeTree"], ...]  # (probe, the probe is itself one of the literals, below it)
_TOKEN = re.compile(r"\S+\s*|\s+")  # a word with the spaces after it (or leading spaces): the tokens join to the string


def probe_tree(literals: tuple[str, ...]) -> ProbeTree:
    """A tree of the literals for :func:`holds_any`: each node's probe is a prefix of every literal below it."""
    if "" in literals:
        return (("", True, ()),)  # every text holds the empty string
    return _branches({s: _TOKEN.findall(s) for s in literals}, list(literals), 0)


def _branches(tokens: dict[str, list[str]], lits: list[str], depth: int) -> ProbeTree:
    """The literals ``lits`` (which share their first ``depth`` tokens and are longer), grouped by the next token."""
    groups: dict[str, list[str]] = {}
    for s in lits:
        groups.setdefault(tokens[s][depth], []).append(s)
    out: list[tuple[str, bool, ProbeTree]] = []
    for group in groups.values():
        if len(group) == 1:
            out.append((group[0], True, ()))
            continue
        d = depth + 1  # the group shares tokens[:d]; extend while every literal has the same next token
        while all(len(tokens[s]) > d for s in group) and len({tokens[s][d] for s in group}) == 1:
            d += 1
        prefix = "".join(tokens[group[0]][:d])
        rest = [s for s in group if s != prefix]  # the others are longer (more tokens): a literal of d tokens is prefix
        below = _branches(tokens, rest, d) if rest else ()
        if prefix.isspace() and rest and prefix not in group:
            out.extend(below)  # a probe of spaces alone would filter nothing: test the branches below directly
        else:
            out.append((prefix, prefix in group, below))
    return tuple(out)


def holds_any(tree: ProbeTree, text: str) -> bool:
    """Whether ``text`` holds one of the literals of ``tree`` (``any(s in text for s in literals)``): a branch is
    entered only where its probe occurs, and every literal of it contains that probe."""
    for probe, whole, below in tree:
        if probe in text and (whole or holds_any(below, text)):
            return True
    return False
