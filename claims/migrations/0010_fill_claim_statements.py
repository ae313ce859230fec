"""Give every stored claim its statement, built from its sentence within its article."""

from django.db import migrations

BATCH = 500


def fill_statements(apps, schema_editor):
    from claims.detection import ArticleStatements, build_statement

    Article = apps.get_model("articles", "Article")
    Claim = apps.get_model("claims", "Claim")
    pending = []

    def flush():
        Claim.objects.bulk_update(pending, ["statement"], batch_size=BATCH)
        pending.clear()

    # One article at a time: its sentences and speakers are analysed once for all its claims.
    with_claims = Article.objects.filter(claims__statement="").distinct().order_by("pk")
    for article in with_claims.only("pk", "body", "published_at").iterator(chunk_size=BATCH):
        published_on = article.published_at.date() if article.published_at else None
        statements = ArticleStatements.of_article(article.body, published_at=published_on)
        claims = Claim.objects.filter(article_id=article.pk, statement="").order_by("start")
        for claim in claims.only("pk", "start", "text"):
            claim.statement = statements.of_span(claim.start, claim.text)
            pending.append(claim)
        if len(pending) >= BATCH:
            flush()
    # Claims imported from fact-checks published elsewhere have no article: the sentence alone.
    imported = Claim.objects.filter(article__isnull=True, statement="").only("pk", "text")
    for claim in imported.iterator(chunk_size=BATCH):
        claim.statement = build_statement(claim.text)
        pending.append(claim)
        if len(pending) >= BATCH:
            flush()
    flush()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_claim_statement"),
    ]

    operations = [
        migrations.RunPython(fill_statements, migrations.RunPython.noop, elidable=True),
    ]
