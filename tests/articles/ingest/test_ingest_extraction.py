"""Article text and metadata from real-looking news pages, fetched from a local server."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from articles.ingest import ExtractionError, extract_article, fetch_url

DREDGING = "/news/politics/port-dredging-bill-overspend-4471"
WAITING_LISTS = "/health/2024/05/09/waiting-list-claim-figures/"
BUS_FARES = "/news/local/school-bus-fares-rise-september"
RENTS = "/lyon/logement/loyers-hausse-observatoire-2023_58213"

EXPECTED = {
    DREDGING: {
        "title": "Port dredging bill tops £240m as council admits overspend",
        "author": "Eleanor Whitcombe",
        "outlet": "The Harbour Gazette",
        "canonical_url": "https://www.harbourgazette.co.uk/news/politics/port-dredging-bill-overspend-4471",
        "published_at": datetime(2024, 3, 12, 7, 45, tzinfo=UTC),
        "language": "en",
    },
    WAITING_LISTS: {
        "title": (
            "Minister's claim that waiting lists halved does not add up, official figures show"
        ),
        "author": "Priya Raman",
        "outlet": "The Northern Ledger",
        "canonical_url": "https://northernledger.com/health/2024/05/09/waiting-list-claim-figures/",
        "published_at": datetime(2024, 5, 9, 15, 20, tzinfo=UTC),
        "language": "en",
    },
    BUS_FARES: {
        "title": "School bus fares to rise 18% from September",
        "author": "Tomás Ferreira",
        "outlet": "Valley Courier",
        "canonical_url": "https://www.valleycourier.com/news/local/school-bus-fares-rise-september",
        "published_at": datetime(2023, 8, 21, 14, 30, tzinfo=UTC),
        "language": "en",
    },
    RENTS: {
        "title": "Lyon : le prix des loyers a augmenté de 7 % en un an, selon l'observatoire",
        "author": "Camille Besson",
        "outlet": "Le Courrier du Rhône",
        "canonical_url": (
            "https://www.courrierdurhone.fr/lyon/logement/loyers-hausse-observatoire-2023_58213"
        ),
        "published_at": datetime(2024, 2, 3, 17, 0, tzinfo=UTC),
        "language": "fr",
    },
}

# Sentences from inside each story, and furniture from around it.
STORY_TEXT = {
    DREDGING: [
        "has risen to £243 million, almost a third more than the £182 million budget",
        '"We got the survey wrong, and we have said so," council leader Sandra Pryce',
        "release a further £40 million from reserves on 26 March.",
    ],
    WAITING_LISTS: [
        "812,400 people were waiting for planned hospital treatment",
        "overstates the improvement roughly fourfold",
        "It had not responded at the time of publication.",
    ],
    BUS_FARES: [
        "A full-year pass will cost $342, up from $290.",
        # Typographic quotes from the page's windows-1252 bytes survive decoding.
        "\u201cWe held fares flat through the pandemic and we can\u2019t do that forever,\u201d",
        "Parent José Ramírez, whose two children ride the Pine Ridge route",
    ],
    RENTS: [
        "Les loyers du parc privé ont augmenté de 7 % en moyenne",
        "Un studio se loue en moyenne 19,80 euros par mètre carré",
        "a baissé de 11 % entre 2018 et 2023",
    ],
}
FURNITURE = {
    DREDGING: [
        "Accept all cookies",
        "Share on Facebook",
        "Advertisement",
        "Westmouth Motors",
        "Related stories",
        "Ferry operator threatens to leave",
        "Sign up for our free morning briefing",
        "Join the conversation",
        "Nobody at the council will lose their job",
        "Most read",
        "What's On",
        "All rights reserved",
    ],
    WAITING_LISTS: [
        "Subscribe from £1 a week",
        "Share on WhatsApp",
        "Read more",
        "Ambulance response times worst in England",
        "Advertisement",
        "You've read 3 of 5 free articles",
        "Sign up to The Ledger Daily",
        "You may also like",
        "Ten coastal walks",
        "Comments are open for 48 hours",
        "Registered in England",
    ],
    BUS_FARES: [
        "Print this story",
        "E-mail to a friend",
        "Obituaries",
        "Miller's Hardware",
        "More local stories",
        "Library to cut Sunday hours",
        "You must be logged in to post a comment",
        "Another year, another rise",
        "Copyright",
    ],
    RENTS: [
        "Accepter et fermer",
        "cookies",
        "Publicité",
        "Partager sur Facebook",
        "À lire aussi",
        "un bilan mitigé après trois ans",
        "inscrivez-vous à notre newsletter",
        "Réagir à cet article",
        "Sur le même sujet",
        "Gratte-Ciel",
        "Mentions légales",
    ],
}


def fetched_article(news_server, path):
    fetched = fetch_url(news_server.url(path))
    return extract_article(fetched.body, url=fetched.final_url)


@pytest.mark.usefixtures("private_addresses_allowed")
@pytest.mark.parametrize("path", list(EXPECTED))
def test_each_outlets_page_yields_its_title_author_outlet_address_date_and_language(
    news_server, path
):
    article = fetched_article(news_server, path)

    found = {field: getattr(article, field) for field in EXPECTED[path]}
    assert found == EXPECTED[path]
    assert article.published_at.utcoffset() is not None


@pytest.mark.usefixtures("private_addresses_allowed")
@pytest.mark.parametrize("path", list(EXPECTED))
def test_story_text_is_kept_and_the_page_furniture_around_it_is_not(news_server, path):
    body = fetched_article(news_server, path).body

    for sentence in STORY_TEXT[path]:
        assert sentence in body
    leaked = [phrase for phrase in FURNITURE[path] if phrase.casefold() in body.casefold()]
    assert leaked == []


@pytest.mark.usefixtures("private_addresses_allowed")
def test_paragraphs_are_separated_by_a_blank_line_and_not_broken_inside(news_server):
    body = fetched_article(news_server, BUS_FARES).body

    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 6
    assert all("\n" not in paragraph for paragraph in paragraphs)
    assert paragraphs[0].startswith("Families in Harlan County will pay 18% more")
    assert paragraphs[-1].endswith("will continue to travel free, the county said.")


@pytest.mark.usefixtures("private_addresses_allowed")
def test_headline_is_the_title_and_not_repeated_as_the_first_paragraph(news_server):
    article = fetched_article(news_server, DREDGING)

    first_paragraph = article.body.split("\n\n")[0]
    assert article.title not in article.body
    assert first_paragraph.startswith("Council leaders say rising fuel costs")


def test_page_given_as_text_with_only_a_url_uses_that_url_as_its_address():
    html = """<html lang="en"><head><title>Bridge repair delayed again</title></head><body>
    <article><h1>Bridge repair delayed again</h1>
    <p>Repairs to the Old Mill bridge will not start until October, the county said on Friday.</p>
    <p>The bridge has been closed to vehicles since an inspection found cracked bearings.</p>
    <p>Engineers estimate the repairs will cost $2.4 million, twice the figure given in March.</p>
    </article></body></html>"""

    article = extract_article(html, url="https://news.example.org/bridge?id=7")

    assert article.title == "Bridge repair delayed again"
    assert article.canonical_url == "https://news.example.org/bridge?id=7"
    assert article.body.count("\n\n") == 2
    assert article.published_at is None
    assert article.author is None


def test_publication_time_without_a_zone_is_taken_as_utc():
    html = """<html><head>
    <meta property="article:published_time" content="2024-06-01T08:15:00">
    <link rel="canonical" href="/politics/budget-vote">
    </head><body><article>
    <p>The city council approved a budget of 1.2 billion dollars on Friday after a debate that
    lasted eleven hours, the longest in its history according to the clerk's office.</p>
    <p>The vote was 7 to 4. Two members who had opposed the plan in committee changed sides after
    amendments restored funding for the public library system and for street lighting.</p>
    </article></body></html>"""

    article = extract_article(html, url="https://citypaper.example/home")

    assert article.published_at == datetime(2024, 6, 1, 8, 15, tzinfo=UTC)
    assert article.canonical_url == "https://citypaper.example/politics/budget-vote"


def test_json_ld_date_wins_over_open_graph_and_keeps_its_offset():
    html = """<html><head>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
      "headline": "Rail strike called off", "datePublished": "2024-09-02T06:00:00+02:00",
      "author": "Marta Nowak"}</script>
    <meta property="article:published_time" content="2024-09-03T10:00:00Z">
    </head><body><article>
    <p>A national rail strike planned for Thursday has been called off after unions and the operator
    reached an agreement on pay late on Sunday night, both sides said in a joint statement.</p>
    <p>The deal gives drivers a 6.5% rise this year and a further 4% next year, the union said.</p>
    </article></body></html>"""

    article = extract_article(html)

    assert article.published_at == datetime(2024, 9, 2, 6, 0, tzinfo=timezone(timedelta(hours=2)))
    assert article.author == "Marta Nowak"


def test_page_without_an_article_raises_a_clear_extraction_error():
    html = """<html><head><title>Page not found | The Harbour Gazette</title></head><body>
    <nav><a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <h1>Sorry, we couldn't find that page</h1>
    <footer>&copy; 2024 Harbour Gazette Media Ltd.</footer></body></html>"""

    with pytest.raises(ExtractionError, match="no article text found"):
        extract_article(html, url="https://www.harbourgazette.co.uk/missing")


def test_empty_page_raises_an_extraction_error():
    with pytest.raises(ExtractionError, match="empty"):
        extract_article(b"")


def test_story_container_named_after_furniture_is_still_extracted():
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in [
            "The regional water company will raise bills by 9% from April, its chief said.",
            "The increase adds about £41 a year to the average household bill, the regulator said.",
            "The company blamed higher energy costs and a £1.1 billion sewage upgrade programme.",
            "Campaigners said the company had paid out £180 million in dividends over two years.",
            "The regulator will publish its final decision on the company's business plan in June.",
        ]
    )
    html = f"""<html><body>
    <div class="share-tools"><a href="#">Share on Facebook</a></div>
    <div class="article-body js-share-tracking">{paragraphs}</div>
    <div class="related-links"><a href="/x">Reservoir levels fall again</a></div>
    <div class="about"><p>The Wessex Echo has served readers across the county since 1887. We are
    an independent newsroom funded by our readers and by local advertisers, and we are regulated
    by the independent press standards organisation. Our journalists live and work locally.</p>
    </div></body></html>"""

    body = extract_article(html).body

    assert body.startswith("The regional water company will raise bills by 9% from April")
    assert "Share on Facebook" not in body
    assert "Reservoir levels" not in body
    assert "since 1887" not in body
