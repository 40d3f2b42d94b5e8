"""The catalog the JS unit tests read (tests/js/core/catalog.json) is the one the page gets from
GET /api/catalog, so the units test the names, defaults and limits the server really offers."""

import json
from pathlib import Path

import httpx

FIXTURE = Path(__file__).resolve().parents[2] / "js" / "core" / "catalog.json"


def test_the_js_units_catalog_is_the_servers_answer(server_url):
    assert json.loads(FIXTURE.read_text()) == httpx.get(f"{server_url}/api/catalog").json()
