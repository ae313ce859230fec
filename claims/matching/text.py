"""Turning claims and social-media posts into comparable terms.

A claim comes back as a tweet with links, handles, hashtags and a signature line; the terms
kept here are the ones a fact-checker would recognise as "the same words": lowercased, stemmed,
without stopwords, hashtags split at their capitals.
"""

import itertools
import re
import unicodedata
from collections.abc import Iterable

from claims.matching.stemmer import stem

# Longer than any claim or post worth matching; keeps a pasted document from stalling a lookup.
MAX_TEXT_CHARS = 20_000

_URL = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S*", re.IGNORECASE)
_HANDLE = re.compile(r"@(\w+)")
_RETWEET = re.compile(r"\bRT\b:?")
_HASHTAG = re.compile(r"#(\w+)")
_CAMEL_PART = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_POSSESSIVE = re.compile(r"'s\b")
# Word to index term, None for stopwords; a plain dict is the quickest cache for this hot path.
_TERM_OF: dict[str, str | None] = {}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})

STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do
    does doesn't doing don't down during each few for from further had hadn't has hasn't
    have haven't having he he'd he'll he's her here here's hers herself him himself his how
    how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most
    mustn't my myself no nor not of off on once only or other ought our ours ourselves out
    over own same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll
    they're they've this those through to too under until up very was wasn't we we'd we'll
    we're we've were weren't what what's when when's where where's which while who who's
    whom why why's with won't would wouldn't you you'd you'll you're you've your yours
    yourself yourselves s t just also via amp rt will said says
    """.split()  # noqa: SIM905 - a word list reads better as prose
)


def _split_hashtag(match: re.Match[str]) -> str:
    return " " + " ".join(_CAMEL_PART.findall(match.group(1))) + " "


def clean(text: str) -> str:
    """Plain prose from a post: links, handles and retweet marks gone, hashtags split into words."""
    text = text[:MAX_TEXT_CHARS]
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    # Most known claims are plain prose; skipping absent markup keeps index builds fast.
    if "://" in text or "www." in text or "pic.twitter" in text:
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _HANDLE.sub(_split_hashtag, text)
    if "RT" in text:
        text = _RETWEET.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(_split_hashtag, text)
    return text


def words(text: str) -> list[str]:
    """Lowercased words of already-cleaned text, possessive "'s" dropped."""
    return _WORD.findall(_POSSESSIVE.sub("", text.lower()))


def _term_of(word: str) -> str | None:
    term = _TERM_OF.get(word, "")
    if term == "":
        term = _TERM_OF[word] = None if word in STOPWORDS else stem(word)
    return term


def terms(text: str) -> list[str]:
    """Index terms of a text: cleaned, stopwords removed, stemmed, in reading order."""
    found = []
    for word in words(clean(text)):
        term = _TERM_OF.get(word, "")
        if term == "":
            term = _term_of(word)
        if term is not None:
            found.append(term)
    return found


def bigrams(tokens: Iterable[str]) -> list[str]:
    """Adjacent term pairs, which tell "mask mandate" from "mask" and "mandate" apart."""
    sequence = list(tokens)
    return [f"{first} {second}" for first, second in itertools.pairwise(sequence)]
