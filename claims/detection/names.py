"""Tokens and capitalised name chunks of a sentence, and what kind of name each chunk is.

English news names people, institutions and places with runs of capitalised words
("Acting U.S. Defense Secretary Patrick Shanahan", "Union of Concerned Scientists"). A chunk is
such a run; ``classify_chunk`` splits off a leading title and decides whether the rest names a
person, an organisation, a place, or something else (a treaty, a station, a month).
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from claims.detection.gazetteer import (
    FUNCTION_WORDS,
    KNOWN_ORGANISATIONS,
    NAME_CONNECTORS,
    ORGANISATION_CUES,
    PLACE_CUES,
    PLACE_LEADS,
    PLACES,
    ROLE_WORDS,
    THING_CUES,
    TITLE_HEADS,
)

NameKind = Literal["person", "organization", "place", "title", "thing", "unknown"]

# A word keeps its final full stop only when it is an abbreviation: "U.S.", "p.m.", "F.", "Dr.".
# The full stop is looked for first: most words have none, and then no abbreviation is tried.
_TOKEN = re.compile(
    r"\w+(?:['\u2019&.\-]\w+)*"
    r"(?:(?=\.(?!\w))(?:(?<=\.[A-Za-z])|(?<=\b[A-Z])|(?<=\b[DMSLJ][rts])"
    r"|(?<=\b(?:Mrs|Sen|Rep|Gov|Gen|Col|Sgt))|(?<=\b(?:Prof|Capt)))\.)?"
    r"|[\u201c\u201d\"\u2018,;:()\u2014\u2013$%\u20ac\u00a3]"
)
_CACHED_TEXT_CHARS = 5000
_AND_REACH = 4
_POSSESSIVE = ("'s", "\u2019s")
_QUOTE_MARKS = frozenset('\u201c\u201d"')
_first_item = operator.itemgetter(0)


# A word or punctuation mark as (text, start, end), offsets into the string that was tokenised.
# Plain tuples: a sentence has dozens of tokens and named tuples cost twice as much to build.
Token = tuple[str, int, int]


class NameChunk(NamedTuple):
    """A run of capitalised tokens, ``first`` and ``last`` being indexes into the token list."""

    first: int
    last: int
    text: str
    start: int
    end: int
    words: tuple[str, ...]
    after_the: bool
    sentence_initial: bool


@dataclass(frozen=True, slots=True)
class NameReading:
    """What a chunk names: its kind, the name without any title, and the title if any."""

    kind: NameKind
    name: str
    title: str
    words: tuple[str, ...]


def tokenize(text: str) -> list[Token]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def analyse_names(text: str) -> tuple[tuple[Token, ...], tuple[NameChunk, ...]]:
    """Tokens and name chunks of a sentence, cached: claimants, dates and entities all need them.

    Only sentence-sized texts are cached, so one huge text cannot pin its tokens in memory.
    """
    if len(text) > _CACHED_TEXT_CHARS:
        return _analyse_names(text)
    return _cached_analyse_names(text)


def _analyse_names(text: str) -> tuple[tuple[Token, ...], tuple[NameChunk, ...]]:
    tokens = tokenize(text)
    return tuple(tokens), tuple(name_chunks(text, tokens))


_cached_analyse_names = functools.lru_cache(maxsize=4096)(_analyse_names)


def forget_cached_names() -> None:
    """Drop every cached sentence analysis (benchmarks measure text never seen before)."""
    _cached_analyse_names.cache_clear()
    classify_chunk.cache_clear()


def is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def strip_possessive(word: str) -> str:
    for suffix in _POSSESSIVE:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def name_chunks(text: str, tokens: Sequence[Token]) -> list[NameChunk]:
    """Every maximal run of capitalised tokens, allowing "of"/"for" between capitalised words."""
    words = list(map(_first_item, tokens))
    # Most words start no name: the first letters are tested in C, and only the capitalised
    # words are then looked at (to set aside the function words, then to start a chunk).
    starts_name = list(map(str.isupper, map(_first_item, words)))
    count = len(words)
    for index in itertools.compress(range(count), starts_name):
        if words[index] in FUNCTION_WORDS:
            starts_name[index] = False
    chunks: list[NameChunk] = []
    after_last_chunk = 0
    for index in itertools.compress(range(count), starts_name):
        if index < after_last_chunk:
            continue
        first = last = index
        # A run stops at a possessive, so only its last word can be one.
        while last + 1 < count and not words[last].endswith(_POSSESSIVE):
            if starts_name[last + 1]:
                last += 1
            elif words[last + 1] in NAME_CONNECTORS and last + 2 < count and starts_name[last + 2]:
                last += 2
            elif words[last + 1] == "and" and _institution_goes_on(
                words, starts_name, first, last + 2
            ):
                last += 2  # "the National Oceanic and Atmospheric Administration"
            else:
                break
        last_word = words[last]
        if last_word.endswith(_POSSESSIVE):
            if _possessive_name(words, last):
                chunk_words = tuple(words[first : last + 1])
            else:
                chunk_words = (*words[first:last], last_word[:-2])
        else:
            chunk_words = tuple(words[first : last + 1])
        previous = words[first - 1] if first > 0 else ""
        start, end = tokens[first][1], tokens[last][1] + len(chunk_words[-1])
        chunks.append(
            NameChunk(
                first,
                last,
                text[start:end],
                start,
                end,
                chunk_words,
                previous == "the" or previous == "The",
                first == 0 or (first == 1 and previous in _QUOTE_MARKS),
            )
        )
        after_last_chunk = last + 1
    return chunks


# What follows a possessive that owns nothing: a verb ("Moody's said", "Sainsbury's cut"), a
# preposition or conjunction, punctuation or the end of the sentence ("according to Moody's.").
_AFTER_A_NAME_WORDS = """said says told cut cuts rose rises fell falls is are was were has have
    had will would can could may might must did does reported reports estimated estimates expects
    expected and or but in on at to for from by with as than since after before over under which
    who that while when where also"""
_AFTER_A_NAME = frozenset(_AFTER_A_NAME_WORDS.split())


def _possessive_name(words: Sequence[str], last: int) -> bool:
    """Whether the chunk's last word is a name written with an apostrophe ("Moody's",
    "McDonald's", "Sainsbury's") rather than a possessive of the word before a noun: nothing
    possessed follows it."""
    word = words[last]
    if not word.endswith(_POSSESSIVE) or len(word) < 4:
        return False
    if last + 1 == len(words):
        return True
    following = words[last + 1]
    return (
        (not following[0].isalnum() and following not in {"$", "\u20ac", "\u00a3"})
        or following in _AFTER_A_NAME
        or (following.endswith("ed") and following.islower() and len(following) > 4)
    )


def _institution_goes_on(
    words: Sequence[str], starts_name: list[bool], first: int, at: int
) -> bool:
    """Whether "and" joins two halves of one institution's name: the capitalised run after it
    ends with an organisation word ("... and Atmospheric Administration", "Food and Drug
    Administration") or the run before it has one ("Centers for Disease Control and
    Prevention")."""
    end = at
    while end < len(words) and end - at < _AND_REACH and starts_name[end]:
        if strip_possessive(words[end]) in ORGANISATION_CUES:
            return True  # "... and Atmospheric Administration's figures"
        end += 1
    if end == at:
        return False
    before = words[first : at - 1]
    return any(word in ORGANISATION_CUES for word in before) and end - at <= 2


@functools.lru_cache(maxsize=8192)
def classify_chunk(words: tuple[str, ...], *, after_the: bool = False) -> NameReading:
    """Split off a leading title and say whether the rest names a person, organisation, place."""
    role_at = -1  # the last title word; most names have none, which sets test in C
    if not ROLE_WORDS.isdisjoint(words) or "Member" in words:
        for i, word in enumerate(words):
            # "Council Member Raymond Tse", "Board Member": a member of the body named before.
            if word in ROLE_WORDS or (word == "Member" and 0 < i < len(words) - 1):
                role_at = i
    title_words, name_words = words[: role_at + 1], words[role_at + 1 :]
    if name_words and name_words[0] in NAME_CONNECTORS:
        # "Secretary of State Antony Blinken": the title runs on through "of State".
        extra = 1
        while extra < len(name_words) - 1 and _is_title_word(name_words[extra]):
            extra += 1
        title_words, name_words = words[: role_at + 1 + extra], words[role_at + 1 + extra :]
    whole = " ".join(words)
    title = " ".join(title_words)
    name = " ".join(name_words)
    if not name_words:
        return NameReading("title", title, title, words)
    person = _person_of_institution(name_words)
    if person:
        # "Lena Vos of Halvard Investments": a person, named with where they work.
        return NameReading("person", " ".join(person), title, person)
    if (
        whole in KNOWN_ORGANISATIONS
        or not ORGANISATION_CUES.isdisjoint(name_words)
        or (not title_words and words[-1].endswith(_POSSESSIVE))
    ):
        # A name that keeps its possessive ("Moody's", "McDonald's", "Sainsbury's") is a
        # business named after its founder: see ``_possessive_name``.
        return NameReading("organization", whole, "", words)
    if name in PLACES:
        return NameReading("place" if not title else "organization", whole, "", words)
    if not title_words and (name_words[-1] in PLACE_CUES or name_words[0] in PLACE_LEADS):
        return NameReading("place", whole, "", words)  # "Gaza City", "Port Amsel"
    if name_words[-1] in THING_CUES:
        # "the Paris Agreement", "Space Station"; a cue word inside is a first name ("Bill").
        return NameReading("thing", whole, "", words)
    if title_words:
        return NameReading("person", name, title, name_words)
    if len(name_words) == 1 and is_acronym(name):
        return NameReading("organization", name, "", name_words)
    if after_the:
        return NameReading("organization", name, "", name_words)
    if len(name_words) >= 2 and not any(is_acronym(w) for w in name_words):
        return NameReading("person", name, "", name_words)
    return NameReading("unknown", name, "", name_words)


def _person_of_institution(words: tuple[str, ...]) -> tuple[str, ...]:
    """ "Lena Vos of Halvard Investments" -> ("Lena", "Vos"); () for "Bank of England"."""
    if "of" not in words and "for" not in words:
        return ()  # most names: nothing links a person to an institution
    linked = next((i for i, word in enumerate(words) if word in {"of", "for"}), 0)
    before = words[:linked]
    if (
        len(before) < 2
        or linked == len(words) - 1
        or not ORGANISATION_CUES.isdisjoint(before)
        or not PLACE_CUES.isdisjoint(before)
        or any(is_acronym(word) for word in before)
        or " ".join(before) in KNOWN_ORGANISATIONS
        or " ".join(before) in PLACES
        or before[-1] in THING_CUES
    ):
        return ()
    return before


def _is_title_word(word: str) -> bool:
    return word in TITLE_HEADS or word in PLACES
