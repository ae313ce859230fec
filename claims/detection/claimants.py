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

from claims.detection.attribution import SentenceView, Subject, find_subject
from claims.detection.gazetteer import HONORIFICS, SPEECH_VERBS
from claims.detection.layout import CANDIDATE_MAX_CHARS
from claims.detection.names import Token, analyse_names, classify_chunk
from claims.detection.quotes import quote_spans
from claims.detection.sentences import Sentence

ClaimantKind = Literal["person", "organization"]

# A claimant's aliases are copied into every claim it makes and stored for search: an article
# that gives one person thousands of titles must not make each claim carry them all. The name
# comes first, then the forms in the order the article first uses them, then titles.
MAX_CLAIMANT_ALIASES = 20


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
    # Lookups kept beside the lists so that a speaker with thousands of forms or titles costs
    # a dictionary access per mention, not a scan: an article's work stays linear in its size.
    _known_forms: set[str] = field(default_factory=set)
    _known_titles: set[str] = field(default_factory=set)
    _titles_by_lower: dict[str, str] = field(default_factory=dict)
    # The trailing words of every title ("foreign minister", "minister"), lower case.
    _title_endings: set[str] = field(default_factory=set)

    def add_form(self, form: str) -> None:
        if form and form not in self._known_forms:
            self._known_forms.add(form)
            self.forms.append(form)

    def add_title(self, title: str) -> None:
        if title in self._known_titles:
            return
        self._known_titles.add(title)
        self.titles.append(title)
        lowered = title.lower()
        self._titles_by_lower.setdefault(lowered, title)
        words = lowered.split()
        self._title_endings.update(" ".join(words[index:]) for index in range(1, len(words)))

    def title_form(self, wanted: str) -> str:
        """The title as the article wrote it, given in lower case; "" when not one of theirs."""
        return self._titles_by_lower.get(wanted, "")

    def has_title_ending_with(self, wanted: str) -> bool:
        """Whether one of the titles ends with the lower-case words ``wanted`` after others."""
        return wanted in self._title_endings

    def mention(self) -> ClaimantMention:
        candidates = self.full_names or self.forms
        name = max(candidates, key=lambda form: (len(form.split()), len(form)))
        aliases = dict.fromkeys([name])
        for alias in (*self.forms, *(t for t in self.titles if t not in HONORIFICS)):
            if len(aliases) >= MAX_CLAIMANT_ALIASES:
                break
            aliases.setdefault(alias)
        return ClaimantMention(name=name, kind=self.kind, aliases=tuple(aliases))


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
    _inherit_quote_speakers(views, spans, speakers, registry, _paragraph_ends(text, sentences))
    mentions = {id(speaker): speaker.mention() for speaker in registry.speakers}
    return ArticleSpeakers(
        claimants=tuple(mentions[id(speaker)] if speaker else None for speaker in speakers),
        people=registry.people_names(),
    )


def _view(sentence: Sentence, spans: list[tuple[int, int]], span_ends: list[int]) -> SentenceView:
    if len(sentence.text) > CANDIDATE_MAX_CHARS:
        return SentenceView(sentence, (), [], ())  # not prose: nobody is quoted saying it
    tokens, chunks = analyse_names(sentence.text)
    inside = []
    # Quotations do not overlap, so those touching the sentence are consecutive in ``spans``.
    index = bisect.bisect_right(span_ends, sentence.start)
    while index < len(spans) and spans[index][0] < sentence.end:
        start, end = spans[index]
        inside.append((start - sentence.start, end - sentence.start))
        index += 1
    return SentenceView(sentence, tokens, _quoted_tokens(tokens, inside), chunks)


def _quoted_tokens(tokens: Sequence[Token], inside: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts inside a quotation; both lists are in order, so one pass."""
    quoted = [False] * len(tokens)
    span = 0
    for index, (_, start, _) in enumerate(tokens):
        while span < len(inside) and inside[span][1] <= start:
            span += 1
        if span == len(inside):
            break
        quoted[index] = inside[span][0] <= start
    return quoted


class _Registry:
    """The people and organisations an article names, and the state of pronoun resolution.

    Every lookup is a dictionary access, so an article with thousands of names costs no more
    per sentence than a short one.
    """

    def __init__(self) -> None:
        self.speakers: list[_Speaker] = []
        self._speaker_ids: set[int] = set()
        self._people: list[_Speaker] = []
        self._people_by_name: dict[str, _Speaker] = {}
        self._people_by_surname: dict[str, _Speaker] = {}
        self._people_by_title: dict[str, _Speaker] = {}
        self._people_by_role: dict[str, _Speaker] = {}
        self._organisations: dict[str, _Speaker] = {}
        self._last: dict[str, _Speaker] = {}

    def learn(self, view: SentenceView) -> None:
        """Register people introduced with a title or a full name, and "Name (ACRONYM)" pairs."""
        tokens = view.tokens
        for chunk in view.chunks:
            reading = classify_chunk(chunk.words, after_the=chunk.after_the)
            if reading.kind == "person" and (reading.title or len(reading.words) >= 2):
                person = self._person(reading.name, reading.words)
                if reading.title:
                    self._add_title(person, reading.title)
            elif reading.kind == "organization" and _acronym_follows(tokens, chunk.last):
                organisation = self._organisation(reading.name)
                acronym = tokens[chunk.last + 2][0]
                organisation.add_form(acronym)
                self._organisations.setdefault(acronym.lower(), organisation)

    def people_names(self) -> frozenset[str]:
        return frozenset(self._people_by_name) | frozenset(self._people_by_surname)

    def remember(self, speaker: _Speaker) -> None:
        if id(speaker) not in self._speaker_ids:
            self._speaker_ids.add(id(speaker))
            self.speakers.append(speaker)

    def attribute(self, view: SentenceView) -> _Speaker | None:
        subject = find_subject(view)
        if subject is None:
            return None
        speaker = self._resolve(subject)
        if speaker is not None:
            self._last[speaker.kind] = speaker
            if speaker.group:
                self._last["group"] = speaker
            self.remember(speaker)
        return speaker

    def _resolve(self, subject: Subject) -> _Speaker | None:
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
            return self._person(reading.name, reading.words)
        if reading.kind == "title":
            return self._by_title(reading.title) or self._titled_stranger(reading.title)
        if reading.kind in {"organization", "place"}:
            return self._organisation(reading.name)
        if reading.kind == "unknown":
            organisation = self._organisations.get(reading.name.lower())
            if organisation is not None and reading.name not in self._people_by_surname:
                return organisation
            return self._person(reading.name, reading.words)
        return None

    def _person(self, name: str, words: tuple[str, ...]) -> _Speaker:
        """The person called ``name``: a lone surname is the last person of that surname."""
        if len(words) >= 2:
            person = self._people_by_name.get(name)
            if person is None:
                known_by_surname = self._people_by_name.get(words[-1])
                if known_by_surname is not None and not known_by_surname.full_names:
                    person = known_by_surname  # "Dr. Smith" first, "John Smith" later
        else:
            person = self._people_by_surname.get(name) or self._people_by_name.get(name)
        if person is None:
            person = _Speaker(kind="person")
            self._people.append(person)
        if len(words) >= 2:
            if name not in person.full_names:
                person.full_names.append(name)
            self._people_by_surname[words[-1]] = person
        self._people_by_name[name] = person
        person.add_form(name)
        return person

    def _add_title(self, person: _Speaker, title: str) -> None:
        person.add_title(title)
        self._people_by_title[title.lower()] = person
        self._people_by_role[title.split()[-1].lower()] = person

    def _by_title(self, title: str) -> _Speaker | None:
        """The person holding ``title``: exactly, or the last one whose title ends with it."""
        wanted = title.lower()
        person = self._people_by_title.get(wanted)
        if person is None:
            candidate = self._people_by_role.get(wanted.split()[-1])
            if candidate and (" " not in wanted or candidate.has_title_ending_with(wanted)):
                person = candidate
        if person is not None:
            person.add_form(person.title_form(wanted))
        return person

    def _titled_stranger(self, title: str) -> _Speaker:
        person = _Speaker(kind="person")
        person.add_form(title)
        self._add_title(person, title)
        self._people.append(person)
        return person

    def _organisation(self, name: str) -> _Speaker:
        key = name.lower()
        organisation = self._organisations.get(key)
        if organisation is None:
            organisation = _Speaker(kind="organization")
            self._organisations[key] = organisation
        organisation.add_form(name)
        return organisation


def _acronym_follows(tokens: Sequence[Token], last: int) -> bool:
    """ "World Health Organization (WHO)": a bracketed word right after the name."""
    return last + 3 < len(tokens) and tokens[last + 1][0] == "(" and tokens[last + 3][0] == ")"


def _inherit_quote_speakers(
    views: list[SentenceView],
    spans: list[tuple[int, int]],
    speakers: list[_Speaker | None],
    registry: _Registry,
    paragraph_ends: list[int],
) -> None:
    """Give every sentence inside a quotation the speaker named where the quotation closes.

    A quotation that names nobody and follows another in the same paragraph continues it
    ("“We cannot wait,” Keller said. “Every child is at risk.”").
    """
    position = 0
    previous_speaker: _Speaker | None = None
    previous_line_end = -1
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
        if speaker is None and start < previous_line_end:
            speaker = previous_speaker
        previous_speaker = speaker
        previous_line_end = paragraph_ends[closing]
        if speaker is None:
            continue
        for covered_index in covered:
            if speakers[covered_index] is None:
                speakers[covered_index] = speaker
        registry.remember(speaker)


def _paragraph_ends(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """For each sentence, the offset where its paragraph (its line) ends."""
    ends = []
    line_end = -1
    for sentence in sentences:
        if sentence.start > line_end:
            line_end = text.find("\n", sentence.start)
            if line_end == -1:
                line_end = len(text)
        ends.append(line_end)
    return ends


def _speaks_after(view: SentenceView, quote_end: int) -> bool:
    """Whether the sentence's speech verb comes after the quotation closes (", he said")."""
    verbs = _speech_verb_offsets(view)
    return bool(verbs) and verbs[-1] >= quote_end - view.sentence.start


def _speaks_before(view: SentenceView, quote_start: int) -> bool:
    """Whether the sentence's speech verb comes before the quotation opens ("X said: ...")."""
    verbs = _speech_verb_offsets(view)
    return bool(verbs) and verbs[0] < quote_start - view.sentence.start


def _speech_verb_offsets(view: SentenceView) -> list[int]:
    """Start offsets of the speech verbs outside quotation marks, computed once per sentence."""
    if view.speech_verbs is None:
        view.speech_verbs = [
            start
            for (word, start, _), quoted in zip(view.tokens, view.quoted, strict=True)
            if not quoted and (word in SPEECH_VERBS or word == "according")
        ]
    return view.speech_verbs
