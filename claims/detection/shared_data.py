"""Reading the public data sets kept in the shared data directory.

The product itself needs them only to compare a newsroom's candidate detector with the model in
use (``claims/services/learning.py``); training (the top-level ``training`` package) and the
benchmarks read them too. Everything here skips cleanly when the directory is absent: callers
check ``is_file()`` first.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parents[2]
CT24_RELATIVE = Path("data/checkworthiness/ct24_english.tsv")
NEWS_CLAIMS_RELATIVE = Path("data/news-claims")


def shared_dir() -> Path:
    """Where the shared data sets live: ``$CLAIM_TRACKER_SHARED_DIR`` or ``<repo>/../shared``."""
    configured = os.environ.get("CLAIM_TRACKER_SHARED_DIR")
    return Path(configured) if configured else _REPO_ROOT.parent / "shared"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a header-first, tab-separated file without quoting, as the shared data is."""
    csv.field_size_limit(10_000_000)
    with Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def load_ct24(path: Path) -> dict[str, list[tuple[str, int]]]:
    """Read the CT24 English TSV: split name -> [(sentence, label)], label 1 = check-worthy.

    Each split is in sentence-id order, which keeps each debate's sentences together.
    """
    rows: dict[str, list[tuple[int, str, int]]] = {}
    for row in read_tsv(Path(path)):
        rows.setdefault(row["split"], []).append(
            (int(row["sentence_id"]), row["sentence"], int(row["label"]))
        )
    return {
        split: [(text, label) for _, text, label in sorted(examples)]
        for split, examples in rows.items()
    }


def load_news_sentences(folder: Path) -> list[tuple[str, int]]:
    """The labelled sentences of the news-claims set: C is 1, N is 0, borderline B left out."""
    examples = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            for sentence in json.loads(line)["sentences"]:
                if sentence["label"] in ("C", "N"):
                    examples.append((sentence["text"], int(sentence["label"] == "C")))
    return examples
