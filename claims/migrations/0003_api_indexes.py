"""Indexes behind the public API's filters, orderings, cursors and full-text search.

They exist in the database only (not in the models' Meta) because the full-text ones are
PostgreSQL expression indexes: on SQLite only the plain b-tree ones are created, and search
falls back to matching words.
"""

from django.db import migrations

BTREE = {
    "claims_claim_created_id_idx": "claims_claim (created_at, id)",
    "claims_claim_status_created_idx": "claims_claim (status, created_at, id)",
    "claims_claim_claimant_created_idx": "claims_claim (claimant_id, created_at, id)",
    "claims_claim_article_created_idx": "claims_claim (article_id, created_at, id)",
    "claims_claim_score_id_idx": "claims_claim (score, id)",
    "claims_claim_status_score_id_idx": "claims_claim (status, score, id)",
    "claims_verdict_published_idx": (
        "claims_verdict (published_at, id) WHERE status = 'published'"
    ),
}
# The same expressions Django's SearchVector("text", config="english") generates, so the
# planner uses these indexes for the API's `?q=` search.
POSTGRES_GIN = {
    "claims_claim_text_search_idx": (
        "claims_claim USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))"
    ),
    "claims_claimant_name_search_idx": (
        "claims_claimant USING gin (to_tsvector('simple'::regconfig, COALESCE(name, '')))"
    ),
}


def _indexes(vendor):
    return {**BTREE, **(POSTGRES_GIN if vendor == "postgresql" else {})}


def create_indexes(apps, schema_editor):
    for name, target in _indexes(schema_editor.connection.vendor).items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop_indexes(apps, schema_editor):
    for name in _indexes(schema_editor.connection.vendor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_roles_and_default_rating_scale")]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
