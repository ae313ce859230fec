"""Ranking figures the matcher is fitted and benchmarked by."""

from training.evaluation import average_precision, reciprocal_rank


def test_average_precision_rewards_the_relevant_claim_ranked_higher():
    assert average_precision([5, 1, 2], {5}) == 1.0
    assert average_precision([1, 5, 2], {5}) == 0.5
    assert average_precision([1, 2, 3, 4, 6, 5], {5}) == 0.0
    assert reciprocal_rank([1, 2, 5], {5}) == 1 / 3
