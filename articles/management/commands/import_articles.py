import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles.importing import import_article_lines
from articles.management.text_files import count_utf8_lines, read_utf8_lines
from articles.models import Article, ArticleStatus
from articles.services import import_batch_finish, import_batch_start


class Command(BaseCommand):
    help = (
        "Import articles from a JSON Lines file: one object a line with title and body, and "
        "optionally url, outlet, author and published_at; or with only a url, whose page is "
        "fetched. Bad lines and pages that could not be fetched are reported; the rest is kept. "
        "Progress is shown here and on the import batch in the admin."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The .jsonl file ('-' for standard input).")
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw a progress bar."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        # A first pass refuses a file that is not UTF-8 before anything is stored, and counts
        # its lines for the progress shown; both passes hold one line in memory at a time.
        count = count_utf8_lines(path)
        show_bar = not options["no_progress"] and sys.stderr.isatty()
        batch = import_batch_start(source_name=str(path), total=count.non_blank if count else 0)
        imported = failed = 0
        fetched_lines: dict[int, int] = {}
        completed = False
        try:
            with tqdm(
                total=count.lines if count else None,
                unit="line",
                disable=not show_bar,
                file=sys.stderr,
            ) as bar:
                lines = read_utf8_lines(path)
                for number, article, error in import_article_lines(lines, batch=batch):
                    bar.update(number - bar.n)
                    if article is None:
                        failed += 1
                        bar.write(f"line {number}: {error}", file=sys.stderr)
                    else:
                        imported += 1
                        if not article.body:  # only an address: its page is fetched
                            fetched_lines[article.pk] = number
            completed = True
        finally:
            # However the run ends, the batch in the admin does not stay "running".
            import_batch_finish(batch=batch, failed=not completed)
        unfetched = self._report_fetches(fetched_lines)
        summary = f"Imported {imported} article(s); {failed} line(s) failed."
        if unfetched:
            summary += f" {unfetched} page(s) could not be fetched (retry them from the admin)."
        if failed or unfetched:
            self.stderr.write(summary)
            raise CommandError(
                f"{failed + unfetched} line(s) could not be imported or fetched; "
                "the others were kept."
            )
        self.stdout.write(summary)

    def _report_fetches(self, fetched_lines: dict[int, int]) -> int:
        """Pages fetched in-process (no broker) are done by now: report those that failed.
        With a worker, they are still being fetched; their outcome shows in the admin."""
        unfetched = 0
        articles = Article.objects.filter(pk__in=fetched_lines).order_by("pk")
        for article in articles.only("pk", "url", "status", "status_reason"):
            if article.status == ArticleStatus.FAILED:
                unfetched += 1
                self.stderr.write(
                    f"line {fetched_lines[article.pk]}: {article.url}: {article.status_reason}"
                )
        waiting = sum(1 for a in articles if a.status == ArticleStatus.FETCHING)
        if waiting:
            self.stdout.write(f"{waiting} page(s) are being fetched by the workers.")
        return unfetched
