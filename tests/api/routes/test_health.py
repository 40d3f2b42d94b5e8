"""/healthz answers while the server can serve."""


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_answers_head_for_monitors(client):
    response = client.head("/healthz")
    assert response.status_code == 200
    assert response.content == b""
