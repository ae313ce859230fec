"""A small convolutional network over word vectors that scores sentences, numpy only.

It reads a sentence as a sequence of word vectors (GloVe, looked up by the same lexicon slot
the linear model uses), slides filters one, two and three words wide over it, keeps each
filter's strongest response, and maps those through one hidden layer to a log-odds score.
It is trained (with PyTorch, see ``training/distillation.py``) to reproduce the scores of a
fine-tuned transformer, which reads word order and context that n-grams miss; this forward
pass gives the same numbers on the CPU without PyTorch.

Sentences of a batch are grouped by length; each filter tap is one matrix product over a
group's words laid end to end.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
from threadpoolctl import ThreadpoolController

from claims.detection.features import WordTokens

# Sentences are cut to this many words: the same cut the network was trained with.
MAX_TOKENS = 60
# Sentences per group of similar length: large enough for one efficient matrix product,
# small enough that the padding to the longest sentence of the group stays small.
GROUP_SIZE = 32


def _first_of_each(counts: np.ndarray) -> np.ndarray:
    """Where each run starts when runs of ``counts`` items are laid end to end."""
    return np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)


def leading_tokens(tokens: WordTokens) -> WordTokens:
    """``tokens`` with each sentence cut to its first ``MAX_TOKENS`` words, as the network reads it."""
    counts = np.bincount(tokens.rows, minlength=tokens.n_rows)[: tokens.n_rows]
    position = np.arange(len(tokens.rows)) - _first_of_each(counts)[tokens.rows]
    kept = position < MAX_TOKENS
    return WordTokens(
        rows=tokens.rows[kept],
        slots=tokens.slots[kept],
        capitalised=tokens.capitalised[kept],
        number=tokens.number[kept],
        n_rows=tokens.n_rows,
    )


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@dataclass
class SentenceCNN:
    """Weights of the network; ``conv_weights[i]`` is ``(filters, inputs, widths[i])``."""

    vectors: np.ndarray  # (lexicon slots, dimension): a word vector per slot, zeros if none
    widths: tuple[int, ...]
    conv_weights: list[np.ndarray]
    conv_biases: list[np.ndarray]
    hidden_weights: np.ndarray  # (hidden, pooled features)
    hidden_bias: np.ndarray
    output_weights: np.ndarray  # (hidden,)
    output_bias: float

    def __post_init__(self) -> None:
        self.vectors = np.ascontiguousarray(self.vectors, dtype=np.float32)
        inputs = self.vectors.shape[1] + 2
        pooled = inputs
        for width, weights, bias in zip(
            self.widths, self.conv_weights, self.conv_biases, strict=True
        ):
            if weights.ndim != 3 or weights.shape[1:] != (inputs, width):
                raise ValueError(f"filters of width {width} have shape {weights.shape}")
            if bias.shape != (weights.shape[0],):
                raise ValueError(f"filter biases of width {width} have shape {bias.shape}")
            pooled += weights.shape[0]
        if self.hidden_weights.shape != (self.hidden_bias.shape[0], pooled):
            raise ValueError(f"hidden layer has shape {self.hidden_weights.shape}")
        if self.output_weights.shape != self.hidden_bias.shape:
            raise ValueError(f"output layer has shape {self.output_weights.shape}")
        # Per width, one (inputs, filters) matrix per tap: tap k weighs word t-width+1+k.
        self._taps = [
            [np.ascontiguousarray(w[:, :, tap].T, dtype=np.float32) for tap in range(w.shape[2])]
            for w in self.conv_weights
        ]
        self._hidden_t = np.ascontiguousarray(self.hidden_weights.T, dtype=np.float32)

    def logits(self, tokens: WordTokens) -> np.ndarray:
        """Log-odds score of every sentence of the batch the tokens come from."""
        scores = self.hidden(tokens) @ self.output_weights + self.output_bias
        return np.asarray(scores, dtype=np.float64)

    def hidden(self, tokens: WordTokens) -> np.ndarray:
        """The last hidden layer of every sentence: the features the output layer weighs."""
        tokens = leading_tokens(tokens)
        n_rows = tokens.n_rows
        counts = np.bincount(tokens.rows, minlength=n_rows)[:n_rows]
        inputs = np.empty((len(tokens.rows), self.vectors.shape[1] + 2), dtype=np.float32)
        inputs[:, :-2] = self.vectors[tokens.slots]
        inputs[:, -2] = tokens.capitalised
        inputs[:, -1] = tokens.number
        # Where each sentence's tokens sit in ``inputs`` (rows are grouped by sentence).
        token_start = _first_of_each(counts)

        out = np.empty((n_rows, self.hidden_bias.shape[0]), dtype=np.float32)
        order = np.argsort(counts, kind="stable")
        # These products are small: spreading each over BLAS threads costs more CPU than it
        # saves, and web and task processes already run one per core.
        with _blas().limit(limits=1, user_api="blas"):
            for begin in range(0, n_rows, GROUP_SIZE):
                group = order[begin : begin + GROUP_SIZE]
                out[group] = self._group_hidden(inputs, token_start[group], counts[group])
        return out

    def _group_hidden(
        self, inputs: np.ndarray, token_start: np.ndarray, counts: np.ndarray
    ) -> np.ndarray:
        # The group's words one after another, each sentence framed by ``pad`` zero rows, so
        # that a window never reaches into the next sentence and the products skip padding.
        pad = max(self.widths) - 1
        size = len(counts)
        starts = pad + _first_of_each(counts + pad)
        total = int(starts[-1] + counts[-1] + pad) if size else pad
        sentence = np.repeat(np.arange(size), counts)
        first = _first_of_each(counts)
        offset = np.arange(int(counts.sum())) - first[sentence]
        words = inputs[np.repeat(token_start, counts) + offset]
        flat = np.zeros((total, inputs.shape[1]), dtype=np.float32)
        flat[starts[sentence] + offset] = words

        longest = int(counts.max(initial=0))
        pooled = []
        for width, bias, taps in zip(self.widths, self.conv_biases, self._taps, strict=True):
            # Window t of a sentence ends at its word t and spans words t-width+1..t; windows
            # that reach into the zero frame on either side exist, as in training, but none
            # lies wholly past the sentence's last word.
            response = flat @ taps[-1]
            for tap, weights in enumerate(taps[:-1]):
                shift = width - 1 - tap
                response[shift:] += (flat @ weights)[: total - shift]
            windows = max(longest + width - 1, 1)
            ends = starts[:, None] + np.arange(windows)[None, :]
            grid = response[np.minimum(ends, total - 1)]
            grid[ends >= (starts + counts + width - 1)[:, None]] = -np.inf
            pooled.append(np.maximum(grid.max(axis=1) + bias, 0.0))
        running = np.zeros((len(words) + 1, words.shape[1]), dtype=np.float64)
        np.cumsum(words, axis=0, out=running[1:])
        sums = running[first + counts] - running[first]
        mean = (sums / np.maximum(counts, 1)[:, None]).astype(np.float32)
        features = np.concatenate([*pooled, mean], axis=1)
        return np.maximum(features @ self._hidden_t + self.hidden_bias, 0.0)

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Named arrays for the model file; word vectors only for slots that have one."""
        occupied = np.flatnonzero(np.any(self.vectors != 0, axis=1)).astype(np.int32)
        arrays = {
            "cnn_vector_slots": occupied,
            "cnn_vectors": self.vectors[occupied].astype(np.float16),
            "cnn_hidden_weights": self.hidden_weights.astype(np.float32),
            "cnn_hidden_bias": self.hidden_bias.astype(np.float32),
            "cnn_output_weights": self.output_weights.astype(np.float32),
            "cnn_output_bias": np.array([self.output_bias], dtype=np.float32),
        }
        for width, weights, bias in zip(
            self.widths, self.conv_weights, self.conv_biases, strict=True
        ):
            arrays[f"cnn_conv{width}_weights"] = weights.astype(np.float32)
            arrays[f"cnn_conv{width}_bias"] = bias.astype(np.float32)
        return arrays

    @classmethod
    def from_arrays(
        cls, arrays: dict[str, np.ndarray], widths: tuple[int, ...], slots: int
    ) -> SentenceCNN:
        """The network stored by ``to_arrays``; raises ``KeyError``/``ValueError`` if malformed."""
        occupied = arrays["cnn_vector_slots"]
        stored = arrays["cnn_vectors"]
        if occupied.dtype.kind not in "iu" or occupied.ndim != 1 or len(occupied) != len(stored):
            raise ValueError("word vector slots do not match the stored vectors")
        if len(occupied) and (occupied.min() < 0 or occupied.max() >= slots):
            raise ValueError("a word vector slot lies outside the lexicon")
        vectors = np.zeros((slots, stored.shape[1]), dtype=np.float32)
        vectors[occupied] = stored
        return cls(
            vectors=vectors,
            widths=tuple(widths),
            conv_weights=[arrays[f"cnn_conv{w}_weights"] for w in widths],
            conv_biases=[arrays[f"cnn_conv{w}_bias"] for w in widths],
            hidden_weights=arrays["cnn_hidden_weights"],
            hidden_bias=arrays["cnn_hidden_bias"],
            output_weights=arrays["cnn_output_weights"],
            output_bias=float(arrays["cnn_output_bias"][0]),
        )
