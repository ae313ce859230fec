"""Sidebar filters of the claims and verdicts lists that the dashboard's links use, so a list
reached from a figure says in its sidebar what it shows. Reviewers and outlets are typed into a
box (the sidebar stays short however many there are) or pinned to one exact value by a link."""

from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from articles.models import Article
from claims.admin.listing import InputFilter
from claims.models import Claim, Verdict


class PinnedInputFilter(InputFilter):
    """A typed filter that also takes one exact value from a link, shown above the box with a
    way to clear it, so the list never narrows by something the sidebar does not say."""

    # (query parameter, what the sidebar calls the pinned value, lookup)
    pin: tuple[str, str, str] = ("", "", "")

    def __init__(self, request: HttpRequest, params: dict[str, Any], model: Any, model_admin: Any):
        name = self.pin[0]
        pinned = params.pop(name, None)
        super().__init__(request, params, model, model_admin)
        if isinstance(pinned, list):
            pinned = pinned[-1]
        self.pinned: str = str(pinned).strip() if pinned is not None else ""

    def expected_parameters(self) -> list[str | None]:
        return [*super().expected_parameters(), self.pin[0]]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        queryset = super().queryset(request, queryset)
        if self.pinned:
            queryset = queryset.filter(**{self.pin[2]: self.pinned})
        return queryset

    def pinned_label(self) -> str:
        """The pinned value as the sidebar names it."""
        return self.pinned

    def choices(self, changelist: Any) -> Iterator[dict[str, Any]]:
        for choice in super().choices(changelist):
            if self.pinned:
                choice["pinned"] = {
                    "label": self.pin[1],
                    "value": self.pinned_label(),
                    "clear": changelist.get_query_string(remove=[self.pin[0]]),
                }
            yield choice


class ReviewerFilter(PinnedInputFilter):
    title = "reviewer"
    inputs = (("reviewer_name", "Name contains", "search", ""),)
    pin = ("reviewer_is", "Reviewer", "reviewer__username")

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        # A reviewer is known by their username or their full name; the box searches both.
        name = self.value_of("reviewer_name")
        if name:
            queryset = queryset.filter(
                Q(reviewer__username__icontains=name)
                | Q(reviewer__first_name__icontains=name)
                | Q(reviewer__last_name__icontains=name)
            )
        if self.pinned:
            queryset = queryset.filter(**{self.pin[2]: self.pinned})
        return queryset


class OutletFilter(PinnedInputFilter):
    title = "outlet"
    inputs = (("outlet", "Outlet contains", "search", "article__outlet__icontains"),)
    pin = ("outlet_is", "Outlet", "article__outlet")


class ArticleFilter(PinnedInputFilter):
    """Typed, a title matches loosely; pinned from an article's page, the list is that article's
    claims and no other's, however many articles share its title."""

    title = "article"
    inputs = (("article_title", "Title contains", "search", "article__title__icontains"),)
    pin = ("article_is", "Article", "article_id")

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.pinned and not self.pinned.isdigit():
            return queryset.none()
        return super().queryset(request, queryset)

    def pinned_label(self) -> str:
        article = Article.objects.filter(pk=self.pinned).first() if self.pinned.isdigit() else None
        if article is None:
            return f"#{self.pinned}"
        return f"#{article.pk} {article.title}" if article.title else f"#{article.pk}"


class OpenFilter(admin.SimpleListFilter):
    """Claims someone still has to work on, whatever their step: what a reviewer's load counts."""

    title = "progress"
    parameter_name = "open"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Still to work on"), ("no", "Settled or not started")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        open_claims = Claim.objects.open().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=open_claims)
        if self.value() == "no":
            return queryset.exclude(pk__in=open_claims)
        return queryset


class TriageFilter(admin.SimpleListFilter):
    """Claims waiting for an editor's first decision: what the desk and the dashboard count as
    still to triage (``ClaimQuerySet.untriaged``)."""

    title = "triage"
    parameter_name = "triage"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("waiting", "Still to triage")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "waiting":
            return queryset.filter(pk__in=Claim.objects.untriaged().values("pk"))
        return queryset


class SeenByReadersFilter(admin.SimpleListFilter):
    """Every verdict readers have seen: the current one and those a correction replaced."""

    title = "seen by readers"
    parameter_name = "public"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", "Published, current or corrected since")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(pk__in=Verdict.objects.publicly_visible().values("pk"))
        return queryset


class VersionFilter(admin.SimpleListFilter):
    title = "version"
    parameter_name = "version"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("first", "First verdicts"), ("correction", "Corrections")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "first":
            return queryset.filter(version=1)
        if self.value() == "correction":
            return queryset.filter(version__gt=1)
        return queryset


class PublishedRangeFilter(InputFilter):
    title = "published between"
    inputs = (
        ("published_from", "From", "date", "published_at__date__gte"),
        ("published_to", "To", "date", "published_at__date__lte"),
    )
