"""The newsroom dashboard: the desk's state at a glance, as numbers and as bar charts.

Charts are SVG drawn on the server, so the page works offline and without JavaScript.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from claims.models import Claim, ClaimStatus, Verdict
from core.roles import is_editor

WEEKS_SHOWN = 12
BAR_WIDTH = 300
ROW_HEIGHT = 24
DEFAULT_BAR_COLOUR = "#417690"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    width: int
    colour: str = DEFAULT_BAR_COLOUR
    y: int = 0


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    height: int
    width: int = BAR_WIDTH + 260

    def __iter__(self) -> Any:
        return iter(self.bars)

    def __len__(self) -> int:
        return len(self.bars)


def _bars(rows: list[tuple[str, int, str]]) -> Chart:
    """Bars scaled to the largest value; a zero stays visible as an empty row."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    bars = [
        Bar(
            label=label,
            value=value,
            width=round(BAR_WIDTH * value / largest),
            colour=colour,
            y=position * ROW_HEIGHT,
        )
        for position, (label, value, colour) in enumerate(rows)
    ]
    return Chart(bars=bars, height=max(len(bars), 1) * ROW_HEIGHT)


def _week_start(value: datetime | date) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _week_starts(today: date) -> list[date]:
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=back) for back in range(WEEKS_SHOWN - 1, -1, -1)]


def dashboard_context() -> dict[str, Any]:
    counts = Claim.objects.count_by_status()
    per_state = _bars([(ClaimStatus(s).label, counts[s], DEFAULT_BAR_COLOUR) for s in counts])

    load = Claim.objects.reviewer_load()
    reviewers = _bars([(row["reviewer__username"], row["open_total"], "#417690") for row in load])
    reviewer_rows = [
        {"bar": bar, "overdue": row["overdue_total"]}
        for bar, row in zip(reviewers, load, strict=True)
    ]

    today = timezone.localdate()
    weeks = _week_starts(today)
    since = timezone.make_aware(datetime.combine(weeks[0], time.min))
    per_week_counts = {
        _week_start(row["week"]): row["total"]
        for row in Verdict.objects.published_per_week(since=since)
    }
    per_week = _bars(
        [(week.strftime("%d %b"), per_week_counts.get(week, 0), "#79aec8") for week in weeks]
    )

    mix = list(Verdict.objects.rating_mix())
    ratings = _bars(
        [
            (row["rating_label"], row["total"], row["rating__colour"] or DEFAULT_BAR_COLOUR)
            for row in mix
        ]
    )
    return {
        "per_state": per_state,
        "total_claims": sum(counts.values()),
        "reviewer_rows": reviewer_rows,
        "reviewer_chart": reviewers,
        "overdue_total": Claim.objects.overdue().count(),
        "per_week": per_week,
        "published_total": sum(bar.value for bar in per_week),
        "ratings": ratings,
        "bar_width": BAR_WIDTH,
        "weeks_shown": WEEKS_SHOWN,
    }


def dashboard_view(request: HttpRequest) -> HttpResponse:
    if not is_editor(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "admin/claims/dashboard.html",
        {**admin.site.each_context(request), "title": "Newsroom dashboard", **dashboard_context()},
    )
