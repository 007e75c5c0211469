"""Vietnamese text normalization (the base every detector matches on).

- ``kiemchung.text.normalize.normalize(text) -> NormalizedText``: the normalized view, its diacritic-free key, the
  offset map back to ``text`` and the tokens; ``strip_diacritics(s)``; ``clear_caches()``.
- ``kiemchung.text.segment.segment(norm) -> list[Token]``: word segmentation (pyvi), off the hot path.
- ``kiemchung.text.words``: one word out of context (``normalize_word``, ``is_syllable``, ``money_talk``).
- ``kiemchung.text.offsets.clean``: the character clean-up (NFC/NFKC, zero-width) with its offset map.
- ``kiemchung.text.teencode``: the hand-written dictionary; ``kiemchung.text.learn``: rebuilds the learned table.
"""
