import json
import tracemalloc

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, ArticleStatus, ImportBatch, ImportBatchStatus


def _write(tmp_path, lines: list[str]):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = {
    "title": "Budget passes",
    "body": "The council approved a $412.6 million budget on Tuesday, the clerk said.",
    "url": "https://example.org/news/budget",
    "outlet": "The Example Tribune",
    "author": "Ana Ruiz",
    "published_at": "2025-12-10T08:00:00Z",
}


@pytest.mark.django_db(transaction=True)
def test_importing_a_file_stores_every_article_and_extracts_its_claims(tmp_path, capsys):
    second = {
        "title": "Jobs",
        "body": "Unemployment fell to 3.9 percent in March, the bureau said.",
    }
    call_command("import_articles", str(_write(tmp_path, [json.dumps(GOOD), json.dumps(second)])))
    assert "Imported 2 article(s); 0 line(s) failed." in capsys.readouterr().out
    article = Article.objects.get(url=GOOD["url"])
    assert (article.outlet, article.author, article.published_at.year) == (
        "The Example Tribune",
        "Ana Ruiz",
        2025,
    )
    assert article.status == ArticleStatus.DONE
    assert article.claims.exists()


@pytest.mark.django_db(transaction=True)
def test_bad_lines_are_reported_by_number_and_the_good_ones_kept(tmp_path, capsys):
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps(["a", "list"]),
        json.dumps({**GOOD, "url": "https://example.org/2", "published_at": "yesterday"}),
        json.dumps({**GOOD, "url": "javascript:alert(1)"}),
        json.dumps({**GOOD, "url": "https://example.org/3", "colour": "red"}),
    ]
    with pytest.raises(CommandError, match="6 line"):
        call_command("import_articles", str(_write(tmp_path, lines)))
    errors = capsys.readouterr().err
    assert "line 2: not valid JSON" in errors
    assert "line 3: missing body" in errors
    assert "line 4: each line must be a JSON object" in errors
    assert "line 5: published_at" in errors
    assert "line 6: url:" in errors
    assert "line 7: unknown field(s): colour" in errors
    assert "Imported 1 article(s); 6 line(s) failed." in errors
    assert list(Article.objects.values_list("url", flat=True)) == [GOOD["url"]]


@pytest.mark.django_db
def test_a_missing_file_is_one_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_articles", str(tmp_path / "absent.jsonl"))


@pytest.mark.django_db
def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n\xff\xfe\n")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_articles", str(path))
    assert not Article.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_line_separators_inside_json_strings_do_not_split_a_line(tmp_path, capsys):
    body = "The council approved a $412.6 million budget.\u2028The clerk said so.\u0085Done."
    lines = [json.dumps({**GOOD, "body": body}, ensure_ascii=False), "{not json"]
    with pytest.raises(CommandError, match="1 line"):
        call_command("import_articles", str(_write(tmp_path, lines)), "--no-progress")
    errors = capsys.readouterr().err
    assert "line 2: not valid JSON" in errors
    assert "line 1" not in errors
    assert Article.objects.get(url=GOOD["url"]).body == body.replace("\u2028", "\n").replace(
        "\u0085", "\n"
    )


@pytest.mark.django_db(transaction=True)
def test_a_lone_surrogate_in_a_line_does_not_stop_the_import(tmp_path, capsys):
    lines = [
        json.dumps({**GOOD, "body": GOOD["body"] + " \ud800", "title": "Half \udfff"}),
        json.dumps({"title": "Jobs", "body": "Unemployment fell to 3.9 percent, they said."}),
        "{not json",
    ]
    with pytest.raises(CommandError, match="1 line"):
        call_command("import_articles", str(_write(tmp_path, lines)), "--no-progress")
    assert "line 3: not valid JSON" in capsys.readouterr().err
    assert Article.objects.get(url=GOOD["url"]).title == "Half \ufffd"
    assert Article.objects.filter(title="Jobs").exists()
    batch = ImportBatch.objects.get()
    assert (batch.status, batch.done, batch.failed) == (ImportBatchStatus.FINISHED, 2, 1)


@pytest.mark.django_db(transaction=True)
def test_the_import_batch_ends_even_when_the_import_breaks(tmp_path, monkeypatch):
    def broken(**fields):
        raise RuntimeError("disk full")

    monkeypatch.setattr("articles.importing.article_receive", broken)
    with pytest.raises(RuntimeError):
        call_command("import_articles", str(_write(tmp_path, [json.dumps(GOOD)])), "--no-progress")
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatchStatus.FAILED
    assert batch.finished_at is not None


@pytest.mark.django_db(transaction=True)
def test_a_large_file_is_read_line_by_line_not_into_memory(tmp_path, capsys):
    path = tmp_path / "large.jsonl"
    with path.open("w", encoding="utf-8") as file:
        file.write(json.dumps(GOOD) + "\n")
        for _ in range(200):
            file.write(" " * 100_000 + "\n")  # 20 MB of blank lines
        file.write("{not json\n")
    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="1 line"):
            call_command("import_articles", str(path), "--no-progress")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "line 202: not valid JSON" in capsys.readouterr().err
    assert peak < 8_000_000, peak
