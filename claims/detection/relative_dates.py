"""Relative dates in a claim written out against the article's publication date.

"last year" in a 2024 article is "in 2023", "on Tuesday" the date of that Tuesday in the week
before publication, "this morning" the morning of the publication day. Only what the text makes
certain: a span ("last week"), a decade, a date whose year is already written, a weekday that
may name something else ("a Sunday league") or a month without a year that is not behind the
publication date stay as written. Dates follow news style (AP): "Sept. 14, 2021", "March 2021".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from claims.detection.dates import (
    MONTH_NAMES,
    DateMention,
    date_reading,
    find_dates,
    yearless_date,
)

_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "from",
        "during",
        "through",
        "to",
        "of",
        "before",
        "after",
        "as",
        "at",
        "early",
        "late",
        "between",
    ]
)


# Words before a date used as a modifier ("the March 31 deadline"): no "on" or "in" to add.
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)


# News style (AP) abbreviates a month followed by a day: "Sept. 14, 2021", "March 2021".
_AP_MONTHS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


_HAS_YEAR = re.compile(r",?\s*\d{4}|\d{4}")


# "any previous year", "the same month": relative to something other than the publication.
_VAGUE_DATE = re.compile(r"\b(?:previous|next|following|same|that|any|coming)\b", re.I)


_WEEKDAYS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.I
)


def _anchor_dates(text: str, dates: Sequence[DateMention], published_at: datetime.date) -> str:
    """Relative dates written out against the publication date, when certain."""
    pieces = []
    cursor = 0
    for mention in dates:
        written = _absolute(text, mention, published_at)
        if written is None or mention.start < cursor:
            continue
        pieces.append(text[cursor : mention.start])
        pieces.append(written)
        cursor = mention.end
    pieces.append(text[cursor:])
    text = _PART_OF_DAY.sub(lambda match: _part_of_day(match, published_at), "".join(pieces))
    if "year's" in text or "year\u2019s" in text:
        text = _YEARS.sub(lambda match: _years(match, published_at), text)
    text = _SEASON.sub(lambda match: _season(match, published_at) or match.group(), text)
    return _DAY_PART_AFTER.sub(r"on the \2 of \1", text)


# "this year's quota", "last year's budget": the year modifies a noun, "the 2025 quota".
_YEARS = re.compile(r"\b([Tt]his|[Ll]ast) year['\u2019]s\b")


def _years(match: re.Match[str], published_at: datetime.date) -> str:
    year = published_at.year - (match.group(1).lower() == "last")
    return ("The " if match.group(1)[0].isupper() else "the ") + str(year)


# "on Tuesday evening" anchored reads "on July 9, 2024 evening": news style puts the part first.
_DAY_PART_AFTER = re.compile(
    r"\bon ((?:Jan\.|Feb\.|March|April|May|June|July|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.) \d{1,2}, \d{4}) "
    r"(morning|afternoon|evening|night)\b"
)


# A season named against the publication date ("this spring", "last winter").
_SEASON = re.compile(r"\b(?:in )?(this|last) (spring|summer|autumn|fall|winter)\b")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def _season(match: re.Match[str], published_at: datetime.date) -> str | None:
    """The season's year: "this" one only once it has begun, "last" the latest one over."""
    which, season = match.group(1), match.group(2)
    start = _SEASON_START[season]
    # The year in which the latest occurrence of the season began, up to publication.
    year = published_at.year if published_at.month >= start else published_at.year - 1
    months_in = (published_at.year - year) * 12 + published_at.month - start
    if which == "this":
        if season == "winter" or months_in >= 6:
            return None  # "this winter" spans two years; "this" season is current or just over
    elif months_in < 3:
        year -= 1  # still in the season: "last" is the one before
    if season == "winter":
        return f"in the winter of {year}-{str(year + 1)[-2:]}"
    return f"in {season} {year}"


# Parts of the publication day and the night before it, as news writes them.
_PART_OF_DAY = re.compile(r"\b(?:(this) (morning|afternoon|evening)|(last) (night))\b")


def _part_of_day(match: re.Match[str], published_at: datetime.date) -> str:
    day = published_at - datetime.timedelta(days=1) if match.group(3) else published_at
    part = match.group(2) or match.group(4)
    return f"on the {part} of {_AP_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _is_relative(mention: DateMention) -> bool:
    return not _HAS_YEAR.search(mention.text) and not _VAGUE_DATE.search(mention.text)


# Words that put a date after publication ("takes effect on Jan. 1", "will close on").
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|shall|must|to be|scheduled|due|expected|plans?|planned|until|deadline|"
    r"takes? effect|effective|next|starting)\b"
)


# Words that leave no doubt the date is still to come, whatever the tense around it.
_SURELY_AHEAD = re.compile(r"\b(?:will|shall|takes? effect|effective from)\b")


def _ahead(text: str, mention: DateMention) -> bool:
    """Whether the words just before ``mention`` put it in the future ("takes effect on")."""
    return (
        _SURELY_AHEAD.search(text, max(0, mention.start - _AHEAD_REACH), mention.start) is not None
    )


# How far before a date its "will" or "takes effect" may stand: a clause, not the sentence.
_AHEAD_REACH = 40


def _year_is_certain(
    value: datetime.date, published_at: datetime.date, text: str, ahead: bool
) -> bool:
    """Whether the year a month or day is written without is certain: in a sentence about the
    past, its latest occurrence up to publication ("since October" in a January story is last
    October); in one about the future, the next one, past a new year only when the words just
    before it leave no doubt (``ahead``: "takes effect on Jan. 1"; "from January" may be
    either)."""
    if value > published_at:
        if ahead:
            return (value - published_at).days < 365
        return value.year == published_at.year and _LOOKS_AHEAD.search(text) is not None
    return (published_at - value).days < 365 and not ahead


# What happens every year ("Elections are held in November", "The rent is paid each April"):
# a present passive that is not a plan ("is expected", "are scheduled"), or a word of
# frequency. Its month or day is no one year's.
_HABITUAL = re.compile(
    r"\b(?:is|are)\s+(?:(?:usually|normally|typically|traditionally|always|generally)\s+)?"
    r"(?!(?:expected|scheduled|planned|due|projected|forecast|slated|set to|going)\b)"
    r"(?:[a-z]+ed|held|paid|set|run|sent|given|taken|chosen|done|made|sold|shown|known)\b"
    r"|\b(?:every|each)\s+(?:year|month|week|season|spring|summer|autumn|fall|winter|[A-Z][a-z]+)\b"
    r"|\b(?:usually|normally|typically|traditionally|annually|customarily)\b"
)


def habitual(text: str) -> bool:
    """Whether ``text`` says what happens every year rather than once."""
    return _HABITUAL.search(text) is not None


def _habitual_clause(text: str, mention: DateMention) -> bool:
    """Whether the clause around ``mention`` says what happens every year: "The firm is based
    in Oslo and cut 300 jobs in March" keeps its March of one year."""
    start = max(text.rfind(mark, 0, mention.start) for mark in (",", ";", " and ", " but "))
    ends = [at for at in (text.find(",", mention.end), text.find(";", mention.end)) if at >= 0]
    return habitual(text[start + 1 : min(ends) if ends else len(text)])


def _absolute(text: str, mention: DateMention, published_at: datetime.date) -> str | None:
    if not _is_relative(mention) or _HAS_YEAR.match(text[mention.end :]):
        return None  # "in March 2016": the year follows the month
    if mention.value.year != mention.end_value.year:
        return None
    words = mention.text.split()
    preposition = words[0] if words[0].lower() in _PREPOSITIONS else ""
    before = text[: mention.start].split()
    after_preposition = bool(preposition) or (bool(before) and before[-1].lower() in _PREPOSITIONS)
    value = mention.value
    # The date's own reading placed it ("the Nov. 3 election": the nearest Nov. 3): certain.
    nearest = date_reading(text, mention.start, mention.end) == "nearest"
    ahead = not nearest and _ahead(text, mention)
    if ahead and value < published_at and not _WEEKDAYS.search(mention.text):
        # "takes effect on Jan. 1" read in November: the coming one
        coming = yearless_date(value.month, value.day, published=published_at, reading="future")
        if coming is None:
            return None
        value = coming
    if text[mention.end : mention.end + 2] in {"'s", "\u2019s"}:
        return None
    if mention.granularity == "year":
        written, joiner = str(value.year), "in"
    elif mention.granularity == "month":
        bare = not re.search(r"last|this|ago", mention.text)
        if bare and (
            _habitual_clause(text, mention)
            or not _year_is_certain(value, published_at, text, ahead)
        ):
            return None  # a bare month to come, long past or every year: the text is not certain
        written, joiner = f"{MONTH_NAMES[value.month - 1]} {value.year}", "in"
    elif mention.value == mention.end_value:
        days_back = (published_at - value).days
        if _WEEKDAYS.search(mention.text) and not 0 <= days_back <= 6:
            return None
        if re.fullmatch(r"[A-Z]\w+", mention.text) and not after_preposition:
            return None  # a bare weekday may name something else ("a Sunday league")
        if not (_WEEKDAYS.search(mention.text) or nearest) and (
            _habitual_clause(text, mention)
            or not _year_is_certain(value, published_at, text, ahead)
        ):
            return None
        written, joiner = f"{_AP_MONTHS[value.month - 1]} {value.day}, {value.year}", "on"
    else:
        return None  # "last week": a span the sentence does not pin down
    if preposition:
        return f"{preposition} {written}"
    if after_preposition or (bool(before) and before[-1].lower() in _DETERMINERS):
        return written  # "the March 31 deadline" names a date, it does not place the claim
    return f"{joiner} {written}"


def anchor_relative_dates(
    text: str, *, mentions: Sequence[DateMention], published_at: datetime.date
) -> str:
    """``text`` with its relative dates anchored; ``mentions`` are its source sentence's dates.

    The dates are found again on ``text``: the statement may have lost some with its
    attribution ("..., the company said on Tuesday").
    """
    if (
        any(_is_relative(mention) for mention in mentions)
        or _PART_OF_DAY.search(text)
        or _SEASON.search(text)
    ):
        text = _anchor_dates(text, find_dates(text, published_at=published_at), published_at)
    if " earlier" in text or " year before" in text:
        text = _EARLIER.sub(_earlier, text)
    return text


# An amount compared with the same measure some years before a year the sentence names
# ("1.82 million cases in 2023, down from 2.76 million two years earlier"): that year. "Up 9
# percent from a year earlier", a change without its own amount, stays as news writes it.
_EARLIER = re.compile(
    r"\b(?P<amount>\d[\d,.]*|million|billion|thousand|percent|cent) (?P<unit>[a-z]+ )?"
    r"(?:(?P<count>a|one|two|three|four|five|six|seven|eight|nine|ten) years? (?:earlier|before)"
    r"|the year before)\b"
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNTS |= {"eight": 8, "nine": 9, "ten": 10}
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _earlier(match: re.Match[str]) -> str:
    years = _YEAR.findall(match.string, 0, match.start())
    unit = match.group("unit") or ""
    if not years or unit.strip() in {"from", "on", "than"}:
        return match.group()  # "8 percent from a year earlier": a change, not an amount
    back = _COUNTS.get(match.group("count") or "a", 1)
    return f"{match.group('amount')} {unit}in {int(years[-1]) - back}"
