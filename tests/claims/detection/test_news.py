"""The news filter: what a newsroom publishes that is not a claim stays out of the editors' list.

Every sentence dropped here is check-worthy by score alone (the detector without the filter
reports it), so each of these tests fails without the filter.
"""

import datetime
import json
from pathlib import Path

import pytest

from claims.detection import load_detector
from claims.detection.news import (
    FEATURE_NAMES,
    NewsFilter,
    NewsFilterLoadError,
    is_question,
    news_features,
)

PUBLISHED = datetime.date(2024, 5, 2)


def reported(sentence: str, *, news_filter: bool = True) -> bool:
    """Whether the detector reports ``sentence`` as a claim of a one-paragraph story."""
    article = f"Town news roundup\n\n{sentence}"
    claims = load_detector().analyse(article, published_at=PUBLISHED, news_filter=news_filter)
    return any(claim.checkworthy and claim.text == sentence for claim in claims)


NOT_CLAIMS = {
    "prediction": [
        "The new bridge is expected to open to traffic in the spring of 2027.",
        "The regulator is likely to approve the merger before the end of the year.",
        "Prices could rise by as much as 8 percent before Christmas, the retailers' "
        "association warned.",
    ],
    "schedule of a mission": ["The rover will spend about 20 months exploring the crater."],
    "forecast attributed after the claim": [
        "The storm could bring up to 10 inches of rain to parts of the coast, forecasters said."
    ],
    "plan": [
        "The ministry plans to recruit 400 more teachers by 2026.",
        "The company said it would cut 1,200 jobs, about 8 percent of its workforce, by the "
        "end of March.",
        "The mayor said the city would repave 40 miles of roads next year.",
    ],
    "schedule": ["The final hearing is scheduled for Jan. 9 at the county courthouse."],
    "opinion": [
        "The union called the offer “an insult to every nurse”.",
        "Opposition leader Marta Quell said the plan was “a betrayal of every pensioner”.",
        "“Nobody in this town has ever been treated so badly,” said shopkeeper Ada Finch.",
    ],
    "procedural": [
        "The airline did not respond to a request for comment on Friday.",
        "After the vote on the levy, members moved on to a debate on school transport.",
        "The cause of the fire at the warehouse in Dunmore is under investigation.",
        "Police are investigating the break-in at the pharmacy on Main Street.",
        "The council's spokesman did not elaborate.",
        "The governor held a teleconference with county officials on Sunday.",
    ],
    "colour": [
        "Supporters cheered and waved flags as the motorcade passed.",
        "Television images showed families sleeping in cars outside the stadium.",
    ],
    "wish": [
        "The farmers' union wants the government to pay 40 percent of the cost of new fencing.",
        "The striker now has his eyes on the 2026 World Cup.",
    ],
    "page furniture": ["Internet Explorer 11 is not supported."],
    "question": ["Why did ticket prices double in just three years?"],
}

CLAIMS = {
    "a figure with a forecast clause": "Unemployment rose to 6.2 percent in June, the highest "
    "since 2015, and economists expect it to climb further.",
    "a past fact with a hope clause": "The factory closed in 2019 and the town has lost 1,200 "
    "jobs since, although officials hope a new owner will reopen it.",
    "a past fact with a forecast in a relative clause": "The law, which will take effect in "
    "2025, raised the minimum wage to $15 an hour.",
    "an attributed figure": "The hospital said 312 patients were treated for heat exhaustion "
    "last week.",
    "data as the source": "Federal data show overdose deaths fell 4 percent last year.",
    "a quoted figure": "“We have cut waiting times by a third since 2021,” the health minister "
    "said.",
    "a past action": "Police arrested three men in connection with the robbery on Tuesday.",
    "a company's result": "The company, which employs 2,300 people, reported a loss of $41 "
    "million for the quarter.",
    "a comparison with a source": "Rainfall in April was twice the monthly average, according "
    "to the weather service.",
    "a vote with what happens next": "The bill passed the Senate 61-38 on Thursday and now goes "
    "to the president for signature.",
    "a loss with an inquiry": "The fire destroyed 12 homes on Tuesday; its cause is under "
    "investigation.",
    "footage of a timed event": "Television images showed the bridge collapsing at 6:42 p.m. on "
    "Tuesday.",
}


@pytest.mark.parametrize(
    "sentence",
    [pytest.param(s, id=f"{kind}: {s[:40]}") for kind, group in NOT_CLAIMS.items() for s in group],
)
def test_news_sentences_that_are_not_claims_are_not_reported(sentence):
    assert reported(sentence, news_filter=False), "check-worthy by score alone"
    assert not reported(sentence)


@pytest.mark.parametrize("sentence", list(CLAIMS.values()), ids=list(CLAIMS))
def test_factual_news_sentences_are_still_reported(sentence):
    assert reported(sentence)


def test_a_dropped_sentence_keeps_its_score_for_editors_who_look_at_everything():
    article = "Town news roundup\n\nThe ministry plans to recruit 400 more teachers by 2026."
    detector = load_detector()
    (claim,) = detector.analyse(article, published_at=PUBLISHED)
    assert claim.score >= detector.threshold
    assert not claim.checkworthy
    assert claim.news_score is not None
    assert claim.news_score < detector.news_filter.threshold
    assert detector.extract(article, published_at=PUBLISHED) == []


def test_a_year_after_publication_marks_a_forecast():
    sentence = "Output will reach 40,000 tonnes in 2027."
    later = dict(zip(FEATURE_NAMES, news_features(sentence, 0.8, published_year=2024), strict=True))
    earlier = dict(
        zip(FEATURE_NAMES, news_features(sentence, 0.8, published_year=2028), strict=True)
    )
    assert later["future_year"] == 1.0
    assert earlier["future_year"] == 0.0


def test_a_quotation_continued_from_the_previous_sentence_counts_as_all_quoted():
    features = news_features("We opened four more last year,” she said.", 0.5)
    by_name = dict(zip(FEATURE_NAMES, features, strict=True))
    assert by_name["quote_continues"] == 1.0
    assert by_name["quoted_share"] == 1.0


def test_questions_are_recognised_inside_a_closing_quote():
    assert is_question("“Who pays for it?”")
    assert is_question("Will the mine reopen?")
    assert not is_question("He asked whether the mine would reopen.")


def test_the_shipped_filter_records_how_it_was_fitted():
    news_filter = load_detector().news_filter
    assert len(news_filter.weights) == len(FEATURE_NAMES)
    assert 0.0 < news_filter.threshold < 1.0
    assert "cross_validated" in news_filter.metadata


def test_a_filter_file_for_other_features_is_refused(tmp_path: Path):
    path = tmp_path / "news_filter.json"
    path.write_text(
        json.dumps(
            {"format_version": 1, "features": ["score_logit"], "weights": [1.0], "bias": 0.0}
        )
    )
    with pytest.raises(NewsFilterLoadError, match="features"):
        NewsFilter.load(path)


def test_an_unreadable_filter_file_is_refused(tmp_path: Path):
    path = tmp_path / "news_filter.json"
    path.write_text("{not json")
    with pytest.raises(NewsFilterLoadError, match="cannot read"):
        NewsFilter.load(path)


@pytest.mark.parametrize(
    "sentence",
    [
        # Photo captions: a scene in the present tense, dated like a dateline.
        "A nurse prepares a dose of the vaccine at a clinic in Ashford on Feb. 9.",
        "A firefighter sprays water on a burning warehouse in Calder on March 3, 2024.",
        # Calls to action addressed to the reader.
        "Residents can apply online until March 31 for a 200-pound grant.",
        "Readers can contact the newsroom at 0800 555 0199 with their experiences.",
        "Motorists can report potholes through the council's website until April 30.",
        "Anyone with information should call police on 101, quoting crime number 4,512.",
    ],
)
def test_captions_and_calls_to_action_are_not_reported(sentence):
    assert reported(sentence, news_filter=False)
    assert not reported(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "That figure appears to be exaggerated: police data show a 12 percent rise.",
        "That is not accurate.",
        "The claim is false, according to police data from 2023.",
        "His figure of 40,000 jobs is wildly exaggerated.",
        "This is misleading: the 2023 figure counts part-time posts.",
    ],
)
def test_the_reporters_verdict_against_a_claim_is_never_reported(sentence):
    # Whatever its check-worthiness score, the rating is not something to check.
    assert NewsFilter.load().probability(sentence, 0.99, published_year=2024) == 0.0
    assert not reported(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # A dated event told in the past tense is the news, not a caption.
        "A nurse gave 400 doses of the vaccine at a clinic in Ashford on Feb. 9.",
        # A confirmation restates the checked fact as the story's own.
        "That is accurate: the increases took effect in January 2021, July 2022 and January 2023.",
        "Residents paid 12 percent more for water in 2023 than in 2022.",
    ],
)
def test_dated_events_and_confirmed_facts_are_still_reported(sentence):
    assert reported(sentence)
