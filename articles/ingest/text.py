"""The one normal form of every text an article brings in, whichever way it arrives.

Line breaks become "\\n" (CR LF, lone CR, and the Unicode line and paragraph separators, which
the detector would otherwise read as one long line), control characters other than tab and line
feed are dropped (NUL included: PostgreSQL refuses it), and lone UTF-16 surrogates, which no
encoder accepts, become U+FFFD. One pass over the text, whatever it holds.
"""

from __future__ import annotations

import re

REPLACEMENT_CHARACTER = "\ufffd"

# Python's str.splitlines breaks lines at all of these; so does every reader of the article.
_LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROLS = (
    *(chr(code) for code in range(0x20) if chr(code) not in "\t\n" + _LINE_BREAKS),
    "\x7f",
    *(chr(code) for code in range(0x80, 0xA0) if chr(code) not in _LINE_BREAKS),
)
_NORMAL_FORM = str.maketrans({**dict.fromkeys(_LINE_BREAKS, "\n"), **dict.fromkeys(_CONTROLS)})
_SURROGATE = re.compile("[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """``text`` with "\\n" line breaks, no control characters but tabs, and no lone surrogates."""
    if _SURROGATE.search(text):
        # A high and a low half written separately are one character; a lone half is lost.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text.replace("\r\n", "\n").translate(_NORMAL_FORM)
