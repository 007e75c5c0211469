"""The one function that decides what a post contains: ``Analyzer.analyze_batch``.

CLI, web, local scan and Ray scan all call it (DESIGN §1).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from kiemchung import __version__
from kiemchung.detectors.base import Detector, Settings, SharesFeatures, model_version
from kiemchung.detectors.registry import Registry
from kiemchung.errors import KiemChungError
from kiemchung.policy.pack import PolicyPack, load_policy
from kiemchung.text.features import LinearPart, joint_linear_scores
from kiemchung.text.normalize import normalize
from kiemchung.types import EMPTY_OUTPUT, ClaimMatch, Document, Finding, NormalizedText, Prepared, QuoteCheck, Report


# Prepared and Report are frozen: their ``__init__`` sets each field through ``object.__setattr__``. The batch
# builds one of each per post, so their slots are filled directly (the same objects, about three times faster).
_new = object.__new__
_set_document = vars(Prepared)["document"].__set__
_set_norm = vars(Prepared)["norm"].__set__
_set_text = vars(Report)["text"].__set__
_set_findings = vars(Report)["findings"].__set__
_set_scores = vars(Report)["scores"].__set__
_set_claims = vars(Report)["claims"].__set__
_set_quotes = vars(Report)["quotes"].__set__
_set_versions = vars(Report)["versions"].__set__
_set_id = vars(Report)["id"].__set__


def _prepared(doc: Document, norm: NormalizedText) -> Prepared:
    p = _new(Prepared)
    _set_document(p, doc)
    _set_norm(p, norm)
    return p


def _report(text: str, findings: tuple[Finding, ...], scores: dict[str, float], claims: tuple[ClaimMatch, ...],
            quotes: tuple[QuoteCheck, ...], versions: dict[str, Any], id: str | None) -> Report:
    r = _new(Report)
    _set_text(r, text)
    _set_findings(r, findings)
    _set_scores(r, scores)
    _set_claims(r, claims)
    _set_quotes(r, quotes)
    _set_versions(r, versions)
    _set_id(r, id)
    return r


def _shared_scores(dets: Sequence[Detector], prepared: Sequence[Prepared]) -> dict[int, list[npt.NDArray[np.float32]]]:
    """The raw scores of the linear parts of every shared-feature detector, by position in ``dets``, when there are
    two or more such detectors: one featurizer pass for the parts whose features are nested (toxicity's and the
    unreliable model's). Empty otherwise (each detector then scores its own parts)."""
    # (what ``isinstance(d, SharesFeatures)`` checks, minus its cost: ~13 µs a detector, paid for every batch)
    shared = [k for k, d in enumerate(dets) if hasattr(d, "linear_parts") and hasattr(d, "detect_scored")]
    if len(shared) < 2:
        return {}
    owners: list[int] = []
    parts: list[LinearPart] = []
    for k in shared:
        for p in cast(SharesFeatures, dets[k]).linear_parts():
            owners.append(k)
            parts.append(p)
    scores = joint_linear_scores(parts, [d.norm.normalized for d in prepared], [d.norm.key for d in prepared])
    out: dict[int, list[npt.NDArray[np.float32]]] = {}
    for k, s in zip(owners, scores, strict=True):
        out.setdefault(k, []).append(s)
    return out


def _by_score(c: ClaimMatch) -> float:
    return -c.score


def _by_start(q: QuoteCheck) -> int:
    return q.start


class Analyzer:
    """Runs every registered detector over batches of documents and applies the policy pack."""

    def __init__(self, registry: Registry | Iterable[Detector], policy: PolicyPack | None = None) -> None:
        self.registry = registry if isinstance(registry, Registry) else Registry(registry)
        self.policy = policy or load_policy()
        models: dict[str, str] = {}
        for d in self.registry:
            v = model_version(d)
            if v:
                models[d.name] = v
        self._versions: dict[str, Any] = {
            "kiemchung": __version__,
            "policy": self.policy.id,
            "detectors": self.registry.names,
            "models": models,
        }

    @classmethod
    def default(
        cls,
        settings: Settings | None = None,
        *,
        policy: PolicyPack | None = None,
        only: Iterable[str] | None = None,
        skip: Iterable[str] = (),
    ) -> Analyzer:
        """An analyzer with every detector installed through the ``kiemchung.detectors`` entry points."""
        return cls(Registry.from_entry_points(settings, only=only, skip=skip), policy)

    @property
    def versions(self) -> dict[str, Any]:
        return dict(self._versions)

    def analyze(self, doc: Document | str) -> Report:
        return self.analyze_batch([doc if isinstance(doc, Document) else Document(text=doc)])[0]

    def analyze_batch(self, documents: Sequence[Document]) -> list[Report]:
        prepared = [_prepared(d, normalize(d.text)) for d in documents]
        n = len(prepared)
        findings: list[list[Finding]] = [[] for _ in range(n)]
        scores: list[dict[str, float]] = [{} for _ in range(n)]
        claims: list[list[ClaimMatch]] = [[] for _ in range(n)]
        quotes: list[list[QuoteCheck]] = [[] for _ in range(n)]
        dets = list(self.registry)  # (read per batch: a registry may change between batches)
        raw = _shared_scores(dets, prepared) if n else {}
        for k, det in enumerate(dets):
            got = raw.get(k)
            outs = det.detect_batch(prepared) if got is None else cast(SharesFeatures, det).detect_scored(prepared, got)
            if len(outs) != n:
                raise KiemChungError(f"detector {det.name} returned {len(outs)} results for {n} documents")
            for i, out in enumerate(outs):  # most outputs are empty or scores only: touch only what is there
                if out is EMPTY_OUTPUT:
                    continue
                if out.findings:
                    findings[i].extend(out.findings)
                if out.scores:
                    scores[i].update(out.scores)
                if out.claims:
                    claims[i].extend(out.claims)
                if out.quotes:
                    quotes[i].extend(out.quotes)
        versions = self._versions
        reports: list[Report] = []
        append = reports.append
        for i, doc in enumerate(documents):
            found = findings[i]
            cl = claims[i]
            qu = quotes[i]
            append(_report(
                doc.text,
                tuple(self._apply_policy(doc.text, found, scores[i])) if found else (),
                scores[i],
                tuple(sorted(cl, key=_by_score)) if cl else (),
                tuple(sorted(qu, key=_by_start)) if qu else (),
                versions,
                doc.id,
            ))
        return reports

    def _apply_policy(self, text: str, found: list[Finding], scores: dict[str, float]) -> list[Finding]:
        if not found:
            return found
        kept: list[Finding] = []
        n = len(text)
        for f in found:
            if not (0 <= f.start <= f.end <= n):
                raise KiemChungError(f"detector {f.detector} reported span {f.start}:{f.end} outside the text")
            pol = self.policy.for_label(f.label)
            if pol.action in ("ignore", "advisory") or f.score < pol.threshold:
                continue
            if not f.rule and pol.rule:
                f = dataclasses.replace(f, rule=pol.rule)
            kept.append(f)
        kept.sort(key=lambda f: (f.start, f.end, f.label))
        return kept
