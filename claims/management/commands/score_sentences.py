from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.management.text_files import read_utf8_text
from claims.detection import load_detector

BATCH = 1024


class Command(BaseCommand):
    help = (
        "Score each line of a file for check-worthiness: prints 'score<TAB>1|0' a line, 1 meaning "
        "check-worthy at the default threshold."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--input", required=True, help="A UTF-8 file, one sentence a line ('-' for stdin)."
        )
        parser.add_argument("--threshold", type=float, help="Override the default threshold.")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["input"]
        lines = read_utf8_text(source).splitlines()
        detector = load_detector()
        threshold = detector.threshold if options["threshold"] is None else options["threshold"]
        if not 0.0 <= threshold <= 1.0:
            raise CommandError("--threshold must be between 0 and 1")
        out = []
        for begin in range(0, len(lines), BATCH):
            for score in detector.score_sentences(lines[begin : begin + BATCH]):
                out.append(f"{score:.4f}\t{1 if score >= threshold else 0}")
        if out:
            self.stdout.write("\n".join(out))
