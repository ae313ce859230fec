"""The words of news reporting: the verbs that attribute a claim and the words that do not
open the subject of an attribution. Read by ``reported_speech``."""

from __future__ import annotations

from claims.detection.gazetteer import SPEECH_VERBS

# Verbs through which data, rather than a person, is the source ("ONS figures show").
SOURCE_VERBS = frozenset({"show", "shows", "showed", "found", "finds", "suggest"})


# Speech verbs that take a clause, beyond those attribution already knows.
MORE_SPEECH_VERBS = frozenset(
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
        # A court report's source: "..., the court heard."
        "heard",
    ]
)


ATTRIBUTING = SPEECH_VERBS | SOURCE_VERBS | MORE_SPEECH_VERBS


# Verbs whose object is the reported clause itself, with or without "that" ("said the city
# issued ..."). Others take a noun object ("reported a loss") and attribute only with "that".
CLAUSE_VERBS = frozenset(
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
HEARER_VERBS = frozenset({"told", "tells", "informed", "assured", "reminded", "asked"})


# Words that cannot open the subject of a trailing attribution: the segment belongs to the claim.
NOT_A_SUBJECT = frozenset(
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
