"""The scam classifier: a logistic regression over hashed word 1–2-grams, and a small stacked combiner.

Two stages, both linear and stored as ``model.npz`` + ``meta.json``:

1. the **text model** scores the masked diacritic-free key (:data:`kiemchung.scam.features.SPEC`, scored with the
   shared featurizer's ``linear_scores``): a logit ``z``;
2. the **combiner** (:data:`STACK_FEATURES`) turns ``z``, the playbook rule scores, guard phrases, link verdicts,
   "has a number", the sender type and (for SMS) the length (when the document meta has one: SMS) into P(scam). It was fitted on
   out-of-fold ``z`` of the training side, so it learned how much to trust the text model on unseen texts.

``ScamModel.load()`` reads the shipped files once (importlib.resources); scoring is pure.
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
import numpy.typing as npt

from kiemchung.errors import ModelError
from kiemchung.scam.features import SPEC, mask_key
from kiemchung.text.features import FeatureSpec, frozen, linear_scores

MODEL_FILE = "model.npz"
META_FILE = "meta.json"
FORMAT = "kiemchung.scam.lr-stack/3"

SENDERS = ("brandname", "shortcode", "personal_number", "unknown")
# the combiner's inputs, in order
STACK_FEATURES = (
    "model_z", "rule_max", "guards", "strong_link", "weak_link", "digits", "sms_len", "any_link",
    *(f"sender_{s}" for s in SENDERS),
)
MAX_GUARDS = 2
# a warning ("cảnh giác", "không cung cấp", "thủ đoạn") keeps this share of P(scam): 0, 1, 2+ guard phrases. A prior
# carried over from the rule-first detector: warnings about scams are too rare in the SMS data for the combiner to
# learn how they read, and the written hard negatives (police and bank warnings) need it.
GUARD_KEEP = (1.0, 0.6, 0.4)


def sender_of(value: object) -> str:
    """The sender type of a document's meta (``unknown`` for posts and anything unexpected)."""
    return value if isinstance(value, str) and value in SENDERS else "unknown"


def sms_len(length: int, sender: str) -> float:
    """The combiner's length input: log(1 + characters of the original) for SMS (a known sender type), 0 for posts.

    In the SMS set short messages from private numbers are mostly everyday chat and scams are long; posts are long
    whatever they say, so the length is only used where the channel is known."""
    return math.log1p(length) if sender != "unknown" else 0.0


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, x))))


class ScamModel:
    """Text-model logits for masked keys and the combined P(scam) of a document."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: float,
        stack: Sequence[float],
        stack_bias: float,
        meta: dict[str, Any],
        spec: FeatureSpec = SPEC,
    ) -> None:
        if weights.shape != (1 << spec.bits,):
            raise ModelError(f"scam model: expected {1 << spec.bits} weights, got {weights.shape}")
        if len(stack) != len(STACK_FEATURES):
            raise ModelError(f"scam model: expected {len(STACK_FEATURES)} combiner weights, got {len(stack)}")
        self.spec = spec
        self.weights = frozen(np.array(weights, dtype=np.float32))  # read-only: scored from a packed copy
        self._w2 = self.weights.reshape(-1, 1)
        self.bias = float(bias)
        self.stack = tuple(float(x) for x in stack)
        self.stack_bias = float(stack_bias)
        self.meta = meta
        self.version = str(meta.get("version", "unknown"))
        self.threshold = float(meta.get("threshold", 0.5))
        self.logit_threshold = math.log(self.threshold / (1.0 - self.threshold))
        w = dict(zip(STACK_FEATURES, self.stack))
        self._wall = w
        self._wz = w["model_z"]
        self._wdigits = w["digits"]
        self._wlen = w["sms_len"]
        self._wsender = {s: w[f"sender_{s}"] for s in SENDERS}
        # the most the rule/link side can add to the combiner's logit
        self.rule_side_max = self.rule_side_bound(1.0, True)
        self._side_no_rule = {False: self.rule_side_bound(0.0, False), True: self.rule_side_bound(0.0, True)}

    # --- persistence -------------------------------------------------------------------------------------------
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
        if list(meta.get("stack_features", [])) != list(STACK_FEATURES):
            raise ModelError("scam model: the combiner's features differ from this version's")
        try:
            spec = FeatureSpec.from_dict(meta["spec"])
            with np.load(io.BytesIO(raw), allow_pickle=False) as z:
                w = np.zeros(1 << spec.bits, dtype=np.float32)
                w[z["idx"].astype(np.int64)] = z["val"]
                return cls(w, float(z["bias"][0]), z["stack"].tolist(), float(z["stack_bias"][0]), meta, spec)
        except (KeyError, ValueError, TypeError) as exc:
            raise ModelError(f"cannot load the scam model: {exc}") from exc

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        idx = np.flatnonzero(self.weights).astype(np.int32)
        np.savez_compressed(
            directory / MODEL_FILE,
            idx=idx,
            val=self.weights[idx],
            bias=np.array([self.bias], dtype=np.float64),
            stack=np.array(self.stack, dtype=np.float64),
            stack_bias=np.array([self.stack_bias], dtype=np.float64),
        )
        meta = {**self.meta, "format": FORMAT, "spec": self.spec.to_dict(), "stack_features": list(STACK_FEATURES)}
        (directory / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    # --- prediction --------------------------------------------------------------------------------------------
    def logits_masked(self, masked: Sequence[str]) -> npt.NDArray[np.float32]:
        """Text-model logits of already masked keys."""
        if not masked:
            return np.zeros(0, dtype=np.float32)
        return linear_scores(self.spec, masked, masked, None, self._w2)[:, 0] + np.float32(self.bias)

    def logits(self, keys: Sequence[str]) -> npt.NDArray[np.float32]:
        """Text-model logits of normalized keys (masked here)."""
        return self.logits_masked([mask_key(k) for k in keys])

    def predict_keys(self, keys: Sequence[str]) -> list[float]:
        """P(scam) of the text model alone, for each normalized key."""
        return [_sigmoid(float(z)) for z in self.logits(keys)]

    def base_logit(self, z: float, digits: bool, sender: str, length: int) -> float:
        """The combiner's logit from what is known before rules and links run (``length``: of the original)."""
        return (self.stack_bias + self._wz * z + self._wdigits * float(digits) + self._wlen * sms_len(length, sender)
                + self._wsender[sender])

    def rule_side_bound(self, rule_max: float, links: bool) -> float:
        """The most rules, guards and links can add to the combiner's logit, given a bound of the rule score and
        whether the text may hold a link at all."""
        ub = {"rule_max": rule_max, "guards": float(MAX_GUARDS), "strong_link": float(links), "weak_link": float(links),
              "any_link": float(links)}
        return sum(max(0.0, self._wall[k]) * v for k, v in ub.items())

    def rule_need(self, base: float, links: bool) -> float:
        """The rule score (before guards) a text needs to reach the threshold, given its base logit and
        whether it may hold a link: ``-inf`` when it reaches it anyway, ``inf`` when rules cannot lift it."""
        gap = self.logit_threshold - base - self._side_no_rule[links]
        if gap <= 0.0:
            return -math.inf
        w = self._wall["rule_max"]
        return gap / w if w > 0.0 else math.inf

    def combine(self, features: Sequence[float], guards: int = 0) -> float:
        """P(scam) from the combiner's inputs (in :data:`STACK_FEATURES` order), damped by ``guards`` warnings."""
        p = _sigmoid(self.stack_bias + sum(w * x for w, x in zip(self.stack, features)))
        return p * GUARD_KEEP[min(guards, MAX_GUARDS)]

    def __getstate__(self) -> dict[str, Any]:  # keep pickles small: ship the non-zero weights only
        idx = np.flatnonzero(self.weights).astype(np.int32)
        return {"idx": idx, "val": self.weights[idx], "bias": self.bias, "stack": self.stack,
                "stack_bias": self.stack_bias, "meta": self.meta, "spec": self.spec.to_dict()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        spec = FeatureSpec.from_dict(state["spec"])
        w = np.zeros(1 << spec.bits, dtype=np.float32)
        w[state["idx"].astype(np.int64)] = state["val"]
        self.__init__(w, state["bias"], state["stack"], state["stack_bias"], state["meta"], spec)  # type: ignore[misc]
