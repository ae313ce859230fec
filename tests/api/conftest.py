import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_client(editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def reviewer_client(reviewer) -> APIClient:
    return client_for(reviewer)
