"""From an article's text to its candidate claims: split, select, score, attribute, annotate."""

from __future__ import annotations

import array
import dataclasses
import datetime
import functools
import heapq
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.detection.claimants import ArticleSpeakers, ClaimantMention, analyse_speakers
from claims.detection.dates import DateMention, find_dates
from claims.detection.entities import EntityMention, find_entities
from claims.detection.layout import candidate_flags
from claims.detection.news import NewsFilter
from claims.detection.sentences import Sentence, split_sentences
from claims.detection.statements import ArticleStatements

if TYPE_CHECKING:
    from claims.detection.checkworthiness import CheckworthinessModel


class DetectionTimeout(Exception):
    """The analysis of one article took longer than the time it was given."""

    def __init__(self, budget: float) -> None:
        super().__init__(f"too long to analyse within {budget:g} s")
        self.budget = budget


class _Deadline:
    """When an analysis must give up; checked between stages and every few sentences, so that
    it works the same in a worker and in the caller's own process (no signals, no threads)."""

    def __init__(self, budget: float | None) -> None:
        self.budget = budget
        self._at = None if budget is None else time.monotonic() + budget

    def check(self) -> None:
        if self._at is not None and time.monotonic() > self._at:
            raise DetectionTimeout(self.budget or 0.0)


# Sentences scored in one call to the model: small enough to check the deadline often, and to
# keep the model's working memory small whatever the article's length.
_SCORING_BATCH = 512
# Attribution reads at most this much text at once (see _speakers_by_segment): about 16,000 words,
# longer than any story, so only dumps and books are read in parts.
SPEAKER_SEGMENT_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Extraction:
    """The claims kept from an article, and how many distinct check-worthy ones it holds."""

    claims: list[DetectedClaim]
    found: int


@dataclass(frozen=True, slots=True)
class DetectedClaim:
    """A candidate sentence of an article with its score and what it is about.

    Offsets are character offsets into the article text: ``article[start:end] == text``, and
    the offsets of its dates and entities are into the article too.
    """

    text: str
    start: int
    end: int
    score: float
    checkworthy: bool
    claimant: ClaimantMention | None
    dates: tuple[DateMention, ...]
    entities: tuple[EntityMention, ...]
    # The news filter's probability that the sentence is reportable as a claim (None when the
    # detector runs without the filter or the sentence scored below the threshold).
    news_score: float | None = None
    # The claim as one standalone sentence: no quotes, no attribution, pronouns and relative
    # dates resolved (what ClaimReview's claimReviewed carries). Empty when not check-worthy.
    statement: str = ""

    def to_dict(self) -> dict[str, Any]:
        claimant = self.claimant
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "checkworthy": self.checkworthy,
            "news_score": self.news_score,
            "statement": self.statement,
            "claimant": claimant.name if claimant else None,
            "claimant_kind": claimant.kind if claimant else None,
            "claimant_aliases": list(claimant.aliases) if claimant else [],
            "dates": [
                {
                    "text": date.text,
                    "start": date.start,
                    "end": date.end,
                    "value": date.value.isoformat(),
                    "end_value": date.end_value.isoformat(),
                    "granularity": date.granularity,
                }
                for date in self.dates
            ],
            "entities": [
                {
                    "text": entity.text,
                    "start": entity.start,
                    "end": entity.end,
                    "kind": entity.kind,
                    "value": entity.value,
                }
                for entity in self.entities
            ],
        }


class Detector:
    """Finds the check-worthy claims of an article with a check-worthiness model.

    A sentence is check-worthy when its score reaches the threshold and, with the news filter
    (the shipped one unless ``news_filter`` is False or another filter), when the filter also
    finds it reportable: not a forecast, plan, opinion, procedure or page furniture.
    """

    def __init__(
        self,
        model: CheckworthinessModel,
        *,
        threshold: float | None = None,
        news_filter: NewsFilter | bool = True,
    ) -> None:
        self.model = model
        self.threshold = float(model.threshold if threshold is None else threshold)
        if news_filter is True:
            news_filter = load_news_filter()
        self.news_filter = news_filter or None

    def score_sentences(self, sentences: Sequence[str]) -> list[float]:
        """Calibrated probability that each sentence is check-worthy."""
        if not sentences:
            return []
        return [float(score) for score in self.model.score(list(sentences))]

    def analyse(
        self,
        text: str,
        *,
        published_at: datetime.date | None = None,
        time_budget: float | None = None,
        news_filter: bool = True,
    ) -> list[DetectedClaim]:
        """Every candidate sentence of the article (no headline, caption or boilerplate).

        With ``time_budget`` (seconds), raises DetectionTimeout once the analysis has run longer.
        ``news_filter=False`` leaves the filter out for this call (to compare with it).
        """
        return self._analyse(
            text,
            published_at,
            time_budget,
            lambda scores, texts, reportable: list(range(len(scores))),
            news_filter=news_filter,
        )

    def extract(
        self,
        text: str,
        *,
        published_at: datetime.date | None = None,
        time_budget: float | None = None,
    ) -> list[DetectedClaim]:
        """Only the check-worthy claims of the article, in article order."""
        return self._analyse(text, published_at, time_budget, self._checkworthy)

    def extract_most_checkworthy(
        self,
        text: str,
        *,
        limit: int,
        published_at: datetime.date | None = None,
        time_budget: float | None = None,
    ) -> Extraction:
        """At most ``limit`` check-worthy claims with distinct texts, the highest-scoring ones,
        in article order, and how many distinct ones the article holds.

        Only the kept sentences get their dates and entities: a claim-dense 10 MB article costs
        no more memory in claims than a short one.
        """
        found = 0

        def most_checkworthy(
            scores: Sequence[float], texts: list[str], reportable: list[bool]
        ) -> list[int]:
            nonlocal found
            distinct: dict[str, int] = {}
            for position in self._checkworthy(scores, texts, reportable):
                distinct.setdefault(texts[position], position)
            found = len(distinct)
            best = heapq.nlargest(limit, distinct.values(), key=lambda position: scores[position])
            return sorted(best)

        claims = self._analyse(text, published_at, time_budget, most_checkworthy)
        return Extraction(claims=claims, found=found)

    def analyse_span(
        self, text: str, start: int, end: int, *, published_at: datetime.date | None = None
    ) -> DetectedClaim:
        """``text[start:end]`` as a claim of the article ``text``, whatever the detector made of
        it: what a detected claim carries, with a statement always built.

        The span is read in its place among the article's sentences, so those before it say who
        speaks and who "he" is. A span that cuts a sentence short or runs over several stands
        there as one sentence of its own (the rest of a cut sentence stays around it): its
        statement is made of its own words, never of another sentence's.
        """
        if not 0 <= start < end <= len(text):
            raise ValueError(f"the span {start}-{end} is not inside the text (0-{len(text)})")
        article_sentences = split_sentences(text)
        sentences, index = sentences_around_span(text, article_sentences, start, end)
        speakers = _speakers_by_segment(text, sentences, _Deadline(None))
        if speakers.claimants[index] is None and sentences != article_sentences:
            # Part of a sentence ("which he said would pay for 200 more officers") is said by
            # whoever says the sentence it was cut from.
            whole = _speakers_by_segment(text, article_sentences, _Deadline(None))
            first = next(
                position
                for position, sentence in enumerate(article_sentences)
                if sentence.end > start
            )
            claimants = list(speakers.claimants)
            claimants[index] = whole.claimants[first]
            speakers = dataclasses.replace(speakers, claimants=tuple(claimants))
        statements = ArticleStatements(sentences, speakers, published_at=published_at, text=text)
        span = sentences[index]
        (score,) = self.score_sentences([span.text])
        year = published_at.year if published_at else None
        checkworthy, news_score = self._reportable(span.text, score, year, self.news_filter)
        return _annotated(
            span,
            index,
            speakers=speakers,
            statements=statements,
            score=score,
            checkworthy=checkworthy,
            news_score=news_score,
            published_at=published_at,
            with_statement=True,  # the editor says it is a claim
        )

    def _reportable(
        self, text: str, score: float, year: int | None, news: NewsFilter | None
    ) -> tuple[bool, float | None]:
        """Whether the detector reports a sentence: its score reaches the threshold and the news
        filter (when on) agrees; with the filter's probability when it was asked."""
        if score < self.threshold or news is None:
            return score >= self.threshold, None
        probability = news.probability(text, score, published_year=year)
        return probability >= news.threshold, probability

    @staticmethod
    def _checkworthy(
        scores: Sequence[float], texts: list[str], reportable: list[bool]
    ) -> list[int]:
        return [position for position, keep in enumerate(reportable) if keep]

    def _analyse(
        self,
        text: str,
        published_at: datetime.date | None,
        time_budget: float | None,
        choose: Callable[[Sequence[float], list[str], list[bool]], list[int]],
        *,
        news_filter: bool = True,
    ) -> list[DetectedClaim]:
        """The candidates ``choose`` picks (positions among the candidates, given their scores,
        texts and whether each is reportable), annotated with claimant, statement, dates and
        entities."""
        news = self.news_filter if news_filter else None
        year = published_at.year if published_at else None
        deadline = _Deadline(time_budget)
        sentences = split_sentences(text)
        deadline.check()
        # Machine numbers, not Python objects: a 10 MB article has 200,000 candidates, whose
        # positions and scores as objects would cost four times their 8 bytes each.
        candidates = array.array(
            "q", (index for index, flag in enumerate(candidate_flags(text, sentences)) if flag)
        )
        if not candidates:
            return []
        scores = array.array("d")
        for first in range(0, len(candidates), _SCORING_BATCH):
            deadline.check()
            batch = candidates[first : first + _SCORING_BATCH]
            scores.extend(self.score_sentences([sentences[index].text for index in batch]))
        deadline.check()
        texts = [sentences[index].text for index in candidates]
        # Reportable: the score reaches the threshold and the news filter (when on) agrees.
        news_scores = _NewsScores(len(candidates))
        reportable = [False] * len(candidates)
        for position, score in enumerate(scores):
            reportable[position], news_scores[position] = self._reportable(
                texts[position], score, year, news
            )
        deadline.check()
        chosen = choose(scores, texts, reportable)
        deadline.check()
        speakers = _speakers_by_segment(text, sentences, deadline)
        claims = []
        statements = ArticleStatements(sentences, speakers, published_at=published_at, text=text)
        for count, position in enumerate(chosen):
            if count % 64 == 0:
                deadline.check()
            index = candidates[position]
            claims.append(
                _annotated(
                    sentences[index],
                    index,
                    speakers=speakers,
                    statements=statements,
                    score=scores[position],
                    checkworthy=reportable[position],
                    news_score=news_scores[position],
                    published_at=published_at,
                    # Only a claim needs its statement: a sentence not reported is not one.
                    with_statement=reportable[position],
                )
            )
        return claims


class _NewsScores:
    """The news filter's probability for each candidate, None where it was not asked; stored as
    machine numbers (NaN for None: a probability is never NaN)."""

    __slots__ = ("_values",)

    def __init__(self, count: int) -> None:
        self._values = array.array("d", [math.nan]) * count

    def __getitem__(self, position: int) -> float | None:
        value = self._values[position]
        return None if math.isnan(value) else value

    def __setitem__(self, position: int, value: float | None) -> None:
        self._values[position] = math.nan if value is None else value


def _annotated(
    sentence: Sentence,
    index: int,
    *,
    speakers: ArticleSpeakers,
    statements: ArticleStatements,
    score: float,
    checkworthy: bool,
    news_score: float | None,
    published_at: datetime.date | None,
    with_statement: bool,
) -> DetectedClaim:
    """Sentence ``index`` of the article as a claim: its claimant, statement, dates, entities."""
    dates = find_dates(sentence.text, published_at=published_at)
    entities = find_entities(
        sentence.text,
        known_people=speakers.people,
        exclude=[(date.start, date.end) for date in dates],
    )
    statement = statements.of_sentence(index, dates=dates) if with_statement else ""
    return DetectedClaim(
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        score=score,
        checkworthy=checkworthy,
        claimant=speakers.claimants[index],
        dates=tuple(_shift_date(date, sentence.start) for date in dates),
        entities=tuple(_shift_entity(entity, sentence.start) for entity in entities),
        news_score=news_score,
        statement=statement,
    )


def sentences_around_span(
    text: str, sentences: Sequence[Sentence], start: int, end: int
) -> tuple[list[Sentence], int]:
    """The article's sentences with ``text[start:end]`` as one of them, and its position.

    Sentences wholly before or after the span stay as they are; the parts of those it cuts
    that lie outside it stay as sentences of their own, so that "Ramsey said" before a
    selected clause still names its speaker.
    """
    before: list[Sentence] = []
    after: list[Sentence] = []
    for sentence in sentences:
        if sentence.end <= start:
            before.append(sentence)
        elif sentence.start >= end:
            after.append(sentence)
        else:
            head = text[sentence.start : start].rstrip()
            if head.strip():
                before.append(Sentence(head, sentence.start, sentence.start + len(head)))
            tail = text[end : sentence.end]
            lead = len(tail) - len(tail.lstrip())
            if tail.strip():
                after.append(Sentence(tail[lead:], end + lead, sentence.end))
    return [*before, Sentence(text[start:end], start, end), *after], len(before)


def _speakers_by_segment(
    text: str, sentences: list[Sentence], deadline: _Deadline
) -> ArticleSpeakers:
    """Who says what, read a segment of about ``SPEAKER_SEGMENT_CHARS`` at a time.

    Attribution keeps every sentence's tokens until the article has been read; segments bound
    that memory for the rare text far longer than any story (a speaker introduced in one segment
    is not known by surname in the next). Articles shorter than a segment are read whole.
    """
    if len(text) <= SPEAKER_SEGMENT_CHARS:
        return analyse_speakers(text, sentences)
    claimants: list[ClaimantMention | None] = []
    it_referents: list[ClaimantMention | None] = []
    people: set[str] = set()
    first = 0
    while first < len(sentences):
        deadline.check()
        offset = sentences[first].start
        last = first
        while last < len(sentences) and sentences[last].end - offset <= SPEAKER_SEGMENT_CHARS:
            last += 1
        last = max(last, first + 1)
        end = sentences[last - 1].end
        segment = [
            Sentence(sentence.text, sentence.start - offset, sentence.end - offset)
            for sentence in sentences[first:last]
        ]
        found = analyse_speakers(text[offset:end], segment)
        claimants.extend(found.claimants)
        it_referents.extend(found.it_referents)
        people.update(found.people)
        first = last
    return ArticleSpeakers(
        claimants=tuple(claimants), people=frozenset(people), it_referents=tuple(it_referents)
    )


def _shift_date(date: DateMention, offset: int) -> DateMention:
    return DateMention(
        date.text,
        date.start + offset,
        date.end + offset,
        date.value,
        date.end_value,
        date.granularity,
    )


def _shift_entity(entity: EntityMention, offset: int) -> EntityMention:
    return EntityMention(
        entity.text, entity.start + offset, entity.end + offset, entity.kind, entity.value
    )


@functools.cache
def load_news_filter() -> NewsFilter:
    """The shipped news filter, read once per process."""
    return NewsFilter.load()


@functools.cache
def load_detector() -> Detector:
    """The process-wide default detector: the shipped model at its default threshold."""
    from claims.detection.checkworthiness import CheckworthinessModel

    return Detector(CheckworthinessModel.load())
