"""/docs: Swagger UI served from this server, with no inline script, under any root path."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _assets(html):
    return re.findall(r'(?:src|href)="([^"]+)"', html)


def test_docs_page_is_html_with_only_external_scripts(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    scripts = SCRIPT_TAG.findall(response.text)
    assert len(scripts) == 2
    for attributes, body in scripts:
        assert "src=" in attributes
        assert body.strip() == ""
    assert not re.search(r"\son[a-z]+\s*=", response.text, re.IGNORECASE)  # no onload= handlers
    assert "cdn" not in response.text.lower()


def test_every_asset_the_docs_page_names_is_served_from_here(client):
    html = client.get("/docs").text
    assets = [url for url in _assets(html) if not url.startswith("data:")]
    assert {url.rsplit("/", 1)[-1] for url in assets} == {"swagger-ui.css", "swagger-ui-bundle.js", "init.js"}
    for url in assets:
        assert url.startswith("/static/")
        response = client.get(url)
        assert response.status_code == 200, url
        assert len(response.content) > 100


def test_docs_page_points_swagger_ui_at_the_openapi_schema(client):
    html = client.get("/docs").text
    url = re.search(r'data-openapi-url="([^"]+)"', html).group(1)
    assert url == "/openapi.json"
    schema = client.get(url).json()
    assert "/api/step" in schema["paths"]
    assert "/docs" not in schema["paths"]


def test_docs_page_and_its_assets_carry_the_root_path(make_client):
    html = make_client(root_path="/backprop").get("/docs").text
    assert 'data-openapi-url="/backprop/openapi.json"' in html
    assert all(url.startswith("/backprop/static/") for url in _assets(html) if not url.startswith("data:"))


def test_redoc_and_its_cdn_page_are_gone(client):
    assert client.get("/redoc").status_code == 404


def test_vendored_swagger_ui_matches_the_pinned_version_and_keeps_its_license():
    pinned = re.search(r"SWAGGER_UI_VERSION=(\S+)", (REPO / "scripts/vendor-docs.sh").read_text()).group(1)
    vendor = REPO / "static/vendor/swagger-ui"
    assert (vendor / "VERSION").read_text().strip() == pinned
    assert "Apache License" in (vendor / "LICENSE").read_text()
    assert sorted(p.name for p in vendor.iterdir()) == [
        "LICENSE",
        "VERSION",
        "swagger-ui-bundle.js",
        "swagger-ui.css",
    ]


@pytest.mark.parametrize("path", ["static/docs/init.js"])
def test_docs_start_up_code_uses_no_eval(path):
    code = (REPO / path).read_text()
    assert "eval(" not in code and "new Function" not in code
    assert "dataset.openapiUrl" in code
