"""The grammar of attribution: who a sentence says is speaking.

Given one sentence, find the subject of its first speech verb outside quotation marks: the
name before the verb ("Lavrov said", "Stephen Young, a senior adviser, told"), the name after
it ("..., said Lavrov", "according to the CDC"), a pronoun ("he said"), a group qualified by a
proper name ("U.S. officials said") or a role ("the minister said"). Resolving that subject to
a person or organisation of the article is the job of ``claimants``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from claims.detection.gazetteer import (
    GROUP_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
)
from claims.detection.names import NameChunk, Token
from claims.detection.sentences import Sentence

_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose", "one", "former"})
_APPOSITIVE_REACH = 30
_ROLE_NOUNS = frozenset(word.lower() for word in ROLE_WORDS if word.isalpha())
_INVERTING_VERBS = frozenset({"said", "says", "told", "added", "wrote", "asked", "explained"})


@dataclass(slots=True)
class Subject:
    """A speech verb's subject as written: a name chunk, a pronoun, a group, or a title."""

    form: str
    words: tuple[str, ...] = ()
    after_the: bool = False
    pronoun: str = ""
    group: bool = False
    role: str = ""


UNNAMED_GROUP = Subject(form="")


@dataclass(slots=True)
class SentenceView:
    """One sentence ready for attribution: its tokens, which of them are quoted, its names."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    quoted: list[bool]
    chunks: tuple[NameChunk, ...]
    speech_verbs: list[int] | None = None


def find_subject(view: SentenceView) -> Subject | None:
    """The subject of the first speech verb outside quotation marks that has one."""
    tokens = [t for t, quoted in zip(view.tokens, view.quoted, strict=True) if not quoted]
    plain = [i for i, quoted in enumerate(view.quoted) if not quoted]
    chunk_ending = {chunk.last: chunk for chunk in view.chunks}
    chunk_starting = {chunk.first: chunk for chunk in view.chunks}
    for position, token in enumerate(tokens):
        word = token[0]
        if (
            word in {"according", "According"}
            and position + 1 < len(tokens)
            and tokens[position + 1][0] == "to"
        ):
            subject = _subject_after(view, plain, position + 2, chunk_starting)
        elif word in SPEECH_VERBS:
            subject = _subject_before(view, plain, position, chunk_ending)
            if subject is None and word in _INVERTING_VERBS and _opens_clause(tokens, position):
                subject = _subject_after(view, plain, position + 1, chunk_starting)
        else:
            continue
        if subject is UNNAMED_GROUP:
            return None
        if subject is not None:
            return subject
    return None


def _opens_clause(tokens: Sequence[Token], position: int) -> bool:
    """ "said Smith" inverts only after a quote or at the start: ", said Smith", "Said Smith"."""
    return position == 0 or tokens[position - 1][0] in {",", ":", ";", "\u2014", "\u2013"}


def _subject_before(
    view: SentenceView, plain: list[int], position: int, chunk_ending: dict[int, NameChunk]
) -> Subject | None:
    tokens = view.tokens
    cursor = position - 1
    while cursor >= 0 and tokens[plain[cursor]][0].lower() in SUBJECT_VERB_FILLERS:
        cursor -= 1
    if cursor < 0:
        return None
    index = plain[cursor]
    word = tokens[index][0]
    if word == ")" and index >= 3 and tokens[index - 2][0] == "(":
        index -= 3  # "the World Health Organization (WHO) said": the name before the brackets
        word = tokens[index][0]
    if word in PRONOUNS:
        return Subject(form=word, pronoun=word.lower())
    if index in chunk_ending:
        return _chunk_subject(chunk_ending[index])
    lowered = word.lower()
    if lowered in GROUP_NOUNS:
        modifier = chunk_ending.get(index - 1)
        if modifier is None:
            return UNNAMED_GROUP
        text = view.sentence.text[tokens[modifier.first][1] : tokens[index][2]]
        return Subject(form=text, group=True)
    if lowered in _ROLE_NOUNS and index > 0 and tokens[index - 1][0].lower() == "the":
        return Subject(form=word, role=lowered)
    if word == ",":
        return _appositive_subject(view, index, chunk_ending)
    return None


def _appositive_subject(
    view: SentenceView, comma: int, chunk_ending: dict[int, NameChunk]
) -> Subject | None:
    """ "Stephen Young, a senior representative for ..., told": the name before the appositive."""
    tokens = view.tokens
    for index in range(comma - 1, max(0, comma - _APPOSITIVE_REACH), -1):
        if tokens[index][0] != ",":
            continue
        if tokens[index + 1][0].lower() in _APPOSITIVE_OPENERS and index - 1 in chunk_ending:
            return _chunk_subject(chunk_ending[index - 1])
        return None
    return None


def _subject_after(
    view: SentenceView, plain: list[int], position: int, chunk_starting: dict[int, NameChunk]
) -> Subject | None:
    if position >= len(plain):
        return None
    index = plain[position]
    word = view.tokens[index][0]
    if word in {"the", "The"} and position + 1 < len(plain):
        index = plain[position + 1]
        word = view.tokens[index][0]
        if word.lower() in _ROLE_NOUNS:
            return Subject(form=word, role=word.lower())
    if index in chunk_starting:
        return _chunk_subject(chunk_starting[index])
    return None


def _chunk_subject(chunk: NameChunk) -> Subject:
    if len(chunk.words) == 1 and chunk.words[0].lower() in GROUP_NOUNS:
        return UNNAMED_GROUP  # "Experts said": an unnamed group is no traceable claimant
    return Subject(form=chunk.text, words=chunk.words, after_the=chunk.after_the)
