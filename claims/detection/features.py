"""Hashed n-gram features of sentences, computed for a whole batch at once with numpy.

Every character and word n-gram of a batch is hashed with array arithmetic over the
concatenated UTF-8 bytes, so the cost per sentence is a few vectorised passes rather than
a Python loop over n-grams. Training and inference share this one definition of the
features, which is what keeps a shipped weight vector meaningful.

The features of a batch come out as sparse triples (row, bucket, value): a linear model
scores them with one ``np.bincount``; training turns them into a scipy matrix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

_PRIME = np.uint64(0x100000001B3)
_PRIME_INVERSE = np.uint64(pow(0x100000001B3, -1, 2**64))
_MIX_A = np.uint64(0xFF51AFD7ED558CCD)
_MIX_B = np.uint64(0xC4CEB9FE1A85EC53)
_SEPARATOR = 0

# Typographic variants are folded so that a curly apostrophe from a news site and a straight
# one from a transcript produce the same n-grams.
_TYPOGRAPHY = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": "-",
        "\u2013": "-",
        "\u00a0": " ",
        "\x00": " ",
    }
)
_WHITESPACE = re.compile(r"\s+")

# Byte classes: bytes that belong to a word token (ASCII letters, digits, apostrophe, and
# every byte of a multi-byte UTF-8 character, so accented words stay whole).
_WORD_BYTE = np.zeros(256, dtype=bool)
for _byte in b"abcdefghijklmnopqrstuvwxyz0123456789'":
    _WORD_BYTE[_byte] = True
_WORD_BYTE[128:] = True
_DIGIT_TO_ZERO = np.arange(256, dtype=np.uint8)
_DIGIT_TO_ZERO[ord("1") : ord("9") + 1] = ord("0")


@dataclass(frozen=True)
class FeatureSpec:
    """What the hashed feature space is made of; stored beside the weights of a model."""

    bits: int = 18
    char_ngrams: tuple[int, ...] = (2, 3, 4, 5)
    word_ngrams: tuple[int, ...] = (1, 2)
    char_weight: float = 1.0
    word_weight: float = 1.0
    fold_digits: bool = True
    extra: dict = field(default_factory=dict)

    @property
    def dimension(self) -> int:
        return 1 << self.bits

    def to_dict(self) -> dict:
        return {
            "bits": self.bits,
            "char_ngrams": list(self.char_ngrams),
            "word_ngrams": list(self.word_ngrams),
            "char_weight": self.char_weight,
            "word_weight": self.word_weight,
            "fold_digits": self.fold_digits,
        }

    @classmethod
    def from_dict(cls, data: dict) -> FeatureSpec:
        return cls(
            bits=int(data["bits"]),
            char_ngrams=tuple(int(n) for n in data["char_ngrams"]),
            word_ngrams=tuple(int(n) for n in data["word_ngrams"]),
            char_weight=float(data["char_weight"]),
            word_weight=float(data["word_weight"]),
            fold_digits=bool(data["fold_digits"]),
        )


@dataclass
class SparseFeatures:
    """Feature occurrences of a batch: sentence index, bucket and value of each one."""

    rows: np.ndarray
    buckets: np.ndarray
    values: np.ndarray
    n_rows: int


def normalise(sentence: str) -> str:
    return _WHITESPACE.sub(" ", sentence.translate(_TYPOGRAPHY).lower()).strip()


def _encode_batch(sentences: Sequence[str], fold_digits: bool) -> np.ndarray:
    # Each sentence is framed by spaces (so n-grams see word edges) and sentences are
    # separated by a NUL byte that no n-gram may cross.
    text = "\x00 " + " \x00 ".join(normalise(s) for s in sentences) + " \x00"
    data = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    return _DIGIT_TO_ZERO[data] if fold_digits else data


def _mix(hashes: np.ndarray, salt: int, bits: int) -> np.ndarray:
    mixed = hashes ^ np.uint64(salt)
    mixed = mixed * _MIX_A
    mixed ^= mixed >> np.uint64(33)
    mixed = mixed * _MIX_B
    mixed ^= mixed >> np.uint64(33)
    return (mixed >> np.uint64(64 - bits)).astype(np.int64)


def _char_ngrams(
    data: np.ndarray, row_of_byte: np.ndarray, is_separator: np.ndarray, spec: FeatureSpec
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    separators_before = np.concatenate(([0], np.cumsum(is_separator)))
    data64 = data.astype(np.uint64)
    rows: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    length = len(data)
    longest = max(spec.char_ngrams)
    hashes = np.zeros(length, dtype=np.uint64)
    for n in range(1, longest + 1):
        # hashes[i] holds the hash of data[i:i+n]; extend every window by one byte.
        hashes = hashes[: length - n + 1] * _PRIME + data64[n - 1 :]
        if n not in spec.char_ngrams:
            continue
        starts = np.arange(length - n + 1)
        clean = separators_before[starts + n] == separators_before[starts]
        rows.append(row_of_byte[starts[clean]])
        buckets.append(_mix(hashes[clean], salt=1000 + n, bits=spec.bits))
    return rows, buckets


def _word_ngrams(
    data: np.ndarray, row_of_byte: np.ndarray, spec: FeatureSpec
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    is_word = _WORD_BYTE[data]
    edges = np.diff(np.concatenate(([False], is_word, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    # Position-independent hash of data[start:end]: a prefix sum of byte * P^i, shifted back
    # by P^-start. uint64 arithmetic wraps, which is exactly arithmetic modulo 2^64.
    length = len(data)
    powers = np.full(length + 1, _PRIME, dtype=np.uint64)
    powers[0] = 1
    powers = np.cumprod(powers, dtype=np.uint64)
    inverse_powers = np.full(length + 1, _PRIME_INVERSE, dtype=np.uint64)
    inverse_powers[0] = 1
    inverse_powers = np.cumprod(inverse_powers, dtype=np.uint64)
    prefix = np.zeros(length + 1, dtype=np.uint64)
    np.cumsum(data.astype(np.uint64) * powers[:length], out=prefix[1:])
    token_hashes = (prefix[ends] - prefix[starts]) * inverse_powers[starts]
    token_rows = row_of_byte[starts]

    rows: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    for n in spec.word_ngrams:
        if len(token_hashes) < n:
            continue
        count = len(token_hashes) - n + 1
        combined = token_hashes[:count].copy()
        for offset in range(1, n):
            combined = combined * _MIX_A + token_hashes[offset : offset + count]
        same_row = token_rows[:count] == token_rows[n - 1 :]
        rows.append(token_rows[:count][same_row])
        buckets.append(_mix(combined[same_row], salt=2000 + n, bits=spec.bits))
    return rows, buckets


def _normalised_values(rows: np.ndarray, n_rows: int, weight: float) -> np.ndarray:
    # Each occurrence weighs weight / sqrt(occurrences in its sentence), so long and short
    # sentences land on the same scale without a per-sentence sort of the buckets.
    per_row = np.bincount(rows, minlength=n_rows).astype(np.float32)
    scale = weight / np.sqrt(np.maximum(per_row, 1.0))
    return scale[rows]


def hashed_features(sentences: Sequence[str], spec: FeatureSpec) -> SparseFeatures:
    """Hash the n-grams of ``sentences`` into ``spec.dimension`` buckets."""
    n_rows = len(sentences)
    if n_rows == 0:
        empty = np.zeros(0, dtype=np.int64)
        return SparseFeatures(empty, empty, np.zeros(0, dtype=np.float32), 0)
    data = _encode_batch(sentences, spec.fold_digits)
    is_separator = data == _SEPARATOR
    row_of_byte = np.cumsum(is_separator) - 1

    char_rows, char_buckets = _char_ngrams(data, row_of_byte, is_separator, spec)
    word_rows, word_buckets = _word_ngrams(data, row_of_byte, spec)

    parts_rows: list[np.ndarray] = []
    parts_buckets: list[np.ndarray] = []
    parts_values: list[np.ndarray] = []
    for rows, buckets, weight in (
        (char_rows, char_buckets, spec.char_weight),
        (word_rows, word_buckets, spec.word_weight),
    ):
        if not rows:
            continue
        block_rows = np.concatenate(rows)
        parts_rows.append(block_rows)
        parts_buckets.append(np.concatenate(buckets))
        parts_values.append(_normalised_values(block_rows, n_rows, weight))
    return SparseFeatures(
        rows=np.concatenate(parts_rows),
        buckets=np.concatenate(parts_buckets),
        values=np.concatenate(parts_values),
        n_rows=n_rows,
    )


def linear_scores(features: SparseFeatures, weights: np.ndarray, bias: float) -> np.ndarray:
    """Dot product of each sentence's features with ``weights``, plus ``bias``."""
    contributions = weights[features.buckets] * features.values
    return np.bincount(features.rows, weights=contributions, minlength=features.n_rows) + bias
