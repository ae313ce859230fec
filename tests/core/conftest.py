import pytest
from rest_framework.test import APIClient


@pytest.fixture
def anonymous() -> APIClient:
    """A client without credentials, as the public reads the API."""
    return APIClient()
