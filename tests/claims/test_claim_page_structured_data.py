"""The public claim page's ClaimReview, read back the way crawlers read it (extruct), checked
against the properties Google's fact-check rich results require and recommend."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from claims.models import Appearance, Claimant, ClaimantKind
from claims.models.claimants import normalise_name
from tests.api.publishing import publish_verdict
from tests.factories import ArticleFactory, ClaimFactory

extruct = pytest.importorskip("extruct", reason="extruct is not installed (the dev extra has it)")

WIKIDATA = "https://www.wikidata.org/wiki/Q6151110"


def _published_claim_said_twice(editor, reviewer):
    """A claim by a known claimant, said first in one article and repeated in another."""
    claimant = Claimant.objects.create(
        name="Jane Ortiz",
        normalized_name=normalise_name("Jane Ortiz"),
        kind=ClaimantKind.PERSON,
        same_as=[WIKIDATA],
    )
    repeat = ArticleFactory(published_at=datetime.datetime(2026, 2, 28, 9, tzinfo=datetime.UTC))
    first = ArticleFactory(published_at=datetime.datetime(2026, 2, 20, 9, tzinfo=datetime.UTC))
    claim = ClaimFactory(article=repeat, claimant=claimant)
    for article in (repeat, first):
        Appearance.objects.create(
            claim=claim,
            article=article,
            start=0,
            end=len(claim.text),
            text=claim.text,
            text_hash=claim.text_hash,
            claimant=claimant,
            said_on=article.published_at.date(),
        )
    publish_verdict(claim, editor=editor, reviewer=reviewer)
    return claim, first, repeat


@pytest.mark.django_db
def test_crawlers_read_a_complete_claimreview_from_the_public_claim_page(client, editor, reviewer):
    claim, first, repeat = _published_claim_said_twice(editor, reviewer)

    page = client.get(f"/claims/{claim.pk}/")
    data = extruct.extract(
        page.content.decode(),
        base_url=f"http://testserver/claims/{claim.pk}/",
        syntaxes=["json-ld"],
        uniform=True,
    )
    reviews = [item for item in data["json-ld"] if item.get("@type") == "ClaimReview"]

    assert len(reviews) == 1
    review = reviews[0]
    # Required by Google.
    assert review["claimReviewed"] == claim.text
    assert review["url"] == f"http://testserver/claims/{claim.pk}/"
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (2, 6, 1)
    assert rating["alternateName"] == "False"
    assert review["author"]["name"]
    assert review["author"]["url"]
    # Recommended: when the review and the claim were published, who made it, and where.
    assert review["datePublished"]
    claim_made = review["itemReviewed"]
    assert claim_made["author"]["name"] == "Jane Ortiz"
    assert claim_made["author"]["sameAs"] == [WIKIDATA]
    assert claim_made["datePublished"] == "2026-02-20"
    assert claim_made["firstAppearance"]["url"] == first.url
    assert [work["url"] for work in claim_made["appearance"]] == [first.url, repeat.url]


@pytest.mark.django_db
@pytest.mark.parametrize("same_as", [["not an address"], "https://example.org/", [42]])
def test_a_claimants_same_as_must_be_a_list_of_web_addresses(same_as):
    claimant = Claimant(name="Jane Ortiz", normalized_name="jane ortiz", same_as=same_as)
    with pytest.raises(ValidationError) as refused:
        claimant.full_clean()
    assert "same_as" in refused.value.message_dict
