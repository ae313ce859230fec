"""The newsroom dashboard: the figures the desk manages by, drawn as charts, each number a link
to the list of claims or verdicts behind it.

One function, ``dashboard_figures``, reads everything through the selectors and shapes it for
both the page and its JSON twin, which the page polls to stay current without a reload.
"""

from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from claims.colours import ON_TIME_COLOUR, OVERDUE_COLOUR, STATUS_COLOURS, needs_outline
from claims.models import Claim, ClaimStatus, Verdict, VerdictStatus
from claims.selectors.dashboard import (
    OUTLETS_SHOWN,
    Wait,
    claims_per_outlet,
    claims_per_week_by_status,
    recent_weeks,
    time_to_verdict,
    untriaged,
    verdicts_published_per_week,
)
from core.roles import is_editor

WEEKS_SHOWN = 12
RECENT_DAYS = 30
# How often the open page asks for fresh figures; it stops while the tab is hidden.
REFRESH_SECONDS = 45
DEFAULT_BAR_COLOUR = "#417690"


def claims_url(**filters: Any) -> str:
    """The claims list with the filters the sidebar understands (see claims/admin/filters.py)."""
    query = urlencode(filters)
    return reverse("admin:claims_claim_changelist") + (f"?{query}" if query else "")


def verdicts_url(**filters: Any) -> str:
    return reverse("admin:claims_verdict_changelist") + "?" + urlencode(filters)


def counted(count: int, noun: str, plural: str = "") -> str:
    """A number with its noun in agreement: "1 verdict", "12 verdicts"."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def human_duration(value: timedelta | None) -> str:
    """A wait as an editor says it: minutes, hours, or days with one decimal."""
    if value is None:
        return "no verdict yet"
    hours = value.total_seconds() / 3600
    if hours < 1:
        return f"{max(round(hours * 60), 0)} min"
    if hours < 48:
        return f"{round(hours)} h"
    days = hours / 24
    return f"{days:.1f} days" if days < 10 else f"{round(days)} days"


def _cell(text: Any, url: str | None = None) -> dict[str, Any]:
    return {"text": str(text), "url": url}


def _bars(name: str, rows: list[tuple[str, int, str, str]]) -> dict[str, Any]:
    """One series of bars: (label, value, colour, url) per bar."""
    return {
        "labels": [label for label, *_ in rows],
        "series": [
            {
                "name": name,
                "values": [value for _, value, _, _ in rows],
                "colours": [colour for _, _, colour, _ in rows],
                "outlines": [needs_outline(colour) for _, _, colour, _ in rows],
                "urls": [url for *_, url in rows],
            }
        ],
    }


def _simple_table(heading: str, unit: str, rows: list[tuple[str, int, str, str]]) -> dict[str, Any]:
    return {
        "columns": [heading, unit],
        "rows": [[_cell(label), _cell(value, url)] for label, value, _, url in rows],
    }


def _wait_figures(wait: Wait, *, period: str, label: str, url: str) -> list[dict[str, Any]]:
    note = f"over {counted(wait.verdicts, 'verdict')}"
    return [
        {
            "key": f"{key}-{period}",
            "label": f"{title}, {label}",
            "text": human_duration(value),
            "hours": None if value is None else round(value.total_seconds() / 3600, 2),
            "note": note,
            "count": wait.verdicts,
            "url": url,
        }
        for key, title, value in (
            ("median", "Median time to verdict", wait.median),
            ("p90", "90% of verdicts within", wait.p90),
        )
    ]


def _key_figures(today: date, *, overdue: int) -> list[dict[str, Any]]:
    since = today - timedelta(days=RECENT_DAYS - 1)
    first_versions = {"public": "yes", "version": "first"}
    waiting = untriaged()
    oldest = waiting.oldest
    return [
        *_wait_figures(
            time_to_verdict(since=since),
            period="recent",
            label=f"last {counted(RECENT_DAYS, 'day')}",
            url=verdicts_url(**first_versions, published_from=since.isoformat()),
        ),
        *_wait_figures(
            time_to_verdict(),
            period="all",
            label="all time",
            url=verdicts_url(**first_versions),
        ),
        {
            "key": "oldest-untriaged",
            "label": "Oldest claim waiting for triage",
            "text": human_duration(waiting.oldest_age) if oldest else "none waiting",
            "note": f"found {timezone.localtime(oldest.created_at):%d %b %Y}" if oldest else "",
            "count": None,
            "url": reverse("admin:claims_claim_change", args=[oldest.pk]) if oldest else None,
        },
        {
            "key": "untriaged",
            "label": "Claims waiting for triage",
            "text": str(waiting.total),
            "note": "new, not yet judged checkable or a duplicate",
            "count": waiting.total,
            "url": claims_url(triage="waiting"),
        },
        {
            "key": "overdue",
            "label": "Overdue claims",
            "text": str(overdue),
            "note": "open past their due date",
            "count": overdue,
            "url": claims_url(overdue="yes"),
        },
    ]


def _states_panel() -> dict[str, Any]:
    counts = Claim.objects.count_by_status()
    rows = [
        (
            ClaimStatus(status).label,
            total,
            STATUS_COLOURS[status],
            claims_url(status__exact=status),
        )
        for status, total in counts.items()
    ]
    total = sum(counts.values())
    return {
        "key": "states",
        "title": "Claims per state",
        "total": {"text": f"{counted(total, 'claim')} in all", "count": total, "url": claims_url()},
        "chart": {"kind": "horizontal", **_bars("Claims", rows)},
        "table": _simple_table("State", "Claims", rows),
    }


def _weeks_panel(weeks: list[date]) -> dict[str, Any]:
    per_week = claims_per_week_by_status(weeks=weeks)
    labels = [week.strftime("%d %b") for week in weeks]

    def url(week: date, status: str) -> str:
        return claims_url(
            status__exact=status,
            found_from=week.isoformat(),
            found_to=(week + timedelta(days=6)).isoformat(),
        )

    series = [
        {
            "name": ClaimStatus(status).label,
            "values": [per_week[week][status] for week in weeks],
            "colours": [STATUS_COLOURS[status]] * len(weeks),
            "outlines": [False] * len(weeks),
            "urls": [url(week, status) for week in weeks],
        }
        for status in ClaimStatus.values
    ]
    rows = [
        [
            _cell(label),
            *(_cell(per_week[week][status], url(week, status)) for status in ClaimStatus.values),
        ]
        for week, label in zip(weeks, labels, strict=True)
    ]
    return {
        "key": "weeks",
        "title": f"Claims found per week, by their state now (last {counted(len(weeks), 'week')})",
        "chart": {"kind": "stacked", "labels": labels, "series": series},
        "table": {"columns": ["Week of", *ClaimStatus.labels], "rows": rows},
        "collapsed": True,
    }


def _reviewers_panel(*, overdue: int) -> dict[str, Any]:
    load = Claim.objects.reviewer_load()
    rows = []
    for row in load:
        name = row["reviewer__username"]
        rows.append(
            {
                "name": name,
                "open": row["open_total"],
                "overdue": row["overdue_total"],
                "open_url": claims_url(reviewer_is=name, open="yes"),
                "on_time_url": claims_url(reviewer_is=name, open="yes", overdue="no"),
                "overdue_url": claims_url(reviewer_is=name, overdue="yes"),
            }
        )
    labels = [row["name"] for row in rows]
    return {
        "key": "reviewers",
        "title": "Reviewers' open claims",
        "total": {
            "text": f"{overdue} overdue",
            "count": overdue,
            "url": claims_url(overdue="yes"),
        },
        "empty": "No reviewer has open claims.",
        "chart": {
            "kind": "horizontal-stacked",
            "labels": labels,
            "series": [
                {
                    "name": "On time",
                    "values": [row["open"] - row["overdue"] for row in rows],
                    "colours": [ON_TIME_COLOUR] * len(rows),
                    "outlines": [False] * len(rows),
                    "urls": [row["on_time_url"] for row in rows],
                },
                {
                    "name": "Overdue",
                    "values": [row["overdue"] for row in rows],
                    "colours": [OVERDUE_COLOUR] * len(rows),
                    "outlines": [False] * len(rows),
                    "urls": [row["overdue_url"] for row in rows],
                },
            ],
        },
        "table": {
            "columns": ["Reviewer", "Open", "Overdue"],
            "rows": [
                [
                    _cell(row["name"]),
                    _cell(row["open"], row["open_url"]),
                    _cell(row["overdue"], row["overdue_url"]),
                ]
                for row in rows
            ],
        },
    }


def _outlets_panel() -> dict[str, Any]:
    rows = [
        (outlet, total, DEFAULT_BAR_COLOUR, claims_url(outlet_is=outlet))
        for outlet, total in claims_per_outlet()
    ]
    return {
        "key": "outlets",
        "title": f"Claims per outlet (the {OUTLETS_SHOWN} with most)",
        "empty": "No article with an outlet has claims yet.",
        "chart": {"kind": "horizontal", **_bars("Claims", rows)},
        "table": _simple_table("Outlet", "Claims", rows),
    }


def _published_panel(weeks: list[date]) -> dict[str, Any]:
    per_week = verdicts_published_per_week(weeks=weeks)
    published = sum(per_week.values())
    rows = [
        (
            week.strftime("%d %b"),
            total,
            DEFAULT_BAR_COLOUR,
            verdicts_url(
                public="yes",
                published_from=week.isoformat(),
                published_to=(week + timedelta(days=6)).isoformat(),
            ),
        )
        for week, total in per_week.items()
    ]
    return {
        "key": "published",
        "title": f"Verdicts published per week (last {counted(len(weeks), 'week')})",
        "total": {
            "text": f"{counted(published, 'verdict')} in {counted(len(weeks), 'week')}",
            "count": published,
            "url": verdicts_url(
                public="yes",
                published_from=weeks[0].isoformat(),
                published_to=(weeks[-1] + timedelta(days=6)).isoformat(),
            ),
        },
        "chart": {"kind": "vertical", **_bars("Verdicts", rows)},
        "table": _simple_table("Week of", "Verdicts", rows),
        "collapsed": True,
    }


def _ratings_panel() -> dict[str, Any]:
    rows = [
        (
            row["rating_label"],
            row["total"],
            row["rating__colour"] or DEFAULT_BAR_COLOUR,
            verdicts_url(
                status__exact=VerdictStatus.PUBLISHED, rating_label__exact=row["rating_label"]
            ),
        )
        for row in Verdict.objects.rating_mix()
    ]
    return {
        "key": "ratings",
        "title": "Rating mix of published verdicts",
        "empty": "No verdict is published yet.",
        "chart": {"kind": "horizontal", **_bars("Verdicts", rows)},
        "table": _simple_table("Rating", "Verdicts", rows),
    }


def dashboard_figures(*, today: date | None = None) -> dict[str, Any]:
    """Every figure of the dashboard with the link to the list behind it, as JSON-ready data."""
    today = today or timezone.localdate()
    weeks = recent_weeks(today, WEEKS_SHOWN)
    # Shown twice (a key figure and the reviewers' total), counted once: a refresh costs one
    # query for it and the two can never disagree.
    overdue = Claim.objects.overdue().count()
    return {
        "updated_at": timezone.localtime().strftime("%H:%M:%S"),
        "figures": _key_figures(today, overdue=overdue),
        "panels": [
            _states_panel(),
            _reviewers_panel(overdue=overdue),
            _weeks_panel(weeks),
            _outlets_panel(),
            _ratings_panel(),
            _published_panel(weeks),
        ],
    }


def _check_editor(request: HttpRequest) -> None:
    if not is_editor(request.user):
        raise PermissionDenied


def dashboard_view(request: HttpRequest) -> HttpResponse:
    _check_editor(request)
    return TemplateResponse(
        request,
        "admin/claims/dashboard.html",
        {
            **admin.site.each_context(request),
            "title": "Newsroom dashboard",
            "dashboard": dashboard_figures(),
            "refresh_seconds": REFRESH_SECONDS,
        },
    )


@require_GET
def dashboard_figures_view(request: HttpRequest) -> JsonResponse:
    """The dashboard's figures as JSON, which the open page fetches to refresh itself."""
    _check_editor(request)
    return JsonResponse(dashboard_figures())
