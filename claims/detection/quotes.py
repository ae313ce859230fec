"""Where quotations are in an article.

Curly quotes open (“) and close (”); a straight double quote closes an open quotation and opens
one otherwise, which copes with text that mixes both styles (“weaponized space."). A quotation
still open at the end of a paragraph ends there, as news style leaves a quote that continues in
the next paragraph open.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"[\u201c\u201d\"\n]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of every quotation, marks included, in article order."""
    spans: list[tuple[int, int]] = []
    opened = -1
    for match in _MARK.finditer(text):
        mark, position = match.group(), match.start()
        if mark == "\n":
            if opened >= 0:
                spans.append((opened, position))
                opened = -1
        elif mark == "\u201c" or (mark == '"' and opened < 0):
            if opened >= 0 and mark == "\u201c":
                spans.append((opened, position))
            opened = position
        elif opened >= 0:
            spans.append((opened, position + 1))
            opened = -1
    if opened >= 0:
        spans.append((opened, len(text)))
    return spans
