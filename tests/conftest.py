"""Fixtures shared by the API tests: an in-process client and the presets as request bodies."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings


@pytest.fixture
def client():
    with TestClient(create_app(Settings())) as test_client:
        yield test_client


@pytest.fixture
def make_client():
    """A client for an app built with some settings changed, e.g. ``make_client(max_layers=2)``."""

    def build(**overrides):
        return TestClient(create_app(Settings(**overrides)))

    return build
