"""Reading the shared data sets the learning loop compares models on (no scikit-learn needed)."""

import json
from pathlib import Path

from claims.detection.shared_data import CT24_RELATIVE, load_ct24, load_news_sentences, shared_dir


def test_load_ct24_groups_sentences_by_split(tmp_path):
    ct24 = tmp_path / CT24_RELATIVE
    ct24.parent.mkdir(parents=True)
    ct24.write_text(
        "sentence_id\tsentence\tlabel\tlabel_str\tsplit\n"
        "1\tUnemployment fell to 3.5 percent in 2019.\t1\tYes\ttrain\n"
        "2\tThank you very much.\t0\tNo\ttrain\n"
        "3\tInflation reached 9 percent in 2022.\t1\tYes\tdev\n",
        encoding="utf-8",
    )
    splits = load_ct24(ct24)
    assert set(splits) == {"train", "dev"}
    assert splits["dev"] == [("Inflation reached 9 percent in 2022.", 1)]
    assert len(splits["train"]) == 2


def test_load_ct24_keeps_each_debate_together_in_sentence_id_order(tmp_path):
    ct24 = tmp_path / "ct24.tsv"
    ct24.write_text(
        "sentence_id\tsentence\tlabel\tlabel_str\tsplit\n"
        "30\tThird.\t0\tNo\ttrain\n"
        "4\tFirst.\t1\tYes\ttrain\n"
        "12\tSecond.\t0\tNo\ttrain\n",
        encoding="utf-8",
    )
    assert load_ct24(ct24)["train"] == [("First.", 1), ("Second.", 0), ("Third.", 0)]


def test_shared_data_directory_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIM_TRACKER_SHARED_DIR", str(tmp_path))
    assert shared_dir() == tmp_path


def test_shared_data_directory_defaults_to_the_folder_beside_the_repository(monkeypatch):
    monkeypatch.delenv("CLAIM_TRACKER_SHARED_DIR", raising=False)
    assert shared_dir() == Path(__file__).resolve().parents[3].parent / "shared"


def test_news_sentences_count_claims_and_non_claims_and_leave_borderline_ones_out(tmp_path):
    article = {
        "slug": "budget",
        "sentences": [
            {"text": "The budget rose 6.2 percent.", "label": "C"},
            {"text": "Tickets are available online.", "label": "N"},
            {"text": "Spending may rise again.", "label": "B"},
        ],
    }
    (tmp_path / "dev-part1.jsonl").write_text(json.dumps(article) + "\n\n", encoding="utf-8")

    assert load_news_sentences(tmp_path) == [
        ("The budget rose 6.2 percent.", 1),
        ("Tickets are available online.", 0),
    ]
