"""The article page's triage desk: what its script asks the server, as JSON.

A claim's card (its state, score, claimant, statement and the triage moves this user may take),
the move itself, the search for the claim a duplicate follows, and a sentence the detector
missed made into a claim. Who may do what is the services' answer: the card's moves are read
from the policy, and a refused request carries the service's own error, with its status (403
never for this user, 409 not now, 400 the input) and the claim as it now stands, so the page
shows the truth and keeps what the editor typed.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.admin import AdminSite
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article
from claims.admin.forms import AssignForm, DuplicateForm, ReasonForm
from claims.admin.listing import percentage
from claims.models import Claim, ClaimStatus
from claims.services import (
    claim_assign,
    claim_mark_checkable,
    claim_mark_duplicate,
    claim_mark_not_checkable,
)
from claims.services.kernel import claim_version
from claims.services.learning import check_mark_missed, claim_mark_missed
from claims.services.policy import Move, claim_moves, move_refusal
from claims.templatetags.desk import article_text, marked_text
from core.errors import ServiceError
from core.roles import Actor

# How many claims the duplicate search offers at once: a short list the keyboard runs through.
ORIGINALS_SHOWN = 8
MAX_QUERY_CHARS = 200


class MissedForm(forms.Form):
    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    # The selected text as the browser saw it, to catch an article edited since the page loaded.
    text = forms.CharField(strip=False)


# The desk's moves by the name in their URL: the policy's move, the form its input comes in,
# the service that makes it, and what the page announces when it is done.
DESK_MOVES: dict[str, tuple[Move, type[forms.Form], Callable[..., Claim], str]] = {
    "checkable": (Move.MARK_CHECKABLE, ReasonForm, claim_mark_checkable, "Marked checkable."),
    "not-checkable": (
        Move.MARK_NOT_CHECKABLE,
        # The desk asks why; like the claim page and the API, it takes no answer too.
        ReasonForm,
        claim_mark_not_checkable,
        "Marked not checkable.",
    ),
    "duplicate": (
        Move.MARK_DUPLICATE,
        DuplicateForm,
        claim_mark_duplicate,
        "Marked as a duplicate.",
    ),
    "assign": (Move.ASSIGN, AssignForm, claim_assign, "Assigned."),
}


def claim_card(claim: Claim, actor: Actor) -> dict[str, Any]:
    """What the desk's panel shows of a claim, and which of its moves the actor may take now
    (None) or why not (the policy's message, announced when the key is pressed)."""
    moves = claim_moves(claim=claim, actor=actor)
    card: dict[str, Any] = {
        "id": claim.pk,
        "status": claim.status,
        "status_label": ClaimStatus(claim.status).label,
        "score": percentage(claim.score),
        "claimant": claim.claimant.name if claim.claimant else "",
        "statement": claim.claim_reviewed,
        "text": claim.text,
        "reviewer": claim.reviewer.get_username() if claim.reviewer else "",
        "duplicate_of": claim.duplicate_of_id,
        "url": reverse("admin:claims_claim_change", args=[claim.pk]),
        "version": claim_version(claim),
        "moves": {
            name: (refusal.message if (refusal := moves[move]) else None)
            for name, (move, *_) in DESK_MOVES.items()
        },
        "reviewers": [],
    }
    if moves[Move.ASSIGN] is None:
        # The same reviewers the claim page's assign form offers.
        field = AssignForm().fields["reviewer"]
        reviewers = field.queryset if isinstance(field, forms.ModelChoiceField) else None
        card["reviewers"] = [
            {"id": user.pk, "name": user.get_username()} for user in (reviewers or [])
        ]
    return card


def _claim(request: HttpRequest, pk: int) -> Claim:
    """The claim, if the user sees it (else 404, as on its page)."""
    return get_object_or_404(
        Claim.objects.in_scope_of(request.user).select_related("claimant", "reviewer"), pk=pk
    )


def _refused(error: ServiceError, **extra: Any) -> JsonResponse:
    return JsonResponse({**error.as_payload(), **extra}, status=error.status_code)


def _invalid(form: forms.Form, **extra: Any) -> JsonResponse:
    first = next(iter(form.errors.values()))[0]
    return JsonResponse({"detail": first, "errors": form.errors, **extra}, status=400)


@require_GET
def card_view(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse({"claim": claim_card(_claim(request, pk), request.user)})


@require_POST
def move_view(request: HttpRequest, pk: int, move: str) -> JsonResponse:
    """One triage move. `version` is the claim's state as the page showed it: a claim changed
    since (by another editor, in another tab) is not moved (the service compares it under the
    claim's row lock), and the editor sees it as it is."""
    if move not in DESK_MOVES:
        raise Http404
    policy_move, form_class, service, done = DESK_MOVES[move]
    claim = _claim(request, pk)
    refusal = move_refusal(claim=claim, actor=request.user, move=policy_move)
    if refusal is not None and refusal.is_permission:
        return _refused(refusal.exception())
    form = form_class(request.POST)
    if not form.is_valid():
        return _invalid(form, claim=claim_card(claim, request.user))
    try:
        service(
            claim=claim,
            actor=request.user,
            expected_version=request.POST.get("version") or None,
            **form.cleaned_data,
        )
    except ServiceError as error:
        return _refused(error, claim=claim_card(_claim(request, pk), request.user))
    claim = _claim(request, pk)
    if move == "assign" and claim.reviewer:
        done = f"Assigned to {claim.reviewer.get_username()}."
    elif move == "duplicate":
        done = f"Marked as a duplicate of claim #{claim.duplicate_of_id}."
    return JsonResponse({"detail": done, "claim": claim_card(claim, request.user)})


@require_GET
def originals_view(request: HttpRequest, pk: int) -> JsonResponse:
    """The claims this one could be a duplicate of, for the words (or the id) typed."""
    claim = _claim(request, pk)
    refusal = move_refusal(claim=claim, actor=request.user, move=Move.MARK_DUPLICATE)
    if refusal is not None and refusal.is_permission:
        raise PermissionDenied
    query = request.GET.get("q", "")[:MAX_QUERY_CHARS].strip()
    if len(query) < 2 and not query.isdigit():
        return JsonResponse({"results": []})
    found = Claim.objects.in_scope_of(request.user).possible_originals(claim, query)
    return JsonResponse(
        {
            "results": [
                {
                    "id": original.pk,
                    "text": original.text,
                    "status_label": ClaimStatus(original.status).label,
                    "article": original.article.title if original.article else "",
                }
                for original in found[:ORIGINALS_SHOWN]
            ]
        }
    )


def _same_text(left: str, right: str) -> bool:
    return " ".join(left.split()) == " ".join(right.split())


@require_POST
def missed_view(request: HttpRequest, article_id: int) -> JsonResponse:
    """A passage the editor selected in the article's text becomes a checkable claim and a
    lesson for the detector; the answer carries the text with the new claim marked."""
    try:
        check_mark_missed(request.user)
    except ServiceError as error:
        return _refused(error)
    article = get_object_or_404(Article, pk=article_id)
    form = MissedForm(request.POST)
    if not form.is_valid():
        return _invalid(form)
    start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    if not _same_text((article.body or "")[start:end], form.cleaned_data["text"]):
        return JsonResponse(
            {
                "detail": "The selection does not match the article's text at that place; the "
                "text may have changed since the page was loaded. Reload it and select again."
            },
            status=409,
        )
    try:
        claim = claim_mark_missed(article=article, start=start, end=end, actor=request.user)
    except ServiceError as error:
        return _refused(error)
    _, placed = article_text(request.user, article)
    return JsonResponse(
        {
            "detail": f"Claim #{claim.pk} added as checkable; the detector will learn from it.",
            "claim": claim_card(_claim(request, claim.pk), request.user),
            "text": str(marked_text(article.body or "", placed)),
        }
    )


def desk_urls(admin_site: AdminSite) -> list[URLPattern]:
    """The desk's URLs under the claims admin, each behind the admin's sign-in."""

    def view(route: str, function: Callable[..., JsonResponse], name: str) -> URLPattern:
        return path(route, admin_site.admin_view(function), name=f"claims_claim_desk_{name}")

    return [
        view("<int:pk>/desk/", card_view, "card"),
        view("<int:pk>/desk/originals/", originals_view, "originals"),
        view("<int:pk>/desk/<slug:move>/", move_view, "move"),
        view("desk/article/<int:article_id>/missed/", missed_view, "missed"),
    ]
