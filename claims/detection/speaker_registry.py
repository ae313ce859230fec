"""The people and organisations an article names, and who "he", "it" or "the agency" is.

Sentences are read in order, so every reference looks back only: "he" and "she" are the last
person of that gender who spoke or was named in an earlier sentence, "it" the institution the
sentence before opens with or else the last one that spoke, "the agency" or "the statistics
office" the last organisation whose name has those words, "the company" the one business the
story names doing something (the last one when it names several), "the city" its one city, "the
minister" the last person with that title. A description with nothing to refer back to ("a
detective", "district records") is its own speaker, except a bare "company", "city",
"department", "report" or "state records", which names nobody a reader could look up.
Every lookup is a dictionary access, so an article costs linear time however it names people.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.detection.attribution import SentenceView, Subject, find_subject, strip_possessive
from claims.detection.gazetteer import (
    COUNTRIES,
    EVIDENCE_NOUNS,
    NAME_CONNECTORS,
    ORGANISATION_NOUNS,
    REGIONS,
    US_STATES,
)
from claims.detection.introductions import (
    DESCRIPTION_LINKS,
    DESCRIPTION_REACH,
    acronym_follows,
    as_written,
    calls_itself_it,
    described_as_organisation,
    described_before,
    gender_of_pronouns,
    opens_with,
)
from claims.detection.names import NameReading, classify_chunk
from claims.detection.phrases import DETERMINERS, PREPOSITIONS, word_set
from claims.detection.speakers import Speaker

if TYPE_CHECKING:
    from collections.abc import Sequence

    from claims.detection.names import NameChunk, Token


# How many people back "he" or "she" may reach for one of the right gender.
_PRONOUN_REACH = 4
# Descriptions that fit any organisation: "the company said" after "Kestrel Foods".
_GENERIC_ORGANISATIONS = word_set(
    "company firm group newspaper paper daily site outlet publisher platform airline carrier "
    "operator lender insurer retailer maker manufacturer developer startup charity"
)
# Words of a public body's name: "the company" never refers back to an agency or ministry.
_PUBLIC_BODY_WORDS = word_set(
    "agency administration department ministry office bureau commission committee council "
    "authority board government police court parliament senate congress service"
)
# Descriptions that name no one when nothing named before is what they describe: a claimant
# "company" or "state records" tells a reader nothing ("officials" still says who spoke).
_NAMES_NOBODY = word_set("company firm city town department report records state")
_RECORDS = word_set("report records")
_NOT_SETTLEMENTS = COUNTRIES | US_STATES | REGIONS
_SETTLEMENTS = word_set("city town")
# Words before a name that cite it as a source: "according to Moody's", "polling by YouGov".
_CITING = frozenset({"to", "by", "from"})
# Words that end the description of an institution opening a sentence before its noun.
_NOT_A_DESCRIPTION = EVIDENCE_NOUNS | DETERMINERS | PREPOSITIONS
_SPOKESPEOPLE = frozenset({"spokesperson", "spokeswoman", "spokesman"})
_GENDERED = {
    **dict.fromkeys(
        word_set("mr mr. sir lord king prince spokesman chairman congressman councilman"), "m"
    ),
    **dict.fromkeys(
        word_set(
            "mrs mrs. ms ms. dame lady queen princess spokeswoman chairwoman congresswoman "
            "councilwoman"
        ),
        "f",
    ),
}


class SpeakerRegistry:
    """The people and organisations an article names, and the state of pronoun resolution.

    Sentences are read in order and every lookup is a dictionary access, so a pronoun or a
    "the agency" only ever refers back, and an article with thousands of names costs no more
    per sentence than a short one.
    """

    def __init__(self) -> None:
        self.speakers: list[Speaker] = []
        self._speaker_ids: set[int] = set()
        self._people: list[Speaker] = []
        self._people_by_name: dict[str, Speaker] = {}
        self._people_by_surname: dict[str, Speaker] = {}
        self._people_by_title: dict[str, Speaker] = {}
        self._people_by_title_end: dict[str, Speaker] = {}
        self._organisations: dict[str, Speaker] = {}
        # The words of each organisation's name, lower-cased and without possessives.
        self._name_words: dict[str, list[str]] = {}
        # The last organisation named with each word of its name ("agency", "office").
        self._organisations_by_word: dict[str, Speaker] = {}
        # The institution that is the subject of the sentence before ("Kestrel Foods cut 300
        # jobs. It said ..."): what "it" most likely is, before whoever spoke last.
        self._opening_organisation: Speaker | None = None
        self._previous_opening: Speaker | None = None
        # A name taken for a person's that opens the sentence ("Meridian Offshore won ..."),
        # until the next sentence says "It" for it.
        self._opening_name: Speaker | None = None
        # The last organisation named as one ("Kestrel Foods Inc.", "NOAA"), not by "the X".
        self._last_named_organisation: Speaker | None = None
        self._named_organisations: list[Speaker] = []
        # Organisations named as doing something, not only cited as a source ("according to
        # Moody's", "polling by YouGov"): what "the company" of the story can be.
        self._actors: dict[Speaker, None] = {}
        # The cities and towns the article names ("Ashford"): what "the city" can be.
        self._settlements: dict[str, None] = {}
        self._last: dict[str, Speaker] = {}
        # The people who spoke last, most recent at the end (a few: pronouns reach back little).
        self._recent_people: list[Speaker] = []
        self._named_last_sentence: list[Speaker] = []
        # Who spoke in the last sentence: of the people it names, the one "he" most likely is.
        self._speaker_last_sentence: Speaker | None = None

    def learn(self, view: SentenceView) -> None:
        """Register people introduced with a title or a full name, organisations, acronyms."""
        tokens = view.tokens
        # People named in the previous sentence become candidates for "he" and "she" only now:
        # a pronoun never refers forward, not even within its own sentence.
        for person in self._named_last_sentence:
            self._recently(person)
        speaker = self._speaker_last_sentence
        if speaker is not None and speaker in self._named_last_sentence:
            # "Ramsey, who is challenging Mayor Castellano, said ... He said": Ramsey.
            self._recently(speaker)
        self._named_last_sentence = []
        self._speaker_last_sentence = None
        self._previous_opening, self._opening_organisation = self._opening_organisation, None
        opening_name, self._opening_name = self._opening_name, None
        if (
            self._previous_opening is None
            and opening_name is not None
            and tokens
            and tokens[0][0] == "It"
            and not opening_name.titles
            and not opening_name.gender
        ):
            # "Meridian Offshore won three contracts. It intends to bid.": news calls no
            # person "it", so the name that opened the sentence before is an institution.
            self._previous_opening = self._as_organisation(opening_name)
        count = len(tokens)
        for chunk in view.chunks:
            reading = classify_chunk(chunk.words, after_the=chunk.after_the)
            kind = reading.kind
            if _names_a_settlement(tokens, chunk, kind, reading.name):
                self._settlements[reading.name] = None
            after = chunk.last + 1
            description = (
                described_as_organisation(tokens, chunk.last)
                if not reading.title and after + 1 < count and tokens[after][0] in DESCRIPTION_LINKS
                else ()
            )
            if kind == "person" or kind == "unknown":
                if not reading.title and (
                    description
                    or described_before(tokens, chunk.first)
                    # Only a name opening the sentence can be the "its" of its verb.
                    or (
                        chunk.first == 0
                        and opens_with(tokens, chunk)
                        and calls_itself_it(tokens, chunk)
                    )
                ):
                    # "Veltrix Cloud, the data-center operator,", "Meridian Offshore is a ...",
                    # "Telecoms provider Brightwave", "Severn Vale Water raised its bills".
                    reading = NameReading("organization", reading.name, "", reading.words)
                    kind = "organization"
                elif kind == "person" and (reading.title or len(reading.words) >= 2):
                    person = self._person(reading.name, reading.words)
                    if reading.title:
                        self._add_title(person, reading.title)
                    self._named_last_sentence.append(person)
                    if chunk.first == 0 and not reading.title and opens_with(tokens, chunk):
                        self._opening_name = person
                    continue
                else:
                    known = self._people_by_surname.get(reading.name)
                    if known is not None:
                        # "Ramsey was closer to the mark. He said ...": a surname names him again.
                        self._named_last_sentence.append(known)
                    continue
            if kind == "organization":
                organisation = self._organisation(as_written(chunk, reading.name))
                if description:
                    self._describe(organisation, description)
                if not chunk.after_the or classify_chunk(chunk.words).kind == "organization":
                    self._named(organisation)
                    before = chunk.first - 1 - chunk.after_the
                    if before < 0 or tokens[before][0] not in _CITING:
                        self._actors[organisation] = None
                if chunk.first <= 1 and opens_with(tokens, chunk):
                    self._opening_organisation = organisation
                if acronym_follows(tokens, chunk.last):
                    acronym = tokens[chunk.last + 2][0]
                    organisation.add_form(acronym)
                    self._organisations.setdefault(acronym.lower(), organisation)

        if self._opening_organisation is None and tokens and tokens[0][0] == "The":
            self._opening_organisation = self._opening_description(view)

    def _opening_description(self, view: SentenceView) -> Speaker | None:
        """ "The finance ministry in Osterby welcomed the decision. It said ...": the
        institution a sentence opens with, described in lower case, is what "it" is next."""
        tokens = view.tokens
        for index in range(1, min(len(tokens), DESCRIPTION_REACH)):
            word = tokens[index][0]
            if not word.isalpha() or not word.islower() or word in _NOT_A_DESCRIPTION:
                return None  # "The report credits a campaign": no institution opens it
            if word in ORGANISATION_NOUNS:
                if index + 1 < len(tokens) and tokens[index + 1][0] in {"'s", "\u2019s"}:
                    return None  # "The ministry's figures show": its record, not the ministry
                form = view.sentence.text[tokens[1][1] : tokens[index][2]]
                return self._described(
                    Subject(form=form, head=word, kind="organization", after_the=True)
                )
        return None

    @property
    def previous_opening(self) -> Speaker | None:
        """The institution the sentence before opened with: what an opening "It" stands for."""
        return self._previous_opening

    def people_names(self) -> frozenset[str]:
        return frozenset(self._people_by_name) | frozenset(self._people_by_surname)

    def remember(self, speaker: Speaker) -> None:
        if id(speaker) not in self._speaker_ids:
            self._speaker_ids.add(id(speaker))
            self.speakers.append(speaker)

    def attribute(self, view: SentenceView) -> Speaker | None:
        subject = find_subject(view)
        if subject is None:
            return None
        speaker = self._resolve(subject)
        if speaker is not None:
            if speaker.kind == "person" and not speaker.gender and not subject.pronoun:
                speaker.gender = gender_of_pronouns(view)
            self.spoke(speaker)
        return speaker

    def spoke(self, speaker: Speaker) -> None:
        if speaker.group:
            self._last["group"] = speaker  # "they", never "it": "residents" are no company
            self.remember(speaker)
            return
        self._last[speaker.kind] = speaker
        if speaker.kind == "person":
            self._recently(speaker)
            self._speaker_last_sentence = speaker
        else:
            if speaker.full_names or any(form[:1].isupper() for form in speaker.forms):
                self._named(speaker)
        self.remember(speaker)

    def _recently(self, person: Speaker) -> None:
        if person in self._recent_people:
            self._recent_people.remove(person)
        self._recent_people.append(person)
        del self._recent_people[:-_PRONOUN_REACH]

    def _named(self, organisation: Speaker) -> None:
        self._last_named_organisation = organisation
        if organisation in self._named_organisations:
            self._named_organisations.remove(organisation)
        self._named_organisations.append(organisation)
        del self._named_organisations[:-_PRONOUN_REACH]

    def transcript(self, label: str, name: str) -> Speaker | None:
        """The speaker of a transcript line "PRESENTER (Jo Lin):" or "LIN:"."""
        if name:
            words = tuple(name.split())
            person = self._person(name, words)
            self._add_title(person, label.title())
            return person
        words = tuple(word.title() for word in label.split())
        known = self._people_by_surname.get(" ".join(words)) or self._by_title(" ".join(words))
        if known is not None:
            return known
        return self._person(" ".join(words), words)

    def _resolve(self, subject: Subject) -> Speaker | None:
        if subject.pronoun:
            if subject.words:
                known = self._known_organisation(" ".join(subject.words).lower())
                if known is not None:
                    return known
            return self._pronoun(subject.pronoun)
        if subject.group:
            speaker = self._organisation(subject.form)
            speaker.group = True
            return speaker
        if subject.head:
            return self._described(subject)
        reading = classify_chunk(subject.words, after_the=subject.after_the)
        kind = reading.kind
        if subject.kind == "organization" and kind in {"person", "unknown"}:
            return self._organisation(reading.name)  # "the news site ByteWatch"
        if subject.kind == "person" and kind in {"organization", "unknown"}:
            kind = "person"  # "transit manager Jo Lin"
        if kind == "person":
            person = self._person(reading.name, reading.words)
            if subject.title:
                self._add_title(person, subject.title)
            return person
        if kind == "title":
            return self._by_title(reading.title) or self._titled_stranger(reading.title)
        if kind == "organization" or (kind == "place" and reading.name in COUNTRIES):
            return self._organisation(reading.name)
        if kind == "unknown":
            organisation = self._organisations.get(reading.name.lower())
            if organisation is not None and reading.name not in self._people_by_surname:
                return organisation
            known = self._people_by_surname.get(reading.name) or self._people_by_name.get(
                reading.name
            )
            if known is None and reading.name.lower() in self._organisations_by_word:
                return self._organisations_by_word[reading.name.lower()]  # "Kestrel" for the firm
            person = self._person(reading.name, reading.words)
            if subject.title:
                self._add_title(person, subject.title)
            return person
        return None

    def _known_organisation(self, name: str) -> Speaker | None:
        known = self._organisations.get(name)
        if known is None and " " not in name:
            known = self._organisations_by_word.get(name)
        return known

    def _pronoun(self, pronoun: str) -> Speaker | None:
        if pronoun in {"he", "she"}:
            gender = "m" if pronoun == "he" else "f"
            for person in reversed(self._recent_people):
                if person.gender in {"", gender}:
                    person.gender = gender
                    return person
            return self._recent_people[-1] if self._recent_people else None
        if pronoun == "it":
            return (
                self._previous_opening
                or self._last.get("organization")
                or self._last_named_organisation
            )
        return (
            self._last.get("group")
            or self._last.get("organization")
            or self._last_named_organisation
        )

    def _described(self, subject: Subject) -> Speaker | None:
        """ "the finance minister", "the agency", "a detective", "district records"."""
        key = subject.form.lower()
        if subject.kind == "person" and subject.head in _SPOKESPEOPLE:
            company = self._company_of(key)
            if company is not None:
                # "a company spokesperson said" after "Front Range Power": the company speaks.
                company.add_form(subject.form)
                return company
        if subject.kind == "person":
            person = self._by_title(key)
            if person is None and subject.after_the:
                person = self._by_title(subject.head)
            return person or self._titled_stranger(subject.form)
        known = self._organisations.get(key)
        if known is not None:
            return known
        if subject.after_the:
            words = [strip_possessive(word) for word in key.split()]
            named = self._organisations_by_word.get(words[-1])
            if (
                named is not None
                and words[-1] in named.heads
                and all(word in named.words for word in words)
            ):
                named.add_form(subject.form)
                return named  # "the statistics office" after "the National Statistics Office"
            if len(words) == 1:
                company = self._company_of(words[0])
                if company is not None:
                    company.add_form(subject.form)
                    return company
        words = [strip_possessive(word) for word in key.split()]
        if words[-1] in _RECORDS and len(words) == 1:
            # "The report says": the report of the institution that last spoke or published.
            publisher = self._last.get("organization")
            if publisher is not None:
                return publisher
        if words[-1] in _SETTLEMENTS and len(self._settlements) == 1:
            # "the city said" in a story that named one city: that city's government.
            place = self._organisation(next(iter(self._settlements)))
            place.add_form(subject.form)
            return place
        if _NAMES_NOBODY.issuperset(words):
            return None  # "the company" of no company named, "state records": nobody to cite
        return self._organisation(subject.form)

    def _describe(self, organisation: Speaker, description: tuple[str, ...]) -> None:
        """ "Moody's, the ratings agency,": "the ratings agency" names it from now on."""
        words = [strip_possessive(word) for word in description]
        organisation.words.update(words)
        organisation.heads.add(words[-1])
        for word in words:
            self._organisations_by_word[word] = organisation

    def _company_of(self, description: str) -> Speaker | None:
        """ "the company" or "a company spokesperson" after "Kestrel Foods": the last named
        institution that is no public body, when the description fits any organisation."""
        if _GENERIC_ORGANISATIONS.isdisjoint(map(strip_possessive, description.split())):
            return None
        companies = [named for named in self._actors if not named.words & _PUBLIC_BODY_WORDS]
        if len(companies) == 1:
            return companies[0]
        for named in reversed(self._named_organisations):
            if not named.words & _PUBLIC_BODY_WORDS:
                return named
        return None

    def _as_organisation(self, person: Speaker) -> Speaker:
        """The speaker taken for a person, known from now on as the institution it is."""
        person.kind = "organization"
        for name in person.full_names:
            self._people_by_name.pop(name, None)
            surname = name.split()[-1]
            if self._people_by_surname.get(surname) is person:
                del self._people_by_surname[surname]
            self._organisations.setdefault(name.lower(), person)
            words = [strip_possessive(word) for word in name.lower().split()]
            person.words.update(words)
            person.heads.add(words[-1])
            for word in words:
                self._organisations_by_word[word] = person
        if person in self._recent_people:
            self._recent_people.remove(person)
        if person in self._people:
            self._people.remove(person)
        self._named(person)
        return person

    def _person(self, name: str, words: tuple[str, ...]) -> Speaker:
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
            person = Speaker(kind="person")
            self._people.append(person)
        if len(words) >= 2:
            person.add_full_name(name)
            self._people_by_surname[words[-1]] = person
        self._people_by_name[name] = person
        person.add_form(name)
        return person

    def _add_title(self, person: Speaker, title: str) -> None:
        if not person.add_title(title):
            return
        words = [strip_possessive(word) for word in title.lower().split()]
        if not person.gender:
            person.gender = next((_GENDERED[w] for w in words if w in _GENDERED), "")
        self._people_by_title[" ".join(words)] = person
        # Every ending of the title ("foreign minister", "minister") names the same person, so
        # "the minister said" is one dictionary lookup whatever the number of titles.
        for start in range(1, len(words)):
            self._people_by_title_end[" ".join(words[start:])] = person

    def _by_title(self, title: str) -> Speaker | None:
        """The person holding ``title``: exactly, or the last one whose title ends with it."""
        wanted = " ".join(strip_possessive(word) for word in title.lower().split())
        person = self._people_by_title.get(wanted) or self._people_by_title_end.get(wanted)
        if person is not None:
            person.add_form(person.titles.get(wanted, ""))
        return person

    def _titled_stranger(self, title: str) -> Speaker:
        person = Speaker(kind="person")
        person.add_form(title)
        self._add_title(person, title)
        self._people.append(person)
        return person

    def _organisation(self, name: str) -> Speaker:
        key = name.lower()
        organisation = self._organisations.get(key)
        if organisation is None:
            organisation = Speaker(kind="organization")
            self._organisations[key] = organisation
        organisation.add_form(name)
        words = self._name_words.get(key)
        if words is None:
            words = [strip_possessive(word) for word in key.split()]
            self._name_words[key] = words
            organisation.words.update(words)
            organisation.heads.add(words[-1])
            linked = next((i for i, word in enumerate(words) if word in NAME_CONNECTORS), 0)
            if linked:
                organisation.heads.add(words[linked - 1])  # "Ministry of Energy": a ministry
        for word in words:
            # Named again: the last organisation named with each word ("the agency") is this.
            self._organisations_by_word[word] = organisation
        return organisation


def _names_a_settlement(tokens: Sequence[Token], chunk: NameChunk, kind: str, name: str) -> bool:
    """Whether the chunk names a city or town: a known one, or a one-word name that "in" or
    "the city of" introduces ("in Eastbrook", "the city of Norvik"); not a country or state."""
    if name in _NOT_SETTLEMENTS or kind not in {"place", "unknown", "organization"}:
        return False
    if kind == "place":
        return True
    if len(chunk.words) != 1 or chunk.after_the or chunk.first == 0:
        return False
    before = tokens[chunk.first - 1][0]
    if before == "of":
        return chunk.first >= 2 and tokens[chunk.first - 2][0] in _SETTLEMENTS
    return before == "in" and kind == "unknown"
