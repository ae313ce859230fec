"""Settings of the server that bench/api_claims.py measures: the project's, plus one bare view."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.api_claims_urls"
