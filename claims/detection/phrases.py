"""What a noun phrase of a sentence names, read the way news writes the subjects of speech.

"Stephen Young", "the finance ministry", "a detective", "transit manager Jo Lin", "figures from
the statistics office", "the ministry's figures", "district records": a name chunk, a lower-case
description of a person or an institution, or a record that speaks for its author (the author
when the text names one, else the record itself). ``attribution`` finds the phrase; this module
reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.detection.gazetteer import (
    EVIDENCE_NOUNS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    NAME_CONNECTORS,
    ORGANISATION_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
)
from claims.detection.names import NameChunk, Token, classify_chunk
from claims.detection.sentences import Sentence


def word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list, as the detector's word lists are written."""
    return frozenset(words.split())


ROLE_NOUNS = frozenset(word.lower() for word in ROLE_WORDS if word.isalpha()) | PERSON_NOUNS
# "a report seen by the Gazette": the newspaper read the record, it did not write it.
_READ_BY = word_set("seen obtained reviewed viewed read examined")
DETERMINERS = word_set("the a an The A An this This these These")
_POSSESSIVE_PRONOUNS = {"its": "it", "Its": "it", "their": "they", "Their": "they"}
_OWNER_PREPOSITIONS = frozenset({"by", "from"})
PREPOSITIONS = word_set(
    "by from of for at in on into with about over under near to during since until after before "
    "across through throughout within outside"
)
# Prepositions whose phrase says who a person or institution is ("a spokeswoman for X", "the
# ministry of health", "a researcher at X"); the others only say when or where they spoke ("the
# ministry in January", "the ministry at a briefing"), and are no part of the name.
_DESCRIBING = {"person": word_set("of for at with"), "organization": word_set("of for")}
# Words that end the description of a group walking back from its plural noun: "Last year
# economists warned" is said by "economists".
_RELATIVES = word_set("that which whom")
# Endings of plural nouns for people by what they do: "exporters", "economists", "politicians".
_DOERS = ("ers", "ors", "ists", "ysts", "ians", "ants", "ents")
_NOT_DOERS = word_set("others numbers orders matters letters papers waters powers centers centres")
_NOT_DESCRIBING_A_GROUP = word_set(
    "year years week weeks month months day days today yesterday morning afternoon evening night "
    "time times now then also"
)
_POSSESSIVE_ENDINGS = ("'s", "\u2019s", "s'", "s\u2019")


@dataclass(slots=True)
class Subject:
    """A speech verb's subject as written.

    One of: a name chunk (``words``), a pronoun, a group ("U.S. officials"), a title (``role``),
    or a lower-case description (``head`` is its head noun, ``kind`` person or organization).
    """

    form: str
    words: tuple[str, ...] = ()
    after_the: bool = False
    pronoun: str = ""
    group: bool = False
    role: str = ""
    head: str = ""
    kind: str = ""
    title: str = ""
    # A group described only in common words ("residents", "economists"): the claimant only
    # when nobody more precise speaks in the sentence.
    vague: bool = False


def is_group_noun(word: str) -> bool:
    """A plural noun for people who speak together: "residents", "economists", "exporters".

    Written in lower case, any plural of a doer ("-ers", "-ists", "-ians") is one; capitalised
    it must be a known one, as "Sanders" or "Peters" opening a sentence are surnames.
    """
    lowered = word.lower()
    if lowered in GROUP_NOUNS:
        return True
    if len(lowered) < 4 or not lowered.endswith("s") or lowered.endswith("ss"):
        return False
    singular = lowered[:-3] + "y" if lowered.endswith("ies") else lowered[:-1]
    if singular in PERSON_NOUNS or (lowered.endswith("es") and lowered[:-2] in PERSON_NOUNS):
        return True  # "lawyers", "coaches", "witnesses"
    return (
        word.islower()
        and len(word) > 5
        and word.endswith(_DOERS)
        and word not in EVIDENCE_NOUNS
        and word not in _NOT_DOERS
    )


@dataclass(slots=True)
class SentenceView:
    """One sentence ready for attribution: its tokens, which of them are quoted, its names."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    quoted: list[bool]
    chunks: tuple[NameChunk, ...]
    speech_verbs: list[int] | None = None


def chunk_index(view: SentenceView) -> dict[int, NameChunk]:
    """Token index -> its name chunk; a capitalised common noun opening the sentence
    ("Figures from the ONS show", "Police said") is no name."""
    index = {}
    for chunk in view.chunks:
        if chunk.sentence_initial and len(chunk.words) == 1 and _is_common_noun(chunk.words[0]):
            continue
        for position in range(chunk.first, chunk.last + 1):
            index[position] = chunk
    return index


def _is_common_noun(word: str) -> bool:
    lowered = word.lower()
    return bool(head_kind(lowered)) or is_group_noun(word)


def names_someone(subject: Subject | None) -> bool:
    """A name, or a person or organisation described ("the lab's director"), not a record."""
    return subject is not None and bool(
        subject.words or (subject.head and subject.head not in EVIDENCE_NOUNS)
    )


def read_phrase(
    view: SentenceView, first: int, last: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """What the noun phrase ``tokens[first..last]`` names, reading it as news writes subjects."""
    tokens = view.tokens
    if first > last:
        return None
    word = tokens[first][0]
    if first == last and word in PRONOUNS:
        return Subject(form=word, pronoun=word.lower())
    record = next(
        (
            index
            for index in range(first, last + 1)
            if tokens[index][0].lower() in EVIDENCE_NOUNS
            and index not in in_chunk
            and not (index < last and head_kind(tokens[index + 1][0]))
        ),
        -1,
    )
    if record >= 0:
        return _record_author(view, first, record, last, in_chunk)
    if tokens[first][0].lower() == "people" and first < last and tokens[first + 1][0] == "familiar":
        # "people familiar with the matter": news's standard unnamed but traceable source.
        text = view.sentence.text[tokens[first][1] : tokens[last][2]]
        return Subject(form=text, head="people", kind="person")
    head_at = last
    for index in range(first + 1, last + 1):
        if tokens[index][0] in PREPOSITIONS and not _inside_chunk(index, in_chunk):
            head_at = index - 1  # "a spokeswoman for X": the head is "spokeswoman"
            kind = head_kind(strip_possessive(tokens[head_at][0]))
            if tokens[index][0] not in _DESCRIBING.get(kind, _DESCRIBING["person"]):
                last = head_at  # "the ministry in January" is the ministry
            break
    head = tokens[head_at][0]
    if head_at in in_chunk:
        chunk = in_chunk[head_at]
        described = [
            tokens[i][0].lower()
            for i in range(first, chunk.first)
            if tokens[i][0] not in DETERMINERS
        ]
        subject = chunk_subject(chunk)
        if subject.group:
            return subject
        subject.kind = classify_chunk(chunk.words, after_the=chunk.after_the).kind
        if described and described[-1] in ORGANISATION_NOUNS:
            subject.kind = "organization"  # "the tech news site ByteWatch"
        elif described and described[-1] in ROLE_NOUNS:
            subject.kind = "person"  # "transit manager Jo Lin"
            subject.title = " ".join(described)
        return subject
    lowered = strip_possessive(head).lower()
    kind = head_kind(lowered)
    if is_group_noun(strip_possessive(head)):
        if any(index in in_chunk for index in range(head_at + 1, last + 1)):
            # "Analysts at Nordbank": a group a name qualifies is traced through it.
            text = view.sentence.text[tokens[first][1] : tokens[last][2]]
            if tokens[first][0] in DETERMINERS:
                text = view.sentence.text[tokens[first + 1][1] : tokens[last][2]]
            return Subject(form=text, group=True, kind="organization")
        return _group(view, first, head_at, in_chunk)
    if not kind:
        return None
    for index in range(head_at - 1, first, -1):
        if tokens[index][0] in DETERMINERS:
            first = index  # "Later the minister said": the phrase starts at its article
            break
    start = first + 1 if tokens[first][0] in {"the", "The"} else first
    text = view.sentence.text[tokens[start][1] : tokens[last][2]]
    if text[:1].isupper() and start == 0 and tokens[0][0] in DETERMINERS:
        text = text[0].lower() + text[1:]
    return Subject(
        form=strip_possessive(text),  # "the union's survey found" is the union's word
        head=lowered,
        kind="person" if kind == "person" else "organization",
        after_the=start != first,
    )


def _group(
    view: SentenceView, first: int, head_at: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """ "U.S. officials", "Smaller cloud firms", "Economists": a group speaks as it is described.

    A group a name qualifies ("CDC researchers") can be traced; one described only in common
    words ("residents", "economists") is ``vague``: a sentence that also names a speaker is
    theirs ("Economists, citing Dr Lee, said ...").
    """
    tokens = view.tokens
    modifier = in_chunk.get(head_at - 1)
    if modifier is not None and modifier.first >= first:
        text = view.sentence.text[tokens[modifier.first][1] : tokens[head_at][2]]
        return Subject(form=text, group=True, kind="organization")
    start = head_at
    while (
        start > first
        and head_at - start < 3
        and tokens[start - 1][0].isalpha()
        and tokens[start - 1][0] not in DETERMINERS
        and tokens[start - 1][0].lower() not in _NOT_DESCRIBING_A_GROUP
        and tokens[start - 1][0] not in FUNCTION_WORDS
        and tokens[start - 1][0].lower() not in PREPOSITIONS
    ):
        start -= 1
    if first > 0 and tokens[first - 1][0] in _RELATIVES:
        # "the 95 percent threshold that health officials say is needed": not the speaker of
        # the sentence, only of a clause inside one of its phrases.
        return None
    if any(
        tokens[index][0] not in DETERMINERS
        and tokens[index][0] not in FUNCTION_WORDS
        and tokens[index][0].lower() not in _NOT_DESCRIBING_A_GROUP
        for index in range(first, start)
    ):
        # "above the 5.5 percent economists had forecast": a clause inside another phrase.
        return None
    text = view.sentence.text[tokens[start][1] : tokens[head_at][2]]
    return Subject(form=text, group=True, kind="organization", vague=True)


def _record_author(
    view: SentenceView, first: int, record: int, last: int, in_chunk: dict[int, NameChunk]
) -> Subject | None:
    """Who speaks through a record: "figures from X", "X's report", "NOAA data", else the
    record itself ("district records", "a committee staff report")."""
    tokens = view.tokens
    # "figures from the statistics office", "a poll released Tuesday by X": the author.
    for index in range(record + 1, last):
        if tokens[index][0] in _OWNER_PREPOSITIONS and tokens[index - 1][0] not in _READ_BY:
            owner = read_phrase(view, index + 1, last, in_chunk)
            if owner is not None and (owner.words or owner.head or owner.pronoun):
                if owner.words and owner.kind == "unknown":
                    # "Polling by YouGov": who publishes a poll or figures under one name is
                    # an institution; a person would be named in full.
                    owner.kind = "organization"
                return owner
            break
    # "the ministry's figures", "Chatterly's transparency report": the owner of the record.
    for index in range(record - 1, first - 1, -1):
        word = tokens[index][0]
        if word in _POSSESSIVE_PRONOUNS:
            pronoun = _POSSESSIVE_PRONOUNS[word]
            opening = in_chunk.get(0)
            if pronoun == "it" and opening is not None and _opens_main_clause(view, opening):
                # "SkyVale cancelled 14 flights, its website showed": SkyVale's, if the article
                # knows SkyVale as an organisation.
                return Subject(form=pronoun, pronoun=pronoun, words=opening.words)
            return Subject(form=pronoun, pronoun=pronoun)
        if word.endswith(_POSSESSIVE_ENDINGS):
            owner = read_phrase(view, first, index, in_chunk)
            if owner is not None and owner.kind != "evidence":
                return owner
            break
    if record - 1 >= first and record - 1 in in_chunk:
        chunk = in_chunk[record - 1]
        if chunk.first >= first and classify_chunk(chunk.words).kind in {"organization", "unknown"}:
            return chunk_subject(chunk)  # "NOAA data show", "ONS figures showed"
    start = first + 1 if tokens[first][0] in {"the", "The"} else first
    text = view.sentence.text[tokens[start][1] : tokens[record][2]]
    if start == 0 and text[:1].isupper() and tokens[0][0] in DETERMINERS:
        text = text[0].lower() + text[1:]
    return Subject(form=text, head=tokens[record][0].lower(), kind="organization")


def _opens_main_clause(view: SentenceView, chunk: NameChunk) -> bool:
    """Whether the sentence opens with an institution that is the subject of its first verb."""
    following = chunk.last + 1
    return (
        following < len(view.tokens)
        and view.tokens[following][0].islower()
        and view.tokens[following][0] not in PREPOSITIONS
        and classify_chunk(chunk.words, after_the=chunk.after_the).kind
        in {"organization", "unknown"}
        and len(chunk.words) <= 2
    )


def head_kind(word: str) -> str:
    lowered = word.lower()
    if lowered in ROLE_NOUNS:
        return "person"
    if lowered in ORGANISATION_NOUNS:
        return "organization"
    if lowered in EVIDENCE_NOUNS:
        return "evidence"
    return ""


def _inside_chunk(index: int, in_chunk: dict[int, NameChunk]) -> bool:
    chunk = in_chunk.get(index)
    return chunk is not None and chunk.first < index < chunk.last


def strip_possessive(word: str) -> str:
    if word[-1:] not in _POSSESSIVE_LAST:
        return word  # most words: one test instead of four
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


_POSSESSIVE_LAST = frozenset("s'\u2019")


def chunk_subject(chunk: NameChunk) -> Subject:
    if is_group_noun(chunk.words[0]):
        if len(chunk.words) == 1:
            # "“...,” Experts said": a group in common words, capitalised by its position.
            return Subject(form=chunk.text, group=True, kind="organization", vague=True)
        if chunk.sentence_initial and chunk.words[1] in NAME_CONNECTORS:
            # "Residents of Gaza City said": the residents, not the place.
            return Subject(form=chunk.text, group=True, kind="organization")
    return Subject(form=chunk.text, words=chunk.words, after_the=chunk.after_the)
