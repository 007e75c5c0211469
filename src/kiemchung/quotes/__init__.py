"""Quote integrity: find direct quotes in a post, find them in the sources, and say whether they were kept
faithfully, truncated, altered, or cannot be found (labels ``quote.truncated``, ``quote.altered``,
``quote.not_found``).

>>> from kiemchung.types import Source
>>> src = Source("s1", "Giá điện sẽ không tăng trong quý này, nhưng có thể tăng vào cuối năm.", "Nguyễn Văn An")
>>> [c.verdict.verdict for c in check_quotes('Ông An nói: "Giá điện sẽ tăng trong quý này"', [src])]
['altered']
"""

from kiemchung.quotes.align import PieceAlignment, SourceIndex, align_piece, index_source
from kiemchung.quotes.check import CheckedQuote, check_quotes, worst_verdict
from kiemchung.quotes.extract import Quote, extract_quotes
from kiemchung.quotes.verdict import SEVERITY, Change, QuoteVerdict, judge, same_speaker, speaker_names

__all__ = [
    "SEVERITY",
    "Change",
    "CheckedQuote",
    "PieceAlignment",
    "Quote",
    "QuoteVerdict",
    "SourceIndex",
    "align_piece",
    "check_quotes",
    "extract_quotes",
    "index_source",
    "judge",
    "same_speaker",
    "speaker_names",
    "worst_verdict",
]
