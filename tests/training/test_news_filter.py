"""How the news filter's figures are counted: as the news scorer counts them."""

from training.news_filter import Article, Candidate, figures


def candidate(label: str, start: int, *, claimant: str = "", aliases=()) -> Candidate:
    return Candidate("", [], label, start, True, claimant, tuple(aliases))


def test_a_claim_split_in_two_counts_once_and_an_unreported_claim_counts_as_missed():
    article = Article("a", claims={0, 50, 90})
    article.candidates = [candidate("C", 0), candidate("C", 0), candidate("C", 50)]
    result = figures([article], [[True, True, False]])
    assert (result["tp"], result["fp"], result["fn"]) == (1, 0, 2)
    assert result["recall"] == 1 / 3


def test_a_reported_non_claim_or_unlabelled_sentence_is_a_false_alarm_and_borderline_is_not():
    article = Article("a", claims={0})
    article.candidates = [
        candidate("C", 0),
        candidate("N", 20),
        candidate("", 40),
        candidate("B", 60),
    ]
    result = figures([article], [[True, True, True, True]])
    assert (result["tp"], result["fp"]) == (1, 2)
    assert result["precision"] == 1 / 3


def test_the_claimant_is_right_when_the_name_and_an_alias_contain_one_another():
    article = Article("a", claims={0, 10, 20})
    article.candidates = [
        candidate("C", 0, claimant="sergey lavrov", aliases=["lavrov"]),
        candidate("C", 10, claimant="", aliases=["the ministry"]),
        candidate("C", 20),
    ]
    assert figures([article], [[True, True, True]])["claimant"] == 0.5
