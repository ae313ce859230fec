"""The claim index each process (web, worker) keeps in memory, and how it stays current.

Built lazily from the database on the first lookup. Every write that changes what a claim
can be matched by adds a `MatchIndexChange` row in its own transaction; before each lookup
the index reads the newest row (one tiny query) and, when other processes wrote since, loads
only the claims named after its watermark. A watermark the log no longer holds (a rolled-back
or reset database) means the index cannot trust what it has, so it rebuilds.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from claims.matching import ClaimIndex, Match
from claims.models import Claim, ExternalReview, MatchIndexChange

# Past this many changed claims, one rebuild is cheaper than applying them one by one.
_REBUILD_AFTER_CHANGES = 5_000


@dataclass(frozen=True, slots=True)
class Watermark:
    change_id: int = 0
    token: str = ""


def _latest_change() -> Watermark:
    row = MatchIndexChange.objects.order_by("-id").values_list("id", "token").first()
    return Watermark(*row) if row else Watermark()


def matchable_documents(claim_ids: Iterable[int] | None = None) -> list[tuple[int, str, str]]:
    """(claim id, text, headlines of its published fact-checks) for claims that can be matched.

    Merged claims are left out: their appearances and verdicts live on the claim they joined.
    """
    claims = Claim.objects.filter(merged_into__isnull=True)
    reviews = ExternalReview.objects.exclude(title="")
    if claim_ids is not None:
        ids = list(claim_ids)
        claims = claims.filter(pk__in=ids)
        reviews = reviews.filter(claim_id__in=ids)
    titles: dict[int, list[str]] = {}
    for claim_id, title in reviews.order_by("id").values_list("claim_id", "title"):
        known = titles.setdefault(claim_id, [])
        if title not in known:
            known.append(title)
    return [
        (pk, text, " ".join(titles.get(pk, ())))
        for pk, text in claims.order_by("pk").values_list("pk", "text")
    ]


class ClaimMatchIndex:
    """A `ClaimIndex` of the database's matchable claims, refreshed before every lookup."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._index: ClaimIndex | None = None
        self._watermark = Watermark()
        self._database = ""
        self.builds = 0
        self.changes_applied = 0

    def search(self, text: str, *, limit: int) -> list[Match]:
        with self._lock:
            index = self._current()
            return index.search(text, limit=limit)

    def forget(self, claim_ids: Iterable[int]) -> None:
        """Drop claims a lookup found missing from the database (deleted outside the services)."""
        with self._lock:
            if self._index is not None:
                for claim_id in claim_ids:
                    self._index.remove(claim_id)

    def __len__(self) -> int:
        with self._lock:
            return len(self._current())

    def _current(self) -> ClaimIndex:
        database = f"{connection.vendor}:{connection.settings_dict['NAME']}"
        latest = _latest_change()
        if self._index is None or database != self._database:
            self._build(latest, database)
        elif latest != self._watermark:
            self._catch_up(latest, database)
        return self._index  # type: ignore[return-value]

    def _build(self, latest: Watermark, database: str) -> None:
        # The watermark is read before the claims, so a change committed in between is applied
        # again on the next lookup; applying a change twice is harmless.
        self._index = ClaimIndex.build(matchable_documents())
        self._watermark = latest
        self._database = database
        self.builds += 1

    def _catch_up(self, latest: Watermark, database: str) -> None:
        mark = self._watermark
        changes = list(
            MatchIndexChange.objects.filter(id__gte=mark.change_id)
            .order_by("id")
            .values_list("id", "token", "claim_id")[: _REBUILD_AFTER_CHANGES + 1]
        )
        known_history = mark.change_id == 0 or (
            bool(changes) and Watermark(*changes[0][:2]) == mark
        )
        newer = [change for change in changes if change[0] > mark.change_id]
        if not known_history or not newer or len(changes) > _REBUILD_AFTER_CHANGES:
            self._build(latest, database)
            return
        changed = {claim_id for _, _, claim_id in newer}
        documents = matchable_documents(changed)
        index = self._index
        if index is None:
            self._build(latest, database)
            return
        for claim_id in changed - {key for key, _, _ in documents}:
            index.remove(claim_id)
        for key, text, title in documents:
            index.add(key, text, title)
        self._watermark = Watermark(*newer[-1][:2])
        self.changes_applied += len(changed)


claim_match_index = ClaimMatchIndex()
