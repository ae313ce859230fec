"""API plumbing every app's endpoints share: pagination, renderers, parsers, rate limits, the
shape of errors and how the schema describes them."""
