"""/api/networks/random and /api/train: shapes, reproducibility, limits, the compute budget."""

import numpy as np

RANDOM_BODY = {"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"], "seed": 7}


def _error(response):
    assert response.status_code == 422, response.text
    return response.json()["detail"][0]


def test_random_network_has_the_requested_shape_and_zero_biases(client):
    response = client.post("/api/networks/random", json=RANDOM_BODY)
    assert response.status_code == 200, response.text
    layers = response.json()["network"]["layers"]
    assert [np.shape(layer["weights"]) for layer in layers] == [(8, 2), (8, 8), (1, 8)]
    assert [layer["activation"] for layer in layers] == ["tanh", "tanh", "sigmoid"]
    assert all(b == 0.0 for layer in layers for b in layer["biases"])


def test_random_network_weights_lie_within_the_glorot_limit(client):
    layers = client.post("/api/networks/random", json=RANDOM_BODY).json()["network"]["layers"]
    for layer in layers:
        weights = np.array(layer["weights"])
        limit = np.sqrt(6.0 / sum(weights.shape))
        assert np.abs(weights).max() <= limit
        assert np.abs(weights).max() > limit / 2  # spread over the range, not all near zero


def test_random_network_is_reproducible_with_the_same_seed_and_differs_with_another(client):
    first = client.post("/api/networks/random", json=RANDOM_BODY).json()
    again = client.post("/api/networks/random", json=RANDOM_BODY).json()
    other = client.post("/api/networks/random", json={**RANDOM_BODY, "seed": 8}).json()
    assert first == again
    assert first != other


def test_random_network_rejects_activations_not_matching_the_layers(client):
    detail = _error(client.post("/api/networks/random", json={**RANDOM_BODY, "activations": ["tanh"]}))
    assert detail["loc"] == ["body", "activations"]
    assert "3 layers" in detail["msg"]


def test_random_network_rejects_a_width_beyond_max_neurons(make_client):
    response = make_client(max_neurons=4).post("/api/networks/random", json=RANDOM_BODY)
    detail = _error(response)
    assert detail["loc"] == ["body", "widths", 1]
    assert "max_neurons" in detail["msg"]


def test_random_network_rejects_more_layers_than_max_layers(make_client):
    response = make_client(max_layers=2).post("/api/networks/random", json=RANDOM_BODY)
    detail = _error(response)
    assert detail["loc"] == ["body", "widths"]
    assert "max_layers" in detail["msg"]


def test_random_network_rejects_zero_width_and_unknown_activation(client):
    assert _error(client.post("/api/networks/random", json={**RANDOM_BODY, "widths": [2, 0, 8, 1]}))["loc"] == [
        "body",
        "widths",
        1,
    ]
    bad = {**RANDOM_BODY, "activations": ["tanh", "swish", "sigmoid"]}
    assert _error(client.post("/api/networks/random", json=bad))["loc"][:2] == ["body", "activations"]
