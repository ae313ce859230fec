"""Quality on the public CheckThat! 2022 claim-matching dev split (skips without shared data)."""

import pytest

from claims.matching import CONFIDENT_MATCH, ClaimIndex
from training import matching_data
from training.evaluation import evaluate

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(
        not matching_data.available(),
        reason=f"claim-matching data not found under {matching_data.claim_matching_dir()} "
        "(set CLAIM_TRACKER_SHARED_DIR)",
    ),
]


@pytest.fixture(scope="module")
def benchmark() -> matching_data.Benchmark:
    return matching_data.load("ct2022_2a_en")


@pytest.fixture(scope="module")
def index(benchmark) -> ClaimIndex:
    return ClaimIndex.build(benchmark.documents())


def test_dev_tweets_find_their_fact_check_with_map_at_5_above_0_88(benchmark, index):
    scores = evaluate(
        lambda query: [match.key for match in index.search(query)],
        benchmark.queries["dev"],
        benchmark.relevant["dev"],
    )
    assert scores.queries == 199
    assert scores.map_at_5 > 0.88
    assert scores.precision_at_1 > 0.85


def test_confident_matches_on_dev_are_nearly_always_right(benchmark, index):
    relevant = benchmark.relevant["dev"]
    confident = correct = 0
    for query_id, text in benchmark.queries["dev"]:
        matches = index.search(text, limit=1)
        if matches and matches[0].confidence >= CONFIDENT_MATCH:
            confident += 1
            correct += matches[0].key in relevant[query_id]
    assert confident >= 100
    assert correct / confident >= 0.93
