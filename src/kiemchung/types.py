"""Domain objects shared by every part of Kiểm Chứng (frozen, slotted dataclasses).

The contract (DESIGN §3): every span is a pair of Python string indices into the ORIGINAL text the user gave,
end exclusive, so ``report.text[f.start:f.end] == f.excerpt`` always holds.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any


def _freeze_meta(meta: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return dict(meta) if meta else {}


@dataclass(frozen=True, slots=True)
class Source:
    """A source text that quotes in a post are checked against."""

    id: str
    text: str
    speaker: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "text": self.text}


@dataclass(frozen=True, slots=True)
class Document:
    """One post or draft as it came in. ``text`` is never changed by anything downstream."""

    text: str
    id: str | None = None
    sources: tuple[Source, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)  # likes, comments, shares, published_at, page, url…

    def __reduce__(self) -> tuple[type[Document], tuple[str, str | None, tuple[Source, ...], Mapping[str, Any]]]:
        # pickled by its fields (a scan sends every post to a worker process: the generic frozen-slots path looks
        # the fields up on both sides, post by post)
        return Document, (self.text, self.id, self.sources, self.meta)


@dataclass(frozen=True, slots=True)
class Token:
    """A token of the normalized text: ``text`` spans ``normalized[start:end]``."""

    text: str
    start: int
    end: int
    kind: str = "word"  # word | number | url | email | mention | hashtag | emoticon | emoji | punct


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized view of an original text with an offset map back to it.

    ``starts[i]``/``ends[i]`` give the original span that produced ``normalized[i]``; both arrays have
    ``len(normalized)`` entries. ``key`` is the diacritic-free form of ``normalized`` and has the same length,
    so it shares the offset map.
    """

    original: str
    normalized: str
    key: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    token_source: Any = field(default=(), repr=False, compare=False)
    """The tokens, or (from ``normalize``) a picklable builder that makes them on first use of ``tokens``."""
    map_source: Any = field(default=None, init=False, repr=False, compare=False)
    """None, or (from ``normalize``, while ``starts``/``ends`` are not filled yet) a callable that returns them.

    Most posts are never asked for a span on the normalized text, and building the maps (one int per character)
    was half the cost of normalizing a post with a rewritten word: ``normalize`` may leave both slots empty and
    put their builder here. The first read of ``starts`` or ``ends`` finds an empty slot, which lands in
    ``__getattr__``; it fills both slots, so later reads are plain slot reads. Equality, hashing, ``repr`` and
    pickling read the attributes, so they see the built maps."""

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens of ``normalized`` in order (built on first use: most detectors never ask for them)."""
        src = self.token_source
        if type(src) is tuple:
            return src
        built: tuple[Token, ...] = src()
        object.__setattr__(self, "token_source", built)
        return built

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute name

        def __getattr__(self, name: str) -> Any:
            # only reached when a slot is empty: ``starts``/``ends`` left for ``map_source`` to build
            if name != "starts" and name != "ends":
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}", name=name, obj=self)
            build = object.__getattribute__(self, "map_source")
            if build is not None:
                starts, ends = build()
                object.__setattr__(self, "starts", starts)  # frozen: fill the slots directly
                object.__setattr__(self, "ends", ends)
                object.__setattr__(self, "map_source", None)  # after the slots: another thread may read them
            return object.__getattribute__(self, name)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized span ``[start, end)`` to the original span that produced it."""
        n = len(self.normalized)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span {start}:{end} outside normalized text of length {n}")
        if n == 0:
            return (0, 0)
        if start == end:
            pos = self.starts[start] if start < n else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])

    def original_excerpt(self, start: int, end: int) -> str:
        a, b = self.to_original(start, end)
        return self.original[a:b]


@dataclass(frozen=True, slots=True)
class Prepared:
    """What a detector receives: the document as given and its normalized view."""

    document: Document
    norm: NormalizedText

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True, slots=True)
class Evidence:
    """One reason behind a finding: the base score and each boost (Presidio's AnalysisExplanation)."""

    kind: str
    detail: str
    score_delta: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "score_delta": round(self.score_delta, 4)}


@dataclass(frozen=True, slots=True)
class Finding:
    """Something a detector found, on a span of the original text."""

    detector: str
    label: str
    score: float
    start: int
    end: int
    explanation: str
    evidence: tuple[Evidence, ...] = ()
    rule: str = ""

    @property
    def category(self) -> str:
        return self.label.split(".", 1)[0]

    def to_dict(self, text: str) -> dict[str, Any]:
        return {
            "label": self.label,
            "category": self.category,
            "score": round(self.score, 4),
            "start": self.start,
            "end": self.end,
            "excerpt": text[self.start : self.end],
            "detector": self.detector,
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """A published fact-check that a sentence of the post matches."""

    factcheck_id: str
    score: float
    rating: str
    url: str
    start: int
    end: int
    claim: str = ""
    publisher: str = ""
    verdict: str = ""  # false | misleading | partly_false | true | unknown (normalized rating)

    def to_dict(self) -> dict[str, Any]:
        return {
            "factcheck_id": self.factcheck_id,
            "score": round(self.score, 4),
            "rating": self.rating,
            "verdict": self.verdict,
            "url": self.url,
            "start": self.start,
            "end": self.end,
            "claim": self.claim,
            "publisher": self.publisher,
        }


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    """A quote found in the post and the verdict of checking it against the sources."""

    start: int
    end: int
    speaker: str
    verdict: str  # faithful | truncated | altered | not_found
    source_id: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "verdict": self.verdict,
            "source_id": self.source_id,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class DetectorOutput:
    """What one detector says about one document."""

    findings: tuple[Finding, ...] = ()
    scores: Mapping[str, float] = field(default_factory=dict)
    claims: tuple[ClaimMatch, ...] = ()
    quotes: tuple[QuoteCheck, ...] = ()


EMPTY_OUTPUT = DetectorOutput()

# DetectorOutput is frozen: its ``__init__`` sets each field through ``object.__setattr__``. Detectors that give
# every post an output (scores) build it here with the slots filled directly: the same object, about twice as fast.
_new_output = object.__new__
_set_out_findings = vars(DetectorOutput)["findings"].__set__
_set_out_scores = vars(DetectorOutput)["scores"].__set__
_set_out_claims = vars(DetectorOutput)["claims"].__set__
_set_out_quotes = vars(DetectorOutput)["quotes"].__set__


def scored_output(scores: Mapping[str, float], findings: tuple[Finding, ...] = ()) -> DetectorOutput:
    """``DetectorOutput(findings=findings, scores=scores)`` (no claims, no quotes), built faster."""
    out = _new_output(DetectorOutput)
    _set_out_findings(out, findings)
    _set_out_scores(out, scores)
    _set_out_claims(out, ())
    _set_out_quotes(out, ())
    return out


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# The encoder's own string escaping (the C function ``json.dumps(..., ensure_ascii=False)`` calls).
_enc_str = encode_basestring
_float_repr = float.__repr__
_INF = float("inf")
_SCORE_KEYS: dict[str, str] = {}  # a score name -> its JSON key and colon


def _scores_json(scores: Mapping[str, float]) -> str | None:
    """``_dumps({k: round(v, 4) for k, v in sorted(scores.items())})``, or None unless every key is a string and
    every rounded score a finite float (the other cases go through the encoder itself)."""
    if not scores:
        return "{}"
    items = []
    for k, v in sorted(scores.items()):
        r = round(v, 4)
        if type(k) is not str or not isinstance(r, float) or r != r or r == _INF or r == -_INF:
            return None
        head = _SCORE_KEYS.get(k)
        if head is None:
            head = _enc_str(k) + ":"
            if len(_SCORE_KEYS) < 256:  # score names are a handful of labels
                _SCORE_KEYS[k] = head
        items.append(head + _float_repr(r))
    return "{" + ",".join(items) + "}"


def _finite(r: object) -> bool:
    return type(r) is float and r == r and r != _INF and r != -_INF


def _finding_json(f: Finding, text: str) -> str | None:
    """``_dumps(f.to_dict(text))`` put together piece by piece, or None unless every string field is a ``str``,
    every offset an ``int`` and every rounded score a finite float (the other cases go through the encoder)."""
    score = round(f.score, 4)
    label, detector, explanation, rule, start, end = f.label, f.detector, f.explanation, f.rule, f.start, f.end
    if (not _finite(score) or type(start) is not int or type(end) is not int or type(label) is not str
            or type(detector) is not str or type(explanation) is not str or type(rule) is not str):
        return None
    evidence = []
    for e in f.evidence:
        delta = round(e.score_delta, 4)
        if not _finite(delta) or type(e.kind) is not str or type(e.detail) is not str:
            return None
        evidence.append('{"kind":' + _enc_str(e.kind) + ',"detail":' + _enc_str(e.detail) + ',"score_delta":'
                        + _float_repr(delta) + "}")
    return "".join((
        '{"label":', _enc_str(label), ',"category":', _enc_str(label.split(".", 1)[0]), ',"score":',
        _float_repr(score), ',"start":', str(start), ',"end":', str(end), ',"excerpt":', _enc_str(text[start:end]),
        ',"detector":', _enc_str(detector), ',"explanation":', _enc_str(explanation), ',"evidence":[',
        ",".join(evidence), '],"rule":', _enc_str(rule), "}",
    ))


def _findings_json(findings: Sequence[Finding], text: str) -> str:
    parts = []
    for f in findings:
        one = _finding_json(f, text)
        if one is None:  # an odd value somewhere: the encoder decides for the whole list
            return _dumps([f.to_dict(text) for f in findings])
        parts.append(one)
    return "[" + ",".join(parts) + "]"


_VERSIONS_CACHE: list[tuple[Mapping[str, Any], str]] = []


def _versions_json(key: Mapping[str, Any], value: Mapping[str, Any]) -> str:
    """The JSON of an analyzer's ``versions`` mapping, cached by identity (one analyzer, one string)."""
    for obj, text in _VERSIONS_CACHE:
        if obj is key:
            return text
    text = _dumps(dict(value))
    if len(_VERSIONS_CACHE) >= 8:
        _VERSIONS_CACHE.pop(0)
    _VERSIONS_CACHE.append((key, text))
    return text


@dataclass(frozen=True, slots=True)
class Report:
    """Everything Kiểm Chứng says about one document (DESIGN §3)."""

    text: str
    findings: tuple[Finding, ...]
    scores: Mapping[str, float]
    claims: tuple[ClaimMatch, ...]
    quotes: tuple[QuoteCheck, ...]
    versions: Mapping[str, Any]
    id: str | None = None

    @property
    def labels(self) -> list[str]:
        return sorted({f.label for f in self.findings})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        out.update(
            {
                "text": self.text,
                "findings": [f.to_dict(self.text) for f in self.findings],
                "scores": {k: round(v, 4) for k, v in sorted(self.scores.items())},
                "claims": [c.to_dict() for c in self.claims],
                "quotes": [q.to_dict() for q in self.quotes],
                "versions": dict(self.versions),
            }
        )
        return out

    def to_json(self) -> str:
        """``json.dumps(self.to_dict())`` in compact form (the JSONL line of a scan), computed faster.

        The JSON is put together piece by piece with the encoder's own string and float formatting (so it is the
        same text; findings too, the most common section after the scores): the ``versions`` object is the same for every report of an analyzer and is serialized once;
        empty sections (most posts have no finding, claim or quote) cost nothing.
        """
        scores = _scores_json(self.scores)
        if scores is None:  # a score that is not a finite float: let the encoder decide
            d = self.to_dict()
            versions = d.pop("versions")
            return _dumps(d)[:-1] + ',"versions":' + _versions_json(self.versions, versions) + "}"
        text = self.text
        rid = self.id
        head = "{" if rid is None else '{"id":' + (_enc_str(rid) if type(rid) is str else _dumps(rid)) + ","
        findings = _findings_json(self.findings, text) if self.findings else "[]"
        claims = _dumps([c.to_dict() for c in self.claims]) if self.claims else "[]"
        quotes = _dumps([q.to_dict() for q in self.quotes]) if self.quotes else "[]"
        return "".join((head, '"text":', _enc_str(text), ',"findings":', findings, ',"scores":', scores,
                        ',"claims":', claims, ',"quotes":', quotes, ',"versions":',
                        _versions_json(self.versions, self.versions), "}"))


def sources_from(items: Sequence[Mapping[str, Any]] | None) -> tuple[Source, ...]:
    """Build sources from JSON-like dicts ``{"id", "speaker", "text"}``."""
    if not items:
        return ()
    out = []
    for i, it in enumerate(items):
        if not isinstance(it, Mapping) or not isinstance(it.get("text"), str):
            raise ValueError(f"source {i}: expected an object with a string 'text'")
        out.append(Source(id=str(it.get("id", f"s{i + 1}")), text=it["text"], speaker=str(it.get("speaker", ""))))
    return tuple(out)
