"""The reporting around a claim in news: who said it, and the quotation marks around it.

Finds and removes an attribution clause wherever news puts it: after the claim ("..., he said",
"..., said Smith, a lawyer", "..., according to X", "..., reports the Wall Street Journal",
"..., figures from the ONS show"), before it ("X said (that) ...", "X told reporters: ...",
"According to X, ...", "In a statement, X said ..."), in the middle of a broken quote ("First,"
she said, "second."), and a transcript's speaker label ("SMITH: ..."). A speech verb that takes
a noun ("reported a loss", "announced 40 routes") is not attribution. Quotation marks go, double
ones always and single ones when they pair, so that apostrophes stay.
"""

from __future__ import annotations

import re

from claims.detection.gazetteer import ROLE_WORDS, SUBJECT_VERB_FILLERS
from claims.detection.reporting_words import (
    ATTRIBUTING,
    CLAUSE_VERBS,
    HEARER_VERBS,
    NOT_A_SUBJECT,
)

# Words that open a phrase about the saying, not the claim ("in a statement", "on Tuesday").
_ABOUT_SAYING = re.compile(
    r"\s+(?:in|on|at|during|via|through|before|after|late|early|last|this|earlier|later|again|also|"
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


CLOSING_QUOTES = "\"\u201d\u2019'"


_DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")


# A transcript's speaker label ("SMITH: ...", "Q: ...", "PRESENTER (Jan Berg): ...").
_SPEAKER_LABEL = re.compile(
    r"^(?:[A-Z][A-Z.'\u2019-]+ ){0,3}[A-Z][A-Z.'\u2019-]+(?: \([^()]{1,40}\))?:\s+"
)


_WORD = re.compile(r"[\w\u2019'.-]+")


# Circumstances of the saying before its subject ("In a statement, ...", "After the hearing,").
_LEAD_IN = re.compile(
    r"^(?:In|At|After|Before|During|On|Later|Earlier|Speaking|Writing|Testifying|Asked|"
    r"Addressing|Responding|Interviewed|Separately)\b[^,\"\u201c\u201d]{0,100},\s+"
    # What the speaker was doing: "Opening the debate,", "Cross-examining,", "Defending,".
    r"|^[A-Z][a-z]*(?:-[a-z]+)?ing(?:\s+(?:the|a|an|his|her|their|its)\s+[a-z]+)?,\s+"
)


# "According to X, ...", maybe with who X is ("According to the Tribune, which has been
# critical of the government, ..."; "According to Y, the leading daily, which ...").
_ACCORDING_TO_LEADING = re.compile(
    r"^According to [^,;:\"\u201c\u201d]{1,90},\s+"
    r"(?:[^,;:\"\u201c\u201d]{1,60},\s+(?=(?:which|who|whose)\b))?"
    r"(?:(?:which|who|whose)\b[^,;:\"\u201c\u201d]{1,120},\s+)?",
    re.IGNORECASE,
)


_ROLE_NOUNS = frozenset(word.lower().rstrip(".") for word in ROLE_WORDS if word[:1].isalpha())


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


def _strip_attribution(text: str) -> tuple[str, bool]:
    """The sentence without its attribution clauses, and whether it had one."""
    attributed = False
    body = text
    stripped = _strip_middle(body)
    if stripped != body:
        body, attributed = stripped, True
    # The leading form first: its subject may hold commas that look like a trailing clause
    # ("Jane Doe, who chairs the board, said ...").
    # A rebuttal first: its "saying" would otherwise read as the speech verb of a long subject.
    unattributed = _strip_rebuttal(body) or _strip_leading(body) or _strip_trailing(body)
    if unattributed is not None:
        body, attributed = unattributed, True
    return body, attributed


def _words(segment: str) -> list[str]:
    return [word.strip(".'\u2019").lower() for word in _WORD.findall(segment)]


def _is_verb_phrase(words: list[str]) -> bool:
    """ "said", "had earlier said", "told reporters on Tuesday", "said in a statement"."""
    index = 0
    while index < len(words) and words[index] in SUBJECT_VERB_FILLERS:
        index += 1
    return index < len(words) and words[index] in ATTRIBUTING


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
    if first[0] in NOT_A_SUBJECT:
        return False
    last = _words(segments[-1])
    verb_at = next((i for i, word in enumerate(first) if word in ATTRIBUTING), -1)
    if len(segments) == 1:
        if verb_at <= 0 or verb_at > _SUBJECT_MAX_WORDS:
            return False
        if first[verb_at - 1].replace(",", "").isdigit() and verb_at + 1 < len(first):
            return False  # "has received 19 reports": a noun, not a speech verb
        # After the verb only a hearer or the circumstances of the saying ("in a statement",
        # "in its twice-yearly transparency report on Tuesday").
        after = first[verb_at + 1 :]
        reach = 10 if after[:1] and after[0] in {"in", "on", "at", "during", "via"} else 6
        return len(after) <= reach and not any(word in ATTRIBUTING for word in after)
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
    if _ROLE_BEFORE_NAME.match(phrase) and words[0] not in NOT_A_SUBJECT:
        return True  # "transit manager Howard Quist"
    return words[0][:1].isupper() or words[0].lower() in {"the", "a", "an", "its", "his", "her"}


# A role in lower case before a name, as news writes it after an inverted "said".
_ROLE_BEFORE_NAME = re.compile(r"(?:[a-z]+ ){1,3}[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2}$")


def _strip_trailing(text: str) -> str | None:
    """ "..., he said." / "..., according to X." / "..., reports the Wall Street Journal." """
    core = text.rstrip()
    while core and core[-1] in ".!?" + CLOSING_QUOTES:
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
        tail_clean = tail.lstrip(CLOSING_QUOTES + " ,")
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
    if ATTRIBUTING.isdisjoint(_PLAIN_WORD.findall(text.lower(), start, end)):
        return None
    for word in _PLAIN_WORD.finditer(text, start, end):
        if word.group().lower() in ATTRIBUTING:
            return word
    return None


_REPORTING_WORDS = (
    ATTRIBUTING
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
    if not subject_words or subject_words[0] in NOT_A_SUBJECT:
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
    if verb in HEARER_VERBS:
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
    elif verb not in CLAUSE_VERBS:
        return None
    elif rest[:1] == ",":
        return None  # "Smith said, ..." opens a trailing phrase, not the reported clause
    elif _NOT_A_CLAUSE.match(rest):
        return None  # "claimed this in a video": the claim is elsewhere
    rest = rest.strip()
    if len(_words(rest)) < 3:
        return None
    return rest


def strip_quotes(text: str) -> str:
    """No quotation marks: double ones always, single ones when they pair (not apostrophes)."""
    double = _DOUBLE_QUOTES.search(text) is not None
    # Most sentences have no single quotation mark or apostrophe at all: no search for them.
    single = ("'" in text or "\u2018" in text or "\u2019" in text) and (
        _SINGLE_QUOTE_HINT.search(text) is not None
    )
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


def speaker_pronoun(text: str) -> str:
    """The pronoun by which the attribution names its speaker ("she said"), if it does."""
    for match in _PRONOUN_VERB.finditer(text):
        pronoun = (match.group(1) or match.group(4) or "").lower()
        verb = (match.group(2) or match.group(3) or "").lower()
        if verb in ATTRIBUTING:
            return pronoun
    return ""


_PRONOUN_VERB = re.compile(
    r"\b(?:([Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+(?:also\s+|later\s+)?(\w+)|(\w+)\s+(he|she|it|they)\b)"
)


def opens_with_speaker_label(text: str) -> bool:
    """Whether ``text`` opens with a transcript's speaker label ("SMITH: ...")."""
    return _SPEAKER_LABEL.match(text) is not None


def strip_attribution(text: str) -> tuple[str, bool]:
    """The sentence without its speaker label and attribution clauses, and whether it had any."""
    label = _SPEAKER_LABEL.match(text)
    if label:
        text = text[label.end() :]
    if _REPORTING_WORDS.isdisjoint(_PLAIN_WORD.findall(text.lower())):
        return text, bool(label)  # no reporting word: nothing to strip
    body, attributed = _strip_attribution(text)
    return body, attributed or bool(label)
