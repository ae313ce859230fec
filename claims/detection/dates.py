"""The periods a sentence talks about, normalised against the article's publication date.

Each mention becomes a period (``value`` .. ``end_value``, both inclusive) with the granularity
it was written at. A decade ("the 1990s") is a ten-year period with granularity "year"; "last
week" is a seven-day period with granularity "day". Relative expressions ("last year", "on
Wednesday", "yesterday", a month or a day without a year) need the publication date and are
skipped without it; absolute ones ("in 2018", "Feb. 1, 2014", "2014-02-01") are always found.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Literal

from claims.detection.gazetteer import any_of
from claims.detection.names import Token, analyse_names

Granularity = Literal["day", "month", "year"]

# The months as a statement writes them out ("in March 2024").
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBER_EDGE_BEFORE = r"(?<![\w$\u20ac\u00a3#.,/-])"
_NUMBER_EDGE_AFTER = r"(?![\w%]|[.,]\d|-\d|\s?(?:percent|per cent)\b)"

_DATE_PATTERN = re.compile(
    rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b)"
    rf"|(?P<mdy>\b(?P<mdy_m>{_MONTH}) (?P<mdy_d>{_DAY})\b(?:,? (?P<mdy_y>{_YEAR})\b)?)"
    rf"|(?P<dmy>\b(?P<dmy_d>{_DAY}) (?:of )?(?P<dmy_m>{_MONTH})(?:,? (?P<dmy_y>{_YEAR}))?\b)"
    rf"|(?P<month_year>\b(?P<my_m>{_MONTH}),? (?:of )?(?P<my_y>{_YEAR})\b)"
    rf"|(?P<month_rel>\b(?:(?:in|since|until|by|early|late|mid-?) )?"
    rf"(?P<mr_m>{_FULL_MONTH}) (?P<mr_rel>this|last|next) year\b)"
    rf"|(?P<rel_month>\b(?P<rm_rel>last|this|next|in|since|until|by|early|late|mid-?)"
    rf" (?P<rm_m>{_FULL_MONTH})\b(?!,? (?:of )?{_YEAR}\b| \d))"
    rf"|(?P<decade>\b(?:the )?(?:(?:early|mid|late)[- ])?(?P<decade_y>1[89]\d0|20\d0)['\u2019]?s\b)"
    rf"|(?P<year>(?:\b(?:early|mid|late)-|{_NUMBER_EDGE_BEFORE})"
    rf"(?P<year_y>{_YEAR}){_NUMBER_EDGE_AFTER})"
    r"|(?P<relative>\b(?P<rel_which>last|this|next|past|previous|coming) "
    r"(?P<rel_unit>year|month|week)\b)"
    r"|(?P<day_word>\b(?P<day_word_w>yesterday|today|tomorrow)\b)"
    rf"|(?P<weekday>\b(?:(?P<wd_rel>last|this|next|on|since|by|until) )?(?P<wd>{_WEEKDAY})\b)"
    r"|(?P<ago>\b(?P<ago_n>\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten) "
    r"(?P<ago_unit>year|month|week|day)s? ago\b)",
    re.IGNORECASE,
)


# A year written once for two dates: "March 15-16, 2016", "March 2 and April 5, 2016", "in March
# and April 2016". The first date is in that year, never in the publication's.
_SHARED_YEAR = re.compile(
    rf"(?:[-\u2013]{_DAY}| (?:and|or|to|through|until|till|&|-|\u2013) (?:(?:early|mid-?|late) )?"
    rf"(?:{_MONTH}(?: {_DAY})?|{_DAY}(?: {_MONTH})?))?,? (?P<year>{_YEAR})\b"
)


def _cased(words: list[str]) -> frozenset[str]:
    return frozenset(form for word in words for form in (word, word.capitalize(), word.upper()))


# Words that open a date by themselves (month and weekday names are proper nouns: capitalised).
_OPENERS = frozenset(
    [name.capitalize() for name in [*_MONTHS, *_WEEKDAYS]] + [name.upper() for name in _MONTHS]
) | _cased(["yesterday", "today", "tomorrow"])
# Words that open a date only when a month, weekday, unit, number or another of them follows
# ("last year", "in 2019", "the early 1990s").
_PREFIXES = _cased(
    [
        *("last", "this", "next", "past", "previous", "coming", "in", "on", "since", "until"),
        *("by", "early", "late", "mid", "the", "a", "one", "two", "three", "four", "five"),
        *("six", "seven", "eight", "nine", "ten"),
    ]
)
# Every date without a digit contains one of these (weekdays, "today" and "yesterday" end in
# "day"); checking for them first spares most sentences the word-by-word scan.
_DATE_HINTS = (
    *sorted({name.capitalize()[:3] for name in _MONTHS}),
    *sorted({name.upper()[:3] for name in _MONTHS}),
    *("day", "DAY", "year", "YEAR", "month", "MONTH", "week", "WEEK", "morrow", "MORROW"),
)
_DIGIT = re.compile(r"\d")
_DATE_HINT = any_of(_DATE_HINTS)
_AFTER_PREFIX = _OPENERS | _PREFIXES | _cased(["year", "month", "week", "day"])
_LEADING_LETTERS = re.compile(r"[^\W\d_]+")
_SMALL_NUMBERS = {
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
}


# Words that put a clause in the future ("will", "is expected to", "upcoming") or in the past
# ("said", "voted", "was"). A month or a day written without its year is read as its next
# occurrence after publication when the nearest of these words looks ahead, as its last one
# when it looks back.
_FUTURE_WORDS = _cased(
    [
        *("will", "shall", "won't", "'ll", "\u2019ll", "may", "might", "upcoming", "forthcoming"),
        *("next", "coming", "expected", "scheduled", "slated", "due", "plans", "plan", "planned"),
        *("intends", "aims", "ahead", "until", "before", "tomorrow"),
    ]
)
_PAST_WORDS = _cased(
    [
        *("said", "told", "was", "were", "had", "did", "took", "came", "went", "fell", "rose"),
        *("grew", "won", "lost", "met", "held", "began", "left", "made", "found", "saw", "gave"),
        *("got", "ran", "sold", "paid", "spent", "cut", "hit", "shut", "set", "struck", "since"),
        *("ago", "last", "yesterday", "earlier", "previously"),
    ]
)
_NOT_PAST = _cased(["hundred", "need", "indeed", "speed", "feed", "seed", "bred", "red", "bed"])
Tense = Literal["future", "past", ""]
_TENSE_REACH = 12

# How a date written without its year is placed: the occurrence nearest publication when it
# names an event ("the Nov. 3 election", "Tuesday's meeting": news writes the bare date because
# the event is current, whether just past or coming); else the latest past one or the next one
# by the tense of its clause ("said on Nov. 3", "will vote on Nov. 3"); "" when nothing says.
Reading = Literal["nearest", "future", "past", ""]

# Nouns for things that happen on a day, which a bare date or a weekday's possessive modifies.
_EVENT_NOUNS = (
    "election|elections|vote|votes|voting|referendum|ballot|primary|primaries|runoff|caucus"
    "|deadline|meeting|hearing|session|summit|conference|debate|trial|sentencing|ruling|verdict"
    "|announcement|speech|address|briefing|interview|launch|opening|closing|reopening|release"
    "|attack|attacks|strike|strikes|storm|flood|floods|fire|earthquake|quake|shooting|crash"
    "|explosion|blast|raid|game|match|final|race|concert|festival|parade|ceremony|inauguration"
    "|rally|protest|protests|march|walkout|visit|talks|auction|deal|agreement|ceasefire|truce"
    "|count|census|budget|decision|order|report|filing|deadlines|cutoff|poll|polls|event"
    "|celebration|funeral|opener|kickoff|premiere|recall|showdown|election-day"
)
# The event noun after the date, with up to two lower-case modifiers ("the March 31 filing
# deadline", "the Nov. 3 general election"); a weekday may bring its possessive.
_MODIFIES_EVENT = re.compile(rf"(?:['\u2019]s)?(?: [a-z][a-z-]*){{0,2}}? (?:{_EVENT_NOUNS})\b")
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|its|their|his|her|our|this|that|these|those|next|last|upcoming|"
    r"[A-Za-z]+['\u2019]s) $"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A period a sentence talks about; ``text`` is exactly ``source[start:end]``."""

    text: str
    start: int
    end: int
    value: datetime.date
    end_value: datetime.date
    granularity: Granularity


def find_dates(text: str, *, published_at: datetime.date | None = None) -> list[DateMention]:
    """Every date or period mentioned in ``text``, in order, offsets relative to ``text``."""
    if isinstance(published_at, datetime.datetime):
        published_at = published_at.date()
    mentions: list[DateMention] = []
    matches = _matches(text)
    tokens = analyse_names(text)[0] if matches and published_at is not None else ()
    for match in matches:
        if not _looks_capitalised_where_needed(match):
            continue
        try:
            period = _period_in_shared_year(text, match) or _period(
                match, published_at, _reading(text, tokens, match.start(), match.end())
            )
        except _NotADate:
            continue
        if period is None:
            continue
        value, end_value, granularity = period
        mentions.append(
            DateMention(match.group(), match.start(), match.end(), value, end_value, granularity)
        )
    return mentions


def _matches(text: str) -> list[re.Match[str]]:
    """Date matches, tried only at the words where a date can begin.

    Trying the whole pattern at every character costs far more than looking up the few words
    (numbers, month and weekday names, "last", "in", ...) where a date can start.
    """
    matches: list[re.Match[str]] = []
    if not _DIGIT.search(text) and not _DATE_HINT.search(text):
        return matches  # no number, month, weekday or calendar unit: no date
    covered = 0
    tokens, _ = analyse_names(text)
    for index, (word, start, _) in enumerate(tokens):
        if start < covered:
            continue
        # A number, a month or weekday ("Tuesday's vote" too), "mid-2020", or a word that opens
        # one when a date's word follows ("last year's", "the early 1990s", "in 2019").
        if not (
            word[0].isdigit()
            or word in _OPENERS
            or word[:-2] in _OPENERS
            or (word in _PREFIXES and _date_word_follows(tokens, index))
            or ("-" in word and word.partition("-")[0] in _PREFIXES)
        ):
            continue
        match = _DATE_PATTERN.match(text, start)
        if match:
            matches.append(match)
            covered = match.end()
    return matches


def _date_word_follows(tokens: tuple[Token, ...], index: int) -> bool:
    if index + 1 == len(tokens):
        return False
    following = tokens[index + 1][0]
    if following[0].isdigit():
        return True
    # The word's leading letters: "year's", "year-and-a-half", "mid-2020", "Thursday.https".
    letters = _LEADING_LETTERS.match(following)
    if letters is None:
        return False
    word = letters.group()
    return word in _AFTER_PREFIX or word.removesuffix("s") in _AFTER_PREFIX  # "two years"


def _period_in_shared_year(
    text: str, match: re.Match[str]
) -> tuple[datetime.date, datetime.date, Granularity] | None:
    """A month or day without its year that shares the year of the date after it."""
    kind = match.lastgroup
    if kind not in {"mdy", "dmy", "rel_month"} or match.group("mdy_y") or match.group("dmy_y"):
        return None
    if kind == "rel_month" and match.group("rm_rel").lower() in {"last", "this", "next"}:
        return None
    shared = _SHARED_YEAR.match(text, match.end())
    if shared is None:
        return None
    year = int(shared.group("year"))
    if kind == "rel_month":
        return _month_period(year, _month(match.group("rm_m")))
    month, day = (
        (match.group("mdy_m"), match.group("mdy_d"))
        if kind == "mdy"
        else (
            match.group("dmy_m"),
            match.group("dmy_d"),
        )
    )
    return _day(year, _month(month), int(day.rstrip("stndrh")))


def _looks_capitalised_where_needed(match: re.Match[str]) -> bool:
    """Month and weekday names are proper nouns: "may" or "march" in lower case are verbs."""
    for group in ("mdy_m", "dmy_m", "my_m", "mr_m", "rm_m", "wd"):
        word = match.group(group)
        if word is not None:
            return word[0].isupper()
    return True


def date_reading(text: str, start: int, end: int) -> Reading:
    """How a date without its year at ``text[start:end]`` is placed (see ``Reading``).

    The detector's dates and the statements' anchored dates both read a date this way, so a
    claim's chip and its sentence name the same day.
    """
    return _reading(text, analyse_names(text)[0], start, end)


def _reading(text: str, tokens: tuple[Token, ...], start: int, end: int) -> Reading:
    if _modifies_event(text, start, end):
        return "nearest"
    return _tense(tokens, start, end)


def _modifies_event(text: str, start: int, end: int) -> bool:
    """Whether the date is used as an adjective of an event: "the Nov. 3 election", "Tuesday's
    vote" (a determiner before it or a possessive after it; "on Nov. 3 the vote" is not)."""
    match = _MODIFIES_EVENT.match(text, end)
    if match is None:
        return False
    possessive = text[end : end + 1] in {"'", "\u2019"}
    return possessive or _DETERMINER_BEFORE.search(text, max(0, start - 20), start) is not None


def yearless_date(
    month: int, day: int, *, published: datetime.date, reading: Reading
) -> datetime.date | None:
    """The day a month and day written without a year name, read against publication.

    ``reading`` (from ``date_reading``) picks the occurrence: the nearest one, the latest up to
    publication, the next one from it; with nothing to say, the publication year's unless that
    is over a month ahead ("on Dec. 30" read in January is last December). None when no year
    has that day ("Feb. 30").
    """

    def on(year: int) -> datetime.date | None:
        if day > calendar.monthrange(year, month)[1]:
            return None
        return datetime.date(year, month, day)

    this_year = on(published.year)
    if reading == "nearest":
        candidates = [on(published.year - 1), this_year, on(published.year + 1)]
        return min(
            (date for date in candidates if date is not None),
            key=lambda date: abs((date - published).days),
            default=None,
        )
    if this_year is None:
        return None
    if reading == "future" and this_year < published:
        return on(published.year + 1)  # "will vote on Jan. 5" read in June
    if reading == "past" and this_year > published:
        return on(published.year - 1)
    if not reading and this_year > published + datetime.timedelta(days=31):
        return on(published.year - 1)  # "on Dec. 30" read in January
    return this_year


def _tense(tokens: tuple[Token, ...], start: int, end: int) -> Tense:
    """Whether the words nearest a date, before it first, speak of the future or the past.

    Only a clause's worth of words on each side is read, so a long text costs linear time.
    """
    first = bisect.bisect_left(tokens, start, key=lambda token: token[1])
    last = bisect.bisect_left(tokens, end, key=lambda token: token[1])
    nearby = [*reversed(tokens[max(0, first - _TENSE_REACH) : first])]
    nearby += tokens[last : last + _TENSE_REACH]
    for word, _, _ in nearby:
        if word in _FUTURE_WORDS:
            return "future"
        if word in _PAST_WORDS or (
            len(word) > 4 and word.endswith("ed") and word.islower() and word not in _NOT_PAST
        ):
            return "past"
    return ""


def _period(
    match: re.Match[str], published: datetime.date | None, tense: Reading = ""
) -> tuple[datetime.date, datetime.date, Granularity] | None:
    kind = match.lastgroup
    group = match.group
    if kind == "iso":
        return _day(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
    if kind == "mdy":
        return _day_in_year(
            group("mdy_y"), _month(group("mdy_m")), group("mdy_d"), published, tense
        )
    if kind == "dmy":
        return _day_in_year(
            group("dmy_y"), _month(group("dmy_m")), group("dmy_d"), published, tense
        )
    if kind == "month_year":
        return _month_period(int(group("my_y")), _month(group("my_m")))
    if kind == "decade":
        first = int(group("decade_y"))
        return datetime.date(first, 1, 1), datetime.date(first + 9, 12, 31), "year"
    if kind == "year":
        year = int(group("year_y"))
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"
    if published is None:
        return None
    if kind == "month_rel":
        shift = {"this": 0, "last": -1, "next": 1}[group("mr_rel").lower()]
        return _month_period(published.year + shift, _month(group("mr_m")))
    if kind == "rel_month":
        return _relative_month(group("rm_rel").lower(), _month(group("rm_m")), published, tense)
    if kind == "relative":
        return _relative_unit(group("rel_which").lower(), group("rel_unit").lower(), published)
    if kind == "day_word":
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[group("day_word_w").lower()]
        return _day_of(published + datetime.timedelta(days=shift))
    if kind == "weekday":
        return _weekday(group("wd_rel"), group("wd"), published, tense)
    if kind == "ago":
        return _ago(group("ago_n").lower(), group("ago_unit").lower(), published)
    return None


def _month(word: str) -> int:
    return _MONTHS[word.rstrip(".").lower()]


def _day(year: int, month: int, day: int) -> tuple[datetime.date, datetime.date, Granularity]:
    if day > calendar.monthrange(year, month)[1]:
        raise _NotADate
    date = datetime.date(year, month, day)
    return date, date, "day"


def _day_of(date: datetime.date) -> tuple[datetime.date, datetime.date, Granularity]:
    return date, date, "day"


class _NotADate(ValueError):
    """A pattern that looks like a date but names no real day ("Feb. 30")."""


def _day_in_year(
    year: str | None, month: int, day: str, published: datetime.date | None, tense: Reading = ""
) -> tuple[datetime.date, datetime.date, Granularity] | None:
    day_number = int(day.rstrip("stndrh"))
    if year is not None:
        try:
            return _day(int(year), month, day_number)
        except _NotADate:
            return None
    if published is None:
        return None
    date = yearless_date(month, day_number, published=published, reading=tense)
    return None if date is None else _day_of(date)


def _month_period(year: int, month: int) -> tuple[datetime.date, datetime.date, Granularity]:
    last_day = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last_day), "month"


def _relative_month(
    relation: str, month: int, published: datetime.date, tense: Reading = ""
) -> tuple[datetime.date, datetime.date, Granularity]:
    year = published.year
    if relation == "last" and month >= published.month:
        year -= 1
    elif relation == "next" and month <= published.month:
        year += 1
    elif relation == "since" and month > published.month:
        year -= 1
    elif relation not in {"this", "last", "next", "since"}:
        # "in March": the coming March in a sentence about the future, the last one in the past.
        if tense == "future" and month < published.month:
            year += 1
        elif tense == "past" and month > published.month:
            year -= 1
    return _month_period(year, month)


def _relative_unit(
    which: str, unit: str, published: datetime.date
) -> tuple[datetime.date, datetime.date, Granularity]:
    shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}[which]
    if unit == "year":
        year = published.year + shift
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return _month_period(month_index // 12, month_index % 12 + 1)
    monday = (
        published - datetime.timedelta(days=published.weekday()) + datetime.timedelta(weeks=shift)
    )
    return monday, monday + datetime.timedelta(days=6), "day"


def _weekday(
    relation: str | None, name: str, published: datetime.date, tense: Reading = ""
) -> tuple[datetime.date, datetime.date, Granularity]:
    """ "on Wednesday": the most recent Wednesday on or before publication; "next" looks ahead,
    and so does a sentence about the future ("will meet on Friday"); "Friday's vote" is the
    nearest Friday, whichever side of publication."""
    weekday = _WEEKDAYS[name.lower()]
    relation = (relation or "").lower()
    if not relation and tense == "nearest":
        back = (published.weekday() - weekday) % 7
        return _day_of(published + datetime.timedelta(days=-back if back <= 3 else 7 - back))
    if relation in {"", "on", "by", "until", "this"} and tense == "future":
        return _day_of(published + datetime.timedelta(days=(weekday - published.weekday()) % 7))
    if relation == "next":
        ahead = (weekday - published.weekday()) % 7 or 7
        return _day_of(published + datetime.timedelta(days=ahead))
    back = (published.weekday() - weekday) % 7
    if relation == "last" and back == 0:
        back = 7
    return _day_of(published - datetime.timedelta(days=back))


def _ago(
    amount: str, unit: str, published: datetime.date
) -> tuple[datetime.date, datetime.date, Granularity]:
    count = int(amount) if amount.isdigit() else _SMALL_NUMBERS[amount]
    if unit == "year":
        year = published.year - count
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31), "year"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - count
        return _month_period(month_index // 12, month_index % 12 + 1)
    days = count * (7 if unit == "week" else 1)
    return _day_of(published - datetime.timedelta(days=days))
