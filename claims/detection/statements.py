"""A claim as one standalone sentence a fact-checker can publish (ClaimReview's claimReviewed).

News writes a claim inside its reporting: quotation marks, an attribution clause ("..., he
said", "According to X, ...", "X told reporters that ..."), pronouns that point back to earlier
sentences, and dates relative to the day of publication. The statement keeps the claim and drops
the reporting: the claimant is stored apart, so the attribution goes; a pronoun standing for the
claimant or for the last person named becomes their name (looking back only); a relative date
becomes the absolute date when the publication date makes it certain. Nothing is added that the
sentence does not say.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import re
from collections.abc import Mapping, Sequence

from claims.detection.antecedents import resolve_leading_pronoun, resolve_of_them
from claims.detection.asides import drop_asides
from claims.detection.backshift import join_reported_clauses, undo_backshift
from claims.detection.claimants import ArticleSpeakers, ClaimantMention, analyse_speakers
from claims.detection.dates import DateMention, find_dates
from claims.detection.gazetteer import any_of
from claims.detection.genders import (
    CAPITALISED_RUN,
    Gender,
    LazyGenders,
    gender_of,
    known_genders,
)
from claims.detection.institutions import (
    institutions_in_full,
    institutions_named,
    names_compound_institution,
)
from claims.detection.layout import CANDIDATE_MAX_CHARS
from claims.detection.referents import (
    COMPANY_NAME,
    FIRST_PERSON_VERBS,
    NAMES_A_TRADE,
    full_names,
    people_by_surname,
    persons_among,
    possessive,
    speakers_my,
    speakers_organisation,
    used_as_place,
)
from claims.detection.relative_dates import anchor_relative_dates
from claims.detection.reported_speech import (
    CLOSING_QUOTES,
    opens_with_speaker_label,
    speaker_pronoun,
    strip_attribution,
    strip_quotes,
)
from claims.detection.sentences import Sentence, split_sentences

# Discourse openers that tie a sentence to its neighbours, not part of a standalone claim.
_OPENERS = re.compile(
    r"^(?:(?:In fact|Indeed|However|Meanwhile|Still|Moreover|Also|But|And|So|Yet|Instead|"
    r"In addition|Separately|Overall|By contrast|In contrast|Even so|Nonetheless|Nevertheless|"
    r"Furthermore|Additionally|Likewise|Similarly|As a result)\b,?"
    # What a speaker says to the listeners before the point ("As you know, ..."): not the claim.
    r"|(?:As (?:you|we) (?:all |may )?know|As everyone knows|As I (?:have |'ve |\u2019ve )?said|"
    r"Of course|Frankly|Look|Listen|Well),)\s+(?=\S)"
)


# "It" as the subject of an act ("It intends to bid", "It reported a loss"), not of a copula
# ("It was the third fire") or an extraposed clause ("It took two years to ...").
_IT_ACTS = re.compile(
    r"It\s+(?!(?:is|was|are|were|be|been|has been|had been|remains|remained|seems|seemed|"
    r"appears|appeared|takes|took|would be|will be|may be|might be|could be|rained|snowed)\b)"
    r"[a-z]"
)


_PRONOUN_KIND = {
    "he": "person",
    "she": "person",
    "i": "person",
    "it": "organization",
    "we": "organization",
    "they": "organization",
}


# The claimants a statement may name in full: the most recently heard ones. A story names a
# handful; bounding them keeps a huge document's cost per claim from growing with its length.
KNOWN_CLAIMANTS = 64


def _genders_of(people: frozenset[str], sentences: Sequence[Sentence]) -> LazyGenders:
    """The genders of ``people``, read from the article the first time a statement asks: most
    replace no "he" or "she".

    The reader holds what it reads, never the ArticleStatements: a reader holding its owner
    would make a reference cycle, and a long article's sentences would outlive its analysis
    until the garbage collector next ran.
    """
    return LazyGenders(lambda: known_genders(people, [sentence.text for sentence in sentences]))


class ArticleStatements:
    """The statements of an article's sentences, each built with what came before it.

    Ask in article order: the claimants met so far are remembered, never those still to come.
    """

    def __init__(
        self,
        sentences: Sequence[Sentence],
        speakers: ArticleSpeakers,
        *,
        published_at: datetime.date | None = None,
        text: str | None = None,
    ) -> None:
        self.sentences = sentences
        self.speakers = speakers
        self.published_at = published_at
        self._known: dict[str, ClaimantMention] = {}
        self._seen = 0
        self._starts: list[int] | None = None
        self._known_tuple: tuple[ClaimantMention, ...] = ()
        # People named in full so far, by surname: "Whitfield" later stands for "Ana Whitfield".
        self.full_names: list[str] | None = None
        self._full_name_set: frozenset[str] = frozenset()
        # The article the sentences come from (their own words joined when not given).
        self._text = text or ""
        self._companies: list[str] = []
        # Each institution's short form ("the council") with the names it could stand for.
        self._institutions: dict[str, list[str]] = {}
        self._unique_institutions: dict[str, str] = {}
        self._people = speakers.people
        self._compounds = False
        self._genders = _genders_of(self._people, sentences)

    @classmethod
    def of_article(
        cls, text: str, *, published_at: datetime.date | None = None
    ) -> ArticleStatements:
        sentences = split_sentences(text)
        return cls(
            sentences, analyse_speakers(text, sentences), published_at=published_at, text=text
        )

    def of_sentence(self, index: int, *, dates: Sequence[DateMention] | None = None) -> str:
        """The statement of sentence ``index``; ``dates`` are its mentions when already found."""
        claimants = self.speakers.claimants
        if index + 1 > self._seen:
            for position in range(self._seen, index + 1):
                earlier = claimants[position]
                if earlier is not None:
                    # The most recently heard last: the claimants a statement may name, with
                    # the short forms the article taught before ("Ramsey" for Jacob Ramsey).
                    taught = self._known.pop(earlier.name, None)
                    if taught is not None and taught.kind == earlier.kind:
                        aliases = tuple(dict.fromkeys((*earlier.aliases, *taught.aliases)))
                        earlier = ClaimantMention(earlier.name, earlier.kind, aliases)
                    self._known[earlier.name] = earlier
                self._learn_people(self.sentences[position].text)
            self._seen = index + 1
            recent = list(self._known.values())[-KNOWN_CLAIMANTS:]
            self._known = {claimant.name: claimant for claimant in recent}
            self._known_tuple = tuple(recent)
        statement = build_statement(
            self.sentences[index].text,
            claimant=claimants[index],
            previous=[earlier.text for earlier in self.sentences[max(0, index - 3) : index]],
            people=self._people,
            published_at=self.published_at,
            dates=dates,
            known=self._known_tuple,
            institutions=self._unique_institutions,
            genders=self._genders,
        )
        referents = self.speakers.it_referents
        referent = referents[index] if index < len(referents) else None
        if referent is not None and _IT_ACTS.match(statement):
            # "Kestrel Foods cut 300 jobs. It intends to bid.": the company the sentence
            # before opened with (never one named later).
            name = referent.name if referent.name[:1].isupper() else f"The {referent.name}"
            statement = name + statement[2:]
        return statement

    def _learn_people(self, sentence: str) -> None:
        if self.full_names is None:
            self._text = self._text or " ".join(earlier.text for earlier in self.sentences)
            self.full_names = people_by_surname(self.speakers.people, self._text)
            self._full_name_set = frozenset(self.full_names)
            # The people who are people: not a name the article only uses as a place or a part.
            two_words = frozenset(n for n in self.speakers.people if len(n.split()) == 2)
            persons = persons_among(self.speakers.people, self._text)
            rejected = {part for name in two_words - persons for part in (name, name.split()[-1])}
            self._people = self.speakers.people - rejected
            self._genders = _genders_of(self._people, self.sentences)
            self._compounds = names_compound_institution(self._text)
        # The full names are of two words (see people_by_surname): only pairs can be one.
        for run in CAPITALISED_RUN.findall(sentence) if self._full_name_set else ():
            words = run.split()
            for name in (f"{first} {second}" for first, second in itertools.pairwise(words)):
                if name in self._full_name_set and name not in self._known:
                    surname = name.split()[-1]
                    self._remember(
                        ClaimantMention(name=name, kind="person", aliases=(name, surname))
                    )
        for alias, name in institutions_named(sentence, compounds=self._compounds):
            self._learn_institution(alias, name)
        for match in COMPANY_NAME.finditer(sentence) if NAMES_A_TRADE.search(sentence) else ():
            name, short = match.group(), match.group(1)
            # A company the speakers' registry took for a person is a company all the same.
            taken = name in self._known and self._known[name].kind == "organization"
            if not taken and name not in self._companies and not used_as_place(short, self._text):
                self._companies.append(name)
                # "the company" is the article's one company; with two it could be either.
                alone = ("the company",) if len(self._companies) == 1 else ()
                for company in self._companies:
                    mention = ClaimantMention(
                        name=company,
                        kind="organization",
                        aliases=(company, company.split()[0], *alone),
                    )
                    self._remember(mention)

    def _learn_institution(self, alias: str, name: str) -> None:
        """ "the council" stands for the one council the article has named; with two named it
        could be either, and stays as written."""
        names = self._institutions.setdefault(alias, [])
        bare = name.removeprefix("the ")
        if any(earlier.removeprefix("the ") == bare for earlier in names):
            return
        if alias == "the city" and not re.search(rf"\b{re.escape(name)}\b(?! City)", self._text):
            return  # "Kansas City Council": the city is "Kansas City", never named alone
        names.append(name)
        if len(names) == 1:
            self._unique_institutions[alias] = name
        else:
            self._unique_institutions.pop(alias, None)

    def _remember(self, mention: ClaimantMention) -> None:
        # The most recently heard last; of_sentence keeps the latest KNOWN_CLAIMANTS of them.
        self._known.pop(mention.name, None)
        self._known[mention.name] = mention

    def of_span(self, start: int, text: str) -> str:
        """The statement of the sentence stored at ``start``; the text alone if it moved."""
        if self._starts is None:
            self._starts = [sentence.start for sentence in self.sentences]
        index = bisect.bisect_left(self._starts, start)
        if index < len(self.sentences) and self.sentences[index].start == start:
            return self.of_sentence(index)
        return build_statement(text, published_at=self.published_at)


def build_statement(
    sentence: str,
    *,
    claimant: ClaimantMention | None = None,
    previous: Sequence[str] = (),
    people: frozenset[str] = frozenset(),
    published_at: datetime.date | None = None,
    dates: Sequence[DateMention] | None = None,
    known: Sequence[ClaimantMention] = (),
    institutions: Mapping[str, str] | None = None,
    genders: Mapping[str, Gender] | None = None,
) -> str:
    """The claim of ``sentence`` as a standalone sentence without quotes or attribution.

    ``previous`` are the sentences before it (nearest last), ``people`` the people the article
    names; both only serve to replace a leading pronoun. ``dates`` are the sentence's date
    mentions (offsets into ``sentence``) when already found. ``known`` are the claimants of
    this and earlier sentences: the article itself equates their aliases ("the agency") with
    their names, so a statement standing alone names them in full. ``institutions`` maps the
    short forms of the institutions named so far, each the only one of its kind ("the
    council"), to their names. ``genders`` are the people whose gender the article makes
    clear: given, a "he" or "she" becomes only a person of that gender (None: not checked).
    """
    if not sentence.strip():
        return ""
    if len(sentence) > CANDIDATE_MAX_CHARS:
        return " ".join(sentence.split())  # not prose (see layout): no claim to rewrite
    if dates is None:
        dates = find_dates(sentence, published_at=published_at) if published_at else ()
    text = " ".join(sentence.split())
    ending = "?" if text.rstrip(CLOSING_QUOTES + " ").endswith("?") else "."
    # "In the 1990s, she said, the committee ...": attributed, with the speaker in the middle.
    parenthetical = _may_be_parenthetical(text) and _PARENTHETICAL.search(text) is not None
    said = text
    text = _strip_frames(text)
    opener = _OPENERS.match(text)
    if opener:
        text = text[opener.end() :]
    body, attributed = strip_attribution(text)
    attributed = attributed or parenthetical
    if not parenthetical:
        said = text
    if attributed and _ACCORDING_TO.search(body):
        # "X found that ..., according to a report by Y": both frames go.
        body = strip_attribution(body)[0]
    # The speaker's own words: a "he" or "she" in them is somebody else.
    quoted = attributed and _OPENS_QUOTE.match(body) is not None
    if attributed:
        # Before the quotation marks go: a "had" inside the speaker's own words stays.
        body = join_reported_clauses(undo_backshift(body))
    body = strip_quotes(body)
    body = _OPENERS.sub("", body)
    body = _SAYING.sub("", body)
    body = _RELATIVE_ATTRIBUTION.sub(r"\1 ", body)
    if quoted or opens_with_speaker_label(text):
        # Only the speaker's own words address someone or comment on what they just said.
        body = _VOCATIVE.sub("", body)
        if " that" in body or " this" in body:
            body = _COMMENT.sub("", body)
    body = drop_asides(body)
    body = body.strip(" ,;:-\u2014\u2013").rstrip(".!?").rstrip(" ,;:").strip()
    if len(body.split()) < 2:
        body = strip_quotes(text).rstrip(".!?").strip()
    unresolved = body
    body = _replace_leading_pronoun(
        body,
        claimant=claimant,
        attributed=attributed,
        previous=previous,
        people=people,
        said=said,
        quoted=quoted,
        genders=genders,
    )
    if body == unresolved and previous:
        before = _strip_frames(previous[-1])
        body = resolve_of_them(resolve_leading_pronoun(body, before), before)
    if claimant is not None and claimant.kind == "person":
        body = speakers_organisation(body, claimant=claimant, known=known)
        if attributed and _QUOTED.search(text):
            body = speakers_my(body, claimant=claimant)
    body = full_names(body, known=known)
    if institutions:
        body = institutions_in_full(body, institutions)
    if published_at is not None:
        body = anchor_relative_dates(body, mentions=dates, published_at=published_at)
    body = _TIME_OF_WRITING.sub(_drop_time_of_writing, body)
    body = _spell_leading_number(body)
    return body[:1].upper() + body[1:] + ending


# The page around a claim: a live blog's time stamp ("8:15 a.m. —", "11:58 p.m., on Nov. 3 —"),
# a round-up's section label ("Ostravia: ..."), and an aside after the claim that is the
# speaker's next point, not the claim ("..., the company said, adding that it expects ...").
_TIME_STAMP = re.compile(
    r"^\d{1,2}(?::\d{2})?\s*[ap]\.m\.(?:,?\s+[^\u2014\u2013]{1,30}?)?\s*[\u2014\u2013-]\s+(?=\S)"
)
_SECTION_LABEL = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?:\s+(?=[A-Z])")
# A fact-check's verdict on the claim before it, then the fact ("That is accurate: the
# increases took effect in ..."): the verdict is not part of the fact.
_VERDICT = re.compile(
    r"^(?:That|This|It|The (?:claim|figure|number)) (?:is|was) (?:broadly |partly |largely )?"
    r"(?:accurate|correct|true|right|false|wrong|inaccurate|incorrect|misleading)[^:;\"]{0,40}:"
    r"\s+(?=\S)"
)
_TRAILING_ASIDE = re.compile(r",\s+(?:adding|citing)\b[^,;\"\u201c\u201d]*(?=[.!?]?[\"\u201d]?$)")
# A parenthetical attribution inside the claim ("In the 1990s, she said, the committee ...").
_PARENTHETICAL = re.compile(
    r",\s+(?:he|she|they|it)\s+(?:said|says|added|noted|argued|insisted|claimed|wrote|explained),"
    r"\s+"
    # A named source between the claim and its consequence ("..., the statistics office said
    # last month, meaning ...").
    r"|,\s+(?:the\s+[a-z][a-z -]{0,40}?|[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+"
    r"(?:said|says|reported|reports|noted|added)(?:\s+(?:on|in|last|this|earlier)(?:\s+[\w.]+){1,3})?,"
    r"\s+(?=[a-z]+ing\b)"
)
_PARENTHETICAL_VERBS = any_of(
    f" {verb}"
    for verb in [
        "said",
        "says",
        "added",
        "noted",
        "argued",
        "insisted",
        "claimed",
        "wrote",
        "explained",
        "reported",
    ]
)


def _may_be_parenthetical(text: str) -> bool:
    """Whether ``text`` has one of the verbs a parenthetical attribution needs: most sentences
    have none, and a search for the words costs a fraction of the pattern's."""
    return _PARENTHETICAL_VERBS.search(text) is not None


# Whom a speaker addresses, opening their words ("Minister, the line was due in 2024").
_VOCATIVE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Senator|Minister|Prime Minister|Mayor|Madam Speaker|Sir|"
    r"Chair|Chairman|Councillor|Cllr)\.?(?: [A-Z][\w'\u2019-]+)?),\s+(?=[a-z])(?!who\b|which\b)"
)
# The speaker's comment on the claim they just made ("..., and that's what really hurts").
# A comparison with a figure ("and that is the most since 2008") is a claim, and stays.
_COMMENT = re.compile(r",? (?:and|but) (?:that|this)(?:'s|\u2019s| is| was)\b[^,;\d]*$")
_ING = re.compile(r"[a-z]+ing\b")
# A "saying" clause left at the front once its rebuttal went ("Saying the figure included ...").
_SAYING = re.compile(r"^(?:[Ss]aying|[Aa]dding|[Nn]oting)\s+(?:that\s+)?(?=\S)")
# An attribution inside a relative clause ("the budget, which he said would pay for ..."): the
# claim is what the speaker said, so the statement keeps only the clause ("which would pay").
_RELATIVE_ATTRIBUTION = re.compile(
    r"\b(which|that|who)\s+(?:he|she|they|[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+"
    r"(?:said|says|claimed|claims|argued|argues|insisted|insists|estimated|estimates|predicted|"
    r"predicts)\s+(?=(?:would|will|could|can|may|might|should|is|was|are|were|has|have|had)\b)"
)


# Adverbs that tie the claim to the time of writing or to the sentence before ("are still 22
# percent higher", "can now get", "the council also approved"): a standalone claim goes without.
# The words first, then what may come before them: the other way round, every position of
# the statement would try each word that may come before.
_TIME_OF_WRITING = re.compile(
    r"(?= (?:still|now|currently|also) [a-z\d$\u00a3\u20ac])"
    r"(?<=\w)(?<!\buntil)(?<!\bby)(?<!\bfrom)(?<!\bfor)(?<!\bright)(?<!\bjust)(?<!\beven)"
    r" (?:still|now|currently|also)"
)


def _drop_time_of_writing(match: re.Match[str]) -> str:
    # "closed in 2021 and now operates as a clinic": "now" is set against the past it names.
    if match.group().strip() == "now" and re.search(r"\d{4}", match.string[: match.start()]):
        return match.group()
    return ""


_OPENS_QUOTE = re.compile("[\"\u201c\u2018']")


# A direct quotation keeps the speaker's own tense.
_QUOTED = re.compile(r"[\"\u201c\u201d\u2018]")


def _strip_frames(text: str) -> str:
    text = _TIME_STAMP.sub("", text)
    text = _SECTION_LABEL.sub("", text)
    text = _VERDICT.sub("", text)
    if _may_be_parenthetical(text) and _PARENTHETICAL.search(text):
        # "X, she explained, combining ...": a participle's clause keeps its comma.
        text = _PARENTHETICAL.sub(lambda m: ", " if _ING.match(m.string, m.end()) else " ", text)
    # A trailing attribution that gives the role before the name, or ends on who the speaker
    # is, reduced to ", Name said." which the attribution rules know.
    text = _ROLE_THEN_NAME.sub(r", \g<name> \g<verb>\g<rest>", text)
    text = _SAID_NAME_WHO.sub(r"\g<end> said \g<name>.", text)
    return _TRAILING_ASIDE.sub("", text)


_NAME = r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
_ROLE_THEN_NAME = re.compile(
    r",\s+(?:the|its|his|her|their|[A-Z][\w'\u2019]*['\u2019]s)\s[^,\"\u201c\u201d]{1,60},\s+"
    r"(?P<name>"
    + _NAME
    + r"),\s+(?P<verb>said|says|added|noted|wrote|told\s+\w+)(?P<rest>[^,]{0,30})$"
)
_SAID_NAME_WHO = re.compile(
    r"(?P<end>[,\"\u201d\u2019']+)\s+said\s+(?:[a-z]+\s+){0,3}(?P<name>" + _NAME + r"),\s+who\b"
    r"[^\"\u201c\u201d]*$"
)


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


# News style (AP) spells out a number that opens a sentence; a year stays in figures.
_LEADING_NUMBER = re.compile(r"^(\d{1,2})(%| percent\b| per cent\b)?(?=[ ,])(?!,\d)")


def _spell_leading_number(body: str) -> str:
    """ "31 vehicles arrived" -> "Thirty-one vehicles arrived", "98% of" -> "Ninety-eight percent of"."""
    match = _LEADING_NUMBER.match(body)
    if match is None or body[match.end(1) : match.end(1) + 1] in {".", ":"}:
        return body
    number = int(match.group(1))
    if number < 20:
        words = _UNITS[number]
    else:
        tens, units = divmod(number, 10)
        words = _TENS[tens - 2] + (f"-{_UNITS[units]}" if units else "")
    unit = match.group(2) or ""
    if unit == "%":
        unit = " percent"
    return words.capitalize() + unit + body[match.end() :]


def _replace_leading_pronoun(
    body: str,
    *,
    claimant: ClaimantMention | None,
    attributed: bool,
    previous: Sequence[str],
    people: frozenset[str],
    said: str = "",
    quoted: bool = False,
    genders: Mapping[str, Gender] | None = None,
) -> str:
    match = re.match(r"(He|She|It|They|We|I|he|she|it|they|we)\b(?!['\u2019])", body)
    if not match:
        owner = re.match(r"(?:its|his|her|their|Its|His|Her|Their)\b", body)
        if owner and owner.group().lower() in {"his", "her"} and not attributed:
            # "Her government's sale ...": the person last named, as for "she".
            person = _last_person(previous, people, pronoun=owner.group(), genders=genders)
            if person:
                return possessive(person) + body[owner.end() :]
            return body
        if owner and attributed and claimant is not None:
            kind = "organization" if owner.group().lower() in {"its", "their"} else "person"
            if claimant.kind == kind and not _disagrees(claimant.name, owner.group(), genders):
                return possessive(_with_article(claimant.name, said)) + body[owner.end() :]
        elif attributed and claimant is not None and claimant.kind == "organization":
            # "It said volumes in its division grew": the speaker's own division.
            speaker = speaker_pronoun(said)
            if speaker in {"", "it"} and not _plural(claimant.name) and claimant.name not in body:
                own = _OWN.search(body)
                if own and (speaker == "it" or not _owner_before(body[: own.start()])):
                    return body[: own.start()] + possessive(claimant.name) + body[own.end() :]
        return body
    pronoun = match.group().lower()
    kind = _PRONOUN_KIND[pronoun]
    name = None
    if not attributed and claimant is None and pronoun not in {"he", "she"}:
        return body
    speaker = speaker_pronoun(said) if attributed else ""
    if (
        pronoun in {"he", "she"}
        and claimant is not None
        and ((speaker and speaker != pronoun) or quoted)
    ):
        # "She said he lied", "Smith said: 'He took their money'": not the speaker, so the
        # person last named before who is not the speaker.
        other = _last_person(
            previous,
            people,
            exclude=(claimant.name, *claimant.aliases),
            pronoun=pronoun,
            genders=genders,
        )
        return other + body[match.end() :] if other else body
    if speaker and speaker != pronoun:
        return body  # "They said it ...": not the speaker
    if pronoun == "it" and claimant is not None and _plural(claimant.name):
        return body  # "Officials said it was ...": "it" is not the officials
    if pronoun in {"it", "they"} and not speaker and _ACCORDING_TO.search(said):
        return body  # "It is the third fire, according to the board's records": not the board
    if (
        claimant is not None and claimant.kind == kind and (attributed or pronoun in {"i", "we"})
    ) or (claimant is not None and pronoun in {"i"} and claimant.kind == "person"):
        name = claimant.name
        if _disagrees(name, pronoun, genders):
            return body  # "She said ..." where the speaker found is a "he": not them
    elif pronoun in {"he", "she"}:
        name = _last_person(previous, people, pronoun=pronoun, genders=genders)
    if not name:
        return body
    rest = body[match.end() :]
    if (
        pronoun in {"he", "she"}
        and name
        and claimant
        and not attributed
        and name in claimant.aliases
    ):
        return body  # inside the claimant's quote, "he" is somebody else
    if pronoun == "i":
        verb = rest.split(None, 1)[0].lower() if rest.split() else ""
        if verb not in FIRST_PERSON_VERBS and not verb.endswith("ed"):
            return body  # "I think ...": the name would not agree with the verb
        rest = re.sub(r"^ am\b", " is", rest)
        rest = re.sub(r"^ have\b", " has", rest)
    return _with_article(name, said) + rest


def _with_article(name: str, said: str) -> str:
    """ "the Data Protection Authority" keeps its article when the name stands for "it"."""
    if re.search(r"\b[Tt]he " + re.escape(name) + r"\b", said):
        return "the " + name
    return name


_ACCORDING_TO = re.compile(r"\baccording to\b", re.IGNORECASE)


_OWN = re.compile(r"(?<=\s)its\b")


def _owner_before(words: str) -> bool:
    """Whether something named before an "its" can be its owner: a name ("Kessaly imports 70
    percent of its gas"), an "it" or a singular subject. "Sales in its division": the speaker."""
    first, *rest = words.split() or [""]
    if any(word[:1].isupper() for word in rest) or re.search(r"\bit\b", words):
        return True
    return not first.lower().endswith("s")


def _plural(name: str) -> bool:
    last = name.split()[-1].lower()
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


# A run of capitalised words: where a person's name can stand in a sentence.
_LONGEST_NAME_WORDS = 6


def _disagrees(name: str, pronoun: str, genders: Mapping[str, Gender] | None) -> bool:
    """Whether the article makes clear that ``name`` is not what ``pronoun`` says."""
    if genders is None or pronoun.lower() not in _GENDERED_PRONOUNS:
        return False
    gender = gender_of(name, genders)
    return gender is not None and gender != _GENDERED_PRONOUNS[pronoun.lower()]


_GENDERED_PRONOUNS: dict[str, Gender] = {"he": "he", "his": "he", "she": "she", "her": "she"}


def _last_person(
    previous: Sequence[str],
    people: frozenset[str],
    *,
    exclude: Sequence[str] = (),
    pronoun: str = "",
    genders: Mapping[str, Gender] | None = None,
) -> str | None:
    """The person last named in the nearest preceding sentences, by their fullest name,
    who is not one of ``exclude``.

    With ``genders``, that person must be of the ``pronoun``'s gender as the article makes
    clear: one of the other gender is passed over, and one the article leaves unclear ends
    the search with nobody, since a wrong name is worse than the pronoun.

    The sentences' own capitalised words are looked up among the people, never the other way
    round: the cost follows the sentences, not how many people a long article names.
    """
    if not people:
        return None
    for sentence in reversed(previous[-3:]):
        found = [
            (sentence.rfind(name), len(name), name)
            for run in CAPITALISED_RUN.finditer(sentence)
            for name in _word_spans(run.group())
            if name in people
        ]
        # Not part of a longer name ("Little Lanterns" of "the Little Lanterns Trust").
        found = [
            item
            for item in found
            if item[0] >= 0 and not re.match(r" [A-Z]", sentence[item[0] + item[1] :][:2])
        ]
        for item in sorted(found, reverse=True):
            fullest = _fullest_names(people).get(item[2], item[2])
            if item[2] in exclude or fullest in exclude:
                continue
            if genders is None or not pronoun:
                return fullest
            gender = gender_of(fullest, genders)
            if gender is None:
                return None
            if gender == _GENDERED_PRONOUNS[pronoun.lower()]:
                return fullest
    return None


def _word_spans(run: str) -> list[str]:
    words = run.split()
    return [
        " ".join(words[first:last])
        for first in range(len(words))
        for last in range(first + 1, min(len(words), first + _LONGEST_NAME_WORDS) + 1)
    ]


@functools.lru_cache(maxsize=8)
def _fullest_names(people: frozenset[str]) -> dict[str, str]:
    """Each ending of a person's name ("Whitfield") with the longest name the article gives
    that ends with it ("Ana Whitfield"); built once per article."""
    fullest: dict[str, str] = {}
    for name in people:
        words = name.split()
        for first in range(1, len(words)):
            ending = " ".join(words[first:])
            if len(name) > len(fullest.get(ending, "")):
                fullest[ending] = name
    return fullest
