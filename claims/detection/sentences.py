"""Split news text into sentences with exact character offsets.

The splitter works line by line: a line break always ends a unit, so a headline or a caption
without a full stop never runs into the paragraph after it. Inside a line, every run of
terminal punctuation followed by whitespace is a candidate boundary, and a handful of local
checks (the word before it, the word after it) decide whether it really ends the sentence.
Every check looks at a bounded window, so the whole pass is linear in the length of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article; ``text`` is exactly ``article[start:end]``."""

    text: str
    start: int
    end: int


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations that are always followed by a name ("Dr. Smith", "Sen. Warren"): never a boundary.
_TITLE_ABBREVIATIONS = _word_set(
    "mr mrs ms dr prof sen rep reps gov lt col gen sgt capt cmdr adm maj rev fr supt insp hon "
    "pres amb atty messrs mme mlle st"
)
# Month abbreviations: not a boundary when a day or a year follows ("Jan. 5", "Feb. 1, 2014").
_MONTH_ABBREVIATIONS = _word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Abbreviations that may also close a sentence ("... in the U.S. The ..."): a boundary only when
# the next word is one that typically opens a sentence.
_AMBIGUOUS_ABBREVIATIONS = _word_set(
    "inc corp co ltd llc plc bros jr sr etc vs no nos approx est dept univ ave blvd rd mt ft "
    "oz lb lbs km mi pp vol cf al fig mon tue tues wed thu thur thurs fri sat sun"
)
# Words that usually open a sentence; used to tell "in the U.S. The ..." from "U.S. President".
_SENTENCE_OPENERS = _word_set(
    "a an the he she it they we i you this that these those there here his her its their our my "
    "your but and or so yet if when while as in on at for after before during since although "
    "though however meanwhile also still then now today yesterday tomorrow some many most "
    "no not one what why how who where which according asked"
)

_TERMINATOR = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*")
_CLOSING_MARKS = "\"'\u201d\u2019\u00bb)]"
_OPENING_MARKS = "\"'\u201c\u2018\u00ab([-\u2014\u2013 \t"
_QUOTE_OPENERS = "\"\u201c\u2018\u00ab('"
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]$")
_NEXT_WORD = re.compile(r"\s*([\"\u201c\u2018\u00ab('(]+)?(\w[\w'\u2019-]*|\S)?")
_NON_SPACE = re.compile(r"\S")
_LOOKBACK = 32
_LOOKAHEAD = 40

# "WASHINGTON —", "WASHINGTON (Reuters) -", "NEW YORK, Jan. 5 (AP) —", "PARIS, France —".
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]{1,24}(?: [A-Z][A-Z.'\-]{1,24}){0,3}"
    r"(?:, [A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)?"
    r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: ?\([A-Za-z .&/]{1,30}\))?"
    r" ?(?:--|[\u2014\u2013-]) ?"
)


def paragraph_bounds(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the paragraph holding offset ``at``: as the splitter reads an article, a
    paragraph is a line (a blank line between two is a paragraph with no text). The line break
    itself, "\n" or "\r\n", is left out."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    if end == -1:
        end = len(text)
    if end > start and text[end - 1] == "\r":
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; offsets are Python character offsets into ``text``."""
    sentences: list[Sentence] = []
    line_start = 0
    length = len(text)
    while line_start <= length:
        line_end = text.find("\n", line_start)
        if line_end == -1:
            line_end = length
        _split_line(text, line_start, line_end, sentences)
        line_start = line_end + 1
    return sentences


def _split_line(text: str, start: int, end: int, out: list[Sentence]) -> None:
    start = _skip_space(text, start, end)
    if start >= end:
        return
    dateline = _DATELINE.match(text, start, end)
    if dateline and dateline.end() < end and not text[dateline.end()].islower():
        start = _skip_space(text, dateline.end(), end)
    unit_start = start
    for terminator in _TERMINATOR.finditer(text, start, end):
        boundary = terminator.end()
        if boundary < end and not text[boundary].isspace():
            continue
        if boundary >= end or not _ends_sentence(text, terminator.start(), boundary, end):
            continue
        _emit(text, unit_start, boundary, out)
        unit_start = _skip_space(text, boundary, end)
    if unit_start < end:
        _emit(text, unit_start, end, out)


def _ends_sentence(text: str, stop: int, boundary: int, line_end: int) -> bool:
    """Decide whether the punctuation at ``text[stop:boundary]`` closes a sentence."""
    following, quoted = _next_word(text, boundary, line_end)
    if not following:
        return True
    first = following[0]
    if first.islower() or first in ",;:%":
        return False
    if text[stop] != ".":
        return True
    if boundary - stop > 1 and text[stop + 1] in ".\u2026":
        return True  # an ellipsis followed by a capital starts a new sentence
    word = _previous_word(text, stop)
    if not word:
        return True
    key = word.lower()
    closes_with_quote = text[boundary - 1] in _CLOSING_MARKS
    if key in _TITLE_ABBREVIATIONS and not closes_with_quote:
        return False
    if key in _MONTH_ABBREVIATIONS and first.isdigit():
        return False
    if (
        key in _AMBIGUOUS_ABBREVIATIONS
        or _DOTTED_ACRONYM.match(word)
        or (len(word) == 1 and word.isupper())
    ):
        return closes_with_quote or quoted or following.lower() in _SENTENCE_OPENERS
    return True


def _previous_word(text: str, stop: int) -> str:
    """The word right before a full stop ("U.S" in "the U.S."), read from a bounded window."""
    window = text[max(0, stop - _LOOKBACK) : stop]
    if not window or window[-1].isspace():
        return ""
    return window.split()[-1].lstrip(_OPENING_MARKS)


def _next_word(text: str, boundary: int, line_end: int) -> tuple[str, bool]:
    """The word after a boundary (read from a bounded window) and whether a quote opens it."""
    match = _NEXT_WORD.match(text, boundary, min(line_end, boundary + _LOOKAHEAD))
    if match is None:
        return "", False
    return match.group(2) or "", match.group(1) is not None


def _skip_space(text: str, position: int, end: int) -> int:
    found = _NON_SPACE.search(text, position, end)
    return found.start() if found else end


def _emit(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(text[start:end], start, end))
