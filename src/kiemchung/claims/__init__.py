"""Fact-checks and claim matching: the model, loaders, rating normalization, retrieval index and matcher.

    load_factchecks(path)        JSONL (DESIGN §5) | ClaimReview JSON-LD | Google Fact Check Tools JSON
    factchecks_from_records(xs)  dicts (DESIGN §5) or FactCheck objects, e.g. rows from the store
    normalize_rating(text)       "Sai sự thật" → "false", "Mostly false" → "partly_false", …
    ClaimMatcher(factchecks)     sentences of a post → matched fact-checks (calibrated threshold)
"""

from kiemchung.claims.loaders import factchecks_from_records, load_factchecks
from kiemchung.claims.matcher import MATCH_THRESHOLD, ClaimMatcher, Match
from kiemchung.claims.model import FLAGGED_VERDICTS, VERDICTS, FactCheck
from kiemchung.claims.ratings import normalize_rating

__all__ = [
    "FLAGGED_VERDICTS",
    "MATCH_THRESHOLD",
    "VERDICTS",
    "ClaimMatcher",
    "FactCheck",
    "Match",
    "factchecks_from_records",
    "load_factchecks",
    "normalize_rating",
]
