"""Spotting the same article twice, by text or by address, and naming its language."""

import pytest

from articles.ingest import body_fingerprint, canonicalise_url, detect_language, normalise_body

STORY = (
    "The cost of dredging the outer harbour channel has risen to £243 million \u2014 almost a "
    "third more than budgeted.\n\n\u201cWe got the survey wrong,\u201d council leader Sandra "
    "Pryce said. \u2018Stopping now\u2019 would cost more."
)


def test_retypeset_copy_of_a_story_has_the_same_fingerprint():
    syndicated = (
        "THE COST OF DREDGING THE OUTER HARBOUR CHANNEL HAS RISEN TO £243 MILLION - ALMOST A "
        'THIRD MORE THAN BUDGETED.   "We got the survey wrong," council leader Sandra\u00a0Pryce '
        "said. 'Stopping now' would co\u00adst more."
    )

    assert body_fingerprint(syndicated) == body_fingerprint(STORY)


def test_changing_a_figure_changes_the_fingerprint():
    corrected = STORY.replace("£243 million", "£234 million")

    assert body_fingerprint(corrected) != body_fingerprint(STORY)


def test_fingerprint_is_the_sha256_of_the_normalised_body():
    import hashlib

    expected = hashlib.sha256(normalise_body(STORY).encode()).hexdigest()

    assert body_fingerprint(STORY) == expected
    assert len(expected) == 64


def test_normalised_body_folds_width_quotes_dashes_whitespace_and_case():
    assert (
        normalise_body("  \uff21\uff22C\u2013\u201cd\u201d\n\n\u2019e\u2019\tF ")
        == "abc-\"d\" 'e' f"
    )


@pytest.mark.parametrize(
    ("spelled", "canonical"),
    [
        (
            "HTTPS://WWW.HarbourGazette.co.uk:443/news/port-4471?utm_source=rss&utm_medium=feed",
            "https://www.harbourgazette.co.uk/news/port-4471",
        ),
        (
            "http://northernledger.com:80/health/story/?fbclid=IwAR0x&page=2#comments",
            "http://northernledger.com/health/story/?page=2",
        ),
        (
            "https://www.valleycourier.com/search?q=bus+fares&gclid=Cj0&section=local&UTM_Campaign=x",
            "https://www.valleycourier.com/search?q=bus+fares&section=local",
        ),
        ("https://example.org", "https://example.org/"),
        ("https://example.org:8443/a?b=2&a=1", "https://example.org:8443/a?a=1&b=2"),
    ],
)
def test_every_spelling_of_an_article_address_has_one_canonical_form(spelled, canonical):
    assert canonicalise_url(spelled) == canonical


def test_repeated_query_parameters_keep_their_order():
    assert (
        canonicalise_url("https://x.org/p?tag=b&id=3&tag=a") == "https://x.org/p?id=3&tag=b&tag=a"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "The minister said on Tuesday that the defence budget would rise by 3 percent next "
            "year, the largest increase in a decade.",
            "en",
        ),
        (
            "Le gouvernement a annoncé mardi une hausse de 3 % du budget de la défense, selon le "
            "ministre des Armées.",
            "fr",
        ),
        (
            "Die Bundesregierung hat am Dienstag angekündigt, den Verteidigungshaushalt im "
            "kommenden Jahr um drei Prozent zu erhöhen.",
            "de",
        ),
        (
            "El Gobierno anunció el martes que el presupuesto de defensa aumentará un 3 % el "
            "próximo año, según el ministerio.",
            "es",
        ),
    ],
)
def test_language_of_a_news_paragraph_is_named_by_its_iso_639_1_code(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "OK", "12 345 678 / 2024", "Paris, France"])
def test_language_is_unknown_when_the_text_is_too_short_or_has_no_words(text):
    assert detect_language(text) is None
