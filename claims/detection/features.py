"""Hashed n-gram features of sentences, computed for a whole batch at once with numpy.

Every character and word n-gram of a batch is hashed with array arithmetic over the
concatenated UTF-8 bytes, so the cost per sentence is a few vectorised passes rather than
a Python loop over n-grams. Training and inference share this one definition of the
features, which is what keeps a shipped weight vector meaningful.

The features of a batch come out as sparse triples (row, bucket, value): a linear model
scores them with one ``np.bincount``; training turns them into a scipy matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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

# Byte classes: bytes that belong to a word token (ASCII letters, digits, apostrophe, and
# every byte of a multi-byte UTF-8 character, so accented words stay whole).
_WORD_BYTE = np.zeros(256, dtype=bool)
for _byte in b"abcdefghijklmnopqrstuvwxyz0123456789'":
    _WORD_BYTE[_byte] = True
_WORD_BYTE[128:] = True
_DIGIT_TO_ZERO = np.arange(256, dtype=np.uint8)
_DIGIT_TO_ZERO[ord("1") : ord("9") + 1] = ord("0")
_ASCII_LOWER = np.arange(256, dtype=np.uint8)
_ASCII_LOWER[ord("A") : ord("Z") + 1] += 32
# Marker "words" for sentence-level cues that n-grams of a lower-cased text cannot see.
_CAPITALISED_MARKER = np.uint64(0x43415049)
_LENGTH_MARKERS = np.uint64(0x4C454E00)
_LENGTH_BINS = np.array([3, 6, 10, 15, 25, 40])


@dataclass(frozen=True)
class FeatureSpec:
    """What the hashed feature space is made of; stored beside the weights of a model."""

    bits: int = 18
    char_ngrams: tuple[int, ...] = (2, 3, 4, 5)
    word_ngrams: tuple[int, ...] = (1, 2)
    char_weight: float = 1.0
    word_weight: float = 1.0
    fold_digits: bool = True
    sentence_markers: bool = False
    lexicon_bits: int = 0

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
            "sentence_markers": self.sentence_markers,
            "lexicon_bits": self.lexicon_bits,
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
            sentence_markers=bool(data.get("sentence_markers", False)),
            lexicon_bits=int(data.get("lexicon_bits", 0)),
        )


@dataclass
class SparseFeatures:
    """Feature occurrences of a batch: sentence index, bucket and value of each one."""

    rows: np.ndarray
    buckets: np.ndarray
    values: np.ndarray
    n_rows: int
    lexicon: SparseFeatures | None = None


def normalise(sentence: str) -> str:
    if sentence.isascii() and "\x00" not in sentence:
        return " ".join(sentence.split())  # no typography to translate: the common case
    return " ".join(sentence.translate(_TYPOGRAPHY).split())


def _encode_batch(sentences: Sequence[str], fold_digits: bool) -> tuple[np.ndarray, np.ndarray]:
    """Lower-cased bytes of the batch, and which of them were upper-case ASCII letters."""
    # Each sentence is framed by spaces (so n-grams see word edges) and sentences are
    # separated by a NUL byte that no n-gram may cross.
    text = "\x00 " + " \x00 ".join(normalise(s) for s in sentences) + " \x00"
    original = np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    lowered = np.frombuffer(text.lower().encode("utf-8"), dtype=np.uint8)
    if len(lowered) != len(original):
        # A rare character whose lower case has another length: lower ASCII only.
        lowered = _ASCII_LOWER[original]
    is_upper = (original >= ord("A")) & (original <= ord("Z"))
    return (_DIGIT_TO_ZERO[lowered] if fold_digits else lowered), is_upper


def _mix(hashes: np.ndarray, salt: int, bits: int) -> np.ndarray:
    # In place after the first operation: each step of the mix is one pass over the array.
    mixed = hashes ^ np.uint64(salt)
    mixed *= _MIX_A
    mixed ^= mixed >> np.uint64(33)
    mixed *= _MIX_B
    mixed ^= mixed >> np.uint64(33)
    mixed >>= np.uint64(64 - bits)
    return mixed.view(np.int64)


def _char_ngrams(
    data: np.ndarray, row_of_byte: np.ndarray, is_separator: np.ndarray, spec: FeatureSpec
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    separators_before = np.concatenate(([0], np.cumsum(is_separator)))
    data64 = data.astype(np.uint64)
    rows: list[np.ndarray] = []
    buckets: list[np.ndarray] = []
    length = len(data)
    longest = max(spec.char_ngrams, default=0)
    hashes = np.zeros(length, dtype=np.uint64)
    for n in range(1, longest + 1):
        # hashes[i] holds the hash of data[i:i+n]; extend every window by one byte.
        hashes = hashes[: length - n + 1] * _PRIME + data64[n - 1 :]
        if n not in spec.char_ngrams:
            continue
        count = length - n + 1
        # The window starting at byte i is clean when no separator lies in data[i:i+n].
        clean = separators_before[n : n + count] == separators_before[:count]
        rows.append(row_of_byte[:count][clean])
        buckets.append(_mix(hashes[clean], salt=1000 + n, bits=spec.bits))
    return rows, buckets


_POWER_CACHE: list[np.ndarray] = []


def _powers(length: int) -> tuple[np.ndarray, np.ndarray]:
    """P^i and P^-i modulo 2^64 for i < length, computed once and grown when needed."""
    if not _POWER_CACHE or len(_POWER_CACHE[0]) < length:
        size = max(length, 1 << 16)
        tables = []
        for base in (_PRIME, _PRIME_INVERSE):
            table = np.full(size, base, dtype=np.uint64)
            table[0] = 1
            tables.append(np.cumprod(table, dtype=np.uint64))
        _POWER_CACHE[:] = tables
    return _POWER_CACHE[0][:length], _POWER_CACHE[1][:length]


def _tokens(data: np.ndarray, row_of_byte: np.ndarray) -> tuple[np.ndarray, ...]:
    """Start byte, hash and sentence of every word token of the batch."""
    is_word = _WORD_BYTE[data]
    edges = np.diff(np.concatenate(([False], is_word, [False])).astype(np.int8))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    # Position-independent hash of data[start:end]: a prefix sum of byte * P^i, shifted back
    # by P^-start. uint64 arithmetic wraps, which is exactly arithmetic modulo 2^64.
    length = len(data)
    powers, inverse_powers = _powers(length + 1)
    prefix = np.zeros(length + 1, dtype=np.uint64)
    np.cumsum(data.astype(np.uint64) * powers[:length], out=prefix[1:])
    token_hashes = (prefix[ends] - prefix[starts]) * inverse_powers[starts]
    return starts, token_hashes, row_of_byte[starts]


def _word_ngrams(
    starts: np.ndarray,
    token_hashes: np.ndarray,
    token_rows: np.ndarray,
    is_upper: np.ndarray,
    n_rows: int,
    spec: FeatureSpec,
) -> tuple[list[np.ndarray], list[np.ndarray]]:
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
    if spec.sentence_markers:
        marker_rows, marker_hashes = _sentence_markers(starts, token_rows, is_upper, n_rows)
        rows.append(marker_rows)
        buckets.append(_mix(marker_hashes, salt=3000, bits=spec.bits))
    return rows, buckets


def _capitalised_mid_sentence(
    starts: np.ndarray, token_rows: np.ndarray, is_upper: np.ndarray
) -> np.ndarray:
    """Whether each token starts upper-case and is not its sentence's first word."""
    first_of_row = np.ones(len(starts), dtype=bool)
    first_of_row[1:] = token_rows[1:] != token_rows[:-1]
    return is_upper[starts] & ~first_of_row


def _sentence_markers(
    starts: np.ndarray, token_rows: np.ndarray, is_upper: np.ndarray, n_rows: int
) -> tuple[np.ndarray, np.ndarray]:
    # Names of people, places and institutions are capitalised mid-sentence; the length of a
    # sentence separates one-liners ("Thank you.") from statements.
    capitalised = _capitalised_mid_sentence(starts, token_rows, is_upper)
    tokens_per_row = np.bincount(token_rows, minlength=n_rows)[:n_rows]
    length_bin = np.searchsorted(_LENGTH_BINS, tokens_per_row).astype(np.uint64)
    rows = np.concatenate((token_rows[capitalised], np.arange(n_rows)))
    hashes = np.concatenate(
        (
            np.full(int(capitalised.sum()), _CAPITALISED_MARKER, dtype=np.uint64),
            _LENGTH_MARKERS + length_bin,
        )
    )
    return rows, hashes


def _normalised_values(rows: np.ndarray, n_rows: int, weight: float) -> np.ndarray:
    # Each occurrence weighs weight / sqrt(occurrences in its sentence), so long and short
    # sentences land on the same scale without a per-sentence sort of the buckets.
    per_row = np.bincount(rows, minlength=n_rows).astype(np.float32)
    scale = weight / np.sqrt(np.maximum(per_row, 1.0))
    return scale[rows]


@dataclass(frozen=True)
class _Tokenised:
    """A batch's bytes and word tokens, from which both the n-grams and the network's words
    are read: scoring with both tokenises once."""

    data: np.ndarray
    is_upper: np.ndarray
    is_separator: np.ndarray
    row_of_byte: np.ndarray
    starts: np.ndarray
    token_hashes: np.ndarray
    token_rows: np.ndarray
    n_rows: int


def _tokenise(sentences: Sequence[str], spec: FeatureSpec) -> _Tokenised:
    data, is_upper = _encode_batch(sentences, spec.fold_digits)
    is_separator = data == _SEPARATOR
    row_of_byte = np.cumsum(is_separator) - 1
    starts, token_hashes, token_rows = _tokens(data, row_of_byte)
    return _Tokenised(
        data, is_upper, is_separator, row_of_byte, starts, token_hashes, token_rows, len(sentences)
    )


def hashed_features(sentences: Sequence[str], spec: FeatureSpec) -> SparseFeatures:
    """Hash the n-grams of ``sentences`` into ``spec.dimension`` buckets."""
    if not sentences:
        return _no_features()
    batch = _tokenise(sentences, spec)
    features = _ngram_features(batch, spec)
    if spec.lexicon_bits:
        features.lexicon = SparseFeatures(
            rows=batch.token_rows,
            buckets=lexicon_ids(batch.token_hashes, spec.lexicon_bits),
            values=_normalised_values(batch.token_rows, batch.n_rows, spec.word_weight),
            n_rows=batch.n_rows,
        )
    return features


def _no_features() -> SparseFeatures:
    empty = np.zeros(0, dtype=np.int64)
    return SparseFeatures(empty, empty, np.zeros(0, dtype=np.float32), 0)


def _ngram_features(batch: _Tokenised, spec: FeatureSpec) -> SparseFeatures:
    """The character and word n-grams of ``batch`` (without the lexicon's single words)."""
    n_rows = batch.n_rows
    char_rows, char_buckets = _char_ngrams(batch.data, batch.row_of_byte, batch.is_separator, spec)
    word_rows, word_buckets = _word_ngrams(
        batch.starts, batch.token_hashes, batch.token_rows, batch.is_upper, n_rows, spec
    )
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


def lexicon_ids(token_hashes: np.ndarray, bits: int) -> np.ndarray:
    """Slots of single words in the lexicon table, a hashed space of its own."""
    return _mix(token_hashes, salt=4000, bits=bits)


def word_hashes(words: Sequence[str], spec: FeatureSpec) -> tuple[np.ndarray, np.ndarray]:
    """Token hash of each entry of ``words`` that is exactly one token, with its index."""
    data, _ = _encode_batch(words, spec.fold_digits)
    row_of_byte = np.cumsum(data == _SEPARATOR) - 1
    _, token_hashes, token_rows = _tokens(data, row_of_byte)
    tokens_per_word = np.bincount(token_rows, minlength=len(words))[: len(words)]
    single = tokens_per_word[token_rows] == 1
    return token_hashes[single], token_rows[single]


def linear_scores(
    features: SparseFeatures,
    weights: np.ndarray,
    bias: float,
    lexicon_weights: np.ndarray | None = None,
) -> np.ndarray:
    """Dot product of each sentence's features with ``weights`` (and the lexicon), plus bias."""
    contributions = weights[features.buckets] * features.values
    scores = np.bincount(features.rows, weights=contributions, minlength=features.n_rows)
    if features.lexicon is not None and lexicon_weights is not None:
        lexicon = features.lexicon
        contributions = lexicon_weights[lexicon.buckets] * lexicon.values
        scores += np.bincount(lexicon.rows, weights=contributions, minlength=features.n_rows)
    return scores + bias


@dataclass
class WordTokens:
    """The word tokens of a batch in reading order, as a network over word vectors reads them.

    ``rows`` is non-decreasing (the tokens of sentence 0, then of sentence 1, ...); each
    token has its lexicon slot (the same slot the linear model's lexicon uses) and two flags
    that lower-cased vectors cannot carry: capitalised mid-sentence, and a number.
    """

    rows: np.ndarray
    slots: np.ndarray
    capitalised: np.ndarray
    number: np.ndarray
    n_rows: int


def word_tokens(sentences: Sequence[str], spec: FeatureSpec) -> WordTokens:
    """Word tokens of ``sentences`` mapped to ``spec.lexicon_bits`` slots."""
    if not sentences or not spec.lexicon_bits:
        return _no_tokens(len(sentences))
    return _word_tokens(_tokenise(sentences, spec), spec)


def tokens_and_features(
    sentences: Sequence[str], spec: FeatureSpec
) -> tuple[WordTokens, SparseFeatures]:
    """``word_tokens`` and the n-gram features of ``hashed_features`` (without its lexicon part,
    which only the linear model reads), from one pass of encoding and tokenising."""
    if not sentences:
        return _no_tokens(0), _no_features()
    batch = _tokenise(sentences, spec)
    tokens = _word_tokens(batch, spec) if spec.lexicon_bits else _no_tokens(batch.n_rows)
    return tokens, _ngram_features(batch, spec)


def _no_tokens(n_rows: int) -> WordTokens:
    empty = np.zeros(0, dtype=np.int64)
    flags = np.zeros(0, dtype=np.float32)
    return WordTokens(empty, empty, flags, flags, n_rows)


def _word_tokens(batch: _Tokenised, spec: FeatureSpec) -> WordTokens:
    starts, token_rows = batch.starts, batch.token_rows
    first_byte = batch.data[starts]
    return WordTokens(
        rows=token_rows,
        slots=lexicon_ids(batch.token_hashes, spec.lexicon_bits).astype(np.int64),
        capitalised=_capitalised_mid_sentence(starts, token_rows, batch.is_upper).astype(
            np.float32
        ),
        number=((first_byte >= ord("0")) & (first_byte <= ord("9"))).astype(np.float32),
        n_rows=batch.n_rows,
    )
