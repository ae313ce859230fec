"""Every URL pattern of the project has an entry in the permission matrix, and each entry holds.

A new endpoint without an entry in tests/permission_matrix.py fails here. Each entry is checked
with real requests for every role and method; each request is rolled back, so the checks are
independent of their order.
"""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from claims.models import Claim, Claimant, Rating, RatingScale, Verdict
from claims.services import claim_assign, verdict_draft, verdict_publish
from tests.factories import ClaimFactory, ReviewerFactory, UserFactory
from tests.permission_matrix import MATRIX, REVIEWER_SCOPED, readme_table
from tests.permission_walk import (
    ABSENT,
    DENIED,
    METHODS,
    ROLES,
    checked_roles,
    concrete_url,
    is_format_variant,
    request_as,
    url_patterns,
)

pytestmark = pytest.mark.django_db

MISSING = "999999"


def _admin_object_ids(objects: dict) -> dict[str, str]:
    claim, published = objects["claim"], objects["published"]
    return {
        "claims/claim": str(claim.pk),
        "claims/verdict": str(published.verdicts.get().pk),
        "claims/claimant": str(objects["claimant"].pk),
        "claims/rating": str(Rating.objects.get(slug="false").pk),
        "claims/ratingscale": str(RatingScale.objects.get(is_default=True).pk),
        "articles/article": str(claim.article_id),
        "auth/user": str(objects["someone"].pk),
        "auth/group": str(objects["editor"].groups.get().pk),
    }


def sample_values(route: str, objects: dict) -> dict[str, str]:
    claim, published = objects["claim"], objects["published"]
    values = {
        "pk": str(claim.pk),
        "slug": "false",
        "name": "start-review",
        "format": "json",
        "app_label": "claims",
        "url": "no-such-page/",
        "id": str(objects["someone"].pk),
        "content_type_id": str(ContentType.objects.get_for_model(Claim).pk),
        "object_id": str(claim.pk),
        "_positional": str(claim.pk),
        "_history_id": str(claim.history.first().history_id),
        "section": "fact-checks",
        "move": "checkable",
        "article_id": str(claim.article_id),
    }
    if (route.startswith("admin/") and "/<path:object_id>/" in route) or "^([^/]+)" in route:
        model = "/".join(route.split("/")[1:3])
        values["object_id"] = _admin_object_ids(objects).get(model, MISSING)
        values["_positional"] = values["object_id"]
        history = {
            "claims/claimant": objects["claimant"],
            "claims/rating": Rating.objects.get(slug="false"),
            "claims/ratingscale": RatingScale.objects.get(is_default=True),
            "claims/verdict": published.verdicts.get(),
            "articles/article": claim.article,
        }.get(model)
        if history is not None:
            values["_history_id"] = str(history.history.first().history_id)
    if route.startswith(("api/^articles", "admin/articles/article/")):
        values["pk"] = str(claim.article_id)
    elif route.startswith("api/^claimants"):
        values["pk"] = str(objects["claimant"].pk)
    elif route.startswith("api/^verdicts"):
        values["pk"] = str(published.verdicts.get().pk)
    elif route.startswith("api/^rating-scales"):
        values["slug"] = "six-step"
    elif route.startswith(("api/^webhooks",)):
        values["pk"] = MISSING
    elif route.startswith("claims/") or "claimreview" in route:
        values["pk"] = str(published.pk)
    return values


@pytest.fixture
def newsroom_objects(editor, reviewer):
    claimant = Claimant.objects.create(name="Sergey Lavrov", normalized_name="sergey lavrov")
    claim = claim_assign(claim=ClaimFactory(claimant=claimant), reviewer=reviewer, actor=editor)
    published = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=published, actor=reviewer, rating="false", summary="No.")
    verdict_publish(claim=published, actor=editor)
    assert Verdict.objects.count() == 1
    # An edit of the scale, so that its history pages have a record to show.
    for row in (Rating.objects.get(slug="false"), RatingScale.objects.get(is_default=True)):
        row.save()
    return {
        "claim": claim,
        "published": published,
        "claimant": claimant,
        "editor": editor,
        "reviewer": reviewer,
        "someone": UserFactory(is_staff=False),
    }


def _clients(objects: dict) -> dict[str, Client]:
    users = {
        "anonymous": None,
        "reader": UserFactory(is_staff=False),
        "reviewer": objects["reviewer"],
        "editor": objects["editor"],
        "admin": UserFactory(is_staff=True, is_superuser=True),
    }
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        if user is not None:
            clients[role].force_login(user)
    return clients


def test_every_url_pattern_has_an_entry_in_the_permission_matrix():
    routes = [route for route in url_patterns() if not is_format_variant(route)]
    missing = [route for route in routes if route not in MATRIX]
    assert not missing, (
        "These URL patterns have no entry in tests/permission_matrix.py; say who may use "
        "them with which method:\n" + "\n".join(missing)
    )
    stale = sorted(set(MATRIX) - set(routes))
    assert not stale, "These matrix entries match no URL pattern any more:\n" + "\n".join(stale)


def test_each_role_gets_exactly_the_access_the_matrix_promises(newsroom_objects):
    clients = _clients(newsroom_objects)
    wrong = []
    for route in url_patterns():
        expected = MATRIX.get(route)
        if expected is None or is_format_variant(route):
            continue
        url = concrete_url(route, sample_values(route, newsroom_objects))
        for method in METHODS:
            roles = checked_roles(route, method)
            for role, want in zip(ROLES, expected[method], strict=True):
                if role not in roles:
                    continue
                got, changed = request_as(clients[role], method, url)
                if got != want:
                    wrong.append(f"{method} {url} as {role}: expected {want}, got {got}")
                if changed:
                    wrong.append(f"{method} {url} as {role}: refused, yet wrote {changed}")
    assert not wrong, "\n".join(wrong)


def test_a_reviewer_not_on_the_claim_finds_its_admin_pages_absent_or_refused(newsroom_objects):
    stranger = Client()
    stranger.force_login(ReviewerFactory())
    routes = list(url_patterns())
    wrong = []
    for route in REVIEWER_SCOPED:
        assert route in routes, route
        url = concrete_url(route, sample_values(route, newsroom_objects))
        for method in METHODS:
            got, changed = request_as(stranger, method, url)
            if got not in (ABSENT, DENIED) or changed:
                wrong.append(f"{method} {url}: got {got}, wrote {changed}")
    assert not wrong, "\n".join(wrong)


def test_the_published_permissions_page_is_generated_from_the_matrix():
    page = Path(__file__).resolve().parent.parent / "docs" / "permissions.md"
    assert page.read_text(encoding="utf-8") == readme_table(), (
        "docs/permissions.md is stale: python -m tests.permission_matrix > docs/permissions.md"
    )
