"""The claims list's sidebar: reviewers and outlets found by typing, an exact one pinned by a
link from the dashboard and shown as such, and open work in one choice."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from claims.services import claim_assign, verdict_correct, verdict_draft, verdict_publish
from tests.factories import ArticleFactory, ClaimFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _listed(client: Client, query: str) -> set[int]:
    page = client.get(f"/admin/claims/claim/?{query}")
    assert page.status_code == 200, query
    return {claim.pk for claim in page.context["cl"].queryset}


def test_reviewers_are_found_by_typing_and_never_listed_one_by_one(editor):
    reviewers = [ReviewerFactory(username=f"checker{number}") for number in range(25)]
    nadia = ReviewerFactory(username="nkhan", first_name="Nadia", last_name="Khan")
    for reviewer in reviewers:
        claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    hers = claim_assign(claim=ClaimFactory(), reviewer=nadia, actor=editor)
    client = _client(editor)

    sidebar = client.get("/admin/claims/claim/").content.decode().split('id="changelist-filter"')[1]

    assert 'name="reviewer_name"' in sidebar
    assert "checker7" not in sidebar
    assert _listed(client, "reviewer_name=nadia") == {hers.pk}
    assert _listed(client, "reviewer_name=KHAN") == {hers.pk}


def test_a_pinned_reviewer_shows_in_the_sidebar_with_a_way_back_to_everyone(editor):
    ann, bob = ReviewerFactory(username="ann"), ReviewerFactory(username="annabel")
    hers = claim_assign(claim=ClaimFactory(), reviewer=ann, actor=editor)
    claim_assign(claim=ClaimFactory(), reviewer=bob, actor=editor)
    client = _client(editor)

    page = client.get("/admin/claims/claim/?reviewer_is=ann").content.decode()

    assert _listed(client, "reviewer_is=ann") == {hers.pk}
    assert "Reviewer: <strong>ann</strong>" in page
    assert 'href="?"' in page.split('class="pinned-filter"')[1].split("</li>")[0]


def test_an_outlet_pinned_by_a_link_is_that_outlet_alone_not_those_containing_its_name(editor):
    post = ClaimFactory(article=ArticleFactory(outlet="Coast Post"))
    sunday = ClaimFactory(article=ArticleFactory(outlet="Coast Post Sunday"))
    client = _client(editor)

    assert _listed(client, "outlet_is=Coast+Post") == {post.pk}
    assert _listed(client, "outlet=coast+post") == {post.pk, sunday.pk}


def test_still_to_work_on_is_every_open_step_and_nothing_settled(editor, reviewer):
    new = ClaimFactory()
    assigned = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    drafted = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=drafted, actor=reviewer, rating="false", summary="Checked.")
    published = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=published, actor=reviewer, rating="true", summary="Checked.")
    verdict_publish(claim=published, actor=editor)
    client = _client(editor)

    assert _listed(client, "open=yes") == {assigned.pk, drafted.pk}
    assert _listed(client, "open=no") == {new.pk, published.pk}


def test_a_week_of_found_claims_is_its_monday_to_its_sunday(editor):
    monday = timezone.localdate() - timedelta(days=timezone.localdate().weekday() + 7)
    inside, outside = ClaimFactory(), ClaimFactory()
    type(inside).objects.filter(pk=inside.pk).update(
        created_at=timezone.now() - timedelta(days=timezone.localdate().weekday() + 1)
    )
    client = _client(editor)
    sunday = monday + timedelta(days=6)

    assert _listed(client, f"found_from={monday}&found_to={sunday}") == {inside.pk}
    assert outside.pk in _listed(client, f"found_from={sunday}")


def _verdicts(client: Client, query: str) -> set[int]:
    page = client.get(f"/admin/claims/verdict/?{query}")
    assert page.status_code == 200, query
    return {verdict.pk for verdict in page.context["cl"].queryset}


def test_verdicts_filter_by_what_readers_saw_first_or_corrected_and_when(editor, reviewer):
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="Checked.")
    first = verdict_publish(claim=claim, actor=editor)
    verdict_correct(
        claim=claim, actor=reviewer, rating="true", summary="Fixed.", correction_note="Typo."
    )
    correction = verdict_publish(claim=claim, actor=editor)
    type(first).objects.filter(pk=first.pk).update(published_at=timezone.now() - timedelta(days=40))
    draft_only = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    draft = verdict_draft(claim=draft_only, actor=reviewer, rating="false", summary="Not yet.")
    client = _client(editor)
    last_week = (timezone.localdate() - timedelta(days=7)).isoformat()

    assert _verdicts(client, "public=yes") == {first.pk, correction.pk}
    assert _verdicts(client, "version=first") == {first.pk, draft.pk}
    assert _verdicts(client, "public=yes&version=correction") == {correction.pk}
    assert _verdicts(client, f"public=yes&published_from={last_week}") == {correction.pk}
    sidebar = client.get("/admin/claims/verdict/?public=yes&version=first").content.decode()
    assert 'name="published_from"' in sidebar
