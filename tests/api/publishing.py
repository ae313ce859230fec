"""Putting claims through the newsroom's workflow, for tests of what the public then sees."""

from claims.models import Claim
from claims.services import claim_assign, verdict_draft, verdict_publish

VERDICT_SUMMARY = "Road spending was $2.1 million, half the figure claimed."


def draft_verdict(
    claim: Claim, *, editor, reviewer, rating: str = "false", summary: str = VERDICT_SUMMARY
) -> Claim:
    claim_assign(claim=claim, reviewer=reviewer, actor=editor)
    verdict_draft(
        claim=claim,
        actor=reviewer,
        rating=rating,
        summary=summary,
        explanation="Budget documents show otherwise.",
        sources=["https://city.example.gov/budget-2023"],
    )
    return claim


def publish_verdict(
    claim: Claim, *, editor, reviewer, rating: str = "false", summary: str = VERDICT_SUMMARY
) -> Claim:
    draft_verdict(claim, editor=editor, reviewer=reviewer, rating=rating, summary=summary)
    verdict_publish(claim=claim, actor=editor)
    return claim
