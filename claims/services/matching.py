"""Has this claim been made, or checked, before? Lookups, the appearances extraction stores,
and the change log that keeps every process's claim index current."""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simple_history.utils import bulk_create_with_history

from articles.models import Article
from claims.limits import clean_text
from claims.match_index import claim_match_index
from claims.matching import CONFIDENT_MATCH, SUGGEST_MATCH
from claims.models import (
    Appearance,
    Claim,
    ClaimOrigin,
    ClaimStatus,
    ExternalReview,
    MatchIndexChange,
    MatchSuggestion,
    Verdict,
    VerdictStatus,
)

MAX_QUERY_CHARS = 10_000
MAX_MATCHES = 50


class MatchLevel:
    CONFIDENT = "confident"
    POSSIBLE = "possible"
    WEAK = "weak"


def match_level(confidence: float) -> str:
    if confidence >= CONFIDENT_MATCH:
        return MatchLevel.CONFIDENT
    if confidence >= SUGGEST_MATCH:
        return MatchLevel.POSSIBLE
    return MatchLevel.WEAK


def match_index_record(*, claim_ids: Iterable[int]) -> None:
    """Tell every process's claim index that these claims changed; call inside the write's
    transaction, so a rolled-back write announces nothing."""
    ids = sorted(set(claim_ids))
    if ids:
        MatchIndexChange.objects.bulk_create(
            MatchIndexChange(claim_id=claim_id, token=uuid.uuid4().hex) for claim_id in ids
        )


@dataclass(frozen=True)
class ClaimMatch:
    claim: Claim
    score: float
    confidence: float
    # This newsroom's published verdict (a duplicate's is its original's) and the
    # fact-checks published elsewhere.
    verdict: Verdict | None = None
    reviews: tuple[ExternalReview, ...] = ()

    @property
    def level(self) -> str:
        return match_level(self.confidence)


def claims_find_matching(*, text: str, limit: int = 5) -> list[ClaimMatch]:
    """The known claims this text most likely repeats, best first, with their verdicts loaded."""
    text = clean_text(
        text,
        field="text",
        limit=MAX_QUERY_CHARS,
        required=True,
        blank_message="Give the text of a claim to look up.",
    )
    limit = max(1, min(int(limit), MAX_MATCHES))
    found = claim_match_index.search(text, limit=limit)
    # A lookup must stay a few milliseconds: three small queries, whatever the limit.
    claims = (
        Claim.objects.select_related("claimant")
        .filter(merged_into__isnull=True)
        .in_bulk([match.key for match in found])
    )
    missing = [match.key for match in found if match.key not in claims]
    if missing:
        claim_match_index.forget(missing)
    # A claim marked as a duplicate of another shows that one's verdict.
    verdict_of = {pk: claim.duplicate_of_id or pk for pk, claim in claims.items()}
    verdicts = {
        verdict.claim_id: verdict
        for verdict in Verdict.objects.filter(
            claim_id__in=set(verdict_of.values()), status=VerdictStatus.PUBLISHED
        )
    }
    reviews: dict[int, list[ExternalReview]] = {}
    for review in ExternalReview.objects.filter(claim_id__in=list(claims)).order_by("id"):
        reviews.setdefault(review.claim_id, []).append(review)
    return [
        ClaimMatch(
            claims[match.key],
            match.score,
            match.confidence,
            verdicts.get(verdict_of[match.key]),
            tuple(reviews.get(match.key, ())),
        )
        for match in found
        if match.key in claims
    ]


@dataclass(frozen=True)
class KnownClaim:
    """The tracked claim a sentence new to an article most likely repeats."""

    claim_id: int
    score: float
    confidence: float

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT_MATCH


def claim_root(claim_id: int) -> int | None:
    """The claim a merged claim ended up in; None when it no longer exists."""
    seen = set()
    while claim_id not in seen:
        seen.add(claim_id)
        row = Claim.objects.filter(pk=claim_id).values_list("merged_into_id", flat=True)
        if not row:
            return None
        if row[0] is None:
            return claim_id
        claim_id = row[0]
    return None


def known_claims_for_article(
    *, article: Article, texts: Mapping[str, str]
) -> dict[str, KnownClaim]:
    """For each sentence new to the article (digest to text), the tracked claim it most likely
    repeats, when the match is at least worth suggesting.

    A verbatim repeat is certain. Otherwise the index is asked, ignoring claims this article
    already holds: two different sentences of one article are two claims.
    """
    here = Claim.objects.filter(article=article).values_list("pk", "text_hash")
    seen_here = Appearance.objects.in_article(article).values_list("claim_id", "text_hash")
    in_article = {claim_id for claim_id, _ in [*here, *seen_here]}
    known_digests = {digest for _, digest in [*here, *seen_here]}
    texts = {digest: text for digest, text in texts.items() if digest not in known_digests}
    if not texts:
        return {}
    found: dict[str, KnownClaim] = {}
    verbatim = (
        Appearance.objects.filter(text_hash__in=list(texts))
        .exclude(article=article)
        .order_by("id")
        .values_list("text_hash", "claim_id")
    )
    verbatim_claims = (
        Claim.objects.filter(text_hash__in=list(texts), merged_into__isnull=True)
        .order_by("id")
        .values_list("text_hash", "pk")
    )
    for digest, claim_id in [*verbatim_claims, *verbatim]:
        root = claim_root(claim_id)
        if root is not None and root not in in_article and digest not in found:
            found[digest] = KnownClaim(root, float("inf"), 1.0)
    for digest, text in texts.items():
        if digest in found:
            continue
        for match in claim_match_index.search(text, limit=5):
            if match.key in in_article or match.confidence < SUGGEST_MATCH:
                continue
            found[digest] = KnownClaim(match.key, match.score, match.confidence)
            break
    return found


@dataclass
class StoredClaims:
    created: list[Claim] = field(default_factory=list)
    updated: int = 0
    appeared: int = 0
    suggested: int = 0
    removed: int = 0


def _deletable(claims: list[Claim], article: Article) -> set[int]:
    """Stale claims nobody has worked on and that nothing outside this article refers to."""
    candidates = [
        claim.pk
        for claim in claims
        if claim.status == ClaimStatus.NEW
        and claim.origin == ClaimOrigin.DETECTOR
        and claim.merged_into_id is None
    ]
    if not candidates:
        return set()
    return set(
        Claim.objects.filter(pk__in=candidates)
        .exclude(pk__in=Appearance.objects.exclude(article=article).values("claim_id"))
        .exclude(pk__in=Claim.objects.filter(merged_into__in=candidates).values("merged_into"))
        .exclude(external_reviews__isnull=False)
        .exclude(regrouped_from__isnull=False)
        .exclude(regrouped_into__isnull=False)
        .values_list("pk", flat=True)
    )


def article_store_claims(
    *,
    article: Article,
    items: list[tuple[str, dict[str, Any]]],
    known: Mapping[str, KnownClaim],
    said_on: date | None,
) -> StoredClaims:
    """Store an article's detected claims (digest, claim fields) and where each appears.

    A sentence the article already holds keeps its claim or appearance, moved to its new span.
    A new sentence that confidently repeats a tracked claim becomes an appearance of it; any
    other new sentence is a new claim with its first appearance, and a possible repeat files a
    suggestion for editors. Sentences the body no longer holds lose their appearance here;
    their claim goes too only when nobody worked on it and nothing else refers to it.
    Call inside the transaction that holds the article's lock.
    """
    stored = StoredClaims()
    claims_here = {claim.text_hash: claim for claim in Claim.objects.for_article(article)}
    appearances_here = {a.text_hash: a for a in Appearance.objects.in_article(article)}
    changed: set[int] = set()
    seen: set[str] = set()
    # New claims, and the appearances of new sentences, are written in bulk once the loop has
    # sorted every sentence: a claim-dense article costs a few queries, not a few per claim.
    new_claims: list[Claim] = []
    suggested_for: list[tuple[Claim, int, KnownClaim]] = []
    new_appearances: list[tuple[Claim | int | None, str, dict[str, Any]]] = []
    for digest, fields in items:
        seen.add(digest)
        claim = claims_here.get(digest)
        appearance = appearances_here.get(digest)
        owner: Claim | int | None = None
        if claim is not None:
            for name, value in fields.items():
                if name == "statement" and claim.statement_edited:
                    continue  # an editor's wording stays
                setattr(claim, name, value)
            claim.save()
            changed.add(claim.pk)
            owner = claim_root(claim.pk)
            stored.updated += 1
        elif appearance is not None:
            stored.updated += 1
        else:
            match = known.get(digest)
            target = claim_root(match.claim_id) if match is not None else None
            if match is not None and match.confident and target is not None:
                owner = target
                stored.appeared += 1
            else:
                claim = Claim(
                    article=article, text_hash=digest, origin=ClaimOrigin.DETECTOR, **fields
                )
                new_claims.append(claim)
                owner = claim  # its id is known once it is created, below
                if target is not None and match is not None:
                    suggested_for.append((claim, target, match))
        span = {
            "start": fields["start"],
            "end": fields["end"],
            "text": fields["text"],
            "claimant": fields["claimant"],
            "said_on": said_on,
        }
        if appearance is None:
            new_appearances.append((owner, digest, span))
        else:
            for name, value in span.items():
                setattr(appearance, name, value)
            appearance.save()

    if new_claims:
        # With their history rows, as Claim.objects.create would write them.
        bulk_create_with_history(new_claims, Claim)
        stored.created.extend(new_claims)
        changed.update(claim.pk for claim in new_claims)
    if suggested_for:
        MatchSuggestion.objects.bulk_create(
            [
                MatchSuggestion(
                    claim=claim,
                    candidate_id=target,
                    score=match.score,
                    confidence=match.confidence,
                )
                for claim, target, match in suggested_for
            ],
            ignore_conflicts=True,
        )
        stored.suggested += len(suggested_for)
    Appearance.objects.bulk_create(
        [
            Appearance(
                claim_id=owner.pk if isinstance(owner, Claim) else owner,
                article=article,
                text_hash=digest,
                **span,
            )
            for owner, digest, span in new_appearances
        ]
    )

    stale_claims = [claim for digest, claim in claims_here.items() if digest not in seen]
    deletable = _deletable(stale_claims, article)
    # Triaged claims stay, with the span where they were found, even if the body dropped them.
    kept_here = {
        claim.text_hash: claim.pk
        for claim in stale_claims
        if claim.pk not in deletable
        and not (claim.status == ClaimStatus.NEW and claim.origin == ClaimOrigin.DETECTOR)
    }
    gone = [
        appearance.pk
        for digest, appearance in appearances_here.items()
        if digest not in seen and kept_here.get(digest) != appearance.claim_id
    ]
    if gone:
        Appearance.objects.filter(pk__in=gone).delete()
    if deletable:
        Claim.objects.filter(pk__in=deletable).delete()
        changed |= deletable
        stored.removed = len(deletable)
    match_index_record(claim_ids=changed)
    return stored
