"""The claim page a reviewer and an editor work from: the sentence in its paragraph, the
statement beside it, the verdict with its sources, the public link and embed code once it is
published, and the notes they leave each other. Its own forms post to the views here, which
call the services; the workflow's buttons stay with ClaimAdmin."""

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from claims.admin.forms import ClaimantForm, NoteForm, StatementForm
from claims.admin.listing import chips, percentage
from claims.claimreview import claim_public_url
from claims.detection import paragraph_bounds
from claims.models import Claim, ClaimNote
from claims.public import public_verdict_of
from claims.selectors.notes import claim_notes
from claims.services import claim_add_note, claim_change_claimant
from claims.services.policy import Move
from claims.templatetags.desk import claim_span
from core.errors import NotPermitted
from core.roles import Actor

if TYPE_CHECKING:
    from claims.admin.claims import ClaimAdmin

# How much of a long paragraph is shown on each side of the claim; the rest is elided.
CONTEXT_CHARS = 600


@dataclass(frozen=True)
class Context:
    """The claim's sentence with the text around it in its paragraph."""

    before: str
    sentence: str
    after: str
    # False when the article's text no longer contains the sentence (it was edited since).
    found: bool


def _elided_start(text: str) -> str:
    """The end of ``text``, at most CONTEXT_CHARS, cut between words."""
    if len(text) <= CONTEXT_CHARS:
        return text
    tail = text[-CONTEXT_CHARS:]
    return "… " + tail[tail.find(" ") + 1 :] if " " in tail else "… " + tail


def _elided_end(text: str) -> str:
    """The start of ``text``, at most CONTEXT_CHARS, cut between words."""
    if len(text) <= CONTEXT_CHARS:
        return text
    head = text[:CONTEXT_CHARS]
    return head[: head.rfind(" ")] + " …" if " " in head else head + " …"


def claim_context(claim: Claim) -> Context | None:
    """The paragraph of the article the claim was found in, split around its sentence; None for
    a claim with no article (imported from another fact-checker)."""
    if claim.article is None:
        return None
    body = claim.article.body or ""
    span = claim_span(body, claim)
    if span is None:
        return Context(before="", sentence=claim.text, after="", found=False)
    start, end = span
    # The paragraph as the detector read it (and as a missed claim must stay within): a line.
    paragraph_start, paragraph_end = paragraph_bounds(body, start)
    paragraph_end = max(paragraph_end, end)
    return Context(
        before=_elided_start(body[paragraph_start:start]),
        sentence=body[start:end],
        after=_elided_end(body[end:paragraph_end]),
        found=True,
    )


def _notes(claim: Claim, actor: Actor) -> list[ClaimNote] | None:
    """The notes the page lists; None (no notes section) for someone who may not read them."""
    try:
        return list(claim_notes(claim=claim, actor=actor))
    except NotPermitted:
        return None


def claim_page_context(claim: Claim, actor: Actor) -> dict[str, Any]:
    """What the claim page shows above its workflow details; which of its forms a user gets
    follows the policy's `can_<move>` flags, as the buttons do."""
    # Imported here: the public pages' modules load the API's settings, which must not happen
    # while the admin itself is being loaded.
    from claims.embed import embed_code

    published = public_verdict_of(claim) is not None
    return {
        "claim_context": claim_context(claim),
        "score": percentage(claim.score),
        "date_chips": chips(claim.dates, kind="date"),
        "entity_chips": chips(claim.entities, kind="entity"),
        # Shown when the policy lets the user edit the statement (`can_edit_statement`).
        "statement_form": StatementForm(initial={"statement": claim.claim_reviewed}),
        "verdict": claim.verdict_in_hand(),
        "public_url": claim_public_url(claim) if published else "",
        "embed_code": embed_code(claim) if published else "",
        "notes": _notes(claim, actor),
        "note_form": NoteForm(),
        # Nothing on the page is saved by the change form itself: its own forms post to their
        # services, so a Save button would only claim a change it never made.
        "show_save": False,
        "show_save_and_continue": False,
        "show_save_and_add_another": False,
    }


def claim_page_urls(model_admin: "ClaimAdmin") -> list[Any]:
    """The claim page's own forms' addresses, named like ClaimAdmin's other claim views."""
    return [
        path(
            f"<int:pk>/{route}/",
            model_admin.admin_site.admin_view(partial(view, model_admin)),
            name=f"claims_claim_{name}",
        )
        for name, route, view in (
            ("claimant", "claimant", claimant_view),
            ("notes", "notes", note_view),
        )
    ]


def claimant_view(model_admin: "ClaimAdmin", request: HttpRequest, pk: int) -> HttpResponse:
    """An editor says who made the claim, found by name or alias as they type."""
    claim = model_admin._claim(request, pk, Move.CHANGE_CLAIMANT)
    form = ClaimantForm(model_admin._posted(request), initial={"claimant": claim.claimant_id})
    return model_admin._form_move(
        request,
        claim,
        form,
        lambda data: claim_change_claimant(
            claim=claim, actor=request.user, claimant=data["claimant"]
        ),
        title="Who made the claim",
        done="Claimant saved.",
    )


def note_view(model_admin: "ClaimAdmin", request: HttpRequest, pk: int) -> HttpResponse:
    """Leave a note on the claim for the editors and its reviewers."""
    # A claim outside the user's queue is absent (404), as its page is.
    claim = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    return model_admin._form_move(
        request,
        claim,
        NoteForm(model_admin._posted(request)),
        lambda data: claim_add_note(claim=claim, actor=request.user, text=data["text"]),
        title="Leave a note",
        done="Note added.",
        back=HttpResponseRedirect(
            reverse("admin:claims_claim_change", args=[claim.pk]) + "#claim-notes"
        ),
        notes=_notes(claim, request.user),
    )
