"""The scam text classifier: a logistic regression over hashed word 1–2-grams, stored as ``.npz`` + JSON.

``ScamModel.load()`` reads ``kiemchung/models/data/scam/model.npz`` and ``meta.json`` once (importlib.resources);
``predict_keys`` is pure. The artifact stores its label list and version (``meta.json``).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from kiemchung.errors import ModelError
from kiemchung.scam.features import N_FEATURES, featurize_key

MODEL_FILE = "model.npz"
META_FILE = "meta.json"
FORMAT = "kiemchung.scam.hashed-lr/1"


class ScamModel:
    """P(scam) for a text from its normalized key."""

    def __init__(self, weights: np.ndarray, bias: float, meta: dict[str, Any]) -> None:
        if weights.shape != (N_FEATURES,):
            raise ModelError(f"scam model: expected {N_FEATURES} weights, got {weights.shape}")
        self.weights = weights.astype(np.float32, copy=False)
        self.bias = float(bias)
        self.meta = meta
        self.version = str(meta.get("version", "unknown"))
        self.threshold = float(meta.get("threshold", 0.5))
        nz = np.flatnonzero(self.weights)
        self._w: dict[int, float] = dict(zip(nz.tolist(), self.weights[nz].astype(float).tolist()))
        self._keys: frozenset[int] = frozenset(self._w)

    # --- persistence -------------------------------------------------------------------------------------------
    @classmethod
    def from_sparse(cls, idx: np.ndarray, val: np.ndarray, bias: float, meta: dict[str, Any]) -> ScamModel:
        w = np.zeros(N_FEATURES, dtype=np.float32)
        w[idx.astype(np.int64)] = val
        return cls(w, bias, meta)

    @classmethod
    def load(cls, directory: Path | None = None) -> ScamModel:
        """Load the shipped model (or the one in ``directory``, as written by ``save``)."""
        try:
            if directory is None:
                base = resources.files("kiemchung.models") / "data" / "scam"
                raw = (base / MODEL_FILE).read_bytes()
                meta = json.loads((base / META_FILE).read_text(encoding="utf-8"))
            else:
                raw = (directory / MODEL_FILE).read_bytes()
                meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the scam model: {exc}") from exc
        if meta.get("format") != FORMAT:
            raise ModelError(f"scam model: unknown format {meta.get('format')!r} (expected {FORMAT})")
        with np.load(io.BytesIO(raw), allow_pickle=False) as z:
            return cls.from_sparse(z["idx"], z["val"], float(z["bias"][0]), meta)

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        idx = np.flatnonzero(self.weights).astype(np.int32)
        val = self.weights[idx].astype(np.float16 if self.meta.get("half") else np.float32)
        np.savez_compressed(directory / MODEL_FILE, idx=idx, val=val, bias=np.array([self.bias], dtype=np.float64))
        (directory / META_FILE).write_text(json.dumps(self.meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # --- prediction --------------------------------------------------------------------------------------------
    def score_ids(self, ids: Sequence[int]) -> float:
        if not ids:
            return 1.0 / (1.0 + math.exp(-self.bias))
        uniq = set(ids)
        w = self._w
        z = sum(map(w.__getitem__, uniq.intersection(self._keys))) / math.sqrt(len(uniq)) + self.bias
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def predict_keys(self, keys: Sequence[str]) -> list[float]:
        """P(scam) for each normalized key."""
        return [self.score_ids(featurize_key(k)) for k in keys]

    def __getstate__(self) -> dict[str, Any]:  # keep pickles small: ship the non-zero weights only
        idx = np.flatnonzero(self.weights).astype(np.int32)
        return {"idx": idx, "val": self.weights[idx], "bias": self.bias, "meta": self.meta}

    def __setstate__(self, state: dict[str, Any]) -> None:
        w = np.zeros(N_FEATURES, dtype=np.float32)
        w[state["idx"].astype(np.int64)] = state["val"]
        self.__init__(w, state["bias"], state["meta"])  # type: ignore[misc]
