"""``kiemchung eval claims --factchecks FILE QUERIES.jsonl``: how well posts are matched to fact-checks.

Queries are DESIGN §5 JSONL: ``{"text": str, "match": <fact-check id> | null}`` (other keys are ignored; a
``kind`` key, when present, gives a per-kind breakdown).

Metrics (the matcher's calibrated threshold applies wherever "accepted" is said):

* ``recall_at_1``: over queries whose ``match`` is an id, the share whose best *accepted* match is that id.
* ``mrr_at_5``: over the same queries, the mean reciprocal rank of the right id among the top 5 re-scored
  candidates, threshold ignored (0 when it is not in the top 5).
* ``false_match_rate``: over ALL queries, the share that produce a wrong accepted match: a query with
  ``match: null`` whose best accepted match is any fact-check, or a query with an id whose best accepted match is
  a different fact-check. (A positive query that matches nothing is a miss, counted by recall, not here.)
* ``negative_match_rate``: the share of ``match: null`` queries with any accepted match (the stricter view).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kiemchung.errors import InputError
from kiemchung.io import iter_jsonl


def read_queries(path: Path) -> list[dict[str, Any]]:
    """DESIGN §5 claim queries; raises InputError (file, line, reason) on a bad line."""
    out = []
    for i, obj in iter_jsonl(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError("cần đối tượng có 'text' là chuỗi", file=str(path), record=i)
        m = obj.get("match")
        if m is not None and not isinstance(m, str):
            raise InputError("'match' phải là id (chuỗi) hoặc null", file=str(path), record=i)
        out.append(obj)
    return out


def score_queries(matcher: Any, queries: Sequence[dict[str, Any]], batch: int = 64) -> dict[str, Any]:
    """The metrics above for ``queries`` against a :class:`~kiemchung.claims.matcher.ClaimMatcher`."""
    from kiemchung.claims.text import view

    ranked: list[Any] = []
    accepted_all: list[Any] = []  # the production path (candidate filter included) decides what is accepted
    for i in range(0, len(queries), batch):
        views = [view(q["text"]) for q in queries[i : i + batch]]
        ranked.extend(matcher.rank_batch(views, k=max(matcher.candidates, 5)))
        accepted_all.extend(matcher.match_batch(views))
    thr = matcher.threshold
    n_pos = n_neg = hits = false = neg_matched = 0
    rr = 0.0
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # kind -> [correct, total]
    for q, cands, accepted in zip(queries, ranked, accepted_all, strict=True):
        gold = q.get("match")
        top = accepted[0].factcheck.id if accepted else None
        kind = str(q.get("kind", "positive" if gold else "negative"))
        if gold is not None:
            n_pos += 1
            ok = top == gold
            hits += ok
            if top is not None and top != gold:
                false += 1
            for rank, c in enumerate(cands[:5], 1):
                if c.factcheck.id == gold:
                    rr += 1.0 / rank
                    break
        else:
            n_neg += 1
            ok = top is None
            if not ok:
                false += 1
                neg_matched += 1
        per_kind[kind][0] += int(ok)
        per_kind[kind][1] += 1
    n = n_pos + n_neg
    return {
        "recall_at_1": round(hits / n_pos, 4) if n_pos else 0.0,
        "mrr_at_5": round(rr / n_pos, 4) if n_pos else 0.0,
        "false_match_rate": round(false / n, 4) if n else 0.0,
        "negative_match_rate": round(neg_matched / n_neg, 4) if n_neg else 0.0,
        "n_queries": n,
        "n_positive": n_pos,
        "threshold": thr,
        "accuracy_per_kind": {k: round(c / t, 4) for k, (c, t) in sorted(per_kind.items())},
    }


def evaluate(paths: list[Path], fmt: str | None = None, factchecks: Path | None = None) -> dict[str, Any]:
    """Score the claim matcher on query files against the fact-checks in ``factchecks``."""
    from kiemchung.claims.loaders import load_factchecks
    from kiemchung.claims.matcher import ClaimMatcher

    if fmt not in (None, "jsonl"):
        raise InputError(f"định dạng không hỗ trợ cho claims: {fmt!r} (chỉ jsonl)")
    if factchecks is None:
        raise InputError("cần --factchecks FILE cho tác vụ claims (the claims task needs --factchecks)")
    if not paths:
        raise InputError("cần ít nhất một tệp truy vấn (no query file)")
    fcs = load_factchecks(factchecks)
    queries = [q for p in paths for q in read_queries(Path(p))]
    return score_queries(ClaimMatcher(fcs), queries)
