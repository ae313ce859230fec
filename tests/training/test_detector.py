import json
import sys
from pathlib import Path

import numpy as np
import pytest

from claims.detection.checkworthiness import MODEL_FILENAME, CheckworthinessModel
from claims.detection.features import FeatureSpec
from claims.detection.shared_data import CT24_RELATIVE, load_ct24, shared_dir
from training.detector import evaluate, held_out_blocks, main, train_model

pytest.importorskip("sklearn", reason="training needs the 'train' extra (scikit-learn)")

SMALL_SPEC = FeatureSpec(bits=14)

CLAIMS = [
    "Unemployment fell to 3.5 percent in 2019.",
    "The deficit grew by $400 billion last year.",
    "Crime rose 20 percent in our cities since 2015.",
    "We spent $2 trillion on the war in Iraq.",
    "Forty million Americans have no health insurance.",
    "Taxes on the middle class went up by 12 percent.",
    "Our exports to China doubled between 2010 and 2016.",
    "The state lost 300,000 manufacturing jobs in ten years.",
]
NOT_CLAIMS = [
    "Thank you very much.",
    "I think we can do better.",
    "What would you do about it?",
    "Let me say this.",
    "I love this country.",
    "We are going to win.",
    "Good evening, everybody.",
    "That is a great question.",
]
TRAIN = [(text, 1) for text in CLAIMS] + [(text, 0) for text in NOT_CLAIMS]
DEV = [
    ("Inflation reached 9 percent in 2022.", 1),
    ("The budget cut $50 billion from schools.", 1),
    ("I want to thank my family.", 0),
    ("Is that what you believe?", 0),
]


def test_training_on_a_few_sentences_writes_a_model_that_loads_and_scores(tmp_path):
    result = train_model(train=TRAIN, dev=DEV, out_dir=tmp_path, spec=SMALL_SPEC)
    model = CheckworthinessModel.load(tmp_path / MODEL_FILENAME)
    claim, chit_chat = model.score(["Prices rose 7 percent in 2021.", "Thank you, I love you all."])
    assert Path(result["path"]) == tmp_path / MODEL_FILENAME
    assert 0.0 <= chit_chat < claim <= 1.0
    assert model.threshold == pytest.approx(result["threshold"])
    assert set(result["dev"]) == {"precision", "recall", "f1"}


def test_the_threshold_comes_from_held_out_debates_of_train_and_dev_is_only_reported(tmp_path):
    easy_dir, hard_dir = tmp_path / "easy", tmp_path / "hard"
    easy = train_model(train=TRAIN, dev=DEV, out_dir=easy_dir, spec=SMALL_SPEC)
    # A dev set the model gets all wrong changes the dev figures, never the model.
    flipped = [(text, 1 - label) for text, label in DEV]
    hard = train_model(train=TRAIN, dev=flipped, out_dir=hard_dir, spec=SMALL_SPEC)
    assert hard["threshold"] == pytest.approx(easy["threshold"])
    assert hard["dev"]["f1"] < easy["dev"]["f1"]
    assert set(easy["held_out"]) == {"precision", "recall", "f1"}
    sentences = ["Prices rose 7 percent in 2021.", "Thank you, I love you all."]
    assert CheckworthinessModel.load(hard_dir).score(sentences) == pytest.approx(
        CheckworthinessModel.load(easy_dir).score(sentences)
    )


def test_held_out_blocks_are_contiguous_runs_covering_every_sentence_once():
    blocks = held_out_blocks(11, 3)
    assert [block.tolist() for block in blocks] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10]]
    assert [len(block) for block in held_out_blocks(2, 5)] == [1, 1]


def test_editor_decisions_change_the_model(tmp_path):
    sentence = "Our team shipped the new pipeline on schedule."
    before_dir, after_dir = tmp_path / "before", tmp_path / "after"
    train_model(train=TRAIN, dev=DEV, out_dir=before_dir, spec=SMALL_SPEC)
    train_model(
        train=TRAIN,
        dev=DEV,
        out_dir=after_dir,
        spec=SMALL_SPEC,
        extra=[(sentence, 1), ("Our team shipped the new app on schedule.", 1)],
    )
    before = CheckworthinessModel.load(before_dir).score([sentence])[0]
    after = CheckworthinessModel.load(after_dir).score([sentence])[0]
    assert after > before


def test_word_vectors_let_unseen_words_borrow_from_similar_seen_ones(tmp_path):
    # "surged" never occurs in training; its vector sits next to "rose" (a claim word) and
    # far from "love" (a chit-chat word), so with vectors it should lean towards claims.
    words = ["rose", "grew", "surged", "love", "thank", "adore"]
    vectors = np.array(
        [[1.0, 0.0], [0.9, 0.1], [0.95, 0.05], [0.0, 1.0], [0.1, 0.9], [0.05, 0.95]],
        dtype=np.float32,
    )
    train = [
        *TRAIN,
        ("Prices rose again.", 1),
        ("Wages grew again.", 1),
        ("We love you again.", 0),
        ("We thank you again.", 0),
    ]
    plain_dir, vectors_dir = tmp_path / "plain", tmp_path / "vectors"
    train_model(train=train, dev=DEV, out_dir=plain_dir, spec=SMALL_SPEC)
    train_model(
        train=train, dev=DEV, out_dir=vectors_dir, spec=SMALL_SPEC, word_vectors=(words, vectors)
    )
    plain = CheckworthinessModel.load(plain_dir)
    with_vectors = CheckworthinessModel.load(vectors_dir)
    sentences = ["Rents surged again.", "We adore you again."]
    plain_gap = np.diff(plain.raw_scores(sentences))[0]
    vectors_gap = np.diff(with_vectors.raw_scores(sentences))[0]
    assert with_vectors.lexicon_weights is not None
    assert vectors_gap < plain_gap


@pytest.mark.parametrize(
    "spec",
    [FeatureSpec(bits=14, char_ngrams=()), FeatureSpec(bits=14, word_ngrams=())],
    ids=["words only", "characters only"],
)
def test_a_model_can_use_words_only_or_characters_only(tmp_path, spec):
    train_model(train=TRAIN, dev=DEV, out_dir=tmp_path, spec=spec)
    model = CheckworthinessModel.load(tmp_path)
    claim, chit_chat = model.score(["Prices rose 7 percent in 2021.", "Thank you very much."])
    assert chit_chat < claim


def test_training_refuses_a_single_class(tmp_path):
    with pytest.raises(ValueError, match="both"):
        train_model(train=TRAIN[:8], dev=DEV, out_dir=tmp_path, spec=SMALL_SPEC)


def _write_small_shared_dir(root: Path) -> Path:
    ct24 = root / CT24_RELATIVE
    ct24.parent.mkdir(parents=True)
    lines = ["sentence_id\tsentence\tlabel\tlabel_str\tsplit"]
    for number, (text, label) in enumerate(TRAIN * 2 + DEV):
        split = "train" if number < 2 * len(TRAIN) else "dev"
        lines.append(f"{number}\t{text}\t{label}\t{'Yes' if label else 'No'}\t{split}")
    ct24.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_retraining_command_adds_editor_decisions(tmp_path, capsys):
    shared = _write_small_shared_dir(tmp_path / "shared")
    sentence = "Our team shipped the new pipeline on schedule."
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(
        json.dumps({"text": sentence, "label": 1})
        + "\n"
        + json.dumps({"text": "The question is what we value.", "label": 0})
        + "\n",
        encoding="utf-8",
    )
    plain_dir, with_decisions_dir = tmp_path / "plain", tmp_path / "with-decisions"
    arguments = ["--shared-dir", str(shared), "--no-vectors"]
    assert main([*arguments, "--out", str(plain_dir)]) == 0
    arguments += ["--extra", str(decisions)]
    assert main([*arguments, "--out", str(with_decisions_dir)]) == 0
    assert "threshold" in capsys.readouterr().out

    plain = CheckworthinessModel.load(plain_dir).score([sentence])[0]
    with_decisions = CheckworthinessModel.load(with_decisions_dir)
    assert with_decisions.score([sentence])[0] > plain
    assert with_decisions.metadata["provenance"]["editor_decisions"] == 2
    assert (with_decisions_dir / "MODEL_CARD.md").is_file()


def test_retraining_command_rejects_malformed_decisions_naming_the_line(tmp_path, capsys):
    shared = _write_small_shared_dir(tmp_path / "shared")
    decisions = tmp_path / "decisions.jsonl"
    decisions.write_text(
        json.dumps({"text": "Fine.", "label": 0})
        + "\n"
        + json.dumps({"text": "Bad.", "label": "yes"})
    )
    out_dir = tmp_path / "out"
    arguments = ["--shared-dir", str(shared), "--extra", str(decisions), "--out", str(out_dir)]
    assert main(arguments) != 0
    assert "decisions.jsonl:2" in capsys.readouterr().err
    assert not (out_dir / MODEL_FILENAME).exists()


def test_retraining_command_without_shared_data_fails_with_one_clear_line(tmp_path, capsys):
    assert main(["--shared-dir", str(tmp_path / "absent"), "--out", str(tmp_path)]) != 0
    error_lines = capsys.readouterr().err.strip().splitlines()
    assert len(error_lines) == 1
    assert "CT24 data not found" in error_lines[0]


def test_retraining_with_distillation_and_no_pytorch_fails_with_one_line(
    tmp_path, capsys, monkeypatch
):
    monkeypatch.setitem(sys.modules, "torch", None)
    shared = _write_small_shared_dir(tmp_path / "shared")
    out_dir = tmp_path / "out"
    assert main(["--shared-dir", str(shared), "--distil", "--out", str(out_dir)]) == 2
    error_lines = capsys.readouterr().err.strip().splitlines()
    assert len(error_lines) == 1
    assert "--distil" in error_lines[0] or "PyTorch" in error_lines[0]
    assert not out_dir.exists()


CT24_PATH = shared_dir() / CT24_RELATIVE


@pytest.mark.shared_data
@pytest.mark.skipif(not CT24_PATH.is_file(), reason=f"CT24 data absent at {CT24_PATH}")
def test_shipped_model_finds_check_worthy_sentences_of_ct24_dev():
    splits = load_ct24(CT24_PATH)
    metrics = evaluate(CheckworthinessModel.load(), splits["dev"])
    assert metrics["f1"] > 0.80
    assert metrics["precision"] > 0.70
    assert metrics["recall"] > 0.70
