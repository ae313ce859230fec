"""People, organisations, places and numbers that a sentence mentions.

Numbers carry their value: "3.5 billion" is 3.5e9, "$4.2 million" is money worth 4.2e6 (in the
currency written, never converted), and "12%" or "12 percent" is a percent of value 12.0.
Dates are not entities: pass their spans as ``exclude`` so that "2014" in "Feb. 1, 2014" is not
also reported as a quantity.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from claims.detection.names import Token, analyse_names, classify_chunk

_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_WORD_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "dozen": 12,
    "dozens of": 24,
    "hundreds of": 200,
    "several": 3,
}
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE_WORD = r"hundred|thousand|million|billion|trillion"
_SCALE = rf"(?:{_SCALE_WORD}|bn|mln|tn|[mbk])\b"
_CURRENCY_SYMBOL = r"US\$|C\$|A\$|\$|\u20ac|\u00a3|\u00a5"
_CURRENCY_WORD = r"dollars|euros|pounds|yuan|yen|rubles|roubles|rupees|francs|pesos|USD|EUR|GBP"
_NUMBER_WORD = r"one|two|three|four|five|six|seven|eight|nine|ten|a|dozens of|hundreds of|several"

_CURRENCY_OPENERS = frozenset(["$", "\u20ac", "\u00a3", "\u00a5", "US", "C", "A"])
# Words that open a number only when a scale follows ("two million", "hundreds of thousands").
_WORD_OPENERS = frozenset(
    form
    for word in _NUMBER_WORD.replace(" of", "").split("|")
    for form in (word, word.capitalize())
)
_SCALE_WORDS = frozenset(_SCALE_WORD.split("|")) | {"of"}
_DIGIT_OR_CURRENCY = re.compile(r"[\d$\u20ac\u00a3\u00a5]")
_PATTERN = re.compile(
    rf"(?P<money>(?:{_CURRENCY_SYMBOL}) ?(?P<money_n>{_NUMBER})(?: ?(?P<money_s>{_SCALE}))?"
    rf"|(?P<money_n2>{_NUMBER})(?: (?P<money_s2>{_SCALE_WORD}))? (?:{_CURRENCY_WORD})\b)"
    rf"|(?P<percent>(?P<percent_n>{_NUMBER}) ?(?:%|percent\b|per cent\b|percentage points?\b))"
    rf"|(?P<quantity>(?<![\w.,])(?P<quantity_n>{_NUMBER})(?![\w.,]\d)"
    rf"(?: (?P<quantity_s>{_SCALE_WORD})\b)?"
    rf"|\b(?P<worded_n>{_NUMBER_WORD}) (?P<worded_s>{_SCALE_WORD})\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named thing or a number; ``text`` is exactly ``source[start:end]``.

    ``kind`` is one of person, organization, place, quantity, percent, money; ``value`` is the
    number's value, None for names.
    """

    text: str
    start: int
    end: int
    kind: str
    value: float | None


def find_entities(
    text: str,
    *,
    known_people: Collection[str] = (),
    exclude: Sequence[tuple[int, int]] = (),
) -> list[EntityMention]:
    """Names and numbers in ``text``, in order; spans overlapping ``exclude`` are left out.

    ``known_people`` are surnames or names the article has already introduced, so that a lone
    "Lavrov" is recognised as a person.
    """
    found = find_numbers(text) + find_names(text, known_people=known_people)
    found.sort(key=lambda mention: mention.start)
    return [m for m in found if not any(s < m.end and m.start < e for s, e in exclude)]


def find_numbers(text: str) -> list[EntityMention]:
    """Quantities, percents and money in ``text``, tried only where a number can begin."""
    mentions: list[EntityMention] = []
    if not (
        _DIGIT_OR_CURRENCY.search(text)
        or "illion" in text
        or "hundred" in text
        or "thousand" in text
    ):
        return mentions  # most sentences state no number at all
    covered = 0
    tokens, _ = analyse_names(text)
    for index, (_, start, _) in enumerate(tokens):
        if start < covered or not _opens_number(tokens, index):
            continue
        match = _PATTERN.match(text, start)
        if match is None:
            continue
        kind = match.lastgroup or ""
        value = _value(match, kind)
        if value is not None:
            mentions.append(EntityMention(match.group(), match.start(), match.end(), kind, value))
            covered = match.end()
    return mentions


def _opens_number(tokens: tuple[Token, ...], index: int) -> bool:
    word = tokens[index][0]
    if word[0].isdigit() or word in _CURRENCY_OPENERS:
        return True
    return (
        word in _WORD_OPENERS and index + 1 < len(tokens) and tokens[index + 1][0] in _SCALE_WORDS
    )


def _value(match: re.Match[str], kind: str) -> float | None:
    group = match.group
    if kind == "money":
        number = group("money_n") or group("money_n2")
        scale = group("money_s") or group("money_s2")
        if scale and scale.lower() in {"b", "k", "m"} and scale != scale.lower():
            scale = scale.lower()  # "$5B", "$20M"
        return _number(number) * _SCALES.get((scale or "").lower(), 1.0)
    if kind == "percent":
        return _number(group("percent_n"))
    if group("worded_n"):
        return _WORD_NUMBERS[group("worded_n").lower()] * _SCALES[group("worded_s").lower()]
    if group("quantity_n"):
        scale = group("quantity_s")
        return _number(group("quantity_n")) * _SCALES.get((scale or "").lower(), 1.0)
    return None


def _number(digits: str) -> float:
    return float(digits.replace(",", ""))


def find_names(text: str, *, known_people: Collection[str] = ()) -> list[EntityMention]:
    """People, organisations and places named by capitalised chunks of ``text``."""
    tokens, chunks = analyse_names(text)
    mentions = []
    for chunk in chunks:
        reading = classify_chunk(chunk.words, after_the=chunk.after_the)
        kind = reading.kind
        if kind == "unknown" and reading.name in known_people:
            kind = "person"
        if kind not in {"person", "organization", "place"}:
            continue
        first_word = chunk.last - len(reading.words) + 1
        start = tokens[first_word][1] if kind == "person" else chunk.start
        mentions.append(EntityMention(text[start : chunk.end], start, chunk.end, kind, None))
    return mentions
