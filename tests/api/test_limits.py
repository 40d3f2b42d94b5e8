"""Configured limits: a request over one is refused with a detail naming the setting."""

import asyncio
import json
from itertools import pairwise

import pytest

from app.api.body_limit import BodyLimit
from tests.api.checks import assert_refused, strict_json
from tests.bodies import preset_body

PATHS = ["/api/forward", "/api/backward", "/api/step"]
FIELDS = {
    "/api/forward": ("network", "inputs"),
    "/api/backward": ("network", "inputs", "targets", "loss"),
    "/api/step": ("network", "inputs", "targets", "loss", "optimizer"),
}


def chain(widths):
    """A sigmoid network with the given widths: [n_in, n_1, …]."""
    return {
        "layers": [
            {"weights": [[0.1] * n_in for _ in range(n_out)], "biases": [0.0] * n_out, "activation": "sigmoid"}
            for n_in, n_out in pairwise(widths)
        ]
    }


def body_for(path, widths, rows=1):
    body = {
        "network": chain(widths),
        "inputs": [[0.5] * widths[0]] * rows,
        "targets": [[0.5] * widths[-1]] * rows,
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
    }
    return {field: body[field] for field in FIELDS[path]}


@pytest.mark.parametrize("path", PATHS)
def test_more_layers_than_max_layers_is_refused_naming_the_limit(make_client, path):
    with make_client(max_layers=2) as client:
        assert client.post(path, json=body_for(path, [2, 2, 2])).status_code == 200
        response = client.post(path, json=body_for(path, [2, 2, 2, 2]))
    assert_refused(response, ["network", "layers"], "has 3 layers", "the limit max_layers is 2")
    assert strict_json(response)["detail"][0]["type"] == "limit_exceeded"


@pytest.mark.parametrize("path", PATHS)
def test_a_layer_wider_than_max_neurons_is_refused_naming_the_limit(make_client, path):
    with make_client(max_neurons=3) as client:
        assert client.post(path, json=body_for(path, [3, 3, 1])).status_code == 200
        response = client.post(path, json=body_for(path, [2, 4, 1]))
    assert_refused(response, ["network", "layers", 0, "weights"], "layers[0] is 4 × 2", "the limit max_neurons is 3")


def test_more_input_columns_than_max_neurons_is_refused(make_client):
    with make_client(max_neurons=3) as client:
        response = client.post("/api/forward", json=body_for("/api/forward", [4, 1]))
    assert_refused(response, ["network", "layers", 0, "weights"], "layers[0] is 1 × 4", "max_neurons is 3")


@pytest.mark.parametrize("path", PATHS)
def test_more_samples_than_max_samples_is_refused_naming_the_limit(make_client, path):
    with make_client(max_samples=3) as client:
        assert client.post(path, json=body_for(path, [2, 1], rows=3)).status_code == 200
        response = client.post(path, json=body_for(path, [2, 1], rows=4))
    assert_refused(response, ["inputs"], "has 4 rows", "the limit max_samples is 3")


def test_more_target_rows_than_max_samples_is_refused(make_client):
    body = body_for("/api/backward", [2, 1], rows=2)
    body["targets"] = [[0.5]] * 5
    with make_client(max_samples=3) as client:
        response = client.post("/api/backward", json=body)
    assert_refused(response, ["targets"], "has 5 rows", "max_samples is 3")


def test_update_checks_max_layers_too(make_client):
    body = {
        "network": chain([1, 1, 1, 1]),
        "gradients": [{"weights": [[0.0]], "biases": [0.0]}] * 3,
        "optimizer": {"name": "sgd"},
    }
    with make_client(max_layers=2) as client:
        response = client.post("/api/update", json=body)
    assert_refused(response, ["network", "layers"], "max_layers is 2")


def big_body(size):
    """A valid forward body padded with many zero-valued rows to about ``size`` bytes."""
    body = preset_body("mazur-2-2-2", "network", "inputs")
    body["inputs"] = [[0.0, 0.0]] * (size // 12)
    return json.dumps(body).encode()


def test_a_body_over_max_body_bytes_is_413_naming_the_limit(make_client):
    content = big_body(4000)
    with make_client(max_body_bytes=2048) as client:
        response = client.post("/api/forward", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert strict_json(response) == {
        "detail": f"request body is {len(content)} bytes; the limit max_body_bytes is 2048"
    }


def test_a_body_under_max_body_bytes_passes(make_client):
    content = big_body(1500)
    assert len(content) < 2048
    with make_client(max_body_bytes=2048) as client:
        response = client.post("/api/forward", content=content, headers={"content-type": "application/json"})
    assert response.status_code == 200


def test_a_chunked_body_over_max_body_bytes_is_413_without_content_length(make_client):
    content = big_body(4000)
    sent = []

    def chunks():
        for start in range(0, len(content), 500):
            sent.append(start)
            yield content[start : start + 500]

    with make_client(max_body_bytes=2048) as client:
        response = client.post("/api/forward", content=chunks(), headers={"content-type": "application/json"})
    assert response.request.headers.get("transfer-encoding") == "chunked"
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    detail = strict_json(response)["detail"]
    assert detail.startswith("request body is more than ") and "the limit max_body_bytes is 2048" in detail


def test_body_limit_stops_reading_a_chunked_body_once_past_the_limit():
    """The middleware itself, fed 10 chunks of 500 bytes with no content-length: it reads 5 and answers 413."""
    received, replies = [], []

    async def receive():
        received.append(1)
        return {"type": "http.request", "body": b"x" * 500, "more_body": len(received) < 10}

    async def send(message):
        replies.append(message)

    async def never_called(scope, receive, send):
        raise AssertionError("the app must not see a body over the limit")

    scope = {"type": "http", "method": "POST", "path": "/api/forward", "headers": []}
    asyncio.run(BodyLimit(never_called, max_bytes=2048)(scope, receive, send))
    assert len(received) == 5
    assert replies[0]["status"] == 413
    assert (
        json.loads(replies[1]["body"])["detail"]
        == "request body is more than 2500 bytes; the limit max_body_bytes is 2048"
    )
