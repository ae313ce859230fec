"""Where the shared sample article and data sets live; tests that need them skip without them."""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = Path(os.environ.get("CLAIM_TRACKER_SHARED_DIR", REPO_ROOT.parent / "shared"))
SAMPLE_ARTICLE = SHARED_DIR / "samples" / "space-arms-race.txt"


def sample_article_text() -> str:
    if not SAMPLE_ARTICLE.is_file():
        pytest.skip(f"the shared sample article is absent ({SAMPLE_ARTICLE})")
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")
