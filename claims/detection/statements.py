"""A claim as one standalone sentence a fact-checker can publish (ClaimReview's claimReviewed).

News writes a claim inside its reporting: quotation marks, an attribution clause ("..., he
said", "According to X, ...", "X told reporters that ..."), pronouns that point back to earlier
sentences, and dates relative to the day of publication. The statement keeps the claim and drops
the reporting: the claimant is stored apart, so the attribution goes; a pronoun standing for the
claimant or for the last person named becomes their name (looking back only); a relative date
becomes the absolute date when the publication date makes it certain. Nothing is added that the
sentence does not say.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import re
from collections.abc import Sequence

from claims.detection.claimants import ArticleSpeakers, ClaimantMention, analyse_speakers
from claims.detection.dates import DateMention, find_dates
from claims.detection.gazetteer import (
    HONORIFICS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
)
from claims.detection.layout import CANDIDATE_MAX_CHARS
from claims.detection.sentences import Sentence, split_sentences

# Verbs through which data, rather than a person, is the source ("ONS figures show").
_SOURCE_VERBS = frozenset({"show", "shows", "showed", "found", "finds", "suggest"})
# Speech verbs that take a clause, beyond those attribution already knows.
_MORE_SPEECH_VERBS = frozenset(
    [
        "conceded",
        "concedes",
        "posited",
        "argued",
        "replied",
        "informed",
        "assured",
        "reminded",
        "disclosed",
    ]
)
_ATTRIBUTING = SPEECH_VERBS | _SOURCE_VERBS | _MORE_SPEECH_VERBS
# Verbs whose object is the reported clause itself, with or without "that" ("said the city
# issued ..."). Others take a noun object ("reported a loss") and attribute only with "that".
_CLAUSE_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "argued",
        "argues",
        "warned",
        "warns",
        "insisted",
        "insists",
        "claimed",
        "claims",
        "noted",
        "notes",
        "stated",
        "asserted",
        "asserts",
        "acknowledged",
        "acknowledges",
        "admitted",
        "admits",
        "conceded",
        "concedes",
        "posited",
        "testified",
        "contended",
        "contends",
        "maintained",
        "maintains",
        "stressed",
        "stresses",
        "emphasised",
        "emphasized",
        "explained",
        "explains",
        "recalled",
        "boasted",
        "complained",
        "believes",
        "believed",
        "thinks",
        "show",
        "shows",
        "showed",
    ]
)
# Verbs that take the hearer as object before the clause ("told reporters that").
_HEARER_VERBS = frozenset({"told", "tells", "informed", "assured", "reminded", "asked"})
# Words that open a phrase about the saying, not the claim ("in a statement", "on Tuesday").
_ABOUT_SAYING = re.compile(
    r"\s+(?:in|on|at|during|via|through|before|late|early|last|this|earlier|later|again|also|"
    r"previously|publicly|repeatedly|recently)\b[^,:;\"\u201c\u201d]{0,50}?(?:\s+that\b\s*|\s*:)",
)
# Who was told: up to "that", a colon or a quotation ("told a news conference in the capital,
# Korvale, that"), or a short hearer before the clause's own subject ("told senators the ...").
_HEARER = re.compile(r"\s+[^:;\"\u201c\u201d\u2018]{1,100}?(?=\s+that\b|\s*:)")
_SHORT_HEARER = re.compile(
    r"\s+(?:us|me|him|her|them|(?:the\s+)?[A-Z][\w.'\u2019&-]*(?:\s+[A-Z][\w.'\u2019&-]*){0,3}"
    r"|(?:the\s+)?[a-z]+s)(?=\s+(?:the|a|an|its|his|her|their|this|most|some|more|about|nearly"
    r"|[A-Z]|[\d$\u00a3\u20ac]))"
)
# When the saying happened, between the verb and a clause without "that" ("said on Monday its").
_WHEN_SAID = re.compile(
    r"\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|last\s+(?:week|month)"
    r"|this\s+week|in\s+an?\s+(?:statement|post|report|filing|letter|interview|speech|email))"
    r"(?=\s+[\w$\u00a3\u20ac])"
)
# A reported clause does not open with a preposition or a pronoun for something said elsewhere;
# "about 1,900", "over 40 percent" are amounts.
_NOT_A_CLAUSE = re.compile(
    r"\s*(?:(?:in|on|at|for|with|from|by|to|since|during|before|after|into|of|as|than|if|when"
    r"|this|so|nothing)\b|(?:about|around|over|under)\b(?!\s+[\d$\u00a3\u20ac]))",
    re.IGNORECASE,
)
# A reply that carries its claim in a "saying" clause ("X disputed that, saying ...").
_REBUTTAL = re.compile(
    r"^([^,\"\u201c\u201d]{1,80}?)\b(disputed|rejected|denied|defended|responded|replied|"
    r"corrected|challenged|countered|dismissed|questioned|pushed back)\b([^,]{0,40}),\s+saying\s+"
    r"(?:that\s+)?",
)
# An aside between the verb and its clause ("insisted, however, that").
_ASIDE = re.compile(r"\s*,\s*(?:however|though|also|again|too|nonetheless|moreover)\s*,")
_OPENING_QUOTES = "\"\u201c\u2018'"
_CLOSING_QUOTES = "\"\u201d\u2019'"
_DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")
# A transcript's speaker label ("SMITH: ...", "Q: ...").
_SPEAKER_LABEL = re.compile(r"^(?:[A-Z][A-Z.'\u2019-]+ ){0,3}[A-Z][A-Z.'\u2019-]+:\s+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[\w\u2019'.-]+")
# Discourse openers that tie a sentence to its neighbours, not part of a standalone claim.
_OPENERS = re.compile(
    r"^(?:In fact|Indeed|However|Meanwhile|Still|Moreover|Also|But|And|So|Yet|Instead|"
    r"In addition|Separately|Overall)\b,?\s+(?=\S)"
)
# Circumstances of the saying before its subject ("In a statement, ...", "After the hearing,").
_LEAD_IN = re.compile(
    r"^(?:In|At|After|Before|During|On|Later|Earlier|Speaking|Writing|Testifying|Asked|"
    r"Addressing|Responding|Interviewed|Separately)\b[^,\"\u201c\u201d]{0,100},\s+"
)
_ACCORDING_TO_LEADING = re.compile(r"^According to [^,;:\"\u201c\u201d]{1,90},\s+", re.IGNORECASE)
# Words that cannot open the subject of a trailing attribution: the segment belongs to the claim.
_NOT_A_SUBJECT = frozenset(
    [
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "and",
        "but",
        "or",
        "which",
        "while",
        "after",
        "before",
        "as",
        "up",
        "down",
        "to",
        "since",
        "than",
        "including",
        "about",
        "over",
        "under",
        "into",
        "of",
        "per",
        "compared",
        "against",
        "amid",
        "despite",
        "during",
        "when",
        "where",
        "if",
        "because",
        "though",
        "although",
        "until",
        "more",
        "less",
        "most",
        "least",
        "nearly",
        "almost",
        "about",
        "around",
    ]
)
_ROLE_NOUNS = frozenset(word.lower().rstrip(".") for word in ROLE_WORDS if word[:1].isalpha())
_HONORIFIC_WORDS = frozenset(word.rstrip(".") for word in HONORIFICS)
_APPOSITIVE_OPENERS = frozenset(
    {"a", "an", "the", "who", "which", "whose", "one", "former", "its", "his", "her", "their"}
)
_PLAIN_WORD = re.compile(r"[A-Za-z]+")
_OPENING_QUOTE = re.compile('["\u201c\u2018]')
_SINGLE_QUOTE_HINT = re.compile(r"(?:^|[\s(\u2014])[\u2018']|[\u2019'](?=[\s,.;:!?)\u2014]|$)")
_SINGLE_PAIR = re.compile(
    r"(^|[\s(\u2014])[\u2018'](?=\w)(.*?)(?<=[\w.,!?%])[\u2019'](?=[\s,.;:!?)\u2014]|$)"
)
_SINGLE_OPENING = re.compile(r"(^|[\s(])\u2018")
_SINGLE_CLOSING = re.compile(r"([.,!?])[\u2019'](?=\s|$)")
_SINGLE_AT_START = re.compile(r"^[\u2018'](?=\w)")
_ANY_QUOTE = re.compile("[\"\u201c\u201d\u2018\u2019'\u201e\u00ab\u00bb]")
_SUBJECT_MAX_CHARS = 160
_TAIL_BREAK = re.compile(r",(?=[\s\"\u201d\u2019'])|\s[\u2014\u2013]|[.!?][\"\u201d\u2019']")
_BROKEN_QUOTE = re.compile(
    r"([,.!?]?)[\"\u201d\u2019']\s*,?\s+([^\"\u201c\u201d\u2018\u2019]{1,80}?),\s*[\"\u201c\u2018']"
)
_TAIL_MAX_CHARS = 140
_ATTRIBUTION_MAX_WORDS = 16
_CLAUSE_COMMA = re.compile(r",(?=\s)")
# Verbs that put their subject after them at the end of a sentence ("..., said Smith").
_INVERTING = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "wrote",
        "asked",
        "explained",
        "reported",
        "reports",
        "noted",
        "continued",
    ]
)
_INVERTED_MAX_WORDS = 7
_SUBJECT_MAX_WORDS = 14
_PRONOUN_KIND = {
    "he": "person",
    "she": "person",
    "i": "person",
    "it": "organization",
    "we": "organization",
    "they": "organization",
}
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
_MONTH_NAMES = [
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
]
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


class ArticleStatements:
    """The statements of an article's sentences, each built with what came before it.

    Ask in article order: the claimants met so far are remembered, never those still to come.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        speakers: ArticleSpeakers,
        *,
        published_at: datetime.date | None = None,
    ) -> None:
        self.sentences = sentences
        self.speakers = speakers
        self.published_at = published_at
        self._known: dict[str, ClaimantMention] = {}
        self._seen = 0
        self._starts: list[int] | None = None
        self._known_tuple: tuple[ClaimantMention, ...] = ()

    @classmethod
    def of_article(
        cls, text: str, *, published_at: datetime.date | None = None
    ) -> ArticleStatements:
        sentences = split_sentences(text)
        return cls(sentences, analyse_speakers(text, sentences), published_at=published_at)

    def of_sentence(self, index: int, *, dates: Sequence[DateMention] | None = None) -> str:
        """The statement of sentence ``index``; ``dates`` are its mentions when already found."""
        claimants = self.speakers.claimants
        for earlier in claimants[self._seen : index + 1]:
            if earlier is not None and earlier.name not in self._known:
                self._known[earlier.name] = earlier
                self._known_tuple = tuple(self._known.values())
        self._seen = max(self._seen, index + 1)
        return build_statement(
            self.sentences[index].text,
            claimant=claimants[index],
            previous=[earlier.text for earlier in self.sentences[max(0, index - 3) : index]],
            people=self.speakers.people,
            published_at=self.published_at,
            dates=dates,
            known=self._known_tuple,
        )

    def of_span(self, start: int, text: str) -> str:
        """The statement of the sentence stored at ``start``; the text alone if it moved."""
        if self._starts is None:
            self._starts = [sentence.start for sentence in self.sentences]
        index = bisect.bisect_left(self._starts, start)
        if index < len(self.sentences) and self.sentences[index].start == start:
            return self.of_sentence(index)
        return build_statement(text, published_at=self.published_at)


def build_statement(
    sentence: str,
    *,
    claimant: ClaimantMention | None = None,
    previous: Sequence[str] = (),
    people: frozenset[str] = frozenset(),
    published_at: datetime.date | None = None,
    dates: Sequence[DateMention] | None = None,
    known: Sequence[ClaimantMention] = (),
) -> str:
    """The claim of ``sentence`` as a standalone sentence without quotes or attribution.

    ``previous`` are the sentences before it (nearest last), ``people`` the people the article
    names; both only serve to replace a leading pronoun. ``dates`` are the sentence's date
    mentions (offsets into ``sentence``) when already found. ``known`` are the claimants of
    this and earlier sentences: the article itself equates their aliases ("the agency") with
    their names, so a statement standing alone names them in full.
    """
    if not sentence.strip():
        return ""
    if len(sentence) > CANDIDATE_MAX_CHARS:
        return " ".join(sentence.split())  # not prose (see layout): no claim to rewrite
    if dates is None:
        dates = find_dates(sentence, published_at=published_at) if published_at else ()
    text = " ".join(sentence.split())
    ending = "?" if text.rstrip(_CLOSING_QUOTES + " ").endswith("?") else "."
    label = _SPEAKER_LABEL.match(text)
    if label:
        text = text[label.end() :]
    opener = _OPENERS.match(text)
    if opener:
        text = text[opener.end() :]
    if _REPORTING_WORDS.isdisjoint(_PLAIN_WORD.findall(text.lower())):
        body, attributed = text, False  # no speech verb: nothing to strip
    else:
        body, attributed = _strip_attribution(text)
    attributed = attributed or bool(label)
    body = _strip_quotes(body)
    body = _OPENERS.sub("", body)
    body = body.strip(" ,;:-\u2014\u2013").rstrip(".!?").rstrip(" ,;:").strip()
    if len(body.split()) < 2:
        body = _strip_quotes(text).rstrip(".!?").strip()
    body = _replace_leading_pronoun(
        body,
        claimant=claimant,
        attributed=attributed,
        previous=previous,
        people=people,
        said=text,
    )
    body = _full_names(body, known=known)
    if published_at is not None and (
        any(_is_relative(mention) for mention in dates) or _PART_OF_DAY.search(body)
    ):
        # Found again on the statement: the attribution may have gone with its own date.
        body = _anchor_dates(body, find_dates(body, published_at=published_at), published_at)
    return body[:1].upper() + body[1:] + ending


def _strip_attribution(text: str) -> tuple[str, bool]:
    """The sentence without its attribution clauses, and whether it had one."""
    attributed = False
    body = text
    stripped = _strip_middle(body)
    if stripped != body:
        body, attributed = stripped, True
    # The leading form first: its subject may hold commas that look like a trailing clause
    # ("Jane Doe, who chairs the board, said ...").
    stripped = _strip_leading(body) or _strip_rebuttal(body)
    if stripped is None:
        stripped = _strip_trailing(body)
    if stripped is not None:
        body, attributed = stripped, True
    return body, attributed


def _words(segment: str) -> list[str]:
    return [word.strip(".'\u2019").lower() for word in _WORD.findall(segment)]


def _is_verb_phrase(words: list[str]) -> bool:
    """ "said", "had earlier said", "told reporters on Tuesday", "said in a statement"."""
    index = 0
    while index < len(words) and words[index] in SUBJECT_VERB_FILLERS:
        index += 1
    return index < len(words) and words[index] in _ATTRIBUTING


def _is_attribution_tail(tail: str) -> bool:
    """Whether the comma-separated tail of a sentence says only who said it."""
    words = _words(tail)
    if not words or any(q in tail for q in '"\u201c\u201d'):
        return False
    if words[:2] == ["according", "to"]:
        return 2 < len(words) <= 2 * _ATTRIBUTION_MAX_WORDS
    if len(words) > _ATTRIBUTION_MAX_WORDS:
        return False
    if words[:2] == ["according", "to"] and len(words) > 2:
        return True
    segments = [segment for segment in _CLAUSE_COMMA.split(tail) if segment.strip()]
    first = _words(segments[0])
    if not first:
        return False
    if first[0] in _INVERTING:
        # Inverted: "said Smith", "reports the Wall Street Journal", "said Smith, a lawyer".
        subject = segments[0].split(None, 1)[1:] or [""]
        if len(first) > _INVERTED_MAX_WORDS or not _looks_like_subject(subject[0]):
            return False
        return len(first) > 1 and all(
            _words(part)[:1] and _words(part)[0] in _APPOSITIVE_OPENERS for part in segments[1:]
        )
    if first[0] in _NOT_A_SUBJECT:
        return False
    last = _words(segments[-1])
    verb_at = next((i for i, word in enumerate(first) if word in _ATTRIBUTING), -1)
    if len(segments) == 1:
        if verb_at <= 0 or verb_at > _SUBJECT_MAX_WORDS:
            return False
        if first[verb_at - 1].replace(",", "").isdigit() and verb_at + 1 < len(first):
            return False  # "has received 19 reports": a noun, not a speech verb
        # After the verb only a hearer or the circumstances of the saying ("in a statement").
        after = first[verb_at + 1 :]
        return len(after) <= 6 and not any(word in _ATTRIBUTING for word in after)
    # "Jane Doe, a spokeswoman for the council, said": the last segment opens with the verb.
    middle_ok = all(
        _words(part)[:1] and _words(part)[0] in _APPOSITIVE_OPENERS | _ROLE_NOUNS
        for part in segments[1:-1]
    )
    return (
        middle_ok
        and _is_verb_phrase(last)
        and len(last) <= 6
        and not any(char.isdigit() for char in segments[-1])
        and verb_at < 0
    )


def _looks_like_subject(phrase: str) -> bool:
    """A name or a definite noun phrase: "Smith", "the Wall Street Journal", "the company"."""
    words = phrase.split()
    if not words or any(char.isdigit() for char in phrase):
        return False
    return words[0][:1].isupper() or words[0].lower() in {"the", "a", "an", "its", "his", "her"}


def _strip_trailing(text: str) -> str | None:
    """ "..., he said." / "..., according to X." / "..., reports the Wall Street Journal." """
    core = text.rstrip()
    while core and core[-1] in ".!?" + _CLOSING_QUOTES:
        core = core[:-1].rstrip()
    ending = core[-_TAIL_MAX_CHARS - 1 :]
    if _first_verb(ending, 0, len(ending)) is None and "ccording to" not in ending:
        return None
    best = None
    # Only a break near the end can open an attribution (the tail is short).
    window = max(0, len(core) - _TAIL_MAX_CHARS - 2)
    for match in _TAIL_BREAK.finditer(core, window):
        tail = core[match.end() :]
        if len(tail) > _TAIL_MAX_CHARS:
            continue
        tail_clean = tail.lstrip(_CLOSING_QUOTES + " ,")
        if _is_attribution_tail(tail_clean):
            best = core[: match.start() + (1 if match.group()[0] in ".!?" else 0)]
            break
    return best


def _strip_middle(text: str) -> str:
    """A quote broken by its attribution ("First part," he said, "second part.") made whole."""
    if not _ANY_QUOTE.search(text):
        return text

    def replace(match: re.Match[str]) -> str:
        if not _is_attribution_tail(match.group(2)):
            return match.group(0)
        mark = match.group(1)
        return (mark if mark in ".!?" and mark else ",") + " "

    return _BROKEN_QUOTE.sub(replace, text)


def _first_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    if _ATTRIBUTING.isdisjoint(_PLAIN_WORD.findall(text.lower(), start, end)):
        return None
    for word in _PLAIN_WORD.finditer(text, start, end):
        if word.group().lower() in _ATTRIBUTING:
            return word
    return None


_REPORTING_WORDS = (
    _ATTRIBUTING
    | {"according", "saying"}
    | {"disputed", "rejected", "denied", "defended", "responded", "replied", "corrected"}
    | {"challenged", "countered", "dismissed", "questioned", "pushed"}
)


def _strip_rebuttal(text: str) -> str | None:
    """ "The ministry disputed the figure, saying funding had risen": the claim is what follows."""
    match = _REBUTTAL.match(text)
    if match is None or len(text[match.end() :].split()) < 3:
        return None
    return text[match.end() :]


def _strip_leading(text: str) -> str | None:
    """ "According to X, ...", "X said (that) ...", "X told reporters: ...", "In a statement, X said"."""
    match = _ACCORDING_TO_LEADING.match(text)
    if match:
        return text[match.end() :]
    lead = _LEAD_IN.match(text)
    start = lead.end() if lead else 0
    # The first speech verb within reach, before any quotation opens.
    end = min(len(text), start + _SUBJECT_MAX_CHARS)
    quote = _OPENING_QUOTE.search(text, start, end)
    verb = _first_verb(text, start, quote.start() if quote else end)
    if verb is None:
        return None
    subject = text[start : verb.start()]
    subject_words = _words(subject)
    if not subject_words or subject_words[0] in _NOT_A_SUBJECT:
        return None
    if not _subject_is_plain(subject):
        return None
    return _after_verb(text, verb.end(), verb.group().lower())


def _subject_is_plain(subject: str) -> bool:
    """A noun phrase, maybe with appositives: "Jane Doe, a spokeswoman for the council,"."""
    subject = subject.rstrip()
    words = subject.split()
    while words and words[-1].lower() in SUBJECT_VERB_FILLERS:
        words.pop()
    subject = " ".join(words)
    parts = re.split(r",(?=\s|$)", subject)
    if len(parts) == 2:
        return False  # "Records go back to 1898, said Smith": the subject follows the verb
    head = _words(parts[0])
    if not head or len(head) > _SUBJECT_MAX_WORDS:
        return False
    if any(word in {"that", "which", "who", "is", "was", "were", "are"} for word in head):
        return False
    for part in parts[1:-1]:
        words = _words(part)
        appositive = bool(words) and (
            words[0] in _APPOSITIVE_OPENERS
            or words[0] in _ROLE_NOUNS
            or words[0].endswith(("ing", "ed"))
            or words[0].isdigit()
            or part.strip()[:1].isupper()
        )
        if not appositive:
            return False
    return not _words(parts[-1]) if len(parts) > 1 else bool(head)


def _after_verb(text: str, position: int, verb: str) -> str | None:
    """What the speech verb at ``position`` reports, or None when it does not report a clause."""
    rest = text[position:]
    if verb in _HEARER_VERBS:
        hearer = _HEARER.match(rest) or _SHORT_HEARER.match(rest)
        if hearer is None:
            return None
        rest = rest[hearer.end() :]
    else:
        about = _ABOUT_SAYING.match(rest)
        if about:
            rest = rest[about.end() - 1 :] if about.group().endswith(":") else rest[about.end() :]
            rest = " that " + rest if not rest.startswith(":") else rest
        else:
            when = _WHEN_SAID.match(rest)
            if when:
                rest = rest[when.end() :]
    aside = _ASIDE.match(rest)
    if aside:
        rest = rest[aside.end() :]
    opener = re.match(r"\s*(?:that\b|:)\s*", rest)
    if opener:
        rest = rest[opener.end() :]
    elif verb not in _CLAUSE_VERBS:
        return None
    elif rest[:1] == ",":
        return None  # "Smith said, ..." opens a trailing phrase, not the reported clause
    elif _NOT_A_CLAUSE.match(rest):
        return None  # "claimed this in a video": the claim is elsewhere
    rest = rest.strip()
    if len(_words(rest)) < 3:
        return None
    return rest


def _strip_quotes(text: str) -> str:
    """No quotation marks: double ones always, single ones when they pair (not apostrophes)."""
    double = _DOUBLE_QUOTES.search(text) is not None
    single = _SINGLE_QUOTE_HINT.search(text) is not None
    if not double and not single:
        return text
    if double:
        text = _DOUBLE_QUOTES.sub("", text)
    if single:
        # A single quotation opens after a space or at the start and closes before one or the
        # end; an apostrophe sits between letters ("don't") or after a plural ("players' union").
        text = _SINGLE_PAIR.sub(r"\1\2", text)
        text = _SINGLE_OPENING.sub(r"\1", text)
        text = _SINGLE_CLOSING.sub(r"\1", text)
        # A quotation opened at the start of the sentence and closed in the next one.
        text = _SINGLE_AT_START.sub("", text)
    return " ".join(text.split()).replace(" ,", ",").replace(" .", ".")


def _replace_leading_pronoun(
    body: str,
    *,
    claimant: ClaimantMention | None,
    attributed: bool,
    previous: Sequence[str],
    people: frozenset[str],
    said: str = "",
) -> str:
    match = re.match(r"(He|She|It|They|We|I|he|she|it|they|we)\b(?!['\u2019])", body)
    if not match:
        owner = re.match(r"(?:its|his|her|their|Its|His|Her|Their)\b", body)
        if owner and attributed and claimant is not None:
            kind = "organization" if owner.group().lower() in {"its", "their"} else "person"
            if claimant.kind == kind:
                return _possessive(claimant.name) + body[owner.end() :]
        elif attributed and claimant is not None and claimant.kind == "organization":
            # "It said volumes in its division grew": the speaker's own division.
            speaker = _speaker_pronoun(said)
            if speaker in {"", "it"} and not _plural(claimant.name) and claimant.name not in body:
                return _OWN.sub(_possessive(claimant.name), body, count=1)
        return body
    pronoun = match.group().lower()
    kind = _PRONOUN_KIND[pronoun]
    name = None
    if not attributed and claimant is None and pronoun not in {"he", "she"}:
        return body
    speaker = _speaker_pronoun(said) if attributed else ""
    if speaker and speaker != pronoun:
        return body  # "She said he ...", "They said it ...": not the speaker
    if pronoun == "it" and claimant is not None and _plural(claimant.name):
        return body  # "Officials said it was ...": "it" is not the officials
    if (
        claimant is not None and claimant.kind == kind and (attributed or pronoun in {"i", "we"})
    ) or (claimant is not None and pronoun in {"i"} and claimant.kind == "person"):
        name = claimant.name
    elif pronoun in {"he", "she"}:
        name = _last_person(previous, people)
    if not name:
        return body
    rest = body[match.end() :]
    if (
        pronoun in {"he", "she"}
        and name
        and claimant
        and not attributed
        and name in claimant.aliases
    ):
        return body  # inside the claimant's quote, "he" is somebody else
    if pronoun == "i":
        rest = re.sub(r"^ am\b", " is", rest)
        rest = re.sub(r"^ have\b", " has", rest)
    return name + rest


def _full_names(body: str, *, known: Sequence[ClaimantMention]) -> str:
    """A person by the full name the article gave them, an organisation by its name.

    News names a person in full once, then by surname ("Whitfield"), and an organisation once,
    then by a description ("the agency"); a standalone statement needs the full name.
    """
    replacements, pattern = _name_replacements(tuple(known))
    if pattern is None:
        return body
    done: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        full = replacements.get(found) or replacements.get(found.lower())
        if not full or (" " not in found and _inside_longer_name(body, match.start(), match.end())):
            return found
        full = _title_free(full)
        if full in done or full in body:
            return found
        done.add(full)
        return full

    return pattern.sub(replace, body)


@functools.lru_cache(maxsize=64)
def _name_replacements(
    known: tuple[ClaimantMention, ...],
) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Each short form of a name the article uses, with the full name it stands for."""
    replacements: dict[str, str] = {}
    for mention in known:
        for alias in mention.aliases:
            if alias == mention.name or len(alias) <= 3:
                continue
            if mention.kind == "organization" and alias.lower().startswith("the "):
                replacements.setdefault(alias.lower(), mention.name)
            elif mention.kind == "person" and " " not in alias and alias[:1].isupper():
                replacements.setdefault(alias, mention.name)
    if not replacements:
        return replacements, None
    names = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(name) for name in names) + r")(?!\w)",
        re.IGNORECASE,
    )
    return replacements, pattern


def _inside_longer_name(body: str, start: int, end: int) -> bool:
    """ "Lindqvist Park", "Port Lindqvist": the name is part of another one."""
    after = body[end:].split(None, 1)
    before = body[:start].split()
    return bool(
        (after and after[0][:1].isupper() and body[end : end + 1] == " ")
        or (before and before[-1][:1].isupper() and before[-1].lower() != "the")
    )


def _title_free(name: str) -> str:
    """ "Ms Joanne Pettit" -> "Joanne Pettit": a title is not part of the name."""
    words = name.split()
    while len(words) > 2 and (words[0].rstrip(".") in _HONORIFIC_WORDS or words[0].islower()):
        words.pop(0)
    return " ".join(words)


def _speaker_pronoun(text: str) -> str:
    """The pronoun by which the attribution names its speaker ("she said"), if it does."""
    for match in _PRONOUN_VERB.finditer(text):
        pronoun = (match.group(1) or match.group(4) or "").lower()
        verb = (match.group(2) or match.group(3) or "").lower()
        if verb in _ATTRIBUTING:
            return pronoun
    return ""


_PRONOUN_VERB = re.compile(
    r"\b(?:([Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:also\s+|later\s+)?(\w+)|(\w+)\s+(he|she|it|they)\b)"
)


_OWN = re.compile(r"(?<=\s)its\b")


def _plural(name: str) -> bool:
    last = name.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")


def _last_person(previous: Sequence[str], people: frozenset[str]) -> str | None:
    """The person last named in the nearest preceding sentences, by their fullest name."""
    if not people:
        return None
    for sentence in reversed(previous[-3:]):
        found = [(sentence.rfind(name), len(name), name) for name in people if name in sentence]
        found = [item for item in found if item[0] >= 0]
        if found:
            named = max(found)[2]
            fuller = [name for name in people if name.endswith(" " + named)]
            return max(fuller, key=len) if fuller else named
    return None


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
    return _PART_OF_DAY.sub(lambda match: _part_of_day(match, published_at), "".join(pieces))


# Parts of the publication day and the night before it, as news writes them.
_PART_OF_DAY = re.compile(r"\b(?:(this) (morning|afternoon|evening)|(last) (night))\b")


def _part_of_day(match: re.Match[str], published_at: datetime.date) -> str:
    day = published_at - datetime.timedelta(days=1) if match.group(3) else published_at
    part = match.group(2) or match.group(4)
    return f"on the {part} of {_AP_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _is_relative(mention: DateMention) -> bool:
    return not _HAS_YEAR.search(mention.text) and not _VAGUE_DATE.search(mention.text)


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
    if text[mention.end : mention.end + 2] in {"'s", "\u2019s"}:
        return None
    if mention.granularity == "year":
        written, joiner = str(value.year), "in"
    elif mention.granularity == "month":
        bare = not re.search(r"last|this|ago", mention.text)
        if bare and (value.year != published_at.year or value > published_at):
            return None  # a bare month of another year or to come: the text is not certain
        written, joiner = f"{_MONTH_NAMES[value.month - 1]} {value.year}", "in"
    elif mention.value == mention.end_value:
        days_back = (published_at - value).days
        if _WEEKDAYS.search(mention.text) and not 0 <= days_back <= 6:
            return None
        if re.fullmatch(r"[A-Z]\w+", mention.text) and not after_preposition:
            return None  # a bare weekday may name something else ("a Sunday league")
        if value.year != published_at.year and not _WEEKDAYS.search(mention.text):
            return None
        written, joiner = f"{_AP_MONTHS[value.month - 1]} {value.day}, {value.year}", "on"
    else:
        return None  # "last week": a span the sentence does not pin down
    if preposition:
        return f"{preposition} {written}"
    if after_preposition:
        return written
    return f"{joiner} {written}"
