"""The toxicity model artifact: linear document heads and a token span model, stored as one ``.npz``.

The file holds only numeric arrays and a JSON header (labels, version, feature spec, thresholds): it loads
with ``allow_pickle=False``. Scoring is pure numpy on batches of normalized texts.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from kiemchung.text.features import FeatureSpec, LinearPart, frozen, linear_scores
from kiemchung.toxicity.tokens import Tokens, token_scores, tokens

FloatArray = npt.NDArray[np.float32]
MODEL_FILE = "toxicity.npz"
LABELS = ("toxicity.offensive", "toxicity.hate")


def sigmoid(x: npt.NDArray[np.floating[Any]]) -> FloatArray:
    out: FloatArray = (1.0 / (1.0 + np.exp(-np.clip(x, -30, 30)))).astype(np.float32)
    return out


def margin_scores(z: FloatArray, offset: FloatArray, temperature: float) -> FloatArray:
    """Scores for offensive/hate from clean/offensive/hate logits: sigmoid(margin over the other heads / T)."""
    clean, off, hate = z[:, 0], z[:, 1] + offset[0], z[:, 2] + offset[1]
    m_off = off - np.maximum(clean, hate)
    m_hate = hate - np.maximum(clean, off)
    return sigmoid(np.stack([m_off, m_hate], axis=1) / np.float32(temperature))


@dataclass
class ToxicityModel:
    """Document heads ``W_doc`` (buckets × heads) and the token model ``w_tok``.

    Heads are, in order, ``clean``, ``offensive``, ``hate`` logits (one-vs-rest logits in older files; since
    2026.11-3 a stacker's multinomial logits folded into the weights). ``offset`` shifts the offensive/hate logits
    so that a calibrated score of 0.5 is the decision threshold tuned on training folds. ``w_tox``/``b_tox``
    (optional) score toxicity in ViCTSD's clean/toxic scheme, for evaluation on that scheme. ``spec2`` (optional,
    with ``idf2``, ``w_doc2``, ``w_tox2``) is a second feature view scored in its own pass; its logits add to the
    first view's.
    """

    spec: FeatureSpec
    idf: FloatArray
    w_doc: FloatArray
    b_doc: FloatArray
    offset: FloatArray  # (2,) added to offensive/hate logits
    temperature: float
    tok_bits: int
    w_tok: FloatArray
    b_tok: float
    tok_threshold: float
    version: str
    w_tox: FloatArray | None = None  # (buckets, 1) ViCTSD-scheme toxic logit (its tuned threshold is in b_tox)
    b_tox: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    # optional second view (since 2026.11-4): its own spec, idf and L2 norm, read by base heads stacked with the
    # first view's; ``w_doc2``/``w_tox2`` add to the logits of ``w_doc``/``w_tox``
    spec2: FeatureSpec | None = None
    idf2: FloatArray | None = None
    w_doc2: FloatArray | None = None
    w_tox2: FloatArray | None = None

    # ---- scoring -------------------------------------------------------------------------------------------
    def parts(self) -> tuple[LinearPart, ...]:
        """The document heads' linear parts (one per feature view), for scoring them jointly with other models'."""
        got: tuple[LinearPart, ...] | None = self.__dict__.get("_parts")
        if got is None or got[0].weights is not self.w_doc:
            got = (LinearPart(self.spec, self.idf, self.w_doc),)
            if self.spec2 is not None and self.w_doc2 is not None:
                got += (LinearPart(self.spec2, self.idf2, self.w_doc2),)
            self.__dict__["_parts"] = got
        return got

    def doc_logits(self, normalized: Sequence[str], keys: Sequence[str],
                   raw: Sequence[FloatArray] | None = None) -> FloatArray:
        """(n, 3) logits for clean / offensive / hate. ``raw``: the parts' scores when already computed (one per
        part of :meth:`parts`, e.g. by a joint pass)."""
        if raw is None:
            raw = [p.scores(normalized, keys) for p in self.parts()]
        out = raw[0].copy()
        for extra in raw[1:]:
            out += extra
        return out + self.b_doc

    def doc_scores(self, normalized: Sequence[str], keys: Sequence[str],
                   raw: Sequence[FloatArray] | None = None) -> FloatArray:
        """(n, 2) calibrated scores for ``toxicity.offensive`` and ``toxicity.hate``.

        Each score is a sigmoid of the margin of that head (plus its tuned offset) over the best other head,
        so at most one label reaches 0.5 and a score of 0.5 is exactly the decision boundary.
        """
        return margin_scores(self.doc_logits(normalized, keys, raw), self.offset, self.temperature)

    def toxic_scores(self, normalized: Sequence[str], keys: Sequence[str]) -> FloatArray:
        """(n,) score that a post is toxic in ViCTSD's clean/toxic scheme (0.5 is its tuned boundary).

        A separate stacked head trained for that scheme (news comments, milder toxicity) when the model has one,
        else the higher of the two label scores. The detector itself reports the ViHSD-scheme labels.
        """
        if self.w_tox is None:
            best: FloatArray = self.doc_scores(normalized, keys).max(axis=1)
            return best
        z = linear_scores(self.spec, normalized, keys, self.idf, self.w_tox)[:, 0] + np.float32(self.b_tox)
        if self.spec2 is not None and self.w_tox2 is not None:
            z += linear_scores(self.spec2, normalized, keys, self.idf2, self.w_tox2)[:, 0]
        return sigmoid(z)

    def tokens(self, normalized: Sequence[str], keys: Sequence[str]) -> tuple[Tokens, FloatArray]:
        t = tokens(normalized, keys, self.tok_bits)
        return t, sigmoid(token_scores(t, self.w_tok, self.b_tok))

    # ---- persistence ---------------------------------------------------------------------------------------
    def header(self) -> dict[str, Any]:
        return {
            "format": "kiemchung.toxicity/1",
            "version": self.version,
            "labels": list(LABELS),
            "heads": ["clean", "offensive", "hate"],
            "spec": self.spec.to_dict(),
            **({"spec2": self.spec2.to_dict()} if self.spec2 is not None else {}),
            "offset": [float(x) for x in self.offset],
            "temperature": self.temperature,
            "tok_bits": self.tok_bits,
            "b_tok": self.b_tok,
            "b_tox": self.b_tox,
            "tok_threshold": self.tok_threshold,
            "meta": self.meta,
        }

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        head = json.dumps(self.header(), ensure_ascii=False, sort_keys=True)
        buf = io.BytesIO()
        arrays: dict[str, npt.NDArray[Any]] = {
            "header": np.frombuffer(head.encode("utf-8"), dtype=np.uint8),
            "idf": self.idf.astype(np.float16),
            "w_doc": self.w_doc.astype(np.float16),
            "b_doc": self.b_doc.astype(np.float32),
            "w_tok": self.w_tok.astype(np.float16),
        }
        if self.w_tox is not None:
            arrays["w_tox"] = self.w_tox.reshape(-1, 1).astype(np.float16)
        if self.spec2 is not None and self.idf2 is not None and self.w_doc2 is not None:
            arrays["idf2"] = self.idf2.astype(np.float16)
            arrays["w_doc2"] = self.w_doc2.astype(np.float16)
            if self.w_tox2 is not None:
                arrays["w_tox2"] = self.w_tox2.reshape(-1, 1).astype(np.float16)
        savez: Any = np.savez_compressed  # numpy's stub types ``**kwds`` like its ``allow_pickle`` flag
        savez(buf, **arrays)
        path.write_bytes(buf.getvalue())

    @classmethod
    def from_bytes(cls, data: bytes) -> ToxicityModel:
        with np.load(io.BytesIO(data), allow_pickle=False) as z:
            head = json.loads(bytes(z["header"]).decode("utf-8"))
            if head.get("format") != "kiemchung.toxicity/1":
                raise ValueError(f"unknown toxicity model format {head.get('format')!r}")
            two = "spec2" in head and "w_doc2" in z.files
            return cls(
                spec=FeatureSpec.from_dict(head["spec"]),
                idf=frozen(z["idf"].astype(np.float32)),
                w_doc=frozen(z["w_doc"].astype(np.float32)),
                b_doc=z["b_doc"].astype(np.float32),
                offset=np.asarray(head["offset"], dtype=np.float32),
                temperature=float(head["temperature"]),
                tok_bits=int(head["tok_bits"]),
                w_tok=z["w_tok"].astype(np.float32),
                b_tok=float(head["b_tok"]),
                tok_threshold=float(head["tok_threshold"]),
                version=str(head["version"]),
                w_tox=frozen(z["w_tox"].astype(np.float32)) if "w_tox" in z.files else None,
                b_tox=float(head.get("b_tox", 0.0)),
                meta=dict(head.get("meta", {})),
                spec2=FeatureSpec.from_dict(head["spec2"]) if two else None,
                idf2=frozen(z["idf2"].astype(np.float32)) if two else None,
                w_doc2=frozen(z["w_doc2"].astype(np.float32)) if two else None,
                w_tox2=frozen(z["w_tox2"].astype(np.float32)) if two and "w_tox2" in z.files else None,
            )

    @classmethod
    def load(cls, path: Path | None = None) -> ToxicityModel:
        """Load from ``path`` (a file or a folder holding ``toxicity.npz``) or from the shipped package data."""
        if path is None:
            data = resources.files("kiemchung.models").joinpath("data/toxicity/" + MODEL_FILE).read_bytes()
        else:
            p = path / MODEL_FILE if path.is_dir() else path
            data = p.read_bytes()
        return cls.from_bytes(data)
