"""Security headers on every kind of response, frame-ancestors and CORS from the settings."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.bodies import preset_body

HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


def _assert_secured(response):
    for name in HEADERS:
        assert name in response.headers, f"{name} missing on {response.status_code} {response.url}"
    csp = response.headers["content-security-policy"]
    assert "script-src 'self';" in csp
    assert "unsafe-eval" not in csp and "script-src 'self' 'unsafe-inline'" not in csp
    assert "object-src 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def _directive(response, name):
    directives = dict(d.strip().split(" ", 1) for d in response.headers["content-security-policy"].split(";"))
    return directives[name].split()


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 200),  # the explainer page
        ("GET", "/docs", 200),  # the API reference page
        ("GET", "/static/docs/init.js", 200),  # a static file
        ("GET", "/healthz", 200),
        ("GET", "/api/presets", 200),
        ("GET", "/no/such/page", 404),
        ("POST", "/healthz", 405),
    ],
)
def test_every_kind_of_response_carries_the_security_headers(client, method, path, status):
    response = client.request(method, path)
    assert response.status_code == status
    _assert_secured(response)


def test_api_step_answer_carries_the_security_headers(client):
    response = client.post("/api/step", json=preset_body("mazur-2-2-2"))
    assert response.status_code == 200
    _assert_secured(response)


def test_validation_error_carries_the_security_headers(client):
    response = client.post("/api/step", json={"network": {"layers": []}})
    assert response.status_code == 422
    assert response.json()["detail"]
    _assert_secured(response)


def test_too_large_body_refused_before_parsing_carries_the_security_headers(make_client):
    response = make_client(max_body_bytes=1024).post(
        "/api/step", content=b"[" + b"0," * 2000 + b"0]", headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "max_body_bytes" in response.json()["detail"]
    _assert_secured(response)


def test_unexpected_server_error_is_json_and_carries_the_security_headers():
    app = create_app(Settings())

    @app.get("/boom")
    def boom():
        raise RuntimeError("a bug")

    response = TestClient(app, raise_server_exceptions=False).get("/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error"}
    _assert_secured(response)


def test_by_default_only_the_server_itself_may_frame_the_pages(client):
    response = client.get("/docs")
    assert _directive(response, "frame-ancestors") == ["'self'"]
    assert response.headers["x-frame-options"] == "SAMEORIGIN"


def test_frame_ancestors_follow_the_setting(make_client):
    response = make_client(frame_ancestors=["https://moodle.school.org", "*.school.org"]).get("/docs")
    assert _directive(response, "frame-ancestors") == ["'self'", "https://moodle.school.org", "*.school.org"]
    assert "x-frame-options" not in response.headers  # it cannot name the LMS, and would block it


def test_no_cross_origin_access_by_default(client):
    response = client.get("/api/presets", headers={"origin": "https://evil.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/api/step", headers={"origin": "https://evil.example", "access-control-request-method": "POST"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_configured_origin_may_call_the_api_and_others_may_not(make_client):
    client = make_client(cors_origins=["https://lms.school.org"])
    allowed = client.post("/api/step", json=preset_body("mazur-2-2-2"), headers={"origin": "https://lms.school.org"})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://lms.school.org"
    _assert_secured(allowed)
    other = client.get("/api/presets", headers={"origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_configured_origin_passes_the_preflight_for_a_json_post(make_client):
    client = make_client(cors_origins=["https://lms.school.org"])
    preflight = client.options(
        "/api/step",
        headers={
            "origin": "https://lms.school.org",
            "access-control-request-method": "POST",
            "access-control-request-headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://lms.school.org"
    assert "POST" in preflight.headers["access-control-allow-methods"]
    _assert_secured(preflight)
