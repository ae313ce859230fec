"""One claim, many appearances: extraction recognises a claim already tracked."""

import importlib
from datetime import UTC, datetime

import pytest
from django.apps import apps

from articles.services import article_create, article_request_extraction, article_update
from claims.match_index import matchable_documents
from claims.matching import CONFIDENT_MATCH, SUGGEST_MATCH, ClaimIndex
from claims.models import Appearance, Claim, MatchSuggestion, SuggestionStatus
from claims.services import article_extract_claims
from tests.factories import ClaimFactory

COUNCIL_STORY = """Riverside council approves budget amid row over road repairs

The Riverside city council approved its annual budget on Tuesday after a heated debate over \
transport spending.

"The city spent $4.2 million on road repairs in 2023, more than in any year since 2010," Mayor \
Helen Carter told the council. She said the money had fixed 1,300 potholes across the city.

Opposition councillor David Moore said the figures hid a growing backlog. "Unemployment in \
Riverside fell to 3.1 percent last year, but our roads are still the worst in the county," \
Moore said.

The budget passes to the regional authority for review next month."""

TOWN_HALL_STORY = """Mayor defends transport record at town hall meeting

Mayor Helen Carter defended her transport record at a town hall meeting on Thursday evening.

Carter repeated that the city had spent $4.2 million fixing roads in 2023, the most in any year \
since 2010. Residents questioned whether the work had lasted.

Residents said 5,000 oak trees now line the riverbank.

The meeting ended after two hours."""

SPENDING = "The city spent $4.2 million on road repairs in 2023"
REWORDED = "spent $4.2 million fixing roads in 2023"


def _claim_with(fragment: str) -> Claim:
    return Claim.objects.get(text__contains=fragment)


def _publish(title: str, body: str, day: int):
    return article_create(
        title=title,
        body=body,
        outlet="Riverside Post",
        published_at=datetime(2024, 3, day, tzinfo=UTC),
    )


@pytest.fixture
def two_stories(transactional_db):
    council = _publish("Riverside council approves budget", COUNCIL_STORY, 5)
    town_hall = _publish("Mayor defends transport record", TOWN_HALL_STORY, 8)
    return council, town_hall


def test_every_claim_extraction_creates_has_its_own_first_appearance(two_stories):
    council, _ = two_stories
    for claim in Claim.objects.filter(article=council):
        first = claim.appearances.get(article=council)
        assert (first.start, first.end, first.text) == (claim.start, claim.end, claim.text)
        assert COUNCIL_STORY[first.start : first.end] == first.text
        assert first.said_on.isoformat() == "2024-03-05"


def test_a_second_article_repeating_a_tracked_claim_in_other_words_becomes_its_appearance(
    two_stories,
):
    council, town_hall = two_stories
    spending = _claim_with(SPENDING)
    assert not Claim.objects.filter(text__contains=REWORDED).exists()

    repeat = spending.appearances.get(article=town_hall)
    assert REWORDED in repeat.text
    assert TOWN_HALL_STORY[repeat.start : repeat.end] == repeat.text
    assert repeat.said_on.isoformat() == "2024-03-08"
    assert sorted(spending.appearances.values_list("article_id", flat=True)) == [
        council.pk,
        town_hall.pk,
    ]
    # A sentence nobody tracked yet is a claim of its own.
    assert _claim_with("5,000 oak trees").article == town_hall


def test_running_extraction_again_adds_no_duplicate_appearances(two_stories):
    _, town_hall = two_stories
    before = sorted(Appearance.objects.values_list("claim_id", "article_id", "start"))
    claims_before = Claim.objects.count()
    article_request_extraction(article=town_hall)
    outcome = article_extract_claims(article_id=town_hall.pk)
    assert outcome.ran is False
    assert sorted(Appearance.objects.values_list("claim_id", "article_id", "start")) == before
    assert Claim.objects.count() == claims_before


def test_an_edited_article_that_drops_a_repeat_loses_that_appearance_only(two_stories):
    council, town_hall = two_stories
    spending = _claim_with(SPENDING)
    article_update(
        article=town_hall,
        body=TOWN_HALL_STORY.replace(
            "Carter repeated that the city had spent $4.2 million fixing roads in 2023, the most "
            "in any year since 2010. ",
            "",
        ),
    )
    assert list(spending.appearances.values_list("article_id", flat=True)) == [council.pk]
    assert Claim.objects.filter(pk=spending.pk).exists()


def test_a_claim_edited_out_of_its_first_article_stays_while_it_appears_elsewhere(two_stories):
    council, town_hall = two_stories
    spending = _claim_with(SPENDING)
    potholes = _claim_with("1,300 potholes")
    article_update(
        article=council,
        body=COUNCIL_STORY.replace(
            '"The city spent $4.2 million on road repairs in 2023, more than in any year since '
            '2010," Mayor Helen Carter told the council. She said the money had fixed 1,300 '
            "potholes across the city.",
            "",
        ),
    )
    spending.refresh_from_db()
    assert list(spending.appearances.values_list("article_id", flat=True)) == [town_hall.pk]
    # An untriaged claim that appears nowhere else goes with its sentence, as before.
    assert not Claim.objects.filter(pk=potholes.pk).exists()


# Rewordings of Moore's unemployment claim that keep the figure's direction but change the
# fact; the matcher should rate them worth a look, not the same claim.
POSSIBLE_REPEATS = [
    "Riverside's jobless rate rose last year, according to Moore.",
    "Moore claimed that unemployment in Riverside rose last year.",
    "Unemployment in Riverside climbed to 4 percent last year, Moore said.",
    "Jobless numbers in Riverside went up last year, Moore said.",
]


def _a_possible_repeat() -> tuple[str, int]:
    """The first rewording the matcher itself rates between the two thresholds."""
    index = ClaimIndex.build(matchable_documents())
    for sentence in POSSIBLE_REPEATS:
        found = index.search(sentence, limit=1)
        if found and SUGGEST_MATCH <= found[0].confidence < CONFIDENT_MATCH:
            return sentence, found[0].key
    pytest.fail("the matcher rates none of the rewordings as a possible repeat")


def test_a_possible_repeat_is_filed_as_a_suggestion_and_a_rejected_one_is_not_filed_again(
    two_stories, editor
):
    from claims.services import suggestion_reject

    sentence, known_id = _a_possible_repeat()
    jobs = _publish("Jobless figures disputed", f"Jobless figures disputed\n\n{sentence}", 9)
    new_claim = Claim.objects.get(article=jobs)
    assert new_claim.text == sentence
    suggestion = MatchSuggestion.objects.get(claim=new_claim)
    assert suggestion.candidate_id == known_id
    assert "Unemployment in Riverside fell" in suggestion.candidate.text
    assert suggestion.status == SuggestionStatus.PENDING

    suggestion_reject(suggestion=suggestion, actor=editor)
    article_request_extraction(article=jobs)
    assert MatchSuggestion.objects.filter(claim=new_claim).count() == 1
    assert MatchSuggestion.objects.get(claim=new_claim).status == SuggestionStatus.REJECTED
    assert new_claim.appearances.count() == 1


@pytest.mark.django_db
def test_the_data_migration_gives_every_existing_claim_one_first_appearance():
    claims = ClaimFactory.create_batch(2)
    migration = importlib.import_module("claims.migrations.0005_claim_appearances_data")
    migration.create_first_appearances(apps, None)
    migration.create_first_appearances(apps, None)
    for claim in claims:
        (appearance,) = claim.appearances.all()
        assert (appearance.article, appearance.text, appearance.start) == (
            claim.article,
            claim.text,
            claim.start,
        )
