from tests.api.conftest import anonymous, editor_client, reviewer_client

__all__ = ["anonymous", "editor_client", "reviewer_client"]
