"""The toxicity model's featurizer is the shared one: :mod:`kiemchung.text.features` (kept here as an alias)."""

from kiemchung.text.features import (
    Batch,
    FeatureSpec,
    IntArray,
    U64Array,
    hashed,
    linear_scores,
    mix,
    sparse_matrix,
    tf_values,
)

__all__ = ["Batch", "FeatureSpec", "IntArray", "U64Array", "hashed", "linear_scores", "mix", "sparse_matrix", "tf_values"]
