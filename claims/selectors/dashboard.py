"""The figures a newsroom manages by: how long a claim waits for its verdict, what waits for
triage, where the claims come from, and how each week's claims stand.

Every figure is computed in the database on PostgreSQL and SQLite alike. The percentiles of the
wait for a verdict are read by rank: one query ranks the waits (a window function) and returns
only the two rows around each percentile, which Python interpolates as PostgreSQL's
percentile_cont would; what leaves the database does not grow with the number of verdicts.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Window
from django.db.models.functions import Floor, RowNumber, TruncWeek
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Verdict

# How many outlets the dashboard names; the rest are reached through the list's outlet filter.
OUTLETS_SHOWN = 10


@dataclass(frozen=True)
class Wait:
    """The time from a claim being found to its first published verdict."""

    verdicts: int
    median: timedelta | None
    p90: timedelta | None


@dataclass(frozen=True)
class Untriaged:
    total: int
    oldest: Claim | None
    oldest_age: timedelta | None


def _interpolated(ranked: dict[int, timedelta], total: int, fraction: float) -> timedelta | None:
    """The percentile with linear interpolation between the two nearest ranks (counted from 1),
    as PostgreSQL's percentile_cont computes it."""
    if total == 0:
        return None
    position = fraction * (total - 1)
    below = int(position)
    low = ranked[below + 1]
    if position == below:
        return low
    return low + (ranked[below + 2] - low) * (position - below)


def _percentiles(
    waits: QuerySet, fractions: tuple[float, ...]
) -> tuple[int, list[timedelta | None]]:
    """How many waits there are, and their percentiles, in one query on either database: the
    waits are ranked in the database and only the rows around each percentile come back."""
    ranked = waits.annotate(
        rank=Window(RowNumber(), order_by=F("wait").asc()),
        total=Window(Count("id")),
    )
    around = Q()
    for fraction in fractions:
        below = Floor((F("total") - 1) * fraction) + 1
        around |= Q(rank=below) | Q(rank=below + 1)
    rows = list(ranked.filter(around).values_list("rank", "total", "wait"))
    total = rows[0][1] if rows else 0
    by_rank = {rank: wait for rank, _, wait in rows}
    return total, [_interpolated(by_rank, total, fraction) for fraction in fractions]


def first_verdicts(*, since: date | None = None) -> QuerySet:
    """Each claim's first published verdict (still current or since corrected), with ``wait``:
    the time from the claim being found to that publication. ``since`` is a local date."""
    verdicts = Verdict.objects.publicly_visible().filter(version=1, published_at__isnull=False)
    if since is not None:
        verdicts = verdicts.filter(published_at__date__gte=since)
    return verdicts.annotate(
        wait=ExpressionWrapper(
            F("published_at") - F("claim__created_at"), output_field=DurationField()
        )
    )


def time_to_verdict(*, since: date | None = None) -> Wait:
    """Median and 90th percentile of the wait for a first verdict published since ``since``."""
    total, (median, p90) = _percentiles(first_verdicts(since=since), (0.5, 0.9))
    return Wait(verdicts=total, median=median, p90=p90)


def untriaged(*, now: datetime | None = None) -> Untriaged:
    """The claims nobody has triaged yet, and the one waiting longest."""
    new = Claim.objects.untriaged()
    oldest = new.order_by("created_at", "id").first()
    age = (now or timezone.now()) - oldest.created_at if oldest is not None else None
    return Untriaged(total=new.count(), oldest=oldest, oldest_age=age)


def claims_per_outlet(*, limit: int = OUTLETS_SHOWN) -> list[tuple[str, int]]:
    """The outlets with the most claims, most first; claims of articles without an outlet name
    (and imported claims, which have no article) are not counted here."""
    rows = (
        Claim.objects.exclude(article__isnull=True)
        .exclude(article__outlet="")
        .values_list("article__outlet")
        .annotate(total=Count("id"))
        .order_by("-total", "article__outlet")[:limit]
    )
    return [(outlet, total) for outlet, total in rows]


def week_start(value: datetime | date) -> date:
    """The Monday a truncated week stands for, as a local date on either database."""
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def recent_weeks(today: date, weeks: int) -> list[date]:
    """The Mondays of the last ``weeks`` weeks, oldest first, this week last."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def claims_per_week_by_status(*, weeks: list[date]) -> dict[date, dict[str, int]]:
    """Claims found each week, split by the state they are in now; every week and state present."""
    counts: dict[date, dict[str, int]] = {
        week: dict.fromkeys(ClaimStatus.values, 0) for week in weeks
    }
    if not weeks:
        return counts
    rows = (
        Claim.objects.filter(created_at__date__gte=weeks[0])
        .annotate(week=TruncWeek("created_at"))
        .values_list("week", "status")
        .annotate(total=Count("id"))
        .order_by()
    )
    for week, status, total in rows:
        start = week_start(week)
        if start in counts:
            counts[start][status] += total
    return counts


def verdicts_published_per_week(*, weeks: list[date]) -> dict[date, int]:
    """Verdict versions (corrections included) published each week."""
    counts = dict.fromkeys(weeks, 0)
    if not weeks:
        return counts
    since = timezone.make_aware(datetime.combine(weeks[0], datetime.min.time()))
    for row in Verdict.objects.published_per_week(since=since):
        start = week_start(row["week"])
        if start in counts:
            counts[start] += row["total"]
    return counts
