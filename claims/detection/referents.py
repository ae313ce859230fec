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
from collections.abc import Mapping, Sequence

from claims.detection.claimants import ClaimantMention
from claims.detection.gazetteer import HONORIFICS

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
    for run in _CAPITALISED_RUN.finditer(text):
        words = run.group().split(" ")
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
COMPANY_NAME = re.compile(
    r"(?<![A-Z][\w-] )(?<![\w-])([A-Z][a-z]+(?:[A-Z][a-z]+)?) (?:Airways|Airlines|Telecom|Energy|"
    r"Power|Foods|Pharmaceuticals|Pharma|Therapeutics|Robotics|Ventures|Markets|Ratings|Brands|"
    r"Mining|Resources|Logistics|Software|Solutions|Insurance|Securities|Investments|Utilities|"
    r"Railways|Shipping|Steel|Chemicals|Petroleum|Biotech|Analytics|Systems|Technologies|"
    r"Industries|Motors|Holdings|Ferries|Launch Systems)\b(?! [A-Z])"
)


# A place, not a person, follows these words ("in Lindby", "from Ostravia").
_PLACE_BEFORE = frozenset(
    ["in", "of", "from", "to", "across", "at", "into", "near", "outside", "throughout"]
)


_AFTER_PLACE_WORD = re.compile(r"(?<!\S)(" + "|".join(sorted(_PLACE_BEFORE)) + r") ([^\W_]+)")


def used_as_place(name: str, text: str) -> bool:
    """Whether the article puts ``name`` (one word) right after "in", "from", "near"...."""
    return name in _words_after_place_words(text)


@functools.lru_cache(maxsize=4)
def _words_after_place_words(text: str) -> frozenset[str]:
    return frozenset(match.group(2) for match in _AFTER_PLACE_WORD.finditer(text))


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
    it names when they hold a company role ("chief executive")."""
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
    replacements, pattern = _name_replacements(tuple(known))
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
) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """Each short form of a name the article uses, with the full name it stands for."""
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
    if not replacements:
        return replacements, None
    names = sorted(replacements, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(name) for name in names) + r")(?![\w-])",
        re.IGNORECASE,
    )
    return replacements, pattern


# Words after "the council" that are its verb or open what follows, not a noun it modifies.
_VERB_AFTER_NAME = frozenset(
    [
        "will",
        "would",
        "can",
        "could",
        "must",
        "may",
        "might",
        "should",
        "shall",
        "had",
        "did",
        "paid",
        "cut",
        "set",
        "put",
        "hit",
        "spent",
        "sold",
        "lost",
        "won",
        "made",
        "kept",
        "held",
        "met",
        "led",
        "took",
        "gave",
        "saw",
        "also",
        "still",
        "now",
        "already",
        "never",
        "once",
        "only",
        "since",
        "in",
        "on",
        "at",
        "for",
        "from",
        "with",
        "to",
        "by",
        "and",
        "or",
        "but",
        "after",
        "before",
        "over",
        "under",
        "about",
        "as",
        "than",
        "that",
        "which",
        "who",
        "whose",
        "when",
        "where",
        "while",
        "if",
        "because",
        "last",
        "this",
        "into",
        "of",
        "per",
    ]
)


def _modifies(body: str, match: re.Match[str]) -> bool:
    """Whether the description is a modifier of the noun after it ("the county commission")."""
    after = body[match.end() : match.end() + 30].split(None, 1)
    if not after or body[match.end() : match.end() + 1] != " ":
        return False
    word = after[0]
    return (
        word.isalpha()
        and word.islower()
        and not word.endswith(("ed", "s"))
        and word not in _VERB_AFTER_NAME
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


# The words that end an institution's name and stand for it alone once it is named ("Plains
# State University" ... "the university"). A place's own noun ("the city") is handled apart.
_INSTITUTION_NOUNS = (
    "Council|University|District|Department|County|Committee|Commission|Authority|Agency|"
    "Ministry|Bank|Trust|Association|Union|Party|Institute|Hospital|Court|Board|Federation|"
    "Alliance|Foundation|Programme|Program|Observatory|College|Society|Regulator|Force"
)
_NAME_WORD = r"[A-Z][\w'\u2019&.-]*"
# "Harwick City Council", "the Fenwick Unified School District", "the National Bank of Serevia".
_INSTITUTION = re.compile(
    r"(?P<the>\b[Tt]he )?(?P<name>(?:"
    + _NAME_WORD
    + r" ){0,2}(?P<noun_of>"
    + _INSTITUTION_NOUNS
    + r") of (?:the )?"
    + _NAME_WORD
    + r"(?: "
    + _NAME_WORD
    + r"){0,2}|(?:"
    + _NAME_WORD
    + r" ){1,5}(?P<noun>"
    + _INSTITUTION_NOUNS
    + r")\b(?! [A-Z]))(?![\w-])"
)
_INSTITUTION_NOUN_WORDS = tuple(_INSTITUTION_NOUNS.split("|"))
# One word that ends on the noun ("the Riksbank", "the Bundesbank"): an institution of that kind
# all the same, so "the bank" could be it as much as a "Nordvik Bank" named before.
_COMPOUND_INSTITUTION = re.compile(
    r"(?P<the>\b[Tt]he )?\b(?P<name>[A-Z][a-z]{2,}(?P<noun>" + _INSTITUTION_NOUNS.lower() + r"))\b"
)
# A city named through its council or as "the city of X".
_CITY = re.compile(
    r"\b(?P<city>(?:" + _NAME_WORD + r" )?" + _NAME_WORD + r") City (?:Council|Hall)\b"
    r"|\b[Tt]he city of (?P<city_of>" + _NAME_WORD + r"(?: " + _NAME_WORD + r")?)"
)
# A country named through what only a country has ("Veldmark's prime minister").
_COUNTRY_WORDS = [
    "government",
    "prime minister",
    "president",
    "parliament",
    "economy",
    "population",
    "central bank",
    "finance minister",
    "capital",
    "armed forces",
    "constitution",
]
_COUNTRY = re.compile(
    r"\b(?P<country>[A-Z][a-z]+)['\u2019]s (?:" + "|".join(_COUNTRY_WORDS) + r")\b"
)
# Capitalised words that open a sentence or a date before a name, not part of it.
_SENTENCE_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "But",
        "And",
        "Yesterday",
        "Today",
        "Last",
        "This",
        "Since",
        "After",
        "Before",
        "When",
        "While",
        "Meanwhile",
        "However",
        "Also",
        "Separately",
        "Earlier",
        "Later",
        "Under",
        "With",
        "From",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
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
)


def institutions_named(sentence: str) -> list[tuple[str, str]]:
    """Each institution or place ``sentence`` names in full, as (what news calls it after, its
    name): ("the council", "Harwick City Council"), ("the city", "Harwick"), ("the university",
    "the University of Halden"), ("the country", "Veldmark"). The article's own "the" stays
    with a name that takes one. Most sentences name none: cheap searches rule them out."""
    named: list[tuple[str, str]] = []
    has_noun = any(noun in sentence for noun in _INSTITUTION_NOUN_WORDS)
    for match in _INSTITUTION.finditer(sentence) if has_noun else ():
        words = match.group("name").split()
        the = bool(match.group("the"))
        while words and words[0] in _SENTENCE_WORDS:
            the = words.pop(0) == "The"  # "In Brannock County": the sentence's word
        noun = match.group("noun") or match.group("noun_of")
        if len(words) < 2 or words[0] in {"A", "An"}:
            continue
        # A name built on "of" takes its article ("the University of Halden").
        the = the or bool(match.group("noun_of"))
        name = ("the " if the else "") + " ".join(words)
        named.append(("the " + noun.lower(), name))
    for match in _COMPOUND_INSTITUTION.finditer(sentence):
        name = ("the " if match.group("the") else "") + match.group("name")
        named.append(("the " + match.group("noun"), name))
    owner = "'s " in sentence or "\u2019s " in sentence
    if owner and any(word in sentence for word in _COUNTRY_WORDS):
        named.extend(
            ("the country", match.group("country")) for match in _COUNTRY.finditer(sentence)
        )
    for match in _CITY.finditer(sentence) if "ity " in sentence else ():
        city = match.group("city") or match.group("city_of")
        words = city.split()
        while words and words[0] in _SENTENCE_WORDS:
            words.pop(0)
        if words:
            named.append(("the city", " ".join(words)))
    return named


def institutions_in_full(body: str, institutions: Mapping[str, str]) -> str:
    """Each short form in ``body`` of an institution the article named ("the council") as its
    name ("Harwick City Council"); ``institutions`` maps the short forms to the names."""
    lower = body.lower()
    for alias, name in institutions.items():
        if alias not in lower or name.removeprefix("the ") in body:
            continue
        match = re.search(r"(?<![\w.])" + re.escape(alias) + r"(?![\w-])", body, re.IGNORECASE)
        if match is None:
            continue
        if not name.startswith("the ") and _modifies(body, match):
            name = match.group()[:4] + name  # "the county commission race" keeps its "the"
        body = body[: match.start()] + name + body[match.end() :]
        lower = body.lower()
    return body
