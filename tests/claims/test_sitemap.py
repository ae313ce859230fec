"""The sitemap search engines read: every published fact-check, dated by its last correction."""

from datetime import UTC, datetime

import lxml.etree
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Verdict
from claims.services import verdict_correct, verdict_publish
from tests.api.publishing import draft_verdict, publish_verdict
from tests.factories import ArticleFactory, ClaimFactory

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _xpath(client, url: str, path: str) -> list[str]:
    response = client.get(url.replace("http://testserver", ""))
    assert response.status_code == 200
    return lxml.etree.fromstring(response.content).xpath(path, namespaces=NS)


def test_the_sitemap_lists_published_fact_checks_only(client, editor, reviewer, settings):
    published = publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    draft_verdict(ClaimFactory(), editor=editor, reviewer=reviewer)
    ClaimFactory()

    sections = _xpath(client, "/sitemap.xml", "//s:loc/text()")
    assert _xpath(client, "/sitemap-pages.xml", "//s:loc/text()") == ["http://testserver/"]
    (section,) = [url for url in sections if "fact-checks" in url]
    assert _xpath(client, section, "//s:loc/text()") == [
        f"http://testserver/claims/{published.pk}/"
    ]


def test_a_correction_dates_the_fact_check_in_the_sitemap(client, editor, reviewer):
    article = ArticleFactory(published_at=datetime(2024, 12, 1, tzinfo=UTC))
    claim = publish_verdict(ClaimFactory(article=article), editor=editor, reviewer=reviewer)
    Verdict.objects.filter(claim=claim).update(published_at=datetime(2025, 1, 5, tzinfo=UTC))
    assert _xpath(client, "/sitemap-fact-checks.xml", "//s:lastmod/text()") == ["2025-01-05"]

    verdict_correct(claim=claim, actor=editor, correction_note="New budget figures.")
    verdict_publish(claim=claim, actor=editor)

    corrected = claim.published_verdict.published_at.date().isoformat()
    assert corrected != "2025-01-05"
    assert _xpath(client, "/sitemap-fact-checks.xml", "//s:lastmod/text()") == [corrected]


def test_a_long_sitemap_is_split_in_pages_that_each_cost_the_same_queries(
    client, editor, reviewer, settings
):
    settings.CLAIM_TRACKER_SITEMAP_PAGE_SIZE = 2
    claims = [publish_verdict(ClaimFactory(), editor=editor, reviewer=reviewer) for _ in range(5)]

    sections = [
        url for url in _xpath(client, "/sitemap.xml", "//s:loc/text()") if "fact-checks" in url
    ]
    assert len(sections) == 3
    listed = []
    costs = []
    for section in sections:
        with CaptureQueriesContext(connection) as queries:
            listed += _xpath(client, section, "//s:loc/text()")
        costs.append(len(queries))
    assert listed == [f"http://testserver/claims/{claim.pk}/" for claim in claims]
    assert len(set(costs)) == 1
