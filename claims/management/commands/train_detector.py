import json
import tempfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import DetectorFeedback


class Command(BaseCommand):
    help = (
        "Retrain the check-worthiness model from the CheckThat! data and every triage decision "
        "editors have made (claims marked checkable or not checkable), and write it over the shipped model."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--shared-dir", type=Path, help="Where the public data sets are.")
        parser.add_argument("--out", type=Path, help="Write the model here instead.")
        parser.add_argument(
            "--distil",
            action="store_true",
            help="Also distil the sentence network from a fine-tuned transformer "
            "(needs the 'distil' extra and PyTorch; about an hour on two cores).",
        )
        parser.add_argument(
            "--export-only",
            type=Path,
            metavar="FILE",
            help="Only write the editors' decisions as JSON Lines to FILE.",
        )

    def _write_feedback(self, path: Path) -> int:
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for text, checkworthy in DetectorFeedback.objects.order_by("id").values_list(
                "text", "checkworthy"
            ):
                out.write(json.dumps({"text": text, "label": int(checkworthy)}) + "\n")
                count += 1
        return count

    def handle(self, *args: Any, **options: Any) -> None:
        if options["export_only"]:
            count = self._write_feedback(options["export_only"])
            self.stdout.write(f"Wrote {count} editor decision(s) to {options['export_only']}.")
            return
        try:
            from claims.detection.training import main as train
        except ImportError as error:
            raise CommandError(
                f"training needs the 'train' extra (pip install -e '.[train]'): {error}"
            ) from None
        with tempfile.TemporaryDirectory() as folder:
            feedback = Path(folder) / "editor-decisions.jsonl"
            count = self._write_feedback(feedback)
            self.stdout.write(f"Including {count} editor decision(s).")
            argv = ["--extra", str(feedback)]
            if options["shared_dir"]:
                argv += ["--shared-dir", str(options["shared_dir"])]
            if options["out"]:
                argv += ["--out", str(options["out"])]
            if options["distil"]:
                argv.append("--distil")
            status = train(argv)
        if status:
            raise CommandError("training failed; the shipped model is unchanged")
