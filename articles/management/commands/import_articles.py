import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles.importing import import_article_lines


class Command(BaseCommand):
    help = (
        "Import articles from a JSON Lines file: one object a line with title and body, and "
        "optionally url, outlet, author and published_at. Bad lines are reported and skipped."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The .jsonl file ('-' for standard input).")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if str(path) == "-":
            lines = sys.stdin.read().splitlines()
        else:
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except FileNotFoundError:
                raise CommandError(f"{path}: no such file") from None
            except UnicodeDecodeError as error:
                raise CommandError(f"{path}: not UTF-8 text ({error.reason})") from None
            except OSError as error:
                raise CommandError(f"{path}: {error.strerror}") from None
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        imported = failed = 0
        with tqdm(total=len(lines), unit="line", disable=not show_bar, file=sys.stderr) as bar:
            for number, article, error in import_article_lines(iter(lines)):
                bar.update(number - bar.n)
                if article is None:
                    failed += 1
                    bar.write(f"line {number}: {error}", file=sys.stderr)
                else:
                    imported += 1
            bar.update(len(lines) - bar.n)
        summary = f"Imported {imported} article(s); {failed} line(s) failed."
        if failed:
            self.stderr.write(summary)
            raise CommandError(f"{failed} line(s) could not be imported; the others were kept.")
        self.stdout.write(summary)
