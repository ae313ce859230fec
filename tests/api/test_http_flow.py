"""The whole newsroom path over real HTTP, against a running server."""

import pytest
import requests

from tests.factories import PASSWORD


@pytest.mark.django_db(transaction=True)
def test_editor_reviewer_and_public_reader_over_http(
    live_server, editor, reviewer, sample_article_text
):
    api = f"{live_server.url}/api"

    def token_for(user) -> dict[str, str]:
        response = requests.post(
            f"{api}/auth/token/", json={"username": user.username, "password": PASSWORD}, timeout=10
        )
        response.raise_for_status()
        return {"Authorization": f"Token {response.json()['token']}"}

    as_editor, as_reviewer = token_for(editor), token_for(reviewer)

    posted = requests.post(
        f"{api}/articles/",
        json={
            "title": "Russia warns of space arms race",
            "body": sample_article_text,
            "url": "https://example.org/news/space-arms-race",
            "outlet": "Example Wire",
            "published_at": "2019-06-05T10:00:00Z",
        },
        headers=as_editor,
        timeout=60,
    )
    assert posted.status_code in (201, 202), posted.text
    article_id = posted.json()["id"]

    claims = requests.get(
        f"{api}/claims/", params={"article": article_id, "page_size": 100}, timeout=10
    )
    space_force = next(c for c in claims.json()["results"] if "Space Force" in c["text"])
    assert space_force["claimant"] == "Foreign Policy"
    claim_url = f"{api}/claims/{space_force['id']}"

    assigned = requests.post(
        f"{claim_url}/assign/", json={"reviewer": reviewer.username}, headers=as_editor, timeout=10
    )
    assert assigned.status_code == 200, assigned.text

    drafted = requests.post(
        f"{claim_url}/verdict/",
        json={
            "rating": "true",
            "summary": "Trump announced the Space Force in June 2018.",
            "explanation": "The announcement was made at a National Space Council meeting.",
            "sources": ["https://www.example.gov/space-council-2018"],
        },
        headers=as_reviewer,
        timeout=10,
    )
    assert drafted.status_code == 201, drafted.text
    assert requests.get(f"{claim_url}/claimreview/", timeout=10).status_code == 404
    assert (
        requests.post(f"{claim_url}/verdict/publish/", headers=as_reviewer, timeout=10).status_code
        == 403
    )

    published = requests.post(f"{claim_url}/verdict/publish/", headers=as_editor, timeout=10)
    assert published.status_code == 200, published.text

    public = requests.get(f"{claim_url}/", timeout=10).json()
    assert public["status"] == "published"
    assert public["verdict"]["rating"] == "true"
    review = requests.get(f"{claim_url}/claimreview/", timeout=10).json()
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"]["alternateName"] == "True"
    assert review["itemReviewed"]["author"]["name"] == "Foreign Policy"
    assert (
        review["itemReviewed"]["appearance"][0]["url"] == "https://example.org/news/space-arms-race"
    )
    docs = requests.get(f"{live_server.url}/api/docs/", timeout=10)
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
