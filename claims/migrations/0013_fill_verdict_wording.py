"""Give every verdict readers have seen the wording it shows: its claim's statement and
claimant as they are now, which is what its ClaimReview showed until this migration."""

from django.db import migrations

BATCH = 500


def fill_wording(apps, schema_editor):
    Verdict = apps.get_model("claims", "Verdict")
    pending = []
    fields = ["claim_reviewed", "claimant_name", "claimant_kind", "claimant_same_as"]

    def flush():
        Verdict.objects.bulk_update(pending, fields, batch_size=BATCH)
        pending.clear()

    seen = Verdict.objects.filter(status__in=["published", "superseded"], claim_reviewed="")
    seen = seen.select_related("claim__claimant").order_by("pk")
    for verdict in seen.iterator(chunk_size=BATCH):
        claim = verdict.claim
        claimant = claim.claimant
        # As Claim.claim_reviewed words it: the statement, or the sentence when there is none.
        verdict.claim_reviewed = claim.statement or claim.text
        verdict.claimant_name = claimant.name if claimant else ""
        verdict.claimant_kind = claimant.kind if claimant else ""
        verdict.claimant_same_as = list(claimant.same_as or []) if claimant else []
        pending.append(verdict)
        if len(pending) >= BATCH:
            flush()
    flush()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0012_verdict_published_wording"),
    ]

    operations = [
        migrations.RunPython(fill_wording, migrations.RunPython.noop, elidable=True),
    ]
