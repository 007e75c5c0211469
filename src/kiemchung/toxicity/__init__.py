"""Vietnamese toxicity model: a fast hashing featurizer, linear heads and a token-level span model.

``features`` turns batches of normalized texts into hashed n-gram features with numpy only;
``model`` holds the linear heads and span model stored as ``.npz`` (no pickle);
``lexicon`` is a small hand-written list of offensive and hateful words used as evidence.
"""
