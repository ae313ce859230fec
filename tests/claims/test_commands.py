import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

REPO = Path(__file__).resolve().parents[2]


def _manage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "manage.py"), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def test_extract_claims_prints_the_sample_articles_claims_as_json(sample_article_text, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(sample_article_text, encoding="utf-8")
    result = _manage(
        "extract_claims", str(path), "--published-at", "2019-06-05", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    claims = json.loads(result.stdout)["claims"]
    by_text = {claim["text"]: claim for claim in claims}
    space_force = next(claim for text, claim in by_text.items() if "Space Force" in text)
    assert space_force["claimant"] == "Foreign Policy"
    assert sample_article_text[space_force["start"] : space_force["end"]] == space_force["text"]
    assert {"text", "start", "end", "score", "claimant", "statement"} <= set(space_force)
    assert space_force["statement"].endswith("as a separate branch of the armed services.")
    assert "it said" not in space_force["statement"]
    assert not any("crescent moon" in text for text in by_text)


def test_extract_claims_touches_no_database(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The budget rose 4 percent in 2023, the mayor said.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(REPO / "manage.py"), "extract_claims", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"},
    )
    assert result.returncode == 0, result.stderr
    assert "claims" in json.loads(result.stdout)


def test_extract_claims_reports_a_missing_file_in_one_line(tmp_path):
    result = _manage("extract_claims", str(tmp_path / "absent.txt"))
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "no such file" in result.stderr


def test_extract_claims_refuses_a_bad_publication_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("extract_claims", str(path), "--published-at", "June 5")


def test_score_sentences_prints_a_score_and_a_decision_per_line(tmp_path, capsys):
    path = tmp_path / "sentences.txt"
    path.write_text(
        "Unemployment fell to 3.9 percent in March 2024, the lowest rate since 1969.\n"
        "Thank you all for coming tonight.\n",
        encoding="utf-8",
    )
    call_command("score_sentences", "--input", str(path))
    rows = [line.split("\t") for line in capsys.readouterr().out.strip().splitlines()]
    assert len(rows) == 2
    (fact_score, fact_flag), (thanks_score, thanks_flag) = rows
    assert 0.0 <= float(thanks_score) < float(fact_score) <= 1.0
    assert (fact_flag, thanks_flag) == ("1", "0")
