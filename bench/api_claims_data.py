"""Building the benchmark's database for bench/api_claims.py: a million claims by COPY."""

import hashlib
import importlib
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLAIMS_PER_ARTICLE = 20
CLAIMANTS = 5_000
START = datetime(2023, 1, 1, tzinfo=UTC)
STATUSES = [("new", 0.55), ("checkable", 0.20), ("not_checkable", 0.15), ("published", 0.10)]
OUTLETS = [f"Outlet {n}" for n in range(40)]


def use_bench_database(db_name: str) -> str:
    """Point this process, and the commands it runs, at ``db_name`` on the benchmark's PostgreSQL
    server (``BENCH_POSTGRES_URL``), with no broker and no cache; the server's address.

    Call it before Django is set up: settings are read from the environment then.
    """
    server = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
    os.environ["DATABASE_URL"] = f"{server}/{db_name}"
    os.environ["CELERY_BROKER_URL"] = ""
    os.environ["CACHE_URL"] = ""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    return server


def log(message: str) -> None:
    print(message, flush=True)


def recreate_database(server: str, db_name: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {db_name}")
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
        cwd=REPO,
        env={**os.environ, "DJANGO_LOG_LEVEL": "WARNING"},
        check=True,
    )


def vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    syllables = [
        "ka",
        "lo",
        "mi",
        "ter",
        "san",
        "vo",
        "ril",
        "den",
        "po",
        "sha",
        "qua",
        "ne",
        "bra",
        "tu",
        "gen",
        "mor",
        "fi",
        "lat",
        "ex",
        "cor",
    ]
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_cumulative(count: int) -> list[float]:
    """Cumulative Zipf weights: the n-th item is n times rarer than the first."""
    total, cumulative = 0.0, []
    for rank in range(count):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return cumulative


class Copier:
    """COPY rows into a model's table; columns not given get the field's null or default."""

    def __init__(self, cursor, model, given: list[str]) -> None:
        from django.db.models import DateTimeField

        self.cursor, self.model = cursor, model
        now = datetime.now(UTC)
        fields = list(model._meta.concrete_fields)
        self.columns = [field.column for field in fields]
        by_attname = {field.attname: position for position, field in enumerate(fields)}
        self.positions = [by_attname[name] for name in given]
        self.template: list[object] = []
        for field in fields:
            if field.attname in given or field.null:
                self.template.append(None)
            elif field.has_default():
                value = field.get_default()
                self.template.append(json.dumps(value) if isinstance(value, list | dict) else value)
            elif isinstance(field, DateTimeField) and (field.auto_now or field.auto_now_add):
                self.template.append(now)
            elif field.blank and field.get_internal_type() in {"CharField", "TextField"}:
                self.template.append("")
            else:
                raise SystemExit(f"{model.__name__}.{field.name} needs a value in the benchmark")

    def copy(self, rows) -> int:
        table = self.model._meta.db_table
        columns = ", ".join(f'"{column}"' for column in self.columns)
        template = [_copy_text(value) for value in self.template]
        count, lines = 0, []
        with self.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for values in rows:
                row = list(template)
                for position, value in zip(self.positions, values, strict=True):
                    row[position] = _copy_text(value)
                lines.append("\t".join(row))
                count += 1
                if len(lines) == 20_000:
                    copy.write("\n".join(lines) + "\n")
                    lines = []
            if lines:
                copy.write("\n".join(lines) + "\n")
        return count


def _copy_text(value: object) -> str:
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


def build(total_claims: int) -> None:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from articles.models import Article
    from claims.models import Claim, Claimant, Rating, Verdict, VerdictSource

    api_indexes = importlib.import_module("claims.migrations.0003_api_indexes")
    rng = random.Random(20260301)
    words = vocabulary(rng)
    word_weights = zipf_cumulative(len(words))
    author = get_user_model().objects.create(username="bench-editor")
    ratings = list(Rating.objects.in_default_scale().values("id", "slug", "label", "value"))
    best = max(rating["value"] for rating in ratings)
    worst = min(rating["value"] for rating in ratings)

    connection.ensure_connection()
    raw = connection.connection
    with raw.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        for name in api_indexes.POSTGRES_GIN | api_indexes.BTREE:
            cursor.execute(f"DROP INDEX IF EXISTS {name}")

        started = time.perf_counter()
        articles = total_claims // CLAIMS_PER_ARTICLE
        Copier(
            cursor,
            Article,
            [
                "id",
                "title",
                "body",
                "url",
                "outlet",
                "published_at",
                "body_hash",
                "status",
                "extracted_body_hash",
                "created_at",
            ],
        ).copy(
            (
                n,
                f"Report {n}",
                "Body.",
                f"https://news.example/{n}",
                OUTLETS[n % len(OUTLETS)],
                START + timedelta(minutes=30 * n),
                "0" * 64,
                "done",
                "0" * 64,
                START + timedelta(minutes=30 * n),
            )
            for n in range(1, articles + 1)
        )
        Copier(cursor, Claimant, ["id", "name", "normalized_name", "kind"]).copy(
            (n, f"Speaker {n}", f"speaker {n}", "person") for n in range(1, CLAIMANTS + 1)
        )
        log(f"  articles and claimants: {time.perf_counter() - started:.0f} s")

        claimant_weights = zipf_cumulative(CLAIMANTS)
        claimant_ids = range(1, CLAIMANTS + 1)
        statuses, status_weights = zip(*STATUSES, strict=True)
        published: list[int] = []

        def claims():
            batch = 100_000
            for first in range(1, total_claims + 1, batch):
                count = min(batch, total_claims + 1 - first)
                drawn = rng.choices(words, cum_weights=word_weights, k=count * 14)
                speakers = rng.choices(claimant_ids, cum_weights=claimant_weights, k=count)
                states = rng.choices(statuses, status_weights, k=count)
                for offset in range(count):
                    n = first + offset
                    length = 6 + n % 9
                    text = " ".join(drawn[offset * 14 : offset * 14 + length]).capitalize()
                    text += f" by {n % 97} percent."
                    status = states[offset]
                    if status == "published":
                        published.append(n)
                    created = START + timedelta(seconds=90 * n)
                    yield (
                        n,
                        (n - 1) // CLAIMS_PER_ARTICLE + 1,
                        text,
                        hashlib.md5(str(n).encode(), usedforsecurity=False).hexdigest() * 2,
                        0,
                        len(text),
                        round(rng.random(), 4),
                        speakers[offset] if n % 10 < 7 else None,
                        status,
                        created,
                        created,
                    )

        Copier(
            cursor,
            Claim,
            [
                "id",
                "article_id",
                "text",
                "text_hash",
                "start",
                "end",
                "score",
                "claimant_id",
                "status",
                "created_at",
                "updated_at",
            ],
        ).copy(claims())
        log(f"  {total_claims:,} claims: {time.perf_counter() - started:.0f} s")

        def verdicts():
            for number, claim_id in enumerate(published, start=1):
                rating = ratings[claim_id % len(ratings)]
                when = START + timedelta(seconds=90 * claim_id + 86_400)
                yield (
                    number,
                    claim_id,
                    1,
                    "published",
                    rating["id"],
                    "Checked against records.",
                    author.pk,
                    rating["slug"],
                    rating["label"],
                    rating["value"],
                    best,
                    worst,
                    author.pk,
                    when,
                    when,
                    when,
                    when,
                )

        Copier(
            cursor,
            Verdict,
            [
                "id",
                "claim_id",
                "version",
                "status",
                "rating_id",
                "summary",
                "author_id",
                "rating_slug",
                "rating_label",
                "rating_value",
                "best_rating",
                "worst_rating",
                "published_by_id",
                "published_at",
                "first_published_at",
                "created_at",
                "updated_at",
            ],
        ).copy(verdicts())
        Copier(cursor, VerdictSource, ["id", "verdict_id", "url", "order"]).copy(
            (n, n, f"https://records.example/{n}", 0) for n in range(1, len(published) + 1)
        )
        log(f"  {len(published):,} verdicts with sources: {time.perf_counter() - started:.0f} s")

        for model in (Article, Claimant, Claim, Verdict, VerdictSource):
            table = model._meta.db_table
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT max(id) FROM {table}))"
            )
        for name, target in (api_indexes.BTREE | api_indexes.POSTGRES_GIN).items():
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")
        log(f"  API indexes: {time.perf_counter() - started:.0f} s")
        cursor.execute("ANALYZE")
    if not raw.autocommit:
        raw.commit()
    log(f"  analysed: {time.perf_counter() - started:.0f} s")
