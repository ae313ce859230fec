"""Fit the matcher's settings on CheckThat! 2022 task 2A (train split) and write model.json.

    python -m training.matcher [--skip-bm25-search]

BM25F parameters come from a coordinate search on train MAP@5; the re-ranker and the
confidence model are logistic regressions on train candidates (scikit-learn, only needed
here); the two product thresholds are read off the dev split. Test splits are never read.
"""

import argparse
import dataclasses
import sys
from collections.abc import Sequence

import numpy as np

from claims.matching.features import FEATURE_NAMES
from claims.matching.index import ClaimIndex, confidence_rows
from claims.matching.lexical import BM25FParameters
from claims.matching.model import (
    CONFIDENCE_EXTRA_FEATURES,
    DEFAULT_MODEL_PATH,
    LinearModel,
    MatcherModel,
    sigmoid,
)
from training import matching_data
from training.evaluation import evaluate

CANDIDATES = 15
SMALL_INDEX_SEED = 20_221
# Target precision of a top match above each threshold on dev, with and without its true match.
CONFIDENT_PRECISION = 0.95
SUGGEST_PRECISION = 0.75
SEARCH_GRID = {
    "k1": (0.6, 0.9, 1.2, 1.6, 2.2),
    "claim_b": (0.5, 0.75, 0.9, 1.0),
    "title_b": (0.5, 0.75, 0.9, 1.0),
    "title_weight": (0.5, 0.8, 1.0, 1.4, 2.0),
    "bigram_weight": (0.0, 0.15, 0.3),
}

Queries = Sequence[tuple[str, str]]


def _index(benchmark: matching_data.Benchmark, model: MatcherModel) -> ClaimIndex:
    index = ClaimIndex.with_model(model)
    index._extend(benchmark.documents())
    return index


def search_bm25f(benchmark: matching_data.Benchmark, queries: Queries) -> BM25FParameters:
    relevant = benchmark.relevant["train"]

    def quality(parameters: BM25FParameters) -> float:
        # Five candidates suffice to rank by BM25F alone, and keep the search quick.
        index = _index(benchmark, MatcherModel(parameters, 5, None, None))
        return evaluate(lambda q: [m.key for m in index.search(q)], queries, relevant).map_at_5

    best = BM25FParameters()
    best_quality = quality(best)
    for _ in range(2):
        for name, values in SEARCH_GRID.items():
            for value in values:
                trial = dataclasses.replace(best, **{name: value})
                trial_quality = quality(trial)
                if trial_quality > best_quality + 1e-4:
                    best, best_quality = trial, trial_quality
            print(f"  {name}: {getattr(best, name)} (train MAP@5 {best_quality:.4f})", flush=True)
    return best


def fit_linear(
    rows: np.ndarray, labels: np.ndarray, names: tuple[str, ...], c: float
) -> LinearModel:
    """Logistic regression on standardised features, kept as plain weights."""
    from sklearn.linear_model import LogisticRegression

    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-9] = 1.0
    regression = LogisticRegression(C=c, max_iter=5000).fit((rows - mean) / scale, labels)
    return LinearModel(names, mean, scale, regression.coef_[0], float(regression.intercept_[0]))


def fit_reranker(index: ClaimIndex, queries: Queries, relevant: dict) -> LinearModel:
    rows: list[np.ndarray] = []
    labels: list[bool] = []
    for query_id, text in queries:
        keys, features = index.candidate_features(text)
        gold = relevant.get(query_id, set())
        # Queries whose claim is not among the candidates teach the re-ranker nothing.
        if keys and gold & set(keys):
            rows.append(features)
            labels.extend(key in gold for key in keys)
    return fit_linear(np.vstack(rows), np.asarray(labels), FEATURE_NAMES, c=1.0)


def _top_matches_both_ways(index: ClaimIndex, queries: Queries, relevant: dict, limit: int):
    """Per query, candidate rows as searched with its true claim known and with it withheld.

    The second case is the product's "new claim" situation: the best hit is then wrong, often
    with a convincing score, and the confidence model must learn to doubt it.
    """
    texts = texts_by_key(index)
    for query_id, text in queries:
        gold = relevant.get(query_id, set())
        for withheld in (False, True):
            if withheld:
                for key in gold:
                    index.remove(key)
            found = _ranked_rows(index, text, gold, limit)
            if found is not None:
                yield found[0], found[1], withheld
            if withheld:
                for key in gold:
                    index.add(key, *texts[key])


def _ranked_rows(index: ClaimIndex, text: str, gold: set[int], limit: int):
    keys, features = index.candidate_features(text)
    if not keys:
        return None
    scores = index.rerank_scores(features)
    order = np.argsort(-scores, kind="stable")[:limit]
    rows = confidence_rows(features, scores, order, index.no_overlap_score())
    return rows, np.asarray([keys[i] in gold for i in order]), [keys[i] for i in order]


def _small_index_matches(index: ClaimIndex, queries: Queries, relevant: dict):
    """Per query, its true claim and then its best wrong claim, each in a small index.

    A newsroom's index starts small: a few unrelated claims, where the best candidate often
    has no rival to be compared with. Each small index holds the claim and a few others drawn
    at random (seeded, so training repeats exactly).
    """
    texts = texts_by_key(index)
    everyone = sorted(texts)
    generator = np.random.default_rng(SMALL_INDEX_SEED)
    for query_id, text in queries:
        gold = relevant.get(query_id, set())
        found = _ranked_rows(index, text, gold, 5)
        wrong = [key for key in found[2] if key not in gold][:1] if found else []
        for keys, answerable in ((sorted(gold), True), (wrong, False)):
            if not keys:
                continue
            others = generator.choice(everyone, size=int(generator.integers(0, 12)), replace=False)
            chosen = set(keys) | {int(key) for key in others if int(key) not in gold}
            small = ClaimIndex.with_model(index._model)
            small._extend((key, *texts[key]) for key in sorted(chosen))
            top = _ranked_rows(small, text, gold, 1)
            if top is not None:
                yield top[0], top[1], answerable


def texts_by_key(index: ClaimIndex) -> dict[int, tuple[str, str]]:
    """(text, title) of every claim in ``index`` (a slot with a key is never empty)."""
    return {
        key: text
        for key, slot in index._slot_of_key.items()
        if (text := index._text_at_slot[slot]) is not None
    }


def fit_confidence(index: ClaimIndex, queries: Queries, relevant: dict) -> LinearModel:
    rows, labels = [], []
    for candidate_rows, candidate_labels, _ in _top_matches_both_ways(index, queries, relevant, 5):
        rows.append(candidate_rows)
        labels.append(candidate_labels)
    for candidate_rows, candidate_labels, _ in _small_index_matches(index, queries, relevant):
        rows.append(candidate_rows)
        labels.append(candidate_labels)
    names = FEATURE_NAMES + CONFIDENCE_EXTRA_FEATURES
    return fit_linear(np.vstack(rows), np.concatenate(labels), names, c=1.0)


def threshold_table(index: ClaimIndex, model: LinearModel, queries: Queries, relevant: dict):
    """(confidence, correct, has_true_match) of each query's top match, both ways."""
    outcomes = []
    for rows, labels, withheld in _top_matches_both_ways(index, queries, relevant, 1):
        outcomes.append((float(sigmoid(model.decision(rows))[0]), bool(labels[0]), not withheld))
    return outcomes


def small_index_table(index: ClaimIndex, model: LinearModel, queries: Queries, relevant: dict):
    """The same in small indexes: the true claim, or the best wrong one, among a few others."""
    return [
        (float(sigmoid(model.decision(rows))[0]), bool(labels[0]), answerable)
        for rows, labels, answerable in _small_index_matches(index, queries, relevant)
    ]


def precision_recall(outcomes, threshold: float) -> tuple[float, float, int]:
    accepted = [
        (correct, answerable) for conf, correct, answerable in outcomes if conf >= threshold
    ]
    answerable = sum(1 for _, _, has_match in outcomes if has_match)
    hits = sum(1 for correct, _ in accepted if correct)
    precision = hits / len(accepted) if accepted else 1.0
    return precision, hits / max(answerable, 1), len(accepted)


def lowest_threshold_with_precision(outcomes, target: float) -> float:
    for step in range(1, 100):
        threshold = step / 100
        precision, _, accepted = precision_recall(outcomes, threshold)
        if accepted and precision >= target:
            return threshold
    return 0.99


def choose_thresholds(outcomes) -> tuple[float, float, dict[str, dict]]:
    """The confident and suggest thresholds (the lowest reaching each precision on dev), and
    what each measured there."""
    confident = lowest_threshold_with_precision(outcomes, CONFIDENT_PRECISION)
    suggest = lowest_threshold_with_precision(outcomes, SUGGEST_PRECISION)
    measured = {}
    for name, threshold in (("confident_match", confident), ("suggest_match", suggest)):
        precision, recall, accepted = precision_recall(outcomes, threshold)
        measured[name] = {
            "threshold": threshold,
            "dev_precision": round(precision, 4),
            "dev_recall": round(recall, 4),
            "dev_accepted": accepted,
            "dev_top_matches": len(outcomes),
        }
        print(f"{name} {threshold:.2f}: precision {precision:.3f} recall {recall:.3f}")
    return confident, suggest, measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.matcher", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--skip-bm25-search", action="store_true")
    arguments = parser.parse_args(argv)
    if not matching_data.available():
        print(f"Claim-matching data not found under {matching_data.claim_matching_dir()}")
        return 1
    benchmark = matching_data.load()
    train, relevant = benchmark.queries["train"], benchmark.relevant["train"]
    dev, dev_relevant = benchmark.queries["dev"], benchmark.relevant["dev"]

    if arguments.skip_bm25_search:
        parameters = MatcherModel.load().bm25f
    else:
        print("BM25F coordinate search on train")
        parameters = search_bm25f(benchmark, train)
    print(parameters)

    index = _index(benchmark, MatcherModel(parameters, CANDIDATES, None, None))
    reranker = fit_reranker(index, train, relevant)
    index = _index(benchmark, MatcherModel(parameters, CANDIDATES, reranker, None))
    confidence = fit_confidence(index, train, relevant)

    outcomes = threshold_table(index, confidence, dev, dev_relevant)
    small_outcomes = small_index_table(index, confidence, dev, dev_relevant)
    confident, suggest, measured = choose_thresholds(outcomes)
    for name, threshold in (("confident_match", confident), ("suggest_match", suggest)):
        small_precision, small_recall, _ = precision_recall(small_outcomes, threshold)
        measured[name]["dev_small_index_precision"] = round(small_precision, 4)
        measured[name]["dev_small_index_recall"] = round(small_recall, 4)
        print(f"  small index: precision {small_precision:.3f} recall {small_recall:.3f}")

    model = MatcherModel(parameters, CANDIDATES, reranker, confidence, confident, suggest)
    scored = _index(benchmark, model)
    scores = {
        split: str(
            evaluate(
                lambda q: [m.key for m in scored.search(q)],
                benchmark.queries[split],
                benchmark.relevant[split],
            )
        )
        for split in ("train", "dev")
    }
    print(scores)
    provenance = {
        "data": "CLEF CheckThat! 2022 task 2A English (research use): train split for all "
        "weights, dev split for the thresholds; verified claims are Snopes fact-check summaries",
        "command": "python -m training.matcher"
        + (" --skip-bm25-search" if arguments.skip_bm25_search else ""),
        "bm25f_search": (
            "kept from the previous model.json, found by a coordinate search on train MAP@5"
            if arguments.skip_bm25_search
            else "coordinate search over SEARCH_GRID on train MAP@5"
        ),
        "confidence_training": "top-5 matches of each train query, searched once with its "
        "true claim indexed and once with it withheld (the new-claim situation); plus the true "
        "claim and the best wrong claim each in an index of up to 12 random others (a young, "
        "small index)",
        "threshold_rule": f"lowest confidence whose dev top-match precision reaches "
        f"{CONFIDENT_PRECISION} (confident) or {SUGGEST_PRECISION} (suggest), "
        "over dev queries searched both with and without their true claim",
        "thresholds_on_dev": measured,
        "scores": scores,
    }
    model = dataclasses.replace(model, provenance=provenance)
    model.save(DEFAULT_MODEL_PATH)
    print(f"wrote {DEFAULT_MODEL_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
