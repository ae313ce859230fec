"""Which language an article is written in, as an ISO 639-1 code."""

from __future__ import annotations

import re
import threading
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Below this probability the identifier is guessing; a wrong language would send the
# article to the wrong claim detector, so "unknown" is the better answer.
MIN_CONFIDENCE = 0.7

# Shorter texts (a headline, a caption) are too ambiguous to classify reliably.
MIN_LETTERS = 20

# Only the opening of a long article is needed, and scoring grows with length.
MAX_CHARS = 5000

_LANGUAGE_TAG = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")


# Loading the model takes seconds; threads of a web server asking at once must load it once.
_LOADING = threading.Lock()


def _identifier() -> LanguageIdentifier:
    with _LOADING:
        return _load_identifier()


@cache
def _load_identifier() -> LanguageIdentifier:
    # The model ships inside the package (numpy arrays, no pickle), so nothing is downloaded.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of the text's language, or None when unsure."""
    sample = text[:MAX_CHARS]
    if sum(character.isalpha() for character in sample) < MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    if probability < MIN_CONFIDENCE or len(code) != 2:
        return None
    return code


def language_from_tag(tag: str | None) -> str | None:
    """Turn a declared language ("en-GB", "fr_FR", "de") into its ISO 639-1 code."""
    if not tag:
        return None
    match = _LANGUAGE_TAG.match(tag)
    return match.group(1).lower() if match else None
