"""Whether the article calls a person "he" or "she", from its own words about them.

A statement replaces "he" or "she" with a person's name only when that person is of the
pronoun's gender as the article itself makes clear: a title ("Mr Cole", "Ms Okoye"), a gendered
role ("spokeswoman Ana Berg"), or the pronouns of a sentence naming them and nobody else
("Maria Lindqvist said she ..."), and a "He"/"She" opening the sentence after it. A person the
article never makes clear has no gender here: the pronoun stays rather than a guess.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Literal

from claims.detection.gazetteer import HONORIFICS

Gender = Literal["he", "she"]

_MALE = frozenset(["he", "his", "him", "himself"])
_FEMALE = frozenset(["she", "her", "hers", "herself"])
# Titles and roles written just before a name that say its gender.
_GENDERED_TITLES: dict[str, Gender] = {
    **dict.fromkeys(
        ["mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman"], "he"
    ),
    **dict.fromkeys(
        [
            "mrs",
            "ms",
            "miss",
            "dame",
            "lady",
            "queen",
            "princess",
            "spokeswoman",
            "chairwoman",
            "congresswoman",
        ],
        "she",
    ),
}
# A title settles the gender; pronouns only vote, and need a clear majority.
_TITLE_VOTES = 3
_MAJORITY = 0.75
_WORD = re.compile(r"[A-Za-z]+")
_QUOTATION = re.compile(
    '\u201c[^\u201d]*(?:\u201d|$)|"[^"]*(?:"|$)|(?<!\\w)\u2018.*?(?:\u2019(?!\\w)|$)'
)
# A run of capitalised words: where a person's name can be.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_LONGEST_NAME_WORDS = 4


def known_genders(people: frozenset[str], sentences: Sequence[str]) -> dict[str, Gender]:
    """Each of ``people`` (and each ending of their names: "Lindqvist") whose gender the article
    makes clear, with the pronoun it uses for them."""
    endings = _endings(people)
    votes: dict[str, Counter[Gender]] = {}
    readings = []
    subject: str | None = None
    for sentence in sentences:
        named = _people_in(sentence, endings)
        # A pronoun in a quotation is the speaker's, about somebody else ("not about him").
        words = [word.lower() for word in _WORD.findall(_QUOTATION.sub(" ", sentence))]
        # A sentence opening on "He" or "She" continues about the last one's subject, the
        # person it names first (news's own convention for a pronoun).
        first = words[0] if words else ""
        if subject is not None and not named and first in {"he", "she"}:
            _vote(votes, subject, "he" if first == "he" else "she", 1)
        for full, title in named.items():
            if title:
                _vote(votes, full, title, _TITLE_VOTES)
        pronouns = _pronouns_of(words)
        # Opening on a pronoun, the sentence is about somebody it does not name ("She married
        # Per Solberg"): its pronouns say nothing of the people it names.
        about_named = first not in _MALE and first not in _FEMALE
        if len(named) == 1 and pronouns is not None and about_named:
            _vote(votes, next(iter(named)), pronouns, 1)
        elif len(named) > 1 and pronouns is not None and about_named:
            readings.append((named, pronouns))
        subject = next(iter(named)) if named and about_named else None
    genders = _decided(votes)
    # "Ms Rahman said Tulloch moved money into his own accounts": the one person the
    # pronouns can stand for, when everyone else named is known to be of the other gender.
    for named, pronouns in readings:
        others = [full for full in named if genders.get(full) != _OTHER[pronouns]]
        if len(others) == 1 and others[0] not in genders:
            _vote(votes, others[0], pronouns, 1)
    genders = _decided(votes)
    return {ending: genders[full] for ending, full in endings.items() if full in genders}


_OTHER: dict[Gender, Gender] = {"he": "she", "she": "he"}


def _pronouns_of(words: list[str]) -> Gender | None:
    """The gender of a sentence's third-person pronouns, when they are all of one gender."""
    male = any(word in _MALE for word in words)
    female = any(word in _FEMALE for word in words)
    if male == female:
        return None
    return "he" if male else "she"


def _decided(votes: dict[str, Counter[Gender]]) -> dict[str, Gender]:
    genders: dict[str, Gender] = {}
    for full, counts in votes.items():
        gender, count = counts.most_common(1)[0]
        if count >= _MAJORITY * sum(counts.values()):
            genders[full] = gender
    return genders


def agrees(name: str, pronoun: str, genders: Mapping[str, Gender]) -> bool:
    """Whether the article makes clear that ``name`` is a "he" (or a "she") as ``pronoun`` says;
    "his"/"him" count as "he", "her" as "she"."""
    return gender_of(name, genders) == ("he" if pronoun.lower() in _MALE else "she")


def gender_of(name: str, genders: Mapping[str, Gender]) -> Gender | None:
    """The gender of ``name``, or of the name without the titles or roles before it
    ("Prosecutor Aisha Rahman"); None when the article does not make it clear."""
    words = name.split()
    for first in range(len(words)):
        gender = genders.get(" ".join(words[first:]))
        if gender is not None:
            return gender
    return None


def _vote(votes: dict[str, Counter[Gender]], full: str, gender: Gender, weight: int) -> None:
    votes.setdefault(full, Counter())[gender] += weight


def _endings(people: frozenset[str]) -> dict[str, str]:
    """Each name and each ending of it ("Lindqvist") with the person's fullest name; an ending
    two people share stands for neither."""
    owners: dict[str, set[str]] = {}
    for titled in people:
        words = titled.split()
        while len(words) > 1 and (words[0] in HONORIFICS or words[0].lower() in _GENDERED_TITLES):
            words.pop(0)  # "Mr Cole" is "Cole"
        name = " ".join(words)
        for first in range(len(words)):
            owners.setdefault(" ".join(words[first:]), set()).add(name)
    endings: dict[str, str] = {}
    for ending, names in owners.items():
        fullest = max(names, key=len)
        # "Lindqvist" of "Maria Lindqvist" and "Ms Maria Lindqvist" is one person.
        if all(fullest.endswith(name) for name in names):
            endings[ending] = fullest
    return endings


def _people_in(sentence: str, endings: dict[str, str]) -> dict[str, Gender | None]:
    """The people a sentence names, by fullest name, each with the gender a title before the
    name gives."""
    named: dict[str, Gender | None] = {}
    for run in CAPITALISED_RUN.finditer(sentence):
        words = run.group().split()
        index = 0
        while index < len(words):
            for last in range(min(len(words), index + _LONGEST_NAME_WORDS), index, -1):
                span = " ".join(words[index:last])
                full = endings.get(span)
                if full is None:
                    continue
                if last < len(words):
                    index = last - 1
                    break  # part of a longer name ("the Little Lanterns Trust"): not a person
                before = words[index - 1] if index else _word_before(sentence, run.start())
                title = _GENDERED_TITLES.get(before.lower().rstrip(".,"))
                named[full] = title or named.get(full)
                index = last - 1
                break
            index += 1
    return named


def _word_before(sentence: str, position: int) -> str:
    words = sentence[:position].split()
    return words[-1] if words else ""


class LazyGenders(Mapping[str, Gender]):
    """Genders read by ``read`` the first time they are looked up, then kept."""

    def __init__(self, read: Callable[[], dict[str, Gender]]) -> None:
        self._read = read
        self._genders: dict[str, Gender] | None = None

    def _known(self) -> dict[str, Gender]:
        if self._genders is None:
            self._genders = self._read()
        return self._genders

    def __getitem__(self, name: str) -> Gender:
        return self._known()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._known())

    def __len__(self) -> int:
        return len(self._known())
