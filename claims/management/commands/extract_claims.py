import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.management.text_files import read_utf8_text
from claims.detection import load_detector


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published-at {value!r}: use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Print the check-worthy claims of a UTF-8 text file, with character offsets into it. "
        "Touches no database."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--published-at", help="The article's publication date, YYYY-MM-DD.")
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        published_at = _iso_date(options["published_at"]) if options["published_at"] else None
        text = read_utf8_text(path)
        # Offsets count characters of the text as Python reads it, newlines included.
        text = text.replace("\r\n", "\n") if "\r\n" in text else text
        claims = load_detector().extract(text, published_at=published_at)
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {"claims": [claim.to_dict() for claim in claims]}, ensure_ascii=False, indent=2
                )
            )
            return
        for claim in claims:
            speaker = claim.claimant.name if claim.claimant else "-"
            self.stdout.write(
                f"{claim.score:.3f}\t{claim.start}-{claim.end}\t{speaker}\t{claim.text}"
            )
