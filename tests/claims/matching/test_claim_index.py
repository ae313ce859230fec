import time

import pytest

from claims.matching import CONFIDENT_MATCH, SUGGEST_MATCH, ClaimIndex, Match

FACT_CHECKS = [
    (
        101,
        "Drinking hot water with lemon kills the coronavirus.",
        "Does Hot Lemon Water Kill the Coronavirus?",
    ),
    (
        102,
        "The 1969 Apollo 11 moon landing was staged in a film studio.",
        "Was the Moon Landing Faked?",
    ),
    (
        103,
        "Bill Gates plans to implant microchips in people through COVID-19 vaccines.",
        "Are COVID-19 Vaccines a Plot to Microchip People?",
    ),
    (
        104,
        "Wombats are herding animals into their burrows to escape the wildfires in Australia.",
        "Are Wombats Saving Animals from Australia Fires?",
    ),
    (
        105,
        "A photograph shows a shark swimming on a flooded highway in Houston after a hurricane.",
        "Shark on a Flooded Houston Freeway",
    ),
    (
        106,
        "The unemployment rate fell to 3.5 percent in September 2019, a 50-year low.",
        "Did Unemployment Hit a 50-Year Low?",
    ),
    (
        107,
        "Eating carrots greatly improves your night vision.",
        "Do Carrots Help You See in the Dark?",
    ),
    (
        108,
        "The Great Wall of China is visible from space with the naked eye.",
        "Can You See the Great Wall of China from Space?",
    ),
]


@pytest.fixture
def index() -> ClaimIndex:
    return ClaimIndex.build(FACT_CHECKS)


def best_key(index: ClaimIndex, query: str) -> int | None:
    matches = index.search(query)
    return matches[0].key if matches else None


def test_tweet_with_hashtags_links_and_handles_finds_the_checked_claim(index):
    tweet = (
        "RT @HealthNut: Hot water + lemon KILLS the #Coronavirus, share before they delete this!! "
        "#StaySafe https://t.co/AbC123 — Jane Doe (@janedoe) March 3, 2020"
    )
    assert best_key(index, tweet) == 101


def test_paraphrase_of_a_checked_claim_is_found(index):
    assert best_key(index, "They faked the Apollo moon landings on a Hollywood set") == 102
    assert best_key(index, "Gates wants to put a microchip in everyone with the vaccine") == 103


def test_camel_case_hashtags_are_read_as_words(index):
    assert best_key(index, "#WombatHeroes sheltering animals from the #AustraliaFires") == 104


def test_numbers_and_unicode_punctuation_do_not_block_a_match(index):
    query = "Unemployment at 3.5% \u2014 the lowest in 50 years \u201cas of September\u201d"
    assert best_key(index, query) == 106


def test_matches_come_best_first_with_confidences_between_zero_and_one(index):
    matches = index.search("Can the Great Wall of China be seen from space?", limit=3)
    assert matches[0].key == 108
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(isinstance(m, Match) and 0.0 <= m.confidence <= 1.0 for m in matches)
    assert len(matches) <= 3


RIVAL_CHECKS = [
    (
        301,
        "Blueberry extract restores eyesight in people with glaucoma.",
        "Blueberries and Eyesight",
    ),
    (302, "British pilots in World War II owed their night victories to radar.", "Night Radar"),
    (303, "Eating raw carrots every day cures diabetes.", "Do Carrots Cure Diabetes?"),
    (304, "Doctors say reading in dim light permanently damages your vision.", "Dim Light"),
]


def test_a_close_restatement_is_a_confident_match():
    # Confidence weighs the best match against its rivals, as in a real collection of checks.
    index = ClaimIndex.build(FACT_CHECKS + RIVAL_CHECKS)
    matches = index.search("Eating lots of carrots greatly improves your night vision #health")
    assert matches[0].key == 107
    assert matches[0].confidence >= CONFIDENT_MATCH


def test_unrelated_claim_gets_low_confidence(index):
    matches = index.search("The city council approved a new budget for road repairs on Tuesday")
    assert all(match.confidence < SUGGEST_MATCH for match in matches)


def test_thresholds_order_suggestions_below_confident_matches():
    assert 0.0 < SUGGEST_MATCH < CONFIDENT_MATCH < 1.0


def test_repeat_of_the_only_known_claim_is_confident():
    index = ClaimIndex.build([(1, "The moon landing was filmed in a Hollywood studio.", "")])
    (match,) = index.search("Reminder: the moon landing was filmed in a Hollywood studio!")
    assert match.key == 1
    assert match.confidence >= CONFIDENT_MATCH


def test_lone_candidate_sharing_one_word_is_not_even_suggested():
    index = ClaimIndex.build([(1, "The moon landing was filmed in a Hollywood studio.", "")])
    matches = index.search("Hollywood actors go on strike over streaming pay")
    assert all(match.confidence < SUGGEST_MATCH for match in matches)


def test_claim_sharing_only_one_common_word_is_not_confident(index):
    matches = index.search("A new photograph of the president's dog went viral")
    assert all(match.confidence < CONFIDENT_MATCH for match in matches)


def test_added_claim_becomes_searchable(index):
    index.add(200, "Finland is giving every citizen a basic income of 560 euros a month.")
    assert 200 in index
    assert len(index) == len(FACT_CHECKS) + 1
    assert best_key(index, "finland basic income 560 euros for all citizens") == 200


def test_removed_claim_is_never_returned(index):
    index.remove(107)
    assert 107 not in index
    assert len(index) == len(FACT_CHECKS) - 1
    matches = index.search("Eating carrots greatly improves your night vision.")
    assert all(match.key != 107 for match in matches)


def test_removing_an_unknown_key_changes_nothing(index):
    index.remove(999)
    assert len(index) == len(FACT_CHECKS)


def test_adding_an_existing_key_replaces_its_text(index):
    index.add(105, "Video shows a crocodile walking through a flooded street in Florida.")
    assert len(index) == len(FACT_CHECKS)
    assert best_key(index, "crocodile walking through flooded Florida street") == 105
    stale = index.search("shark on a Houston highway after a hurricane")
    assert all(match.key != 105 for match in stale)


def test_build_keeps_the_last_text_of_a_repeated_key():
    index = ClaimIndex.build(
        [(1, "Cats can see in total darkness.", ""), (1, "Owls can turn heads.", "")]
    )
    assert len(index) == 1
    assert best_key(index, "owls turn their heads") == 1
    assert index.search("cats see in darkness") == []


def test_many_removals_compact_the_index_without_losing_claims():
    index = ClaimIndex.build(
        (key, f"Claim number {key} about topic{key}", "") for key in range(3000)
    )
    for key in range(2500):
        index.remove(key)
    assert len(index) == 500
    assert best_key(index, "topic2999") == 2999
    index.add(7, "A fresh claim about topic7", "")
    assert best_key(index, "topic7") == 7


def test_empty_index_returns_no_matches():
    index = ClaimIndex()
    assert len(index) == 0
    assert 1 not in index
    assert index.search("Vaccines cause autism") == []


def test_empty_and_stopword_only_queries_return_no_matches(index):
    assert index.search("") == []
    assert index.search("   \n\t ") == []
    assert index.search("the of and is it") == []
    assert index.search("https://t.co/xyz @someone") == []


def test_garbage_query_does_not_fail(index):
    for garbage in ("\x00\x01\x02", "!!!???...", "\U0001f525\U0001f525\U0001f525", "a" * 5000):
        assert isinstance(index.search(garbage), list)


def test_zero_limit_returns_nothing(index):
    assert index.search("moon landing faked", limit=0) == []


def test_megabyte_query_answers_quickly(index):
    huge = "moon landing staged studio " * 40_000
    started = time.perf_counter()
    matches = index.search(huge)
    assert time.perf_counter() - started < 2.0
    assert matches[0].key == 102


def test_non_latin_claims_are_matched():
    index = ClaimIndex.build(
        [
            (1, "Путин объявил мобилизацию студентов", ""),
            (2, "Ζάχαρη προκαλεί καρκίνο", ""),
            (3, "La vacuna contiene grafeno", ""),
        ]
    )
    assert best_key(index, "Правда, что Путин объявил мобилизацию студентов?") == 1
    assert best_key(index, "¿La vacuna contiene grafeno? #bulo") == 3
