"""Where the shared sample article and data sets live; tests that need them skip without them."""

import pytest

from claims.detection.shared_data import shared_dir

SHARED_DIR = shared_dir()
SAMPLE_ARTICLE = SHARED_DIR / "samples" / "space-arms-race.txt"


def sample_article_text() -> str:
    if not SAMPLE_ARTICLE.is_file():
        pytest.skip(f"the shared sample article is absent ({SAMPLE_ARTICLE})")
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")
