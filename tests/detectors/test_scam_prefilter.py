"""The required-literal extractor behind the scam rules' prefilter: every match contains one of the literals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiemchung.scam.prefilter import required_literals
from kiemchung.scam.rules import RULES


@pytest.mark.parametrize(("pattern", "expected"), [
    ("chung minh vo toi", {"chung minh vo toi"}),
    ("(?:den|toi) nha", {"den nha", "toi nha"}),
    (r"(?<!\w)lien quan (?:den )?vu an", {"lien quan "}),
    ("ab*c", None),  # 'a' … 'c' are needed, but single letters are ruled out only by cost, so any answer is sound
    (r"\d+", None),  # a class: nothing required
    ("(?i)vu an", None),  # inline flags change what a literal matches
    ("x?", None),  # may match the empty string
])
def test_scam_prefilter_literals_of_known_patterns(pattern: str, expected: set[str] | None) -> None:
    got = required_literals(pattern)
    if pattern == "ab*c":
        assert got is None or all(any(s in m for s in got) for m in ("ac", "abbbc"))
        return
    assert got == (None if expected is None else frozenset(expected))


_PIECES = st.sampled_from(["a", "b", "ab", "ba ", " ", "c", "(?:a|bc)", "(?:ab)?", "[ab]", "[^a]", r"\w", "b+",
                           "(?:c|)", "a{2}", "(?<!a)", "(?=b)", ".", "(?:ab|ba)+", r"\b", "c*?"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6), st.lists(st.text(alphabet="abc ", max_size=12), max_size=8))
def test_scam_prefilter_every_match_holds_a_literal(pieces: list[str], texts: list[str]) -> None:
    pattern = "".join(pieces)
    lits = required_literals(pattern)
    if lits is None:
        return
    assert lits and "" not in lits
    rx = re.compile(pattern)
    for t in texts + ["".join(pieces), "ab ba c " * 3]:
        for m in rx.finditer(t):
            assert any(s in m.group(0) for s in lits), (pattern, t, m.group(0), lits)


def test_scam_prefilter_covers_most_rules() -> None:
    # the filter only pays if most rules yield literals; a rule without any is simply always searched
    with_literals = sum(required_literals(r.pattern) is not None for r in RULES)
    assert with_literals >= 0.8 * len(RULES)
