from __future__ import annotations

import numpy as np
import pytest

from kiemchung.detectors.unreliable import UnreliableModel


@pytest.mark.parametrize("n", [1, 7, 300])
def test_unreliable_trees_both_walks_agree(n: int) -> None:
    trees = UnreliableModel.load().trees
    n_features = int(trees.feature.max()) + 1
    rng = np.random.default_rng(n)
    x = rng.normal(size=(n, n_features)) * 3
    x[rng.random(x.shape) < 0.1] = np.nan  # missing values take the trained default branch
    together = trees._decision_all_trees(x)
    one_by_one = trees._decision_tree_by_tree(x)
    assert together.shape == (n,)
    np.testing.assert_allclose(together, one_by_one, rtol=0, atol=1e-9)
    np.testing.assert_allclose(trees.decision(x), one_by_one, rtol=0, atol=1e-9)
