"""What the public sees of a claim: the one read model behind the API's list and detail, the
export, and every ClaimReview.

Sentry's serializers pattern: the related rows of a whole page (or an export chunk) are fetched
at once, then each item is built by one function. A page costs two queries whatever its length:
the claims as `.values()` rows with their article, claimant (and, for staff, reviewer) joined;
then the publicly visible verdict versions of those claims and of the originals they duplicate,
joined with their sources. No model instance or DRF field runs per row.

The rules live here once:
- a claim's public verdict is its published one, and a duplicate's is its original's
  (`public_verdict_claim_id`);
- its history is every publicly visible version of its own verdicts, newest first;
- the statement and claimant the public reads of a claim with its own published verdict are
  those that verdict was published with (`public_wording`), not the claim's working copy;
- who checks a claim and by when is shown to newsroom staff only.
Pages that read one claim as model instances (its page, embed card and ClaimReview) take its
verdict from `public_verdict_of` (`Claim.public_verdict`), which follows the same rule.
- a claim has a public page and embed card only while the public sees a verdict of it
  (`public_fact_check`), and only then does the API, the export or a match give its address
  (`public_page_url`); the API still lists every claim with its status.

`ClaimSerializer` describes these items in the OpenAPI schema.
"""

import functools
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any, NamedTuple

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F, Lookup, Prefetch, Q, QuerySet
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from claims.claimreview import claim_public_url, claimreview_for
from claims.models import Appearance, Claim, Verdict, VerdictStatus
from claims.models.verdicts import WORDING_FIELDS, published_wording

# The columns of the claim row itself, and what the public item joins to them.
CLAIM_COLUMNS = (
    "id",
    "text",
    "statement",
    "claimant_id",
    "status",
    "score",
    "article_id",
    "start",
    "end",
    "dates",
    "entities",
    "duplicate_of_id",
    "created_at",
    "updated_at",
)
JOINED_COLUMNS = {
    "claimant_name": F("claimant__name"),
    "article_title": F("article__title"),
    "article_url": F("article__url"),
}
VERDICT_COLUMNS = (
    "id",
    "claim_id",
    "version",
    "status",
    "rating_slug",
    "rating_label",
    "rating_value",
    "best_rating",
    "worst_rating",
    "summary",
    "explanation",
    "correction_note",
    "published_at",
    "first_published_at",
    *WORDING_FIELDS,
)
SOURCE_COLUMNS = {
    f"source_{name}": F(f"sources__{name}")
    for name in ("url", "title", "publisher", "quote", "accessed_at")
}

Row = dict[str, Any]
# What a published verdict's row carries for the claim's row, not shown as the verdict.
_ROW_ONLY = ("claim_id", "wording")
DateTimes = Callable[[datetime | None], Any]


def _unchanged(value: Any) -> Any:
    return value


def public_verdict_claim_id(*, claim_id: int, duplicate_of_id: int | None) -> int:
    """Whose published verdict the public sees for this claim: a duplicate shows its
    original's (see `Claim.duplicate_of`)."""
    return duplicate_of_id if duplicate_of_id is not None else claim_id


def public_verdict_of(claim: Claim) -> Verdict | None:
    """The published verdict the public sees of one claim in hand (its page, embed card and
    ClaimReview), from the prefetch of `with_public_detail` when there is one."""
    owner_id = public_verdict_claim_id(claim_id=claim.pk, duplicate_of_id=claim.duplicate_of_id)
    owner = claim if owner_id == claim.pk else claim.duplicate_of
    return owner.published_verdict if owner is not None else None


def public_fact_check(claim_id: int) -> tuple[Claim, Verdict] | None:
    """The claim whose public page (or embed card) this is, with the verdict it shows; None
    while the public sees no verdict of it.

    A page under the organisation's name reads as its word on the claim: one it rejected, has
    not checked or is still checking gets none. A duplicate of a published claim has one, with
    its original's verdict, as the API shows it.
    """
    claim = Claim.objects.with_public_detail().filter(pk=claim_id).first()
    if claim is None:
        return None
    verdict = public_verdict_of(claim)
    return (claim, verdict) if verdict is not None else None


def public_page_url(claim_id: int, public_verdict: object | None) -> str | None:
    """The address of the claim's public page, given the verdict the public sees of it; None
    while there is none, as the page (`public_fact_check`) does not exist until then."""
    return claim_public_url(Claim(pk=claim_id)) if public_verdict is not None else None


def public_claimreview(claim: Claim) -> dict[str, Any] | None:
    """The ClaimReview of one claim (from `with_public_detail`): of the verdict the public
    sees of it, none until there is one."""
    verdict = public_verdict_of(claim)
    return claimreview_for(claim, verdict) if verdict is not None else None


def published_reviews() -> QuerySet:
    """Every published verdict with what its ClaimReview shows of its claim, oldest first, in
    a fixed number of queries: each is its claim's public verdict (a duplicate has none of its
    own, and its original's review is the one listed)."""
    return (
        Verdict.objects.filter(status=VerdictStatus.PUBLISHED)
        .select_related("claim__article", "claim__claimant")
        # Where each claim appeared: its ClaimReview's appearance and firstAppearance.
        .prefetch_related(
            Prefetch("claim__appearances", queryset=Appearance.objects.select_related("article"))
        )
        .order_by("published_at", "id")
    )


def _staff_columns() -> dict[str, F]:
    """Who checks a claim and by when: joined only when the reader is newsroom staff."""
    return {"reviewer_name": F(f"reviewer__{get_user_model().USERNAME_FIELD}")}


def claim_rows(claims: QuerySet, *, for_staff: bool, extra: dict[str, F] | None = None) -> QuerySet:
    """The claims as `.values()` rows with everything `claim_items` needs, plus the sort keys
    (a search's rank, an ordering's annotation) so a cursor can be made from the last row,
    and the `extra` columns a caller names."""
    columns: list[str] = list(CLAIM_COLUMNS)
    joined: dict[str, Any] = {**JOINED_COLUMNS, **(extra or {})}
    if for_staff:
        columns.append("due_date")
        joined.update(_staff_columns())
    for key in claims.query.order_by:
        name = str(key).lstrip("-")
        if name not in columns and name not in joined and name != "pk":
            columns.append(name)
    return claims.values(*columns, **joined)


def claim_items(rows: list[Row], *, for_staff: bool) -> list[Row]:
    """Each claim row as the public (or, `for_staff`, the newsroom) sees it, in the order and
    with the keys of ClaimSerializer."""
    if not rows:
        return []
    when = _datetime_converter()
    verdicts, history = public_verdicts(rows, when=when)
    return [claim_item(row, verdicts, history, when=when, for_staff=for_staff) for row in rows]


def claim_item_of(claim_id: int, *, for_staff: bool) -> Row:
    """One claim by its id as the API shows it (its detail, a workflow action's answer)."""
    rows = list(claim_rows(Claim.objects.filter(pk=claim_id), for_staff=for_staff))
    return claim_items(rows, for_staff=for_staff)[0]


def claim_item(
    row: Row,
    verdicts: dict[int, Row],
    history: dict[int, list[Row]],
    *,
    when: DateTimes,
    for_staff: bool,
) -> Row:
    """One claim as the API shows it, from its row and its page's `public_verdicts`."""
    claim_id, original = row["id"], row["duplicate_of_id"]
    verdict_of = public_verdict_claim_id(claim_id=claim_id, duplicate_of_id=original)
    verdict = verdicts.get(verdict_of)
    # The newsroom reads the claim it edits; the public, the wording of the verdict it sees.
    wording = row if for_staff else _public_wording_of_row(row, verdict)
    return {
        "id": claim_id,
        "text": row["text"],
        "statement": wording["statement"],
        "claimant": wording["claimant_name"],
        "claimant_id": row["claimant_id"],
        "status": row["status"],
        "score": row["score"],
        "article": row["article_id"],
        "article_title": row["article_title"],
        "article_url": row["article_url"],
        "start": row["start"],
        "end": row["end"],
        "dates": row["dates"],
        "entities": row["entities"],
        "verdict": _without_wording(verdict),
        "verdict_history": history.get(claim_id, []),
        "duplicate_of": original,
        "reviewer": row["reviewer_name"] if for_staff else None,
        "due_date": row["due_date"] if for_staff else None,
        "created_at": when(row["created_at"]),
        "updated_at": when(row["updated_at"]),
    }


def public_verdicts(
    rows: Iterable[Row], *, when: DateTimes | None = None
) -> tuple[dict[int, Row], dict[int, list[Row]]]:
    """For claim rows (each with `id` and `duplicate_of_id`), in one query: per claim id, its
    published verdict with sources, and its publicly visible history. The originals the rows
    duplicate are read too, so `public_verdict_claim_id` finds their verdict."""
    when = when or _unchanged
    claim_ids: set[int] = set()
    for row in rows:
        claim_ids.add(row["id"])
        if row["duplicate_of_id"] is not None:
            claim_ids.add(row["duplicate_of_id"])
    verdicts: dict[int, Row] = {}
    history: dict[int, list[Row]] = {}
    if not claim_ids:
        return verdicts, history
    current = None
    for version in _public_versions(sorted(claim_ids)):
        if current is None or version["id"] != current["id"]:
            current = version
            claim_id = version["claim_id"]
            history.setdefault(claim_id, []).append(_verdict_version(version, when))
            if version["status"] == VerdictStatus.PUBLISHED:
                verdicts[claim_id] = _published_verdict(version, when)
        if version["source_url"] is not None and version["status"] == VerdictStatus.PUBLISHED:
            verdicts[version["claim_id"]]["sources"].append(
                {
                    "url": version["source_url"],
                    "title": version["source_title"],
                    "publisher": version["source_publisher"],
                    "quote": version["source_quote"],
                    "accessed_at": when(version["source_accessed_at"]),
                }
            )
    return verdicts, history


def public_versions_query(claim_ids: Iterable[int], *, ids_as_array: bool = False) -> QuerySet:
    """Every publicly visible version of these claims' verdicts, newest first per claim, each
    joined with its sources (a row per source, or one row without any).

    With `ids_as_array` (PostgreSQL), the ids are one array parameter (`= ANY(%s)`), so the
    SQL is the same whatever their number and the driver parses it once, not on every page.
    """
    ids = list(claim_ids)
    wanted = _IsAnyOf(F("claim_id"), ids) if ids_as_array else Q(claim_id__in=ids)
    return (
        Verdict.objects.publicly_visible()
        .filter(wanted)
        .order_by("claim_id", "-version", "sources__order", "sources__id")
        .values(*VERDICT_COLUMNS, **SOURCE_COLUMNS)
    )


class _IsAnyOf(Lookup):
    """`column = ANY(%s)`, the values given as one array parameter (PostgreSQL)."""

    lookup_name = "is_any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value: Any, connection: BaseDatabaseWrapper) -> tuple:
        return "%s", [list(value)]

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple:
        column, column_params = self.process_lhs(compiler, connection)
        values, values_params = self.process_rhs(compiler, connection)
        return f"{column} = ANY({values})", [*column_params, *values_params]


def _public_versions(claim_ids: list[int]) -> Iterator[dict[str, Any]]:
    """The rows of `public_versions_query`, from SQL compiled once per number of claims: a
    page's (its claims and their originals); an export chunk's is built each time, as its
    compiling is small beside its thousands of rows and would crowd the pages out of the cache.
    """
    if len(claim_ids) > 2 * settings.API_MAX_PAGE_SIZE:
        yield from public_versions_query(claim_ids)
        return
    connection = connections[Verdict.objects.db]
    statement = _compiled_versions_query(len(claim_ids), connection)
    params = list(statement.params)
    if statement.ids_as_array:
        params[statement.claim_slots[0]] = claim_ids
    else:
        for slot, claim_id in zip(statement.claim_slots, claim_ids, strict=True):
            params[slot] = claim_id
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        fetched = cursor.fetchall()
    # The compiler's converters, as `.values()` applies them (dates on SQLite, for one).
    for row in statement.compiler.results_iter(results=[fetched]):
        yield dict(zip(statement.names, row, strict=True))


class _CompiledQuery(NamedTuple):
    compiler: SQLCompiler
    sql: str
    params: tuple[Any, ...]
    claim_slots: list[int]
    names: list[str]
    ids_as_array: bool


@functools.lru_cache(maxsize=512)
def _compiled_versions_query(claim_count: int, connection: BaseDatabaseWrapper) -> _CompiledQuery:
    """`public_versions_query` for `claim_count` claims, as SQL with the claim ids' positions
    among its parameters.

    Building and compiling that query costs more than running it does, and only the ids change
    from one page to the next. On PostgreSQL it saves about a quarter of a list request of fifty
    (bench/list_verdict_cache.py, 3,000 claims: 5.6 ms against 7.5; 30,000: 8.0 against 10.6),
    so it stays. Compiled with stand-in ids (no claim
    has a negative id), per database connection, which each thread has its own of. On
    PostgreSQL the ids are one array parameter, so `claim_slots` holds that one position.
    """
    stand_ins = list(range(-1, -claim_count - 1, -1))
    ids_as_array = connection.vendor == "postgresql"
    query = public_versions_query(stand_ins, ids_as_array=ids_as_array).query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.as_sql()
    if ids_as_array:
        claim_slots = [slot for slot, value in enumerate(params) if value == stand_ins]
        expected = 1
    else:
        wanted = set(stand_ins)
        position = {value: slot for slot, value in enumerate(params) if value in wanted}
        claim_slots = [position[stand_in] for stand_in in stand_ins if stand_in in position]
        expected = claim_count
    if len(claim_slots) != expected:
        raise AssertionError("the claim ids are not plain parameters of the compiled query")
    return _CompiledQuery(
        compiler=compiler,
        sql=sql,
        params=tuple(params),
        claim_slots=claim_slots,
        names=[*query.extra_select, *query.values_select, *query.annotation_select],
        ids_as_array=ids_as_array,
    )


def public_claims(
    claims: QuerySet, *, chunk_size: int, extra: dict[str, F] | None = None
) -> Iterator[tuple[Row, Row | None]]:
    """Every claim of `claims` as a public row with its public verdict (a duplicate: its
    original's), streamed: the claims are read with a server-side cursor, and the verdicts of
    each chunk in one query, so a million claims never sit in memory at once."""
    rows = claim_rows(claims, for_staff=False, extra=extra).iterator(chunk_size=chunk_size)
    while chunk := list(islice(rows, chunk_size)):
        verdicts, _ = public_verdicts(chunk)
        for row in chunk:
            verdict_of = public_verdict_claim_id(
                claim_id=row["id"], duplicate_of_id=row["duplicate_of_id"]
            )
            verdict = verdicts.get(verdict_of)
            yield _public_wording_of_row(row, verdict), _without_wording(verdict)


def verdict_item(verdict: Verdict) -> Row:
    """A published verdict already in hand (a webhook's) as `claim_items` shows it, its
    `sources` left empty: those who need them read the claim's item."""
    fields = {column: getattr(verdict, column) for column in VERDICT_COLUMNS}
    return _without_wording(_published_verdict(fields)) or {}


def _public_wording_of_row(row: Row, verdict: Row | None) -> Row:
    """The claim row with the statement and claimant the public sees, given the verdict it
    sees (of `public_verdicts`), as `public_wording` rules for a claim in hand."""
    if verdict is None or verdict["claim_id"] != row["id"]:
        return row
    wording = verdict["wording"]
    claimant = wording.claimant.name if wording.claimant is not None else None
    return {**row, "statement": wording.statement, "claimant_name": claimant}


def _without_wording(verdict: Row | None) -> Row | None:
    """The verdict as the API shows it, without what `_public_wording_of_row` reads of it."""
    if verdict is None:
        return None
    return {key: value for key, value in verdict.items() if key not in _ROW_ONLY}


def _published_verdict(version: Row, when: DateTimes = _unchanged) -> Row:
    """As PublishedVerdictSerializer describes it, with the `wording` it was published with
    (which `claim_item` takes out)."""
    return {
        "version": version["version"],
        "rating": version["rating_slug"],
        "rating_label": version["rating_label"],
        "rating_value": version["rating_value"],
        "best_rating": version["best_rating"],
        "worst_rating": version["worst_rating"],
        "summary": version["summary"],
        "explanation": version["explanation"],
        "sources": [],
        "published_at": when(version["published_at"]),
        "first_published_at": when(version["first_published_at"]),
        "correction_note": version["correction_note"],
        "claim_id": version["claim_id"],
        "wording": published_wording(version),
    }


def _verdict_version(version: Row, when: DateTimes) -> Row:
    """As VerdictVersionSerializer describes it."""
    return {
        "version": version["version"],
        "status": version["status"],
        "rating": version["rating_slug"],
        "rating_label": version["rating_label"],
        "summary": version["summary"],
        "correction_note": version["correction_note"],
        "published_at": when(version["published_at"]),
    }


def _datetime_converter() -> DateTimes:
    """Date-times in the current time zone, as DRF's DateTimeField shows them.

    The JSON renderer writes an aware date-time in ISO 8601 with `Z` for UTC, as DRF does, and
    the database hands them over in UTC: only another zone needs each value converted.
    """
    zone = timezone.get_current_timezone()
    if str(zone) in {"UTC", "Etc/UTC"}:
        return _unchanged
    return lambda value: value.astimezone(zone) if value else None
