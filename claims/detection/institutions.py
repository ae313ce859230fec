"""Institutions and places a statement names in full: "the council" as "Harwick City Council".

News names an institution once ("Plains State University") and then by its noun ("the
university"); a city through its council, a country through what only a country has. The short
form stands for the one institution of its kind the article has named; with two that could be
meant (a "Nordvik Bank" and "the Riksbank"), it stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claims.detection.dates import MONTH_NAMES
from claims.detection.gazetteer import any_of

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
_INSTITUTION_NOUN_WORD = any_of(_INSTITUTION_NOUNS.split("|"))
# One word that ends on the noun ("the Riksbank", "the Bundesbank"): an institution of that kind
# all the same, so "the bank" could be it as much as a "Nordvik Bank" named before.
_COMPOUND_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?:" + _INSTITUTION_NOUNS.lower() + r")\b")
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
_COUNTRY_WORD = any_of(_COUNTRY_WORDS)
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
        *MONTH_NAMES,
    ]
)


def names_compound_institution(text: str) -> bool:
    """Whether ``text`` names an institution in one word ending on its noun ("the Riksbank"):
    most articles name none, and one search of the whole article spares one per sentence."""
    return _COMPOUND_NAME.search(text) is not None


def institutions_named(sentence: str, *, compounds: bool = True) -> list[tuple[str, str]]:
    """Each institution or place ``sentence`` names in full, as (what news calls it after, its
    name): ("the council", "Harwick City Council"), ("the city", "Harwick"), ("the university",
    "the University of Halden"), ("the country", "Veldmark"), ("the bank", "the Riksbank"), the
    last only with ``compounds``. The article's own "the" stays
    with a name that takes one. Most sentences name none: cheap searches rule them out."""
    named: list[tuple[str, str]] = []
    has_noun = _INSTITUTION_NOUN_WORD.search(sentence) is not None
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
    for match in _COMPOUND_INSTITUTION.finditer(sentence) if compounds else ():
        name = ("the " if match.group("the") else "") + match.group("name")
        named.append(("the " + match.group("noun"), name))
    owner = "'s " in sentence or "\u2019s " in sentence
    if owner and _COUNTRY_WORD.search(sentence):
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
