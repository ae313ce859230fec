"""Who and what the words of a statement stand for, by the names the article gave them.

News names a person in full once and then by surname ("Whitfield"), a company in full once and
then by its own name ("Northwind shares"), an organisation then by a description ("the
agency", "the company"); a speaker says "we", "our" and "my" for themselves or those they speak
for. A standalone statement names each in full, from what the article said before (never after).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence

from claims.detection.claimants import ClaimantMention
from claims.detection.gazetteer import HONORIFICS, any_of

_HONORIFIC_WORDS = frozenset(word.rstrip(".") for word in HONORIFICS)


def people_by_surname(people: frozenset[str], text: str) -> list[str]:
    """The full names whose last word stands for that person alone in ``text``.

    A first and last name only; not a surname two names share, nor a word the article also
    uses as a place ("in Lindby").
    """
    full = persons_among(people, text)
    surnames = Counter(name.split()[-1] for name in full)
    return sorted(name for name in full if surnames[name.split()[-1]] == 1)


@functools.lru_cache(maxsize=4)
def persons_among(names: frozenset[str], text: str) -> frozenset[str]:
    """The two-word ``names`` that may be people: not a company ("Northwind Energy"), not a
    surname the article uses as a place ("in Lindby"), not only part of a longer name ("Little
    Lanterns" of "the Little Lanterns Trust"). One reading of the text for all of them."""
    two_words = frozenset(name for name in names if len(name.split()) == 2)
    used: set[str] = set()
    ending: set[str] = set()
    for run in _CAPITALISED_RUN.findall(text):
        if " " not in run:
            continue  # one capitalised word: no pair
        words = run.split(" ")
        for first in range(len(words) - 1):
            pair = f"{words[first]} {words[first + 1]}"
            if pair in two_words:
                used.add(pair)
                if first + 2 == len(words):
                    ending.add(pair)
    return frozenset(
        name
        for name in two_words
        if not COMPANY_NAME.fullmatch(name)
        and not used_as_place(name.split()[-1], text)
        and not (name in used and name not in ending)
    )


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)*")


# A company named in full by its own name and its trade ("Northwind Energy"), then by its own
# name alone ("Northwind shares fell"): the statement gives the full name.
_TRADES = (
    "Airways|Airlines|Telecom|Energy|Power|Foods|Pharmaceuticals|Pharma|Therapeutics|Robotics|"
    "Ventures|Markets|Ratings|Brands|Mining|Resources|Logistics|Software|Solutions|Insurance|"
    "Securities|Investments|Utilities|Railways|Shipping|Steel|Chemicals|Petroleum|Biotech|"
    "Analytics|Systems|Technologies|Industries|Motors|Holdings|Ferries|Launch Systems"
)
COMPANY_NAME = re.compile(
    r"(?=[A-Z])(?<![\w-])(?<![A-Z][\w-] )([A-Z][a-z]+(?:[A-Z][a-z]+)?) (?:"
    + _TRADES
    + r")\b(?! [A-Z])"
)
# Whether a text may name a company so: most sentences have none of the trades.
NAMES_A_TRADE = any_of(f" {trade}" for trade in _TRADES.split("|"))


# A place, not a person, follows these words ("in Lindby", "from Ostravia").
_PLACE_BEFORE = frozenset(
    ["in", "of", "from", "to", "across", "at", "into", "near", "outside", "throughout"]
)


_AFTER_PLACE_WORD = re.compile(r"(?<!\S)(?:" + "|".join(sorted(_PLACE_BEFORE)) + r") ([^\W_]+)")


def used_as_place(name: str, text: str) -> bool:
    """Whether the article puts ``name`` (one word) right after "in", "from", "near"...."""
    return name in _words_after_place_words(text)


@functools.lru_cache(maxsize=4)
def _words_after_place_words(text: str) -> frozenset[str]:
    return frozenset(_AFTER_PLACE_WORD.findall(text))


# Roles through which a person speaks for their company ("We lost 180,000 customers").
_COMPANY_ROLE = re.compile(
    r"\b(?:chief executive|ceo|chairman|chairwoman|chair|president|founder|managing director|"
    r"spokesman|spokeswoman|spokesperson|chief financial officer)\b",
    re.IGNORECASE,
)
_SPOKESPERSON_FOR = re.compile(
    r"\bspokes(?:man|woman|person) (?:for|of) ((?:the )?[A-Z][\w&'\u2019-]*(?: [A-Z][\w&'\u2019-]*)*)"
)
_OWNER_IN_ROLE = re.compile(r"^(?:the )?([A-Z][\w&-]*(?: [A-Z][\w&-]*)*)['\u2019]s? [a-z]")
# Past tenses that stay right after an organisation's name ("We lost" -> "Kestrel Foods lost").
_PAST_FORMS = frozenset(
    ["lost", "found", "saw", "cut", "spent", "made", "paid", "sold", "won", "grew", "rose", "fell"]
)
_WE_VERB = {"have": "has", "are": "is", "were": "was", "'ve": " has", "\u2019ve": " has"}


def speakers_organisation(
    body: str, *, claimant: ClaimantMention, known: Sequence[ClaimantMention]
) -> str:
    """A speaker's opening "We" or "Our" as the organisation they speak for, when the article
    says which: named in their role ("Chatterly's head of trust and safety"), or the one company
    it names when they hold a company role ("chief executive"). Their "our" later in the
    sentence is then the organisation's "its" ("in our 62-year history")."""
    named = _opening_organisation(body, claimant=claimant, known=known)
    if named != body and " our " in named:
        return _LATER_OUR.sub("its", named)
    return named


_LATER_OUR = re.compile(r"(?<=\s)our\b")


def _opening_organisation(
    body: str, *, claimant: ClaimantMention, known: Sequence[ClaimantMention]
) -> str:
    match = re.match(r"(We|Our|Its)\b(?:('ve|\u2019ve)|\s+(\w+))?", body[:1].upper() + body[1:])
    if match is None:
        return body
    organisation: str | None = None
    for alias in claimant.aliases:
        owner = _OWNER_IN_ROLE.match(alias) or _SPOKESPERSON_FOR.search(alias)
        if owner and owner.group(1) != claimant.name:
            organisation = owner.group(1)
            break
    if match.group(1) == "Its":
        # A spokesperson's "its" is the organisation they speak for, and nothing else's.
        spokesperson = any(_SPOKESPERSON_FOR.search(alias) for alias in claimant.aliases)
        if organisation is None or not spokesperson:
            return body
        return possessive(organisation) + body[len("Its") :]
    if organisation is None and any(_COMPANY_ROLE.search(alias) for alias in claimant.aliases):
        companies = [mention.name for mention in known if "the company" in mention.aliases]
        organisation = companies[0] if len(companies) == 1 else None
    if organisation is None and match.group(1) == "We":
        # A minister's "we" is the government, a council leader's the council.
        for alias in claimant.aliases:
            if re.search(r"\bminister\b", alias, re.IGNORECASE):
                organisation = "the government"
            elif re.search(r"\bcouncil leader\b", alias, re.IGNORECASE):
                organisation = "the council"
    if organisation is None:
        return body
    if match.group(1) == "Our":
        return possessive(organisation) + body[len("Our") :]
    verb = match.group(2) or match.group(3) or ""
    if match.group(2):
        return organisation + " has" + body[match.end() :]
    if verb in _WE_VERB:
        return organisation + " " + _WE_VERB[verb] + body[match.end() :]
    agrees = verb.endswith("ed") or verb in FIRST_PERSON_VERBS or verb in _PAST_FORMS
    if verb and not agrees:
        if not re.fullmatch(r"[a-z]{2,}", verb) or verb.endswith("s") or verb in _NOT_VERBS:
            return body  # "We all ...": not a verb the organisation can take
        return organisation + " " + _third_person(verb) + body[match.end() :]
    return organisation + body[len("We") :]


# Words after "We" that are not its verb.
_NOT_VERBS = frozenset(["all", "both", "each", "now", "already", "also", "still", "never", "just"])


def _third_person(verb: str) -> str:
    """ "spend" -> "spends", "carry" -> "carries", "push" -> "pushes"."""
    if verb.endswith(("sh", "ch", "x", "o", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


_MY = re.compile(r"(?<=\s)my\b")


def speakers_my(body: str, *, claimant: ClaimantMention) -> str:
    """The speaker's own "my" in their quotation: "on my ward" -> "on Ola Dahl's ward"."""
    return _MY.sub(possessive(title_free(claimant.name)), body)


# Verbs after "I" that stay right after a name ("I was" -> "Smith was"; "am" and "have" change).
FIRST_PERSON_VERBS = frozenset(
    [
        "am",
        "have",
        "was",
        "had",
        "did",
        "will",
        "would",
        "could",
        "can",
        "should",
        "may",
        "might",
        "must",
    ]
)


def full_names(body: str, *, known: Sequence[ClaimantMention]) -> str:
    """A person by the full name the article gave them, an organisation by its name.

    News names a person in full once, then by surname ("Whitfield"), and an organisation once,
    then by a description ("the agency"); a standalone statement needs the full name.
    """
    replacements, names = _name_replacements(tuple(known))
    pattern = _names_pattern(_names_in(body, names))
    if pattern is None:
        return body
    done: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        found = match.group()
        full = replacements.get(found) or replacements.get(found.lower())
        if not full or (" " not in found and _inside_longer_name(body, match.start(), match.end())):
            return found
        full = title_free(full)
        if full in done or full in body:
            return found
        done.add(full)
        return full

    body = pattern.sub(replace, body)
    for full in done:
        if full.endswith("s"):
            body = body.replace(full + "'s", full + "'")  # "Astren Launch Systems' third launch"
    return body


@functools.lru_cache(maxsize=64)
def _name_replacements(
    known: tuple[ClaimantMention, ...],
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Each short form of a name the article uses, with the full name it stands for; and the
    short forms, longest first."""
    replacements: dict[str, str] = {}
    for mention in known:
        for alias in mention.aliases:
            if alias == mention.name or len(alias) <= 3:
                continue
            if mention.kind == "organization" and alias.lower().startswith("the "):
                replacements.setdefault(alias.lower(), mention.name)
            elif (
                " " not in alias
                and alias[:1].isupper()
                and (mention.kind == "person" or mention.name.startswith(alias + " "))
            ):
                # A person's surname; an organisation's own name without its trade.
                replacements.setdefault(alias, mention.name)
    return replacements, tuple(sorted(replacements, key=len, reverse=True))


def _names_in(body: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The ``names`` that ``body`` may hold, in their order: most statements hold none, and a
    pattern of the few there are is quick to build (one of all a long article's names is not).
    Beyond ASCII, case-blind matching reaches further than ``str.lower``: all are kept."""
    if not body.isascii():
        return names
    lowered = body.lower()
    return tuple(name for name in names if not name.isascii() or name.lower() in lowered)


@functools.lru_cache(maxsize=256)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    if not names:
        return None
    return re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])",
        re.IGNORECASE,
    )


def _inside_longer_name(body: str, start: int, end: int) -> bool:
    """ "Lindqvist Park", "Port Lindqvist": the name is part of another one."""
    after = body[end:].split(None, 1)
    before = body[:start].split()
    return bool(
        (after and after[0][:1].isupper() and body[end : end + 1] == " ")
        or (before and before[-1][:1].isupper() and before[-1].lower() != "the")
    )


def title_free(name: str) -> str:
    """ "Ms Joanne Pettit" -> "Joanne Pettit": a title is not part of the name."""
    words = name.split()
    while len(words) > 2 and (words[0].rstrip(".") in _HONORIFIC_WORDS or words[0].islower()):
        words.pop(0)
    return " ".join(words)


def possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")
