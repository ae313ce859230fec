"""Which sentences of an article are body text, and so candidates for claims.

News pages put a headline first (a line without a full stop), often a photo caption under it
(a paragraph describing a picture, ending in a photo credit such as "Reuters" or "AP Photo"),
and surround the story with boilerplate ("Advertisement", "Read more: ...", "(Reporting by
...)"). None of these are claims the article makes, so they are not candidates. The rules look
at the shape of a line and at the conventions of news layout, never at what a story is about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.detection.sentences import Sentence

HEADLINE_MAX_WORDS = 20
CANDIDATE_MIN_WORDS = 3
# Longer "sentences" are unpunctuated dumps (tables, code, scraped menus), not prose.
CANDIDATE_MAX_CHARS = 2000
_CREDIT_MAX_WORDS = 6

_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\Z")
_CREDIT_WORDS = frozenset(
    [
        "reuters",
        "ap",
        "afp",
        "getty",
        "images",
        "image",
        "photo",
        "photos",
        "photograph",
        "photographer",
        "picture",
        "pictures",
        "epa",
        "xinhua",
        "bloomberg",
        "shutterstock",
        "alamy",
        "pool",
        "file",
        "handout",
        "courtesy",
        "credit",
        "illustration",
        "pa",
        "anadolu",
        "nurphoto",
        "sopa",
        "sipa",
        "upi",
        "tass",
        "sputnik",
        "efe",
        "ansa",
        "dpa",
        "imago",
        "kyodo",
        "yonhap",
        "ria",
    ]
)
_CREDIT_CONNECTORS = frozenset({"/", "by", "via", "for", "of", "and", "&", "-"})
_CAPTION_OPENING = re.compile(
    r"(?:file photo|photo|image|picture|caption|pictured|above|top|main image)\s*[:\-\u2014]",
    re.IGNORECASE,
)
_PICTURE_CUE = re.compile(
    r"\bin th(?:is|e) (?:file )?(?:picture|photo|photograph|image|handout|screenshot|still)\b"
    r"|\b(?:pictured|photographed)\b|\b(?:is|are) seen\b|\bposes? for (?:a )?(?:photo|picture)",
    re.IGNORECASE,
)
_MONTH_OR_DAY = (
    r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
)
_BOILERPLATE = re.compile(
    r"(?:advertisement\b|sponsored (?:content|by)\b|(?:read more|read also|also read|related"
    r"(?: articles?| stories| coverage)?|more from|watch|listen|image caption|media caption"
    r"|image copyright|email|tel\.?|twitter|contact)\s*:|share (?:this|on|via)\b"
    r"|follow (?:us|@)|sign up\b|subscribe\b|click here\b|copyright (?:\d|\u00a9)|\u00a9"
    r"|all rights reserved|\(?reporting by\b|editing by\b|writing by\b|additional reporting\b"
    r"|this (?:article|story) (?:was|has been|first|originally)\b|you may also like\b"
    rf"|(?:last )?(?:updated|published|posted|modified)(?: on| at)?:? {_MONTH_OR_DAY})",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"[Bb]y [A-Z][\w.'\-]*(?: (?:and )?[A-Z][\w.'\-]*){0,5}\Z")
_URL_OR_EMAIL = re.compile(r"\S+@\S+\.\w+|\S*(?:https?://|www\.)\S+")


def candidate_flags(text: str, sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether it is body text that may carry a claim."""
    flags = [False] * len(sentences)
    in_header = True
    after_headline = False
    for first, last in _lines(text, sentences):
        line = sentences[first : last + 1]
        line_text = text[line[0].start : line[-1].end]
        if _is_headline(line_text):
            after_headline = True
            continue
        if _is_caption(line, line_text, near_headline=in_header or after_headline):
            after_headline = False
            continue
        after_headline = False
        body = False
        for index in range(first, last + 1):
            if _is_body_sentence(sentences[index].text):
                flags[index] = True
                body = True
        if body:
            in_header = False
    return flags


def _lines(text: str, sentences: Sequence[Sentence]) -> list[tuple[int, int]]:
    """(first, last) sentence indexes of each line; sentences never cross a line break."""
    lines: list[tuple[int, int]] = []
    line_end = -1
    for index, sentence in enumerate(sentences):
        if sentence.start > line_end:
            line_end = text.find("\n", sentence.start)
            if line_end == -1:
                line_end = len(text)
            lines.append((index, index))
        else:
            lines[-1] = (lines[-1][0], index)
    return lines


def _is_headline(line_text: str) -> bool:
    return not _TERMINAL.search(line_text) and len(line_text.split()) <= HEADLINE_MAX_WORDS


def _is_caption(line: Sequence[Sentence], line_text: str, *, near_headline: bool) -> bool:
    if _CAPTION_OPENING.match(line_text):
        return True
    if len(line) > 1 and _is_credit(line[-1].text):
        return True
    return near_headline and _PICTURE_CUE.search(line_text) is not None


def _is_credit(unit: str) -> bool:
    """A photo credit: a few capitalised words naming an agency ("Reuters", "AP Photo/J. Doe")."""
    words = unit.rstrip(".").replace("/", " / ").split()
    if not words or len(words) > _CREDIT_MAX_WORDS:
        return False
    if any(w[0].islower() and w not in _CREDIT_CONNECTORS for w in words):
        return False
    return any(w.strip("().,:").lower() in _CREDIT_WORDS for w in words)


def _is_body_sentence(sentence: str) -> bool:
    if len(sentence) > CANDIDATE_MAX_CHARS or len(sentence.split()) < CANDIDATE_MIN_WORDS:
        return False
    stripped = sentence.lstrip("\"'\u201c\u2018([-\u2014\u2013* ")
    if _BOILERPLATE.match(stripped) or _BYLINE.match(stripped):
        return False
    return _URL_OR_EMAIL.fullmatch(stripped) is None
