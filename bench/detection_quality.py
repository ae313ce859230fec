"""Check-worthiness quality and speed: the shipped model against a TF-IDF baseline.

Run with ``python bench/detection_quality.py``. The baseline (TF-IDF word 1-2 grams and
character 2-5 grams, logistic regression, threshold picked on dev) is trained in the same run
on the same CT24 train split, so the ratios compare like with like. Needs the shared CT24
data and scikit-learn; skips with a message when either is absent.

Then the detector on news (the news-claims dev set, when present): recall, precision and
claimant accuracy of the whole detector, counted as ``score_news_claims.py`` counts them, for
the shipped detector without its news filter (the baseline), with the shipped filter (fitted
on these articles, so optimistic), and with filters cross-validated in five folds grouped by
article (each article judged by a filter fitted without it).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claims.detection.checkworthiness import CheckworthinessModel
from claims.detection.metrics import precision_recall_f1
from claims.detection.pipeline import load_news_filter
from claims.detection.shared_data import (
    CT24_RELATIVE,
    NEWS_CLAIMS_RELATIVE,
    load_ct24,
    shared_dir,
)
from training.calibration import best_f1_threshold
from training.detector import SPLITS
from training.news_filter import (
    build_rows,
    cross_validate,
    figures,
    keep_at,
    load_articles,
)

THROUGHPUT_SENTENCES = 20_000


def train_baseline(train: Sequence[tuple[str, int]], dev: Sequence[tuple[str, int]]):
    """TF-IDF word + character n-gram logistic regression; returns (probabilities, threshold)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    words = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    characters = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2
    )
    texts = [text for text, _ in train]
    matrix = hstack([words.fit_transform(texts), characters.fit_transform(texts)]).tocsr()
    classifier = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000)
    classifier.fit(matrix, [label for _, label in train])

    def probabilities(sentences: Sequence[str]) -> list[float]:
        features = hstack([words.transform(sentences), characters.transform(sentences)])
        return classifier.predict_proba(features.tocsr())[:, 1].tolist()

    dev_probabilities = probabilities([text for text, _ in dev])
    return probabilities, best_f1_threshold([label for _, label in dev], dev_probabilities)


def sentences_per_second(
    score: Callable[[Sequence[str]], list[float]], sentences: list[str]
) -> float:
    """Best of three runs, in CPU seconds of this process (other load on the machine does
    not count against the model)."""
    score(sentences[:100])
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        score(sentences)
        best = min(best, time.process_time() - started)
    return len(sentences) / best


def main() -> int:
    ct24_path = shared_dir() / CT24_RELATIVE
    if not ct24_path.is_file():
        print(f"skipped: CT24 data absent at {ct24_path} (set CLAIM_TRACKER_SHARED_DIR)")
        return 0
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("skipped: the baseline needs scikit-learn (the 'train' extra)")
        return 0

    splits = load_ct24(ct24_path)
    model = CheckworthinessModel.load()
    baseline_score, baseline_threshold = train_baseline(splits["train"], splits["dev"])

    from sklearn.metrics import average_precision_score

    scorer = "network" if model.network is not None else "linear model"
    print(f"model: {scorer}, threshold {model.threshold:.3f}")
    print(f"{'split':8} {'model':>28} {'baseline':>28}  F1 ratio")
    print(f"{'':8} {'P     R     F1    AP':>28} {'P     R     F1    AP':>28}")
    for split in SPLITS[1:]:
        texts = [text for text, _ in splits[split]]
        labels = [label for _, label in splits[split]]
        cells = []
        for scores, threshold in (
            (model.score(texts), model.threshold),
            (baseline_score(texts), baseline_threshold),
        ):
            metrics = precision_recall_f1(labels, [p >= threshold for p in scores])
            # Average precision ranks without a threshold: how well the scores order sentences.
            metrics["ap"] = average_precision_score(labels, scores)
            cells.append(metrics)
        ours, theirs = cells
        row = [f"{m['precision']:.3f} {m['recall']:.3f} {m['f1']:.3f} {m['ap']:.3f}" for m in cells]
        ratio = ours["f1"] / theirs["f1"] if theirs["f1"] else float("inf")
        print(f"{split:8} {row[0]:>28} {row[1]:>28}  {ratio:.2f}")

    pool = [text for text, _ in splits["train"]]
    sentences = (pool * (THROUGHPUT_SENTENCES // len(pool) + 1))[:THROUGHPUT_SENTENCES]
    ours_speed = sentences_per_second(model.score, sentences)
    theirs_speed = sentences_per_second(baseline_score, sentences)
    print(
        f"\nscore() throughput, CPU time of one process, {THROUGHPUT_SENTENCES} sentences: "
        f"model {ours_speed:,.0f}/s, baseline {theirs_speed:,.0f}/s, "
        f"ratio {ours_speed / theirs_speed:.2f}"
    )
    article = " ".join(pool[:60]).split()[:1000]
    article_sentences = [" ".join(article[i : i + 20]) for i in range(0, len(article), 20)]
    started = time.process_time()
    for _ in range(10):
        model.score(article_sentences)
    milliseconds = (time.process_time() - started) * 100
    print(f"a 1,000-word article ({len(article_sentences)} sentences): {milliseconds:.1f} ms CPU")
    news_quality()
    print_statement_quality()
    return 0


def news_quality() -> None:
    """The whole detector on the news-claims dev set, with and without its news filter."""
    directory = shared_dir() / NEWS_CLAIMS_RELATIVE
    if not directory.is_dir():
        print(f"\nnews: skipped, news-claims data absent at {directory}")
        return
    articles = build_rows(load_articles(directory))
    shipped = load_news_filter()
    rows = {
        "without the news filter (baseline)": figures(
            articles, [[c.passes_score for c in a.candidates] for a in articles]
        ),
        "shipped news filter (fitted on these)": figures(
            articles, keep_at(articles, list(shipped.weights), shipped.bias, shipped.threshold)
        ),
        "news filter, 5-fold CV by article": cross_validate(
            articles,
            c=float(shipped.metadata.get("C", 3.0)),
            recall=shipped.metadata.get("target_recall", 0.93),
        ),
    }
    print(f"\nnews-claims dev set ({len(articles)} articles), the whole detector")
    print(f"{'':40} {'recall':>7} {'precision':>9} {'claimant':>8}")
    for name, values in rows.items():
        print(
            f"{name:40} {values['recall']:7.3f} {values['precision']:9.3f} "
            f"{values['claimant']:8.3f}"
        )


def print_statement_quality() -> None:
    """Statements of the news dev set's claims against its gold statements (token F1)."""
    import datetime
    import json
    import re
    from collections import Counter

    from claims.detection import load_detector

    folder = shared_dir() / NEWS_CLAIMS_RELATIVE
    paths = sorted(folder.glob("*.jsonl"))
    if not paths:
        print(f"\nstatements: skipped, news-claims absent at {folder}")
        return

    def tokens(text: str) -> Counter:
        return Counter(re.findall(r"[a-z0-9]+", text.lower()))

    def token_f1(ours: str, gold: str) -> float:
        common = sum((tokens(ours) & tokens(gold)).values())
        if not common:
            return 0.0
        precision, recall = common / sum(tokens(ours).values()), common / sum(tokens(gold).values())
        return 2 * precision * recall / (precision + recall)

    detector = load_detector()
    scores, quoted = [], 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            published = datetime.date.fromisoformat(article["published_at"])
            found = {c.start: c for c in detector.extract(article["text"], published_at=published)}
            for sentence in article["sentences"]:
                claim = found.get(sentence["start"])
                if sentence["label"] == "C" and claim is not None:
                    scores.append(token_f1(claim.statement, sentence["statement"]))
                    quoted += bool(re.search(r"[\"\u201c\u201d]", claim.statement))
    raw = len(scores)
    print(
        f"\nstatements of the {raw} news dev-set claims found: token F1 against "
        f"the gold statement {sum(scores) / raw:.3f}, with a double quotation mark {quoted}"
    )


if __name__ == "__main__":
    sys.exit(main())
