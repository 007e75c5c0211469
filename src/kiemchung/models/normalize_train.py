"""``kiemchung train normalize DATA… --out DIR``: rebuild the ViLexNorm word table (see kiemchung.text.learn)."""

from kiemchung.text.learn import train

__all__ = ["train"]
