from __future__ import annotations

import numpy as np
import pytest
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

from kiemchung.detectors.unreliable import Trees
from kiemchung.models.unreliable_train import export_trees


def _trees(arrays: dict[str, np.ndarray]) -> Trees:
    return Trees(arrays["tree_feature"].astype(np.int64), arrays["tree_threshold"],
                 arrays["tree_missing_left"].astype(bool), arrays["tree_value"], float(arrays["tree_baseline"][0]))


@pytest.mark.parametrize(
    "params",
    [{"max_depth": 3, "max_iter": 40}, {"max_depth": 2, "max_iter": 25}, {"max_depth": None, "max_leaf_nodes": 5,
                                                                          "max_iter": 20}],
)
def test_unreliable_exported_trees_equal_sklearn(params: dict[str, int | None]) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 6))
    x[:, 2] = np.round(x[:, 2])  # ties at the thresholds
    x[rng.random(x.shape) < 0.15] = np.nan  # missing values learn a default branch
    y = ((np.nan_to_num(x[:, 0]) + np.nan_to_num(x[:, 1]) * np.nan_to_num(x[:, 2]) + rng.normal(size=400)) > 0)
    with threadpool_limits(1):  # OpenMP threads on a busy machine make tiny fits ~100× slower
        gbm = HistGradientBoostingClassifier(random_state=0, **params).fit(x, y.astype(int))  # type: ignore[arg-type]
    trees = _trees(export_trees(gbm))
    xt = rng.normal(size=(1100, 6)) * 2
    xt[:, 2] = np.round(xt[:, 2])
    xt[rng.random(xt.shape) < 0.2] = np.nan
    want = gbm.decision_function(xt)
    np.testing.assert_allclose(trees.decision(xt), want, rtol=0, atol=1e-9)
    np.testing.assert_allclose(trees.decision(xt, chunk=7), want, rtol=0, atol=1e-9)
    np.testing.assert_allclose(trees.decision(xt[:1]), want[:1], rtol=0, atol=1e-9)
