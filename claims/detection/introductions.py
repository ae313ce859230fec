"""How a sentence introduces the names it mentions, read from its tokens alone.

"Veltrix Cloud, the Amsterdam-based data-center operator," and "Meridian Offshore is a U.S.-based
developer" introduce institutions; "the World Health Organization (WHO)" gives an acronym;
"Kestrel Foods cut 300 jobs" opens with its subject; "Kask said his ministry ..." tells a
speaker's gender. ``speaker_registry`` uses these to know who the article is talking about.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.detection.attribution import SentenceView
from claims.detection.gazetteer import ORGANISATION_NOUNS, PERSON_NOUNS, SPEECH_VERBS
from claims.detection.names import NameChunk, Token, classify_chunk
from claims.detection.phrases import DETERMINERS, PREPOSITIONS

# How many words a description after a name may take before its head noun ("the Amsterdam-based
# data-center operator").
DESCRIPTION_REACH = 7
# What links a name to the description that says what it is: "Veltrix Cloud, the operator".
DESCRIPTION_LINKS = frozenset({",", "is", "was"})
_MALE_PRONOUNS = frozenset({"he", "his", "him", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})


def as_written(chunk: NameChunk, name: str) -> str:
    """The name as the text gives it ("Hestrian Farmers' Union"), when it is the whole chunk."""
    return chunk.text if name == " ".join(chunk.words) else name


def gender_of_pronouns(view: SentenceView) -> str:
    """ "Kask said his ministry ...": the gender of the pronouns a named speaker's sentence
    uses, when they are all of one gender and the speaker is the only person it names ("Ramsey,
    who is challenging Mayor Castellano, said crime doubled since she took office")."""
    words = {word.lower() for word, _, _ in view.tokens}
    male, female = bool(words & _MALE_PRONOUNS), bool(words & _FEMALE_PRONOUNS)
    if male == female:
        return ""
    people = sum(classify_chunk(chunk.words).kind == "person" for chunk in view.chunks)
    if people > 1:
        return ""
    return "m" if male else "f"


def opens_with(tokens: Sequence[Token], chunk: NameChunk) -> bool:
    """Whether the sentence opens with ``chunk`` as the subject of its verb: "Kestrel Foods cut
    300 jobs", "The Ministry of Energy, which ..., published"."""
    if chunk.first == 1 and tokens[0][0] != "The":
        return False
    following = chunk.last + 1
    return following < len(tokens) and (
        tokens[following][0] == ","
        or (tokens[following][0].islower() and tokens[following][0] not in PREPOSITIONS)
    )


def described_as_organisation(tokens: Sequence[Token], last: int) -> tuple[str, ...]:
    """The words of ", the/a ... <institution noun>" or "is a ... <institution noun>" after the
    name ending at ``last`` ("Veltrix Cloud, the Amsterdam-based data-center operator"), so that
    "the operator" names it later; () when no such description follows."""
    at = last + 1
    if at + 1 < len(tokens) and tokens[at][0] in DESCRIPTION_LINKS:
        at += 1
    else:
        return ()
    if tokens[at][0] not in DETERMINERS:
        return ()
    end = min(len(tokens), at + DESCRIPTION_REACH)
    index = at + 1
    while index < end:
        word = tokens[index][0]
        if not word[:1].isalpha() or word in PREPOSITIONS or word in {"that", "which", "who"}:
            break
        index += 1
    else:
        if end < len(tokens):
            return ()  # no head within reach: not a short description
    head = tokens[index - 1][0].lower()
    if head not in ORGANISATION_NOUNS or head in PERSON_NOUNS:
        return ()
    return tuple(word.lower() for word, _, _ in tokens[at + 1 : index])


def acronym_follows(tokens: Sequence[Token], last: int) -> bool:
    """ "World Health Organization (WHO)": a bracketed word right after the name."""
    return last + 3 < len(tokens) and tokens[last + 1][0] == "(" and tokens[last + 3][0] == ")"


# Nouns news puts right before a business's name to say what it is ("Telecoms provider
# Brightwave", "social media platform Chatterly", "pollster YouGov").
_BUSINESS_NOUNS = ORGANISATION_NOUNS | frozenset({"provider", "pollster", "supplier", "owner"})
# How far after the verb a name's own "its" may stand: "Severn Vale Water raised its bills".
_ITS_REACH = 4


def described_before(tokens: Sequence[Token], first: int) -> bool:
    """Whether a lower-case institution noun stands right before the name: "Telecoms provider
    Brightwave", "the ratings agency Moody's"."""
    if first == 0:
        return False
    word = tokens[first - 1][0]
    return word.islower() and word in _BUSINESS_NOUNS and word not in PERSON_NOUNS


def calls_itself_it(tokens: Sequence[Token], chunk: NameChunk) -> bool:
    """Whether the name opening a sentence is the "its" of its own verb phrase: "Severn Vale
    Water raised its bills" (news calls no person "it"); not "Jo Lin said its bills rose"."""
    verb = chunk.last + 1
    if chunk.first != 0 or verb >= len(tokens) or tokens[verb][0] in SPEECH_VERBS:
        return False
    following = [word for word, _, _ in tokens[verb + 1 : verb + 1 + _ITS_REACH]]
    if "its" not in following:
        return False  # most sentences: no need to lower-case every word
    words = {word.lower() for word, _, _ in tokens}
    return not words & (_MALE_PRONOUNS | _FEMALE_PRONOUNS)
