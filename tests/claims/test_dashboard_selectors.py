"""The figures a newsroom manages by, read from the database as the dashboard shows them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Verdict
from claims.selectors.dashboard import (
    claims_per_outlet,
    claims_per_week_by_status,
    recent_weeks,
    time_to_verdict,
    untriaged,
    verdicts_published_per_week,
)
from claims.services import claim_assign, verdict_correct, verdict_draft, verdict_publish
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def _published(editor, reviewer, *, found_hours_before: float, published_days_ago: float = 0):
    """A claim found ``found_hours_before`` its verdict, published ``published_days_ago``."""
    claim = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    verdict_draft(claim=claim, actor=reviewer, rating="false", summary="Checked.")
    verdict = verdict_publish(claim=claim, actor=editor)
    published_at = timezone.now() - timedelta(days=published_days_ago)
    Verdict.objects.filter(pk=verdict.pk).update(published_at=published_at)
    Claim.objects.filter(pk=claim.pk).update(
        created_at=published_at - timedelta(hours=found_hours_before)
    )
    return claim


def test_the_wait_for_a_verdict_has_its_median_and_90th_percentile(editor, reviewer):
    for hours in (1, 2, 3, 4, 10):
        _published(editor, reviewer, found_hours_before=hours)

    wait = time_to_verdict()

    assert wait.verdicts == 5
    assert wait.median == timedelta(hours=3)
    # Between the 4th and 5th of five waits, as PostgreSQL's percentile_cont puts it.
    assert wait.p90 == timedelta(hours=4 + 0.6 * 6)


def test_an_even_number_of_verdicts_has_the_middle_of_the_two_as_median(editor, reviewer):
    for hours in (2, 4, 6, 8):
        _published(editor, reviewer, found_hours_before=hours)

    assert time_to_verdict().median == timedelta(hours=5)


def test_the_last_30_days_leave_out_verdicts_published_before(editor, reviewer):
    _published(editor, reviewer, found_hours_before=2)
    _published(editor, reviewer, found_hours_before=100, published_days_ago=45)
    since = timezone.localdate() - timedelta(days=29)

    assert time_to_verdict(since=since).verdicts == 1
    assert time_to_verdict(since=since).median == timedelta(hours=2)
    assert time_to_verdict().verdicts == 2


def test_a_correction_does_not_restart_the_wait_for_the_first_verdict(editor, reviewer):
    claim = _published(editor, reviewer, found_hours_before=6)
    verdict_correct(
        claim=claim, actor=reviewer, rating="true", summary="Fixed.", correction_note="Typo."
    )
    verdict_publish(claim=claim, actor=editor)

    wait = time_to_verdict()
    assert wait.verdicts == 1
    assert wait.median == timedelta(hours=6)


def test_without_verdicts_there_is_no_wait_to_report():
    wait = time_to_verdict()
    assert (wait.verdicts, wait.median, wait.p90) == (0, None, None)


def test_the_oldest_untriaged_claim_is_the_new_one_found_first(editor, reviewer):
    now = timezone.now()
    oldest, newer = ClaimFactory(), ClaimFactory()
    Claim.objects.filter(pk=oldest.pk).update(created_at=now - timedelta(days=3))
    Claim.objects.filter(pk=newer.pk).update(created_at=now - timedelta(days=1))
    triaged = claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    Claim.objects.filter(pk=triaged.pk).update(created_at=now - timedelta(days=9))

    waiting = untriaged(now=now)

    assert waiting.total == 2
    assert waiting.oldest == oldest
    assert waiting.oldest_age == timedelta(days=3)


def test_outlets_are_ranked_by_their_claims_and_unnamed_ones_left_out():
    tribune, herald, unnamed = (
        ArticleFactory(outlet="The Tribune"),
        ArticleFactory(outlet="The Herald"),
        ArticleFactory(outlet=""),
    )
    ClaimFactory.create_batch(3, article=tribune)
    ClaimFactory(article=ArticleFactory(outlet="The Tribune"))
    ClaimFactory(article=herald)
    ClaimFactory(article=unnamed)

    assert claims_per_outlet() == [("The Tribune", 4), ("The Herald", 1)]
    assert claims_per_outlet(limit=1) == [("The Tribune", 4)]


def test_each_week_counts_the_claims_found_in_it_by_their_state_now(editor, reviewer):
    today = timezone.localdate()
    weeks = recent_weeks(today, 3)
    ClaimFactory.create_batch(2)
    claim_assign(claim=ClaimFactory(), reviewer=reviewer, actor=editor)
    old = ClaimFactory()
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(weeks=1))
    too_old = ClaimFactory()
    Claim.objects.filter(pk=too_old.pk).update(created_at=timezone.now() - timedelta(weeks=5))

    counts = claims_per_week_by_status(weeks=weeks)

    assert list(counts) == weeks
    assert counts[weeks[-1]][ClaimStatus.NEW] == 2
    assert counts[weeks[-1]][ClaimStatus.ASSIGNED] == 1
    assert counts[weeks[-2]][ClaimStatus.NEW] == 1
    assert sum(sum(week.values()) for week in counts.values()) == 4


def test_verdicts_published_each_week_count_corrections(editor, reviewer):
    claim = _published(editor, reviewer, found_hours_before=1)
    verdict_correct(
        claim=claim, actor=reviewer, rating="true", summary="Fixed.", correction_note="Typo."
    )
    verdict_publish(claim=claim, actor=editor)
    weeks = recent_weeks(timezone.localdate(), 2)

    assert verdicts_published_per_week(weeks=weeks) == {weeks[0]: 0, weeks[1]: 2}
