from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.management.text_files import read_utf8_text
from claims.claimreview_import import claimreviews_import, read_records


class Command(BaseCommand):
    help = (
        "Import published fact-checks from schema.org ClaimReview JSON-LD (a JSON array, one "
        "object, or one object a line) as claims with external verdicts. The review's url is its "
        "identity: importing a file again changes nothing. Malformed records are reported by "
        "number and skipped; the others are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The JSON or JSON Lines file.")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        text = read_utf8_text(path)
        report = claimreviews_import(read_records(text))
        for number, reason in report.errors:
            self.stderr.write(f"record {number}: {reason}")
        summary = (
            f"{report.created} fact-check(s) imported, {report.updated} updated, "
            f"{report.unchanged} unchanged; {len(report.errors)} record(s) failed."
        )
        if report.errors:
            self.stderr.write(summary)
            raise CommandError(
                f"{len(report.errors)} record(s) could not be imported; the others were kept."
            )
        self.stdout.write(summary)
