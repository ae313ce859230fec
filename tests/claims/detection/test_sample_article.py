"""The example article every part of detection must handle (skips when shared/ is absent)."""

import datetime

import pytest

from claims.detection import DetectedClaim, load_detector, split_sentences
from claims.detection.layout import candidate_flags
from tests.shared_data import sample_article_text

pytestmark = pytest.mark.shared_data

PUBLISHED = datetime.date(2019, 2, 20)


@pytest.fixture(scope="module")
def article() -> str:
    return sample_article_text()


@pytest.fixture(scope="module")
def extracted(article: str) -> list[DetectedClaim]:
    return load_detector().extract(article, published_at=PUBLISHED)


@pytest.fixture(scope="module")
def analysed(article: str) -> list[DetectedClaim]:
    return load_detector().analyse(article, published_at=PUBLISHED)


def find(claims: list[DetectedClaim], fragment: str) -> DetectedClaim:
    matches = [claim for claim in claims if fragment in claim.text]
    assert matches, f"no claim contains {fragment!r}"
    return matches[0]


def test_the_space_force_sentence_is_reported_for_foreign_policy_with_its_year(extracted):
    claim = find(extracted, "announced his intent to establish a new Space Force")
    assert claim.text.startswith("“In the face of a growing threat")
    assert claim.claimant.name == "Foreign Policy"
    assert claim.claimant.kind == "organization"
    assert [(d.text, d.value, d.granularity) for d in claim.dates] == [
        ("2018", datetime.date(2018, 1, 1), "year")
    ]


def test_the_space_force_statement_drops_the_quotation_marks_and_it_said(extracted):
    claim = find(extracted, "announced his intent to establish a new Space Force")
    assert claim.statement.endswith(
        "U.S. President Donald Trump in 2018 announced his intent to establish a new Space Force "
        "as a separate branch of the armed services."
    )
    assert not any(mark in claim.statement for mark in '"\u201c\u201d')
    assert "it said" not in claim.statement
    assert claim.to_dict()["statement"] == claim.statement


def test_a_reported_quote_keeps_only_what_was_said(extracted):
    claim = find(extracted, "China and Russia have “weaponized space.")
    assert claim.statement == "China and Russia have weaponized space."


def test_a_candidate_below_the_threshold_is_no_claim_and_gets_no_statement(analysed):
    candidate = find(analysed, "We are not going to sit back and watch.")
    assert not candidate.checkworthy
    assert candidate.statement == ""


def test_lavrovs_quoted_proposal_is_reported_for_sergey_lavrov(extracted):
    claim = find(extracted, "As you know, Russia and China have already presented")
    assert claim.claimant.name == "Sergey Lavrov"
    assert claim.claimant.kind == "person"
    assert {"Sergey Lavrov", "Lavrov", "Russian Foreign Minister"} <= set(claim.claimant.aliases)


def test_every_statement_of_lavrov_names_him_as_claimant(analysed):
    lavrov = [
        claim
        for claim in analysed
        if "Lavrov" in claim.text
        or "Russian Foreign Minister" in claim.text
        or "BRICS" in claim.text
        or "As you know" in claim.text
    ]
    assert len(lavrov) == 6
    assert {claim.claimant.name for claim in lavrov} == {"Sergey Lavrov"}


def test_shanahans_weaponized_space_claim_is_reported_for_patrick_shanahan(extracted):
    claim = find(extracted, "China and Russia have “weaponized space.")
    assert claim.claimant.name == "Patrick Shanahan"
    assert "Shanahan" in claim.claimant.aliases


def test_the_caption_and_the_headline_are_not_candidates(article, analysed):
    texts = [claim.text for claim in analysed]
    assert not any("crescent moon" in text for text in texts)
    assert not any("Earth from outerspace" in text for text in texts)
    sentences = split_sentences(article)
    flags = candidate_flags(article, sentences)
    assert [s.text for s, flag in zip(sentences, flags, strict=True) if not flag][:2] == [
        "Earth from outerspace",
        "A crescent moon rises over the cusp of the Earth's atmosphere in this picture taken by "
        "Japan Aerospace Exploration Agency astronaut Koichi Wakata onboard the International "
        "Space Station Feb. 1, 2014.",
    ]


def test_we_are_not_going_to_sit_back_is_a_candidate_the_model_rejects(analysed, extracted):
    candidate = find(analysed, "We are not going to sit back and watch.")
    assert candidate.claimant.name == "Patrick Shanahan"
    assert not candidate.checkworthy
    assert all("sit back and watch" not in claim.text for claim in extracted)


def test_us_officials_and_their_january_statement(analysed):
    claim = find(analysed, "U.S. officials had said that space")
    assert claim.claimant.name == "U.S. officials"
    assert [(d.value, d.end_value) for d in claim.dates] == [
        (datetime.date(2019, 1, 1), datetime.date(2019, 1, 31))
    ]
    they = find(analysed, "They said it was something")
    assert they.claimant == claim.claimant


def test_the_experts_deadline_sentence_is_the_experts_claim_with_its_date(analysed):
    claim = find(analysed, "congressionally mandated deadline of December 2022")
    assert (claim.claimant.name, claim.claimant.kind) == ("Experts", "organization")
    assert [(d.text, d.granularity) for d in claim.dates] == [("December 2022", "month")]


def test_young_is_the_claimant_of_his_told_and_explained_sentences(analysed):
    told = find(analysed, "told the Guardian that America")
    explained = find(analysed, "Young explained")
    assert told.claimant.name == explained.claimant.name == "Stephen Young"
    assert ("Union of Concerned Scientists", "organization") in [
        (e.text, e.kind) for e in told.entities
    ]
