from collections.abc import Iterable

from django.db import IntegrityError, transaction

from claims.models import Claim, Claimant, ClaimantAlias, ClaimantKind, normalise_name
from claims.services.kernel import lock_claim, name_history_user
from claims.services.policy import Move, check_move
from core.errors import InvalidInput
from core.roles import Actor


def claimant_resolve(
    *, name: str, kind: str = ClaimantKind.UNKNOWN, aliases: Iterable[str] = ()
) -> Claimant:
    """The claimant record for a speaker, created on first sight.

    Records meet on the full name only: a surname or a job title ("the Foreign Minister") is kept
    as an alias for display and search, but never merges two people across articles.
    """
    normalized = normalise_name(name)[:300]
    if kind not in ClaimantKind.values:
        kind = ClaimantKind.UNKNOWN
    claimant = Claimant.objects.filter(normalized_name=normalized).first()
    if claimant is None:
        try:
            with transaction.atomic():
                claimant = Claimant.objects.create(
                    name=name.strip()[:300], normalized_name=normalized, kind=kind
                )
        except IntegrityError:
            # Another worker created it between our read and our write.
            claimant = Claimant.objects.get(normalized_name=normalized)
    elif claimant.kind == ClaimantKind.UNKNOWN and kind != ClaimantKind.UNKNOWN:
        claimant.kind = kind
        claimant.save(update_fields=["kind", "updated_at"])
    surface_forms = {normalise_name(alias)[:300]: alias.strip()[:300] for alias in (name, *aliases)}
    ClaimantAlias.objects.bulk_create(
        [
            ClaimantAlias(claimant=claimant, name=alias, normalized_name=normalized_alias)
            for normalized_alias, alias in surface_forms.items()
            if normalized_alias
        ],
        ignore_conflicts=True,
    )
    return claimant


def claim_change_claimant(*, claim: Claim, actor: Actor, claimant: Claimant | None) -> Claim:
    """An editor says who made the claim (None: nobody known); the change history keeps who
    changed it from whom. The detector's claimant records and aliases are left as they are."""
    with transaction.atomic():
        claim = lock_claim(claim)
        check_move(claim=claim, actor=actor, move=Move.CHANGE_CLAIMANT)
        if claimant is not None and not Claimant.objects.filter(pk=claimant.pk).exists():
            raise InvalidInput("That claimant no longer exists.", field="claimant")
        claim.claimant = claimant
        name_history_user(actor, claim)
        claim.save(update_fields=["claimant", "updated_at"])
    return claim
