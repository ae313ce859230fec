from django.db import migrations

BATCH = 1000


def create_first_appearances(apps, schema_editor):
    """Every claim found in an article appears there: give each existing claim that
    appearance, so that later repeats in other articles join it."""
    claim_model = apps.get_model("claims", "Claim")
    appearance_model = apps.get_model("claims", "Appearance")
    claims = (
        claim_model.objects.filter(article__isnull=False)
        .exclude(pk__in=appearance_model.objects.values("claim_id"))
        .select_related("article")
        .order_by("pk")
    )
    batch = []
    for claim in claims.iterator(chunk_size=BATCH):
        said = claim.article.published_at or claim.article.created_at
        batch.append(
            appearance_model(
                claim_id=claim.pk,
                article_id=claim.article_id,
                start=claim.start,
                end=claim.end,
                text=claim.text,
                text_hash=claim.text_hash,
                claimant_id=claim.claimant_id,
                said_on=said.date() if said else None,
            )
        )
        if len(batch) >= BATCH:
            appearance_model.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    if batch:
        appearance_model.objects.bulk_create(batch, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_claim_matching")]

    operations = [
        migrations.RunPython(create_first_appearances, migrations.RunPython.noop, elidable=True)
    ]
