import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from claims.models import DetectorFeedback, DetectorModel
from claims.services.learning import detector_promote, detector_retrain, detector_rollback
from core.errors import ServiceError

# ``python -m training.detector``, installed with the 'train' extra.
TRAINING_MODULE = "training.detector"


class Command(BaseCommand):
    help = (
        "Teach the detector the editors' triage decisions: adapt the shipped network into a "
        "candidate model, compared with the model in use, which an editor promotes in the admin "
        "(Detector learning) or here with --promote. --full rebuilds a model from CT24 into --out."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--promote", type=int, metavar="ID", help="Promote candidate detector model ID."
        )
        parser.add_argument(
            "--rollback", action="store_true", help="Go back to the model used before."
        )
        parser.add_argument(
            "--full",
            action="store_true",
            help="Rebuild the model from CT24 and the decisions (needs the 'train' extra) into "
            "--out; the shipped file is only replaced when --out names its folder.",
        )
        parser.add_argument("--shared-dir", type=Path, help="Where the public data sets are.")
        parser.add_argument("--out", type=Path, help="With --full: the folder to write.")
        parser.add_argument(
            "--distil",
            action="store_true",
            help="With --full: also distil the sentence network from a fine-tuned transformer "
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
            for text, checkworthy in (
                DetectorFeedback.objects.latest_per_claim()
                .order_by("id")
                .values_list("text", "checkworthy")
            ):
                out.write(json.dumps({"text": text, "label": int(checkworthy)}) + "\n")
                count += 1
        return count

    def handle(self, *args: Any, **options: Any) -> None:
        if options["export_only"]:
            count = self._write_feedback(options["export_only"])
            self.stdout.write(f"Wrote {count} editor decision(s) to {options['export_only']}.")
            return
        if options["full"] or options["distil"]:
            self._full(options)
            return
        try:
            if options["rollback"]:
                previous = detector_rollback(actor=None)
                back_to = f"detector model #{previous.pk}" if previous else "the shipped model"
                self.stdout.write(f"The detector uses {back_to} again.")
                return
            if options["promote"] is not None:
                chosen = DetectorModel.objects.without_weights().filter(pk=options["promote"])
                if not chosen.exists():
                    raise CommandError(f"there is no detector model #{options['promote']}")
                promoted = detector_promote(detector_model=chosen.get(), actor=None)
                self.stdout.write(f"Detector model #{promoted.pk} is now in use.")
                return
            candidate = detector_retrain(actor=None)
        except ServiceError as error:
            raise CommandError(error.message) from None
        self.stdout.write(
            f"Candidate detector model #{candidate.pk}: {candidate.decisions} decision(s) learnt, "
            f"{candidate.held_out} held out."
        )
        self.stdout.write(f"{'set':<30} {'':<9} precision recall  F1")
        for name, scores in candidate.comparison.items():
            for which in ("candidate", "current"):
                row = scores[which]
                self.stdout.write(
                    f"{name:<30} {which:<9} {row['precision']:9.3f} {row['recall']:6.3f} "
                    f"{row['f1']:6.3f}"
                )
        self.stdout.write(f"Promote it with: manage.py train_detector --promote {candidate.pk}")

    def _full(self, options: dict[str, Any]) -> None:
        if not options["out"]:
            raise CommandError(
                "--full writes a new model file: name its folder with --out "
                "(the shipped model's is claims/detection/model)"
            )
        with tempfile.TemporaryDirectory() as folder:
            feedback = Path(folder) / "editor-decisions.jsonl"
            count = self._write_feedback(feedback)
            self.stdout.write(f"Including {count} editor decision(s).")
            argv = ["--extra", str(feedback), "--out", str(options["out"].resolve())]
            if options["shared_dir"]:
                argv += ["--shared-dir", str(options["shared_dir"].resolve())]
            if options["distil"]:
                argv.append("--distil")
            # The offline training package is run as its own program, never imported: the
            # product does not depend on it (nor on scikit-learn). Its progress and errors go
            # straight to the operator's terminal; its report is this command's output.
            finished = subprocess.run(  # noqa: S603 (our own interpreter and module, no shell)
                [sys.executable, "-m", TRAINING_MODULE, *argv],
                cwd=settings.BASE_DIR,
                stdout=subprocess.PIPE,
                text=True,
                check=False,
            )
        self.stdout.write(finished.stdout, ending="")
        if finished.returncode:
            raise CommandError("training failed; no model was written")
