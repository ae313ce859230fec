"""From an article's text to its candidate claims: split, select, score, attribute, annotate."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claims.detection.claimants import ClaimantMention, analyse_speakers
from claims.detection.dates import DateMention, find_dates
from claims.detection.entities import EntityMention, find_entities
from claims.detection.layout import candidate_flags
from claims.detection.news import NewsFilter
from claims.detection.sentences import split_sentences
from claims.detection.statements import ArticleStatements

if TYPE_CHECKING:
    from claims.detection.checkworthiness import CheckworthinessModel


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
        news_filter: bool = True,
    ) -> list[DetectedClaim]:
        """Every candidate sentence of the article (no headline, caption or boilerplate).

        ``news_filter=False`` leaves the filter out for this call (to compare with it).
        """
        news = self.news_filter if news_filter else None
        year = published_at.year if published_at else None
        sentences = split_sentences(text)
        flags = candidate_flags(text, sentences)
        candidates = [index for index, flag in enumerate(flags) if flag]
        if not candidates:
            return []
        scores = self.score_sentences([sentences[index].text for index in candidates])
        speakers = analyse_speakers(text, sentences)
        claims = []
        statements = ArticleStatements(sentences, speakers, published_at=published_at)
        for index, score in zip(candidates, scores, strict=True):
            sentence = sentences[index]
            checkworthy = score >= self.threshold
            news_score = None
            if checkworthy and news is not None:
                news_score = news.probability(sentence.text, score, published_year=year)
                checkworthy = news_score >= news.threshold
            dates = find_dates(sentence.text, published_at=published_at)
            entities = find_entities(
                sentence.text,
                known_people=speakers.people,
                exclude=[(date.start, date.end) for date in dates],
            )
            # Only a claim needs its statement: a sentence the detector does not report is not one.
            statement = statements.of_sentence(index, dates=dates) if checkworthy else ""
            claims.append(
                DetectedClaim(
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
            )
        return claims

    def extract(
        self, text: str, *, published_at: datetime.date | None = None
    ) -> list[DetectedClaim]:
        """Only the check-worthy claims of the article, in article order."""
        return [
            claim for claim in self.analyse(text, published_at=published_at) if claim.checkworthy
        ]


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
