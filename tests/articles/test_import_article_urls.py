"""import_articles with lines that carry only a url: the pages are fetched, failures reported
by line, and the run's progress counted on an import batch shown in the admin."""

import json

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleStatus, ImportBatch, ImportBatchStatus
from tests.articles.conftest import BUS_FARES, DREDGING
from tests.articles.ingest.test_ingest_extraction import EXPECTED

pytestmark = pytest.mark.django_db(transaction=True)

JOBS = {
    "title": "Jobs",
    "body": "Unemployment fell to 3.9 percent in March, the bureau said.",
}


def write_lines(tmp_path, records):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
    return path


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_lines_with_only_a_url_are_fetched_and_extracted(news_server, tmp_path, capsys):
    lines = [JOBS, {"url": news_server.url(DREDGING)}, {"url": news_server.url(BUS_FARES)}]

    call_command("import_articles", str(write_lines(tmp_path, lines)))

    assert "Imported 3 article(s); 0 line(s) failed." in capsys.readouterr().out
    fetched = Article.objects.exclude(url="").order_by("pk")
    assert [article.title for article in fetched] == [
        EXPECTED[DREDGING]["title"],
        EXPECTED[BUS_FARES]["title"],
    ]
    assert {article.status for article in Article.objects.all()} == {ArticleStatus.DONE}
    batch = ImportBatch.objects.get()
    assert (batch.total, batch.done, batch.failed, batch.status) == (
        3,
        3,
        0,
        ImportBatchStatus.FINISHED,
    )
    assert batch.articles.count() == 3


@pytest.mark.usefixtures("private_addresses_refused", "newsroom")
def test_a_page_that_cannot_be_fetched_is_reported_by_line_and_its_article_kept(
    news_server, tmp_path, capsys
):
    lines = [JOBS, {"url": news_server.url(DREDGING), "title": "Dredging"}]

    with pytest.raises(CommandError, match="1 line"):
        call_command("import_articles", str(write_lines(tmp_path, lines)))

    errors = capsys.readouterr().err
    assert f"line 2: {news_server.url(DREDGING)}: Could not fetch the page (permanent)" in errors
    assert "is a loopback address" in errors
    failed = Article.objects.get(url=news_server.url(DREDGING))
    assert (failed.title, failed.status) == ("Dredging", ArticleStatus.FAILED)
    assert Article.objects.get(title="Jobs").status == ArticleStatus.DONE


@pytest.mark.usefixtures("newsroom")
def test_import_progress_counts_good_and_bad_lines_on_the_batch(tmp_path, admin_client_for):
    lines = [JOBS, {"title": "No body"}, {"url": "gopher://example.org/story"}]

    with pytest.raises(CommandError, match="2 line"):
        call_command("import_articles", str(write_lines(tmp_path, lines)))

    batch = ImportBatch.objects.get()
    assert (batch.total, batch.done, batch.failed) == (3, 1, 2)
    listing = admin_client_for.get("/admin/articles/importbatch/")
    assert "3/3 lines (100%)" in listing.text


@pytest.mark.usefixtures("private_addresses_allowed", "newsroom")
def test_importing_the_same_address_twice_stores_one_article(news_server, tmp_path, capsys):
    lines = [{"url": news_server.url(DREDGING)}, {"url": news_server.url(DREDGING) + "#top"}]

    call_command("import_articles", str(write_lines(tmp_path, lines)))

    assert Article.objects.count() == 1
    assert [path for path, _ in news_server.seen] == [DREDGING]
