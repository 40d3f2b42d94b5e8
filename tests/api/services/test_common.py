"""The service trusts the request schema for finiteness (build_network skips the engine's scan):
every weight and bias of every layer must therefore be refused by the schema when not finite."""

import json

import pytest

from tests.bodies import preset_body


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("path", ["/api/forward", "/api/backward", "/api/step"])
@pytest.mark.parametrize(
    ("layer", "key", "where"),
    [(0, "weights", (1, 0)), (0, "biases", (1,)), (1, "weights", (0, 1)), (1, "biases", (0,))],
)
def test_a_non_finite_weight_or_bias_anywhere_is_refused_by_the_schema(client, path, layer, key, where, literal):
    body = preset_body("mazur-2-2-2")
    marker = 123.456
    target = body["network"]["layers"][layer][key]
    if len(where) == 2:
        target[where[0]][where[1]] = marker
    else:
        target[where[0]] = marker
    raw = json.dumps(body).replace(str(marker), literal)
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["loc"] == ["body", "network", "layers", layer, key, *where]
    assert detail[0]["type"] == "finite_number"
