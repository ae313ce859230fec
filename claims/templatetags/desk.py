"""The article page's triage view: the article's text with each of its claims marked where it
stands, and the way on to the next article waiting for triage.

The template lives in the claims app (articles knows nothing of claims) and overrides the
article's change form."""

from typing import Any

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from articles.models import Article
from claims.admin.listing import percentage
from claims.models import Claim, ClaimStatus
from claims.services.learning import may_mark_missed
from core.roles import Actor

register = template.Library()


def claim_span(body: str, claim: Claim) -> tuple[int, int] | None:
    """Where the claim's sentence is in the body. Offsets from an older body are checked
    against the text and, when they no longer match, the text is looked up; None if it is gone."""
    start, end = claim.start, claim.end
    if body[start:end] == claim.text:
        return start, end
    found = body.find(claim.text)
    if found < 0:
        return None
    return found, found + len(claim.text)


def _placed(body: str, claims: list[Claim]) -> list[tuple[int, int, Claim]]:
    """Each claim's span in the body, in reading order, without overlaps."""
    spans = []
    for claim in claims:
        if (span := claim_span(body, claim)) is not None:
            spans.append((*span, claim))
    spans.sort(key=lambda span: (span[0], -span[1]))
    placed, reached = [], 0
    for start, end, claim in spans:
        if start >= reached:
            placed.append((start, end, claim))
            reached = end
    return placed


def marked_text(body: str, placed: list[tuple[int, int, Claim]]) -> SafeString | str:
    """The body as HTML, each claim a focusable mark. Every piece carries its offsets in the
    body (`data-start`, and `data-end` on marks), so the page's script maps a selection back to
    the characters of `article.body` whatever the browser does with the text around it."""
    if not body:
        return ""
    pieces: list[SafeString] = []
    cursor = 0

    def gap(start: int, end: int) -> None:
        if end > start:
            pieces.append(
                format_html(
                    '<span data-start="{}" data-end="{}">{}</span>', start, end, body[start:end]
                )
            )

    for start, end, claim in placed:
        gap(cursor, start)
        duplicate = claim.duplicate_of_id is not None
        pieces.append(
            format_html(
                '<mark class="claim-state-{}{}" id="claim-{}" data-claim="{}" data-start="{}" '
                'data-end="{}" title="{} · score {}{}"><a href="{}">{}</a></mark>',
                claim.status,
                " claim-duplicate" if duplicate else "",
                claim.pk,
                claim.pk,
                start,
                end,
                ClaimStatus(claim.status).label,
                percentage(claim.score),
                f" · duplicate of #{claim.duplicate_of_id}" if duplicate else "",
                reverse("admin:claims_claim_change", args=[claim.pk]),
                body[start:end],
            )
        )
        cursor = end
    gap(cursor, len(body))
    return format_html_join("", "{}", ((piece,) for piece in pieces))


def article_text(user: Actor, article: Article) -> tuple[list[Claim], list[tuple[int, int, Claim]]]:
    """The article's claims the user may see, and where each stands in its text."""
    claims = list(Claim.objects.in_scope_of(user).for_article(article).order_by("start", "id"))
    return claims, _placed(article.body or "", claims)


@register.inclusion_tag("admin/articles/article/_claims_in_text.html", takes_context=True)
def claims_in_text(context: dict[str, Any], article: Article) -> dict[str, Any]:
    user = context["request"].user
    claims, placed = article_text(user, article)
    # What "still to triage" means is ClaimQuerySet.untriaged's to say, asked once here.
    untriaged = set(
        Claim.objects.in_scope_of(user)
        .for_article(article)
        .untriaged()
        .values_list("pk", flat=True)
    )
    shown = {claim.pk for _, _, claim in placed}
    return {
        "article": article,
        "claims": claims,
        "text": marked_text(article.body or "", placed),
        "unplaced": [claim for claim in claims if claim.pk not in shown],
        "untriaged": len(untriaged),
        "states": [(status, ClaimStatus(status).label) for status in ClaimStatus.values],
        "unplaced_untriaged": len(untriaged - shown),
        "no_claims_reason": "" if claims else no_claims_reason(article),
        "next_article": next_article_to_triage(user, article),
        "can_mark_missed": may_mark_missed(user),
    }


def no_claims_reason(article: Article) -> str:
    """Why an article shows no claims, in the editor's words."""
    status = article.status
    if status in ("fetching", "pending", "processing"):
        return "Its claims are still being extracted; this page updates itself when they are."
    if status == "failed":
        return f"Claim extraction failed: {article.status_reason or 'no reason was recorded'}."
    if article.language and article.language not in settings.SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(settings.SUPPORTED_LANGUAGES))
        return (
            f"The article is in “{article.language}”, and the claim detector reads only "
            f"{supported}; no claims were extracted."
        )
    if article.status_reason:
        return f"No claims were extracted: {article.status_reason}."
    return "The detector found no check-worthy sentence in this article."


def next_article_to_triage(user: Actor, article: Article) -> int | None:
    """The next article (after this one, else from the start) with claims still to triage."""
    waiting = (
        Claim.objects.in_scope_of(user)
        .untriaged()
        .filter(article__isnull=False)
        .exclude(article=article)
        .order_by("article_id")
        .values_list("article_id", flat=True)
    )
    after = waiting.filter(article_id__gt=article.pk).first()
    return after or waiting.first()
