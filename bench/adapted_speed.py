"""How fast a newsroom-adapted detector runs, next to the shipped one measured in the same run.

    python bench/adapted_speed.py [--articles N] [--decisions 90 500] [--rounds 3] [--profile]

An editor's promotion swaps the shipped model for one adapted to the newsroom's decisions
(``claims/detection/adaptation.py``): the same network with a fine-tuned last layer, plus a
weight per hashed n-gram of the decisions. This measures what that costs. The adapted models
are taught, as ``detector_retrain`` teaches them, from ``--decisions`` labelled sentences of the
news-claims dev set (a fixed random draw) with 1,500 CT24 train sentences as anchors. Articles
are those of ``bench/detection_speed.py`` (CT24 sentences, ~1,000 words each). Figures printed,
for each model:

- the whole pipeline (``Detector.analyse``) in sentences per second on one core;
- the model scoring alone, in the pipeline's batches (one article's candidate sentences);
- the ratio of each to the shipped model's rate in the same run (the target is >= 0.9);
- the time to load the model from the bytes the database stores (as every worker does after a
  promotion), and the memory it holds once loaded.

Rates are the best of ``--rounds`` rounds, the models taking turns, in CPU time of this
process, so that other load on the machine neither counts nor favours one model. ``--profile``
adds where the largest adapted model's scoring time goes (cProfile). Skips, saying so in one
line, when the shared data (``../shared``) is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from bench.detection_speed import build_articles, clear_caches, cpu_model  # noqa: E402
from claims.detection import Detector, split_sentences  # noqa: E402
from claims.detection.adaptation import adapt  # noqa: E402
from claims.detection.checkworthiness import CheckworthinessModel  # noqa: E402
from claims.detection.layout import candidate_flags  # noqa: E402
from claims.detection.shared_data import (  # noqa: E402
    CT24_RELATIVE,
    NEWS_CLAIMS_RELATIVE,
    load_ct24,
    load_news_sentences,
    shared_dir,
)

TARGET_RATIO = 0.9
# As many anchors as claims/services/learning.py gives a retrain (ANCHOR_SENTENCES).
ANCHORS = 1500


def cpu_seconds(work: Callable[[], object]) -> float:
    clear_caches()
    started = time.process_time()
    work()
    return time.process_time() - started


def loaded_cost(data: bytes) -> tuple[float, int, int]:
    """(best seconds to load ``data``, bytes the loaded model holds, peak bytes while loading)."""
    best = min(
        cpu_seconds(lambda: CheckworthinessModel.from_bytes(data, name="bench")) for _ in range(3)
    )
    gc.collect()
    tracemalloc.start()
    model = CheckworthinessModel.from_bytes(data, name="bench")
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del model
    return best, held, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150, help="articles to analyse")
    parser.add_argument(
        "--decisions", type=int, nargs="+", default=[90, 500], help="decisions per adapted model"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rounds; the best one counts")
    parser.add_argument("--profile", action="store_true", help="profile the adapted scoring")
    arguments = parser.parse_args()

    folder = shared_dir()
    news_folder, ct24_path = folder / NEWS_CLAIMS_RELATIVE, folder / CT24_RELATIVE
    if not news_folder.is_dir() or not ct24_path.is_file():
        print(f"skipped: the news-claims dev set and CT24 are not both in {folder}")
        return

    ct24 = load_ct24(ct24_path)
    sentences = [text.strip() for split in ct24.values() for text, _ in split if text.strip()]
    articles = build_articles(sentences)[: arguments.articles]
    texts = [s.text for article in articles for s in split_sentences(article)]
    # The pipeline scores one article's candidate sentences at a time: so does "scoring alone".
    batches = [
        [s.text for s, flag in zip(found, candidate_flags(article, found), strict=True) if flag]
        for article in articles
        for found in [split_sentences(article)]
    ]
    train = [text for text, _ in ct24.get("train", [])]
    anchors = train[:: max(len(train) // ANCHORS, 1)][:ANCHORS]
    news = load_news_sentences(news_folder)

    shipped = CheckworthinessModel.load()
    models: dict[str, CheckworthinessModel] = {"shipped": shipped}
    for count in arguments.decisions:
        decisions = random.Random(7).sample(news, min(count, len(news)))
        seconds = time.process_time()
        models[f"adapted, {len(decisions)} decisions"] = adapt(shipped, decisions, anchors=anchors)
        seconds = time.process_time() - seconds
        correction = models[f"adapted, {len(decisions)} decisions"].correction
        taught = 0 if correction is None else len(correction.buckets)
        print(f"taught {len(decisions)} decisions in {seconds:.1f} s: {taught:,} n-gram weights")

    print(f"machine: {cpu_model()}; one process, CPU time of one core")
    print(
        f"corpus: {len(articles)} articles, {len(texts):,} sentences "
        f"({sum(map(len, batches)):,} scored); anchors: {len(anchors)} CT24 train sentences\n"
    )

    pipeline: dict[str, float] = dict.fromkeys(models, 0.0)
    scoring: dict[str, float] = dict.fromkeys(models, 0.0)
    detectors = {name: Detector(model) for name, model in models.items()}
    scored = sum(map(len, batches))
    for _ in range(arguments.rounds):
        for name, detector in detectors.items():
            seconds = cpu_seconds(lambda d=detector: [d.analyse(a) for a in articles])
            pipeline[name] = max(pipeline[name], len(texts) / seconds)
            seconds = cpu_seconds(lambda d=detector: [d.score_sentences(b) for b in batches])
            scoring[name] = max(scoring[name], scored / seconds)

    print(f"{'':28} {'pipeline':>10} {'ratio':>6}   {'scoring':>10} {'ratio':>6}")
    for name in models:
        pipeline_ratio = pipeline[name] / pipeline["shipped"]
        verdict = "" if name == "shipped" else (" ok" if pipeline_ratio >= TARGET_RATIO else " LOW")
        print(
            f"{name:28} {pipeline[name]:>10,.0f} {pipeline_ratio:>6.2f}   "
            f"{scoring[name]:>10,.0f} {scoring[name] / scoring['shipped']:>6.2f}{verdict}"
        )
    print(f"(sentences/s; target: an adapted pipeline at >= {TARGET_RATIO} of the shipped one's)\n")

    print(
        f"{'loading from the stored bytes':28} {'file':>10} {'load':>8} {'held':>10} {'peak':>10}"
    )
    for name, model in models.items():
        data = model.to_bytes()
        seconds, held, peak = loaded_cost(data)
        print(
            f"{name:28} {len(data) / 1e6:>8.1f}MB {seconds * 1000:>6.0f}ms "
            f"{held / 1e6:>8.1f}MB {peak / 1e6:>8.1f}MB"
        )

    if arguments.profile:
        name = list(models)[-1]
        print(f"\nwhere the scoring time of '{name}' goes (cProfile, by own time):")
        detector = detectors[name]
        profile = cProfile.Profile()
        profile.runcall(lambda: [detector.score_sentences(b) for b in batches])
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
