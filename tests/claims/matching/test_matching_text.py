from claims.matching.stemmer import stem
from claims.matching.text import clean, terms


def test_links_handles_and_retweet_marks_are_dropped_and_hashtags_split():
    text = clean("RT @user: Big news #StopTheSteal https://t.co/abc pic.twitter.com/xyz")
    assert "http" not in text
    assert "pic.twitter" not in text
    assert "RT" not in text
    assert "Stop The Steal" in text


def test_handles_keep_the_name_they_spell():
    assert terms("@BetoORourke") == ["beto", "o", "rourk"]


def test_link_glued_to_a_hashtag_is_still_removed():
    assert terms("#Minecrafthttps://t.co/V4Lzv97qOc") == ["minecraft"]


def test_inflections_meet_at_one_stem():
    assert stem("vaccines") == stem("vaccine") == stem("vaccinated")
    assert stem("running") == "run"
    assert stem("ponies") == "poni"
    assert stem("relational") == "relat"


def test_stopwords_and_possessives_are_not_terms():
    assert terms("Trump's claim is that the wall's cost was paid") == [
        "trump",
        "claim",
        "wall",
        "cost",
        "paid",
    ]


def test_curly_apostrophes_read_like_straight_ones():
    assert terms("McDonald\u2019s fries") == terms("McDonald's fries")
