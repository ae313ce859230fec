"""Fits the news filter (``claims/detection/news.py``) on the labelled news-claims articles.

    python -m training.news_filter [--data DIR] [--output PATH] [--recall 0.93]

Training only (needs scikit-learn, the ``train`` extra); the runtime reads the JSON it writes.
Every candidate sentence the detector keeps without the filter becomes a row: its news
features (with the check-worthiness score) and whether the labelled sentence it overlaps is a
claim (C), not one (N) or borderline (B, left out). It reports figures cross-validated in five
folds grouped by article (the filter never scores an article it was fitted on; the threshold
is chosen on the training folds), then fits on every article and writes the weights.

Recall and precision count as ``score_news_claims.py`` does: a claim sentence is found when a
reported sentence overlaps it; a reported sentence overlapping a non-claim is a false alarm;
claim sentences that never became candidates count as missed.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from claims.detection.news import (
    FEATURE_NAMES,
    SHIPPED_FILTER_PATH,
    NewsFilter,
    never_a_claim,
    news_features,
)
from claims.detection.shared_data import NEWS_CLAIMS_RELATIVE, shared_dir

FOLDS = 5


@dataclass
class Candidate:
    text: str
    features: list[float]
    label: str  # "C", "N", "B" or "" (overlaps no labelled sentence)
    gold_start: int
    passes_score: bool
    claimant: str = ""
    aliases: tuple[str, ...] = ()


@dataclass
class Article:
    slug: str
    claims: set[int]
    candidates: list[Candidate] = field(default_factory=list)


def load_articles(directory: Path) -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(directory.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def build_rows(raw_articles: list[dict]) -> list[Article]:
    from claims.detection.checkworthiness import CheckworthinessModel
    from claims.detection.pipeline import Detector

    detector = Detector(CheckworthinessModel.load(), news_filter=False)
    articles = []
    for raw in raw_articles:
        published = datetime.date.fromisoformat(raw["published_at"])
        gold = raw["sentences"]
        article = Article(raw["slug"], {s["start"] for s in gold if s["label"] == "C"})
        for claim in detector.analyse(raw["text"], published_at=published):
            best = max(gold, key=lambda s: _overlap(claim.start, claim.end, s["start"], s["end"]))
            touches = _overlap(claim.start, claim.end, best["start"], best["end"]) > 0
            article.candidates.append(
                Candidate(
                    claim.text,
                    news_features(claim.text, claim.score, published_year=published.year),
                    best["label"] if touches else "",
                    best["start"],
                    claim.score >= detector.threshold,
                    (claim.claimant.name if claim.claimant else "").lower(),
                    tuple(best.get("claimant_aliases") or ()) if touches else (),
                )
            )
        articles.append(article)
    return articles


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def count(articles: list[Article], keep: list[list[bool]]) -> tuple[int, int, int, int, int]:
    """(true positives, false positives, missed claims, attributed claims found, of them with
    the right claimant), as the news scorer counts them."""
    tp = fp = fn = attributed = right = 0
    for article, kept in zip(articles, keep, strict=True):
        found = set()
        for candidate, reported in zip(article.candidates, kept, strict=True):
            if not reported:
                continue
            if candidate.label in ("", "N"):
                fp += 1
            elif candidate.label == "C" and candidate.gold_start not in found:
                found.add(candidate.gold_start)
                tp += 1
                if candidate.aliases:
                    attributed += 1
                    said = candidate.claimant
                    right += bool(said) and any(a in said or said in a for a in candidate.aliases)
        fn += len(article.claims - found)
    return tp, fp, fn, attributed, right


def figures(articles: list[Article], keep: list[list[bool]]) -> dict[str, float]:
    tp, fp, fn, attributed, right = count(articles, keep)
    recall = tp / (tp + fn) if tp + fn else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    claimant = right / attributed if attributed else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "claimant": claimant,
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def fit(articles: list[Article], *, c: float) -> tuple[list[float], float]:
    from sklearn.linear_model import LogisticRegression

    rows = [
        (candidate.features, candidate.label == "C")
        for article in articles
        for candidate in article.candidates
        if candidate.passes_score and candidate.label in ("C", "N", "")
    ]
    classifier = LogisticRegression(C=c, max_iter=5000)
    classifier.fit([features for features, _ in rows], [label for _, label in rows])
    return [float(w) for w in classifier.coef_[0]], float(classifier.intercept_[0])


def keep_at(
    articles: list[Article], weights: list[float], bias: float, threshold: float
) -> list[list[bool]]:
    model = NewsFilter(tuple(weights), bias, threshold, {})
    return [
        [
            candidate.passes_score
            and not never_a_claim(candidate.text)
            and model.combine(candidate.features) >= threshold
            for candidate in article.candidates
        ]
        for article in articles
    ]


def choose_threshold(
    articles: list[Article], weights: list[float], bias: float, *, recall: float
) -> float:
    """The highest threshold that still keeps ``recall`` of the claims of ``articles``."""
    best = 0.0
    for step in range(1, 100):
        threshold = step / 100
        if figures(articles, keep_at(articles, weights, bias, threshold))["recall"] >= recall:
            best = threshold
    return best


def cross_validate(
    articles: list[Article], *, c: float, recall: float, show: int = 0
) -> dict[str, float]:
    """Five folds grouped by article: each article is scored by a filter fitted without it."""
    keep: list[list[bool]] = [[] for _ in articles]
    for fold in range(FOLDS):
        held_out = [i for i in range(len(articles)) if i % FOLDS == fold]
        training = [articles[i] for i in range(len(articles)) if i % FOLDS != fold]
        weights, bias = fit(training, c=c)
        threshold = choose_threshold(training, weights, bias, recall=recall)
        for i in held_out:
            keep[i] = keep_at([articles[i]], weights, bias, threshold)[0]
    if show:
        _show_errors(articles, keep, show)
    return figures(articles, keep)


def _show_errors(articles: list[Article], keep: list[list[bool]], show: int) -> None:
    """Examples of what the held-out filter dropped wrongly and kept wrongly."""
    dropped, kept = [], []
    for article, decisions in zip(articles, keep, strict=True):
        for candidate, reported in zip(article.candidates, decisions, strict=True):
            if candidate.passes_score and not reported and candidate.label == "C":
                dropped.append(candidate.text)
            if reported and candidate.label in ("", "N"):
                kept.append(candidate.text)
    for text in dropped[:show]:
        print(f"dropped claim: {text[:110]}")
    for text in kept[:show]:
        print(f"kept non-claim: {text[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m training.news_filter", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--data", type=Path, default=shared_dir() / NEWS_CLAIMS_RELATIVE)
    parser.add_argument("--output", type=Path, default=SHIPPED_FILTER_PATH)
    parser.add_argument("--recall", type=float, default=0.93, help="recall to keep on train")
    parser.add_argument("--c", type=float, default=3.0, help="inverse L2 strength")
    parser.add_argument("--show", type=int, default=0, help="print N errors of each kind")
    parser.add_argument("--dry-run", action="store_true", help="report figures, write nothing")
    arguments = parser.parse_args(argv)
    if not arguments.data.is_dir():
        print(f"news-claims data absent at {arguments.data}", file=sys.stderr)
        return 1

    raw = load_articles(arguments.data)
    articles = build_rows(raw)
    without = figures(articles, [[c.passes_score for c in a.candidates] for a in articles])
    validated = cross_validate(
        articles, c=arguments.c, recall=arguments.recall, show=arguments.show
    )
    weights, bias = fit(articles, c=arguments.c)
    threshold = choose_threshold(articles, weights, bias, recall=arguments.recall)
    fitted = figures(articles, keep_at(articles, weights, bias, threshold))
    report = {
        "without filter": without,
        f"{FOLDS}-fold CV by article": validated,
        "fitted on all (optimistic)": fitted,
    }
    for name, values in report.items():
        print(
            f"{name:28} recall {values['recall']:.3f} precision {values['precision']:.3f} "
            f"F1 {values['f1']:.3f} (tp {values['tp']}, fp {values['fp']}, fn {values['fn']})"
        )
    for name, weight in sorted(zip(FEATURE_NAMES, weights, strict=True), key=lambda x: x[1]):
        print(f"  {name:24} {weight:+.3f}")
    if arguments.dry_run:
        return 0
    metadata = {
        "data": f"news-claims dev set ({len(raw)} articles), {NEWS_CLAIMS_RELATIVE}",
        "rows": "candidates above the check-worthiness threshold; C=1, N or unlabelled=0, B out",
        "regularisation": f"L2, C={arguments.c}",
        "C": arguments.c,
        "target_recall": arguments.recall,
        "threshold": f"highest keeping recall >= {arguments.recall} on the fitted articles",
        "cross_validated": {k: round(v, 3) for k, v in validated.items()},
        "without_filter": {k: round(v, 3) for k, v in without.items()},
    }
    model = NewsFilter(tuple(weights), bias, threshold, metadata)
    arguments.output.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {arguments.output} (threshold {threshold:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
