import dataclasses
import datetime
import gc
import json

import pytest

from claims.detection import DetectedClaim, DetectionTimeout, Detector, load_detector, pipeline
from claims.detection.sentences import Sentence

PUBLISHED = datetime.date(2023, 11, 16)  # a Thursday

HEALTH = """Measles cases jump in Europe

LONDON (Reuters) - Measles cases in Europe more than tripled in 2018, reaching 82,596, \
the World Health Organization (WHO) said on Thursday. Health Minister Maria Keller said \
vaccination rates in Germany had fallen to 91 percent last year. “We cannot let this disease \
come back,” Keller said. “Every child who is not vaccinated is at risk.”
"""

ECONOMY = """Inflation eases for a third month

The U.S. consumer price index rose 3.2% in the year to October, down from 3.7% in September, \
the Labor Department said on Tuesday. Federal Reserve Chair Jerome Powell told lawmakers last \
week that the central bank would keep rates high "for some time." Economists had expected a \
3.3% rise. According to the National Retail Federation, holiday sales will grow between 3% and \
4% this year, to as much as $966.6 billion.
"""

ELECTIONS = """Turnout hits record in state election

Turnout in the Ohio governor's race reached 63 percent, the highest since the 1990s, according \
to Secretary of State Frank LaRose. “More than 5.1 million Ohioans cast a ballot,” LaRose said \
in a statement. Sen. Sherrod Brown claimed the new voting rules had kept thousands of voters \
away. The state\u2019s election board rejected that, saying just 1,200 provisional ballots were \
refused.
"""


@pytest.fixture(scope="module")
def detector() -> Detector:
    return load_detector()


def by_start(claims: list[DetectedClaim], opening: str) -> DetectedClaim:
    return next(claim for claim in claims if claim.text.startswith(opening))


def test_the_default_detector_is_loaded_once_per_process():
    assert load_detector() is load_detector()


def test_score_sentences_gives_one_probability_per_sentence(detector):
    scores = detector.score_sentences(["Unemployment fell to 3.5% in 2019.", "Thank you."])
    assert len(scores) == 2
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert scores[0] > scores[1]
    assert detector.score_sentences([]) == []


def test_every_candidate_carries_exact_offsets_into_the_article(detector):
    for article in (HEALTH, ECONOMY, ELECTIONS):
        for claim in detector.analyse(article, published_at=PUBLISHED):
            assert article[claim.start : claim.end] == claim.text
            for mention in (*claim.dates, *claim.entities):
                assert article[mention.start : mention.end] == mention.text


def test_headlines_and_datelines_never_reach_the_candidates(detector):
    claims = detector.analyse(HEALTH, published_at=PUBLISHED)
    assert claims[0].text.startswith("Measles cases in Europe more than tripled")
    assert all("jump in Europe" not in claim.text for claim in claims)


def test_extract_keeps_the_checkworthy_candidates_in_article_order(detector):
    analysed = detector.analyse(ECONOMY, published_at=PUBLISHED)
    extracted = detector.extract(ECONOMY, published_at=PUBLISHED)
    assert extracted == [claim for claim in analysed if claim.checkworthy]
    assert [c.start for c in extracted] == sorted(c.start for c in extracted)
    assert all(claim.score >= detector.threshold for claim in extracted)


def test_the_threshold_decides_what_is_checkworthy(detector):
    everything = Detector(detector.model, threshold=0.0)
    nothing = Detector(detector.model, threshold=1.01)
    assert everything.threshold == 0.0
    assert len(everything.extract(ELECTIONS)) == len(everything.analyse(ELECTIONS)) == 4
    assert nothing.extract(ELECTIONS) == []
    assert Detector(detector.model).threshold == detector.model.threshold


def test_the_figures_of_each_story_are_flagged_checkworthy(detector):
    flagged = [
        claim.text[:30]
        for article in (HEALTH, ECONOMY, ELECTIONS)
        for claim in detector.extract(article, published_at=PUBLISHED)
    ]
    for opening in (
        "Measles cases in Europe more t",
        "Health Minister Maria Keller s",
        "The U.S. consumer price index ",
        "Turnout in the Ohio governor's",
        "“More than 5.1 million Ohioans",
    ):
        assert any(text.startswith(opening) for text in flagged), opening


def test_a_forecast_is_analysed_but_not_reported_as_a_claim(detector):
    # "Holiday sales will grow ... this year" cannot be checked until the year is over.
    forecast = by_start(detector.analyse(ECONOMY, published_at=PUBLISHED), "According to the")
    assert forecast.score >= detector.threshold
    assert not forecast.checkworthy
    assert forecast.news_score < detector.news_filter.threshold
    extracted = detector.extract(ECONOMY, published_at=PUBLISHED)
    assert all(not claim.text.startswith("According to the") for claim in extracted)


def test_a_health_story_reports_its_figures_with_who_said_them(detector):
    claims = detector.analyse(HEALTH, published_at=PUBLISHED)
    first = by_start(claims, "Measles cases in Europe")
    assert first.claimant.name == "World Health Organization"
    assert first.claimant.kind == "organization"
    assert "WHO" in first.claimant.aliases
    assert [d.value for d in first.dates] == [datetime.date(2018, 1, 1), PUBLISHED]
    assert ("82,596", "quantity", 82596.0) in [(e.text, e.kind, e.value) for e in first.entities]

    minister = by_start(claims, "Health Minister Maria Keller")
    assert minister.claimant.name == "Maria Keller"
    assert set(minister.claimant.aliases) == {"Maria Keller", "Keller", "Health Minister"}
    assert [(d.value, d.granularity) for d in minister.dates] == [
        (datetime.date(2022, 1, 1), "year")
    ]
    assert ("91 percent", "percent", 91.0) in [(e.text, e.kind, e.value) for e in minister.entities]


def test_a_follow_up_warning_belongs_to_the_minister_and_ranks_below_the_storys_facts(detector):
    claims = detector.analyse(HEALTH)
    warning = by_start(claims, "“Every child who is not vaccinated")
    assert warning.claimant.name == "Maria Keller"
    # A general warning without a figure: less than even odds, and below every reported fact,
    # so editors sorting by score reach it last.
    facts = [by_start(claims, "Measles cases in Europe"), by_start(claims, "Health Minister")]
    assert warning.score < 0.5
    assert all(warning.score < fact.score for fact in facts)


def test_an_economy_story_attributes_each_figure(detector):
    claims = detector.analyse(ECONOMY, published_at=PUBLISHED)
    cpi = by_start(claims, "The U.S. consumer price index")
    assert cpi.claimant.name == "Labor Department"
    assert [e.value for e in cpi.entities if e.kind == "percent"] == [3.2, 3.7]
    assert datetime.date(2023, 11, 14) in [d.value for d in cpi.dates]  # "on Tuesday"

    retail = by_start(claims, "According to the National Retail Federation")
    assert retail.claimant.name == "National Retail Federation"
    assert ("$966.6 billion", "money", 966.6e9) in [
        (e.text, e.kind, e.value) for e in retail.entities
    ]

    expected = by_start(claims, "Economists had expected")
    assert expected.claimant is None


def test_an_election_story_resolves_titles_and_surnames(detector):
    claims = detector.analyse(ELECTIONS, published_at=PUBLISHED)
    turnout = by_start(claims, "Turnout in the Ohio governor's race")
    assert turnout.claimant.name == "Frank LaRose"
    assert "Secretary of State" in turnout.claimant.aliases
    assert [(d.text, d.value, d.end_value) for d in turnout.dates] == [
        ("the 1990s", datetime.date(1990, 1, 1), datetime.date(1999, 12, 31))
    ]
    ballots = by_start(claims, "“More than 5.1 million Ohioans")
    assert ballots.claimant == turnout.claimant
    assert ("5.1 million", "quantity", 5.1e6) in [
        (e.text, e.kind, e.value) for e in ballots.entities
    ]

    senator = by_start(claims, "Sen. Sherrod Brown claimed")
    assert (senator.claimant.name, senator.claimant.kind) == ("Sherrod Brown", "person")


def test_to_dict_is_json_with_the_documented_fields(detector):
    claim = by_start(detector.analyse(HEALTH, published_at=PUBLISHED), "Health Minister")
    as_dict = json.loads(json.dumps(claim.to_dict()))
    assert as_dict["text"] == claim.text
    assert (as_dict["start"], as_dict["end"]) == (claim.start, claim.end)
    assert as_dict["claimant"] == "Maria Keller"
    assert as_dict["claimant_kind"] == "person"
    assert "Keller" in as_dict["claimant_aliases"]
    assert as_dict["checkworthy"] is claim.checkworthy
    assert as_dict["dates"] == [
        {
            "text": "last year",
            "start": claim.dates[0].start,
            "end": claim.dates[0].end,
            "value": "2022-01-01",
            "end_value": "2022-12-31",
            "granularity": "year",
        }
    ]
    assert {"text": "91 percent", "kind": "percent", "value": 91.0}.items() <= next(
        e for e in as_dict["entities"] if e["kind"] == "percent"
    ).items()


def test_a_claim_without_claimant_serialises_with_empty_claimant_fields(detector):
    claim = by_start(detector.analyse(ECONOMY), "Economists had expected")
    as_dict = claim.to_dict()
    assert (as_dict["claimant"], as_dict["claimant_kind"], as_dict["claimant_aliases"]) == (
        None,
        None,
        [],
    )


def test_without_a_publication_date_only_absolute_dates_are_reported(detector):
    first = by_start(detector.analyse(HEALTH), "Measles cases in Europe")
    assert [d.text for d in first.dates] == ["2018"]


def test_an_article_with_nothing_to_check_gives_no_claims(detector):
    assert detector.analyse("") == []
    assert detector.analyse("Headline only\n\nAdvertisement") == []


def test_hostile_articles_are_analysed_without_error(detector):
    for article in (
        "\x00" * 10_000 + " said Smith. " * 100,
        "word " * 100_000,
        "“" * 10_000 + " he said. " * 200,
    ):
        for claim in detector.analyse(article):
            assert article[claim.start : claim.end] == claim.text


def test_an_analysis_that_runs_out_of_time_stops_with_a_timeout(detector):
    article = ECONOMY * 50
    with pytest.raises(DetectionTimeout, match="too long to analyse within 0 s"):
        detector.analyse(article, time_budget=0.0)
    assert detector.analyse(article, time_budget=60.0) == detector.analyse(article)


def _live_sentences() -> int:
    # type(), not isinstance(): a weak proxy among the objects raises once its referent is gone.
    return sum(1 for thing in gc.get_objects() if type(thing) is Sentence)


def test_an_analysis_leaves_none_of_its_articles_sentences_behind(detector):
    # Freed when the call returns, not at the collector's next pass: a 10 MB article's
    # sentences would otherwise still fill memory while the next article is read.
    article = "\n\n".join([HEALTH, ECONOMY, ELECTIONS] * 4)
    gc.collect()
    before = _live_sentences()
    gc.disable()
    try:
        for analyse in (detector.analyse, detector.extract):
            analyse(article, published_at=PUBLISHED)
        detector.extract_most_checkworthy(article, limit=3, published_at=PUBLISHED)
        start, end = _span(BUDGET, "Ramsey has pledged")
        detector.analyse_span(BUDGET, start, end, published_at=PUBLISHED)
        left = _live_sentences() - before
    finally:
        gc.enable()
    assert left == 0


def test_a_text_longer_than_an_attribution_segment_keeps_its_speakers_and_offsets(
    detector, monkeypatch
):
    article = "\n\n".join([HEALTH, ECONOMY, ELECTIONS] * 8)
    whole = detector.analyse(article)
    monkeypatch.setattr(pipeline, "SPEAKER_SEGMENT_CHARS", 1500)
    segmented = detector.analyse(article)
    assert len(article) > 5 * 1500
    assert [(c.start, c.end) for c in segmented] == [(c.start, c.end) for c in whole]
    for claim in segmented:
        assert article[claim.start : claim.end] == claim.text
    speakers = {c.claimant.name for c in segmented if c.claimant}
    assert {"Jerome Powell", "Frank LaRose", "Labor Department"} <= speakers


BUDGET = (
    "Mayor Jacob Ramsey unveiled his budget on Tuesday, a day after the council vote.\n"
    "Ramsey has pledged to add $25 million to the police budget, which he said would pay for "
    "200 more officers.\n"
    "The council will vote on the plan next month."
)


def _span(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_a_span_that_is_one_of_the_articles_sentences_is_analysed_as_the_detector_does(detector):
    claim = by_start(detector.analyse(BUDGET, published_at=PUBLISHED), "Mayor Jacob Ramsey")
    assert claim.checkworthy

    span = detector.analyse_span(BUDGET, claim.start, claim.end, published_at=PUBLISHED)

    # Scored alone rather than in the article's batch: the same score to float precision.
    assert span.score == pytest.approx(claim.score, abs=1e-6)
    assert dataclasses.replace(span, score=claim.score, news_score=claim.news_score) == claim


def test_a_span_the_detector_passed_over_gets_its_speaker_and_statement(detector):
    start, end = _span(BUDGET, "Ramsey has pledged")
    end = BUDGET.index("officers.") + len("officers.")

    claim = detector.analyse_span(BUDGET, start, end, published_at=PUBLISHED)

    assert BUDGET[claim.start : claim.end] == claim.text
    assert claim.claimant is not None
    assert claim.claimant.name == "Jacob Ramsey"
    assert claim.statement == (
        "Jacob Ramsey has pledged to add $25 million to the police budget, which would pay for "
        "200 more officers."
    )
    assert [(entity.text, entity.kind) for entity in claim.entities] == [
        ("Ramsey", "person"),
        ("$25 million", "money"),
        ("200", "quantity"),
    ]
    assert claim.score == detector.score_sentences([claim.text])[0]


def test_part_of_a_sentence_keeps_its_own_words_and_the_sentences_speaker(detector):
    start, end = _span(BUDGET, "add $25 million to the police budget")

    claim = detector.analyse_span(BUDGET, start, end, published_at=PUBLISHED)

    assert claim.text == "add $25 million to the police budget"
    assert claim.statement == "Add $25 million to the police budget."
    assert claim.claimant is not None
    assert claim.claimant.name == "Jacob Ramsey"


def test_a_span_over_two_sentences_is_one_claim_with_their_dates(detector):
    start, end = _span(BUDGET, "Jacob Ramsey unveiled his budget on Tuesday")
    end = BUDGET.index(", which he said")

    claim = detector.analyse_span(BUDGET, start, end, published_at=PUBLISHED)

    assert claim.text == BUDGET[start:end]
    assert "police budget" in claim.statement
    assert "unveiled" in claim.statement
    assert [date.value for date in claim.dates] == [datetime.date(2023, 11, 14)]


def test_a_span_outside_the_text_is_refused(detector):
    with pytest.raises(ValueError, match="not inside the text"):
        detector.analyse_span(BUDGET, 10, len(BUDGET) + 1)
