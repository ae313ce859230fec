"""Filtering, full-text search and ordering of the claims list.

Every filter here is one condition on the claims query (joins or EXISTS), so a filtered page
still costs a fixed number of queries, and the common combinations are backed by indexes
(see the claims migration `api_indexes`).
"""

from datetime import UTC, datetime
from typing import Any, cast

from django.db.models import (
    DateTimeField,
    Exists,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Coalesce
from django_filters import rest_framework as filters
from rest_framework.request import Request

from claims.models import Claim, ClaimStatus, Verdict, VerdictStatus
from claims.models.claims import ClaimQuerySet
from core.api.filters import MAX_ROW_ID, IdFilter

# ?ordering= values; each sorts on one key with the id as tie-break, so a cursor is exact.
ORDERINGS = {
    "created_at": "created_at",
    "score": "score",
    "published_at": "published_on",
}
ORDERING_CHOICES = [
    (f"{prefix}{name}", f"{name} {'descending' if prefix else 'ascending'}")
    for name in ORDERINGS
    for prefix in ("-", "")
]
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9999, 1, 1, tzinfo=UTC)


def order_claims(claims: QuerySet, ordering: str) -> QuerySet:
    descending = ordering.startswith("-")
    key = ORDERINGS[ordering.lstrip("-")]
    if key == "published_on":
        # Claims without a published verdict come last either way.
        claims = claims.annotate(
            live_verdict=FilteredRelation(
                "verdicts", condition=Q(verdicts__status=VerdictStatus.PUBLISHED)
            ),
            published_on=Coalesce(
                F("live_verdict__published_at"),
                Value(EARLIEST if descending else LATEST),
                output_field=DateTimeField(),
            ),
        )
    sign = "-" if descending else ""
    return claims.order_by(f"{sign}{key}", f"{sign}id")


def published_verdicts() -> QuerySet:
    return Verdict.objects.filter(claim=OuterRef("pk"), status=VerdictStatus.PUBLISHED)


class GivenFiltersBackend(filters.DjangoFilterBackend):
    """django-filter, with each request's FilterSet holding only the filters the request names.

    A FilterSet deep-copies every filter and builds and validates a form field for each on every
    request: for the claims list's fourteen that costs more than reading the page. A filter
    absent from the query string filters nothing, so leaving it out changes no result and no
    error. The OpenAPI schema and the browsable API's filter form still see every filter.
    """

    only_given = True

    def get_filterset(self, request: Request, queryset: QuerySet, view: Any) -> Any:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None or not self.only_given:
            return super().get_filterset(request, queryset, view)
        filterset = filterset_class.__new__(filterset_class)
        # FilterSet.__init__ copies `base_filters`: this instance's shadows the class's full set.
        filterset.base_filters = {
            name: given
            for name, given in filterset_class.base_filters.items()
            if name in request.query_params
        }
        filterset.__init__(**self.get_filterset_kwargs(request, queryset, view))
        return filterset

    def to_html(self, request: Request, queryset: QuerySet, view: Any) -> str | None:
        self.only_given = False  # the browsable API's form offers every filter
        return super().to_html(request, queryset, view)


class ClaimFilter(filters.FilterSet):
    article = IdFilter(field_name="article_id")
    status = filters.ChoiceFilter(choices=ClaimStatus.choices, help_text="The claim's state.")
    state = filters.ChoiceFilter(
        field_name="status", choices=ClaimStatus.choices, help_text="Same as status."
    )
    claimant = filters.CharFilter(
        method="filter_claimant", help_text="A claimant's id, or a name or alias (exact, any case)."
    )
    min_score = filters.NumberFilter(field_name="score", lookup_expr="gte")
    rating = filters.CharFilter(
        method="filter_rating", help_text="Rating slug of the published verdict, e.g. false."
    )
    outlet = filters.CharFilter(
        field_name="article__outlet", lookup_expr="iexact", help_text="The article's outlet."
    )
    has_verdict = filters.BooleanFilter(
        method="filter_has_verdict", help_text="Only claims with (true) or without (false) one."
    )
    published_after = filters.IsoDateTimeFilter(
        method="filter_published_after",
        help_text="Verdict published at or after this date-time (ISO 8601).",
    )
    published_before = filters.IsoDateTimeFilter(
        method="filter_published_before", help_text="Verdict published before this date-time."
    )
    claimed_after = filters.DateFilter(
        field_name="article__published_at",
        lookup_expr="date__gte",
        help_text="Claim made (its article published) on or after this date.",
    )
    claimed_before = filters.DateFilter(
        field_name="article__published_at",
        lookup_expr="date__lte",
        help_text="Claim made on or before this date.",
    )
    q = filters.CharFilter(
        method="filter_search",
        help_text=(
            "Full-text search over the claim text and the claimant's name, best match first "
            "unless `ordering` is given. A word that matches more than 1,000 claims returns "
            "the 1,000 newest of them."
        ),
    )
    ordering = filters.ChoiceFilter(
        choices=ORDERING_CHOICES,
        method="filter_ordering",
        help_text="Sort order; default newest first (-created_at), or best match with `q`.",
    )

    class Meta:
        model = Claim
        fields = ["article", "status", "claimant", "min_score"]

    def filter_claimant(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if value.isdigit():
            if int(value) > MAX_ROW_ID:
                return claims.none()
            return claims.filter(claimant_id=int(value))
        return claims.filter(
            Q(claimant__name__iexact=value) | Q(claimant__aliases__name__iexact=value)
        ).distinct()

    def filter_rating(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return claims.filter(Exists(published_verdicts().filter(rating_slug=value.strip())))

    def filter_has_verdict(self, claims: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return claims
        exists = Exists(published_verdicts())
        return claims.filter(exists if value else ~exists)

    def filter_published_after(self, claims: QuerySet, name: str, value: Any) -> QuerySet:
        return claims.filter(Exists(published_verdicts().filter(published_at__gte=value)))

    def filter_published_before(self, claims: QuerySet, name: str, value: Any) -> QuerySet:
        return claims.filter(Exists(published_verdicts().filter(published_at__lt=value)))

    def filter_search(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        # The claims' one search, shared with the claims list, the front page and the desk.
        return cast(ClaimQuerySet, claims).search(value)

    def filter_ordering(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return order_claims(claims, value) if value else claims
