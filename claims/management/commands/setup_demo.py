import secrets
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandParser

from articles.importing import import_article_lines
from articles.models import Article
from claims.bootstrap import ensure_roles_and_default_scale
from claims.models import Claim

DEMO_ARTICLES = (
    Path(__file__).resolve().parents[3] / "articles" / "fixtures" / "demo_articles.jsonl"
)


class Command(BaseCommand):
    help = "Create a demo editor and reviewer and import the sample articles with their claims."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=Path, default=DEMO_ARTICLES)
        parser.add_argument(
            "--address",
            default="http://127.0.0.1:8000",
            help="where the demo is served, for the links it prints",
        )

    def _user(self, username: str, group: str) -> str:
        password = secrets.token_urlsafe(12)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.is_active = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get(name=group))
        return password

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_roles_and_default_scale(apps)
        editor_password = self._user("editor", "editors")
        reviewer_password = self._user("reviewer", "reviewers")

        known_urls = set(Article.objects.exclude(url="").values_list("url", flat=True))
        lines = [
            line
            for line in options["articles"].read_text(encoding="utf-8").splitlines()
            if line.strip() and not any(f'"{url}"' in line for url in known_urls)
        ]
        editor = get_user_model().objects.get(username="editor")
        for number, article, error in import_article_lines(iter(lines), created_by=editor):
            if article is None:
                self.stderr.write(f"sample line {number}: {error}")
        self.stdout.write(
            f"{Article.objects.count()} articles, {Claim.objects.count()} claims in the tracker."
        )
        self.stdout.write("")
        address = options["address"].rstrip("/")
        self.stdout.write(f"Admin:    {address}/admin/")
        self.stdout.write(f"API:      {address}/api/  (docs at /api/docs/)")
        self.stdout.write(f"Editor:   username editor    password {editor_password}")
        self.stdout.write(f"Reviewer: username reviewer  password {reviewer_password}")
