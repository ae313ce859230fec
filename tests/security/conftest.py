import pytest
from rest_framework.test import APIClient

from tests.api.conftest import client_for


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_client(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def reader(newsroom):
    """Signed in, but neither editor nor reviewer."""
    from tests.factories import UserFactory

    return UserFactory(username="reader", is_staff=False)
