"""Offline training: data readers, fitting, model cards and their command lines.

Installed with the ``train`` extra (``distil`` for the sentence network). The product never
imports this package; it loads and scores the models written here (``claims/detection/``,
``claims/matching/``)::

    python -m training.detector        # check-worthiness model (+ --distil for the network)
    python -m training.news_filter     # the news filter's weights
    python -m training.matcher         # the claim matcher's settings (model.json)
    python -m training.matcher_dense   # the optional dense re-ranker (dense_model.json)
"""
