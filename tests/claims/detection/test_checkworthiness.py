import pickle
import zipfile

import numpy as np
import pytest

from claims.detection.checkworthiness import CheckworthinessModel, ModelLoadError


@pytest.fixture(scope="module")
def shipped_model() -> CheckworthinessModel:
    return CheckworthinessModel.load()


def test_shipped_model_loads_with_a_probability_threshold(shipped_model):
    assert 0.0 < shipped_model.threshold < 1.0


def test_scores_are_probabilities_one_per_sentence(shipped_model):
    sentences = [
        "Unemployment fell to 3.5 percent last year.",
        "Thank you.",
        "",
        "   ",
        "Ça coûte 3,5 milliards d'euros — selon l'Élysée.",
        "!!!",
        "x" * 5000,
    ]
    scores = shipped_model.score(sentences)
    assert len(scores) == len(sentences)
    assert all(isinstance(score, float) for score in scores)
    assert all(0.0 <= score <= 1.0 for score in scores)


def test_empty_input_scores_nothing(shipped_model):
    assert shipped_model.score([]) == []


def test_factual_statistics_outscore_opinions_and_questions(shipped_model):
    factual, opinion, question = shipped_model.score(
        [
            "The federal deficit grew by $1.2 trillion in 2020, the largest increase since 1945.",
            "I think we have a wonderful future together and I love this country.",
            "What are you going to do about it?",
        ]
    )
    assert factual > shipped_model.threshold
    assert opinion < shipped_model.threshold
    assert question < shipped_model.threshold
    assert factual > opinion
    assert factual > question


def test_a_sentence_scores_the_same_alone_or_in_a_batch(shipped_model):
    sentence = "Crime went up 20 percent in Chicago last year."
    alone = shipped_model.score([sentence])[0]
    in_batch = shipped_model.score(["Good evening.", sentence, "We will win."])[1]
    assert alone == pytest.approx(in_batch, abs=1e-6)


def test_curly_and_straight_apostrophes_score_alike(shipped_model):
    straight, curly = shipped_model.score(
        ["We don't know what they're doing.", "We don\u2019t know what they\u2019re doing."]
    )
    assert straight == pytest.approx(curly, abs=1e-6)


def test_saved_model_loads_back_with_identical_scores(shipped_model, tmp_path):
    path = shipped_model.save(tmp_path / "copy.npz")
    copy = CheckworthinessModel.load(path)
    sentences = ["Taxes rose by 4% in 2019.", "Let me be clear."]
    assert copy.score(sentences) == pytest.approx(shipped_model.score(sentences))
    assert copy.threshold == shipped_model.threshold


def test_loading_a_directory_reads_the_model_inside(shipped_model, tmp_path):
    shipped_model.save(tmp_path)
    assert CheckworthinessModel.load(tmp_path).threshold == shipped_model.threshold


def test_loading_refuses_a_pickle_file(tmp_path):
    path = tmp_path / "model.npz"
    path.write_bytes(pickle.dumps({"weights": [1.0, 2.0]}))
    with pytest.raises(ModelLoadError, match="pickle"):
        CheckworthinessModel.load(path)


def test_loading_refuses_an_archive_holding_pickled_objects(tmp_path):
    path = tmp_path / "model.npz"
    np.savez(path, weights=np.array([{"evil": 1}], dtype=object), metadata=np.array("{}"))
    with pytest.raises(ModelLoadError, match="pickle"):
        CheckworthinessModel.load(path)


def test_loading_refuses_a_truncated_file(tmp_path):
    shipped = CheckworthinessModel.load()
    path = shipped.save(tmp_path / "model.npz")
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(ModelLoadError):
        CheckworthinessModel.load(path)


def test_loading_refuses_weights_of_the_wrong_size(tmp_path):
    shipped = CheckworthinessModel.load()
    path = shipped.save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as archive:
        metadata = archive["metadata"]
    np.savez(path, weights=np.zeros(10, dtype=np.float32), metadata=metadata)
    with pytest.raises(ModelLoadError, match="shape"):
        CheckworthinessModel.load(path)


def test_loading_refuses_a_zip_that_is_not_a_model(tmp_path):
    path = tmp_path / "model.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ModelLoadError):
        CheckworthinessModel.load(path)


def test_loading_a_missing_file_says_so(tmp_path):
    with pytest.raises(FileNotFoundError):
        CheckworthinessModel.load(tmp_path / "absent.npz")
