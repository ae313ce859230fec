"""Who makes each claim of an article.

A sentence is attributed to the subject of its speech verb ("X said", "said X", "according to
X", "X told Y that", "X, a senior adviser, warned"), found in the part of the sentence outside
quotation marks. Sentences inside a quotation inherit the speaker named right after the quote
closes (", he said") or right before it opens ("X said: ..."). "He"/"she" resolve to the last
person who spoke, "it" to the last organisation and "they" to the last group or organisation.

Within one article, every way of naming the same speaker ("Sergey Lavrov", "Lavrov", "the Russian
Foreign Minister") is one ClaimantMention whose name is the longest full name.

Unnamed, unqualified groups ("Experts said", "Officials said") give no claimant: a fact-checker
cannot trace or rate them, so the claim is treated like one the article makes itself. A group
qualified by a proper name ("U.S. officials", "CDC researchers") is an organisation claimant.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from claims.detection.layout import CANDIDATE_MAX_CHARS
from claims.detection.gazetteer import (
    GROUP_NOUNS,
    PRONOUNS,
    ROLE_WORDS,
    SPEECH_VERBS,
    SUBJECT_VERB_FILLERS,
)
from claims.detection.names import NameChunk, Token, analyse_names, classify_chunk
from claims.detection.quotes import quote_spans
from claims.detection.sentences import Sentence

ClaimantKind = Literal["person", "organization"]
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "who", "which", "whose", "one", "former"})
_APPOSITIVE_REACH = 30
_ROLE_NOUNS = frozenset(word.lower() for word in ROLE_WORDS if word.isalpha())
_INVERTING_VERBS = frozenset({"said", "says", "told", "added", "wrote", "asked", "explained"})


@dataclass(frozen=True, slots=True)
class ClaimantMention:
    """The speaker of a claim, with every surface form the article uses for them."""

    name: str
    kind: ClaimantKind
    aliases: tuple[str, ...]


@dataclass(slots=True, eq=False)
class _Speaker:
    """One speaker of an article; two speakers are the same only if they are the same object."""

    kind: ClaimantKind
    forms: list[str] = field(default_factory=list)
    full_names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    group: bool = False

    def add_form(self, form: str) -> None:
        if form and form not in self.forms:
            self.forms.append(form)

    def mention(self) -> ClaimantMention:
        candidates = self.full_names or self.forms
        name = max(candidates, key=lambda form: (len(form.split()), len(form)))
        aliases = [name, *(form for form in self.forms if form != name)]
        aliases.extend(title for title in self.titles if title not in aliases)
        return ClaimantMention(name=name, kind=self.kind, aliases=tuple(aliases))


@dataclass(slots=True)
class _Subject:
    """A speech verb's subject as written: a name chunk, a pronoun, a group, or a title."""

    form: str
    words: tuple[str, ...] = ()
    after_the: bool = False
    pronoun: str = ""
    group: bool = False
    role: str = ""


_UNNAMED_GROUP = _Subject(form="")


@dataclass(slots=True)
class _SentenceView:
    sentence: Sentence
    tokens: tuple[Token, ...]
    quoted: list[bool]
    chunks: tuple[NameChunk, ...]


@dataclass(frozen=True, slots=True)
class ArticleSpeakers:
    """The claimant of each sentence, and every person the article names (full and surnames)."""

    claimants: tuple[ClaimantMention | None, ...]
    people: frozenset[str]


def attribute_claimants(text: str, sentences: Sequence[Sentence]) -> list[ClaimantMention | None]:
    """The claimant of each sentence of ``text`` (None when the article itself asserts it)."""
    return list(analyse_speakers(text, sentences).claimants)


def analyse_speakers(text: str, sentences: Sequence[Sentence]) -> ArticleSpeakers:
    """Attribute every sentence of ``text`` and list the people the article names."""
    spans = quote_spans(text)
    span_ends = [end for _, end in spans]
    views = [_view(sentence, spans, span_ends) for sentence in sentences]
    registry = _Registry()
    for view in views:
        registry.learn(view)
    speakers: list[_Speaker | None] = [registry.attribute(view) for view in views]
    _inherit_quote_speakers(views, spans, speakers, registry)
    mentions = {id(speaker): speaker.mention() for speaker in registry.speakers}
    return ArticleSpeakers(
        claimants=tuple(mentions[id(speaker)] if speaker else None for speaker in speakers),
        people=registry.people_names(),
    )


def _view(sentence: Sentence, spans: list[tuple[int, int]], span_ends: list[int]) -> _SentenceView:
    if len(sentence.text) > CANDIDATE_MAX_CHARS:
        return _SentenceView(sentence, (), [], ())  # not prose: nobody is quoted saying it
    tokens, chunks = analyse_names(sentence.text)
    inside = []
    # Quotations do not overlap, so those touching the sentence are consecutive in ``spans``.
    index = bisect.bisect_right(span_ends, sentence.start)
    while index < len(spans) and spans[index][0] < sentence.end:
        start, end = spans[index]
        inside.append((start - sentence.start, end - sentence.start))
        index += 1
    if inside:
        quoted = [any(s <= t[1] < e for s, e in inside) for t in tokens]
    else:
        quoted = [False] * len(tokens)
    return _SentenceView(sentence, tokens, quoted, chunks)


class _Registry:
    """The people and organisations an article names, and the state of pronoun resolution."""

    def __init__(self) -> None:
        self.speakers: list[_Speaker] = []
        self._people: list[_Speaker] = []
        self._organisations: dict[str, _Speaker] = {}
        self._last: dict[str, _Speaker] = {}

    def learn(self, view: _SentenceView) -> None:
        """Register people introduced with a title or a full name, and "Name (ACRONYM)" pairs."""
        tokens = view.tokens
        for chunk in view.chunks:
            reading = classify_chunk(chunk.words, after_the=chunk.after_the)
            if reading.kind == "person" and (reading.title or len(reading.words) >= 2):
                person = self._person(reading.name, reading.words)
                if reading.title and reading.title not in person.titles:
                    person.titles.append(reading.title)
            elif reading.kind == "organization" and chunk.last + 3 < len(tokens):
                if tokens[chunk.last + 1][0] == "(" and tokens[chunk.last + 3][0] == ")":
                    organisation = self._organisation(reading.name)
                    acronym = tokens[chunk.last + 2][0]
                    organisation.add_form(acronym)
                    self._organisations.setdefault(acronym.lower(), organisation)

    def people_names(self) -> frozenset[str]:
        names = set()
        for person in self._people:
            names.update(person.full_names)
            names.update(full.split()[-1] for full in person.full_names)
        return frozenset(names)

    def attribute(self, view: _SentenceView) -> _Speaker | None:
        subject = _find_subject(view)
        if subject is None:
            return None
        speaker = self._resolve(subject)
        if speaker is not None:
            self._last[speaker.kind] = speaker
            if speaker.group:
                self._last["group"] = speaker
            if speaker not in self.speakers:
                self.speakers.append(speaker)
        return speaker

    def _resolve(self, subject: _Subject) -> _Speaker | None:
        if subject.pronoun:
            if subject.pronoun in {"he", "she"}:
                return self._last.get("person") or (self._people[-1] if self._people else None)
            if subject.pronoun == "it":
                return self._last.get("organization")
            return self._last.get("group") or self._last.get("organization")
        if subject.role:
            return self._by_title(subject.role)
        if subject.group:
            speaker = self._organisation(subject.form)
            speaker.group = True
            return speaker
        reading = classify_chunk(subject.words, after_the=subject.after_the)
        if reading.kind == "person":
            person = self._person(reading.name, reading.words)
            person.add_form(reading.name)
            return person
        if reading.kind == "title":
            return self._by_title(reading.title) or self._titled_stranger(reading.title)
        if reading.kind in {"organization", "place"}:
            organisation = self._organisation(reading.name)
            organisation.add_form(reading.name)
            return organisation
        if reading.kind == "unknown":
            known = self._by_surname(reading.name) or self._organisations.get(reading.name.lower())
            if known is None:
                known = self._person(reading.name, reading.words)
            known.add_form(reading.name)
            return known
        return None

    def _person(self, name: str, words: tuple[str, ...]) -> _Speaker:
        person = self._by_full_name(name) or (self._by_surname(words[-1]) if words else None)
        if person is None:
            person = _Speaker(kind="person")
            self._people.append(person)
        if len(words) >= 2 and name not in person.full_names:
            person.full_names.append(name)
        person.add_form(name)
        return person

    def _by_full_name(self, name: str) -> _Speaker | None:
        return next((p for p in reversed(self._people) if name in p.full_names), None)

    def _by_surname(self, surname: str) -> _Speaker | None:
        for person in reversed(self._people):
            if any(full.split()[-1] == surname for full in person.full_names):
                return person
        return None

    def _by_title(self, title: str) -> _Speaker | None:
        wanted = title.lower()
        for person in reversed(self._people):
            if any(t.lower() == wanted or t.lower().endswith(" " + wanted) for t in person.titles):
                person.add_form(_title_form(person, wanted))
                return person
        return None

    def _titled_stranger(self, title: str) -> _Speaker:
        person = _Speaker(kind="person", titles=[title])
        person.add_form(title)
        self._people.append(person)
        return person

    def _organisation(self, name: str) -> _Speaker:
        key = name.lower()
        organisation = self._organisations.get(key)
        if organisation is None:
            organisation = _Speaker(kind="organization")
            organisation.add_form(name)
            self._organisations[key] = organisation
        return organisation


def _title_form(person: _Speaker, wanted: str) -> str:
    return next((t for t in person.titles if t.lower() == wanted), "")


def _find_subject(view: _SentenceView) -> _Subject | None:
    """The subject of the first speech verb outside quotation marks that has one."""
    tokens = [t for t, quoted in zip(view.tokens, view.quoted, strict=True) if not quoted]
    plain = [i for i, quoted in enumerate(view.quoted) if not quoted]
    chunk_ending = {chunk.last: chunk for chunk in view.chunks}
    chunk_starting = {chunk.first: chunk for chunk in view.chunks}
    for position, token in enumerate(tokens):
        word = token[0]
        if word == "according" and position + 1 < len(tokens) and tokens[position + 1][0] == "to":
            subject = _subject_after(view, plain, position + 2, chunk_starting)
        elif word in SPEECH_VERBS:
            subject = _subject_before(view, plain, position, chunk_ending)
            if subject is None and word in _INVERTING_VERBS and _opens_clause(tokens, position):
                subject = _subject_after(view, plain, position + 1, chunk_starting)
        else:
            continue
        if subject is _UNNAMED_GROUP:
            return None
        if subject is not None:
            return subject
    return None


def _opens_clause(tokens: Sequence[Token], position: int) -> bool:
    """ "said Smith" inverts only after a quote or at the start: ", said Smith", "Said Smith"."""
    return position == 0 or tokens[position - 1][0] in {",", ":", ";", "\u2014", "\u2013"}


def _subject_before(
    view: _SentenceView, plain: list[int], position: int, chunk_ending: dict[int, NameChunk]
) -> _Subject | None:
    tokens = view.tokens
    cursor = position - 1
    while cursor >= 0 and tokens[plain[cursor]][0].lower() in SUBJECT_VERB_FILLERS:
        cursor -= 1
    if cursor < 0:
        return None
    index = plain[cursor]
    word = tokens[index][0]
    if word in PRONOUNS:
        return _Subject(form=word, pronoun=word.lower())
    if index in chunk_ending:
        return _chunk_subject(chunk_ending[index])
    lowered = word.lower()
    if lowered in GROUP_NOUNS:
        modifier = chunk_ending.get(index - 1)
        if modifier is None:
            return _UNNAMED_GROUP
        text = view.sentence.text[tokens[modifier.first][1] : tokens[index][2]]
        return _Subject(form=text, group=True)
    if lowered in _ROLE_NOUNS and index > 0 and tokens[index - 1][0].lower() == "the":
        return _Subject(form=word, role=lowered)
    if word == ",":
        return _appositive_subject(view, index, chunk_ending)
    return None


def _appositive_subject(
    view: _SentenceView, comma: int, chunk_ending: dict[int, NameChunk]
) -> _Subject | None:
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
    view: _SentenceView, plain: list[int], position: int, chunk_starting: dict[int, NameChunk]
) -> _Subject | None:
    if position >= len(plain):
        return None
    index = plain[position]
    word = view.tokens[index][0]
    if word in {"the", "The"} and position + 1 < len(plain):
        index = plain[position + 1]
        word = view.tokens[index][0]
        if word.lower() in _ROLE_NOUNS:
            return _Subject(form=word, role=word.lower())
    if index in chunk_starting:
        return _chunk_subject(chunk_starting[index])
    return None


def _chunk_subject(chunk: NameChunk) -> _Subject:
    if len(chunk.words) == 1 and chunk.words[0].lower() in GROUP_NOUNS:
        return _UNNAMED_GROUP  # "Experts said": an unnamed group is no traceable claimant
    return _Subject(form=chunk.text, words=chunk.words, after_the=chunk.after_the)


def _inherit_quote_speakers(
    views: list[_SentenceView],
    spans: list[tuple[int, int]],
    speakers: list[_Speaker | None],
    registry: _Registry,
) -> None:
    """Give every sentence inside a quotation the speaker named where the quotation closes."""
    position = 0
    for start, end in spans:
        while position < len(views) and views[position].sentence.end <= start:
            position += 1
        covered = []
        index = position
        while index < len(views) and views[index].sentence.start < end:
            covered.append(index)
            index += 1
        if not covered:
            continue
        closing, opening = covered[-1], covered[0]
        speaker = speakers[closing] if _speaks_after(views[closing], end) else None
        if speaker is None and _speaks_before(views[opening], start):
            speaker = speakers[opening]
        if speaker is None:
            continue
        for covered_index in covered:
            if speakers[covered_index] is None:
                speakers[covered_index] = speaker
        if speaker not in registry.speakers:
            registry.speakers.append(speaker)


def _speaks_after(view: _SentenceView, quote_end: int) -> bool:
    """Whether the sentence's speech verb comes after the quotation closes (", he said")."""
    offset = quote_end - view.sentence.start
    return any(
        t[1] >= offset and t[0] in SPEECH_VERBS
        for t, quoted in zip(view.tokens, view.quoted, strict=True)
        if not quoted
    )


def _speaks_before(view: _SentenceView, quote_start: int) -> bool:
    """Whether the sentence's speech verb comes before the quotation opens ("X said: ...")."""
    offset = quote_start - view.sentence.start
    return any(
        t[2] <= offset and (t[0] in SPEECH_VERBS or t[0] == "according")
        for t, quoted in zip(view.tokens, view.quoted, strict=True)
        if not quoted
    )
