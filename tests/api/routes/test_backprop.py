"""/api/forward, /api/backward, /api/update, /api/step on Mazur's 2-2-2 example, numbers checked."""

import numpy as np
import pytest

from app.api.responses import EngineJSONResponse
from app.engine import DivergedError
from tests.api.checks import strict_json
from tests.bodies import preset_body

MAZUR_GRADIENTS = [  # ∂E/∂w1 = 0.000438568 and ∂E/∂w5 = 0.082167041 are Mazur's; the rest to 9 decimals
    {"weights": [[0.000438568, 0.000877135], [0.000497713, 0.000995425]], "biases": [0.008771355, 0.009954255]},
    {"weights": [[0.082167041, 0.082667628], [-0.022602540, -0.022740242]], "biases": [0.138498562, -0.038098237]},
]


def post(client, path, body):
    response = client.post(path, json=body)
    assert response.status_code == 200, response.text
    return strict_json(response)


def test_forward_returns_mazurs_hidden_and_output_activations(client):
    result = post(client, "/api/forward", preset_body("mazur-2-2-2", "network", "inputs"))
    hidden, output = result["layers"]
    assert hidden["z"][0] == pytest.approx([0.3775, 0.3925], abs=1e-12)
    assert hidden["a"][0] == pytest.approx([0.593269992, 0.596884378], abs=5e-10)
    assert output["a"][0] == pytest.approx([0.75136507, 0.772928465], abs=5e-9)
    assert result["outputs"] == output["a"]


def test_forward_keeps_one_row_per_sample(client):
    body = preset_body("xor-2-2-1", "network", "inputs")
    result = post(client, "/api/forward", body)
    assert len(result["outputs"]) == 4 and all(len(row) == 1 for row in result["outputs"])
    assert [len(layer["z"][0]) for layer in result["layers"]] == [2, 1]


def test_backward_returns_mazurs_loss_and_gradients_shaped_like_the_network(client):
    result = post(client, "/api/backward", preset_body("mazur-2-2-2", "network", "inputs", "targets", "loss"))
    assert result["loss"] == pytest.approx(0.298371109, abs=5e-10)
    for got, expected in zip(result["gradients"], MAZUR_GRADIENTS, strict=True):
        assert np.allclose(got["weights"], expected["weights"], rtol=0, atol=5e-9)
        assert np.allclose(got["biases"], expected["biases"], rtol=0, atol=5e-9)
    assert [len(d) for d in result["deltas"]] == [1, 1]
    assert result["deltas"][1][0] == pytest.approx([0.138498562, -0.038098237], abs=5e-9)


def test_backward_deltas_are_per_sample_and_gradients_are_their_batch_mean(client):
    result = post(client, "/api/backward", preset_body("xor-2-2-1", "network", "inputs", "targets", "loss"))
    output_deltas = [row[0] for row in result["deltas"][1]]
    assert len(output_deltas) == 4
    assert result["gradients"][1]["biases"][0] == pytest.approx(sum(output_deltas) / 4, rel=1e-12)


def test_update_with_sgd_moves_every_weight_by_learning_rate_times_gradient(client):
    body = {**preset_body("mazur-2-2-2", "network", "optimizer"), "gradients": MAZUR_GRADIENTS}
    result = post(client, "/api/update", body)
    layers = result["network"]["layers"]
    assert layers[1]["weights"][0][0] == pytest.approx(0.35891648, abs=5e-9)
    assert layers[0]["weights"][0][0] == pytest.approx(0.149780716, abs=5e-9)
    assert layers[1]["biases"] == pytest.approx([0.6 - 0.5 * 0.138498562, 0.6 + 0.5 * 0.038098237], abs=5e-9)
    assert [layer["activation"] for layer in layers] == ["sigmoid", "sigmoid"]
    assert result["optimizer_state"]["step"] == 1


@pytest.mark.parametrize(("name", "slots"), [("momentum", ["velocity"]), ("adam", ["m", "v"])])
def test_update_returns_optimizer_state_that_the_next_update_accepts(client, name, slots):
    body = {**preset_body("mazur-2-2-2", "network"), "gradients": MAZUR_GRADIENTS, "optimizer": {"name": name}}
    first = post(client, "/api/update", body)
    for slot in slots:
        assert len(first["optimizer_state"][slot]) == 2
        assert len(first["optimizer_state"][slot][0]["weights"]) == 2
    second = post(
        client, "/api/update", {**body, "network": first["network"], "optimizer_state": first["optimizer_state"]}
    )
    assert second["optimizer_state"]["step"] == 2
    if name == "momentum":  # v := 0.9·g + g
        assert second["optimizer_state"]["velocity"][1]["weights"][0][0] == pytest.approx(1.9 * 0.082167041, abs=1e-8)


def test_step_reproduces_mazurs_step_with_trace(client):
    result = post(client, "/api/step", preset_body("mazur-2-2-2"))
    assert result["loss"] == pytest.approx(0.298371109, abs=5e-10)
    assert result["outputs"][0] == pytest.approx([0.75136507, 0.772928465], abs=5e-9)
    w = [layer["weights"] for layer in result["network"]["layers"]]
    assert [w[1][0][0], w[1][0][1], w[1][1][0], w[1][1][1]] == pytest.approx(
        [0.35891648, 0.408666186, 0.511301270, 0.561370121], abs=5e-9
    )
    assert [w[0][0][0], w[0][0][1], w[0][1][0], w[0][1][1]] == pytest.approx(
        [0.149780716, 0.19956143, 0.24975114, 0.29950229], abs=5e-9
    )
    assert result["loss_after"] < result["loss"]
    # 4 neurons + 1 loss + 4 deltas + 12 gradients + 12 updates
    assert len(result["trace"]) == 33
    assert [e["phase"] for e in result["trace"]][3:6] == ["forward", "loss", "backward"]


def test_step_without_trace_says_why_the_trace_is_missing(client):
    result = post(client, "/api/step", {**preset_body("mazur-2-2-2"), "include_trace": False})
    assert result["trace"] is None
    assert result["trace_note"] == "include_trace was false"


def test_step_leaves_out_a_trace_longer_than_max_trace_entries(make_client):
    with make_client(max_trace_entries=10) as client:
        result = post(client, "/api/step", preset_body("mazur-2-2-2"))
    assert result["trace"] is None
    assert "33 entries" in result["trace_note"] and "max_trace_entries is 10" in result["trace_note"]
    assert result["loss"] == pytest.approx(0.298371109, abs=5e-10)


def test_step_with_adam_round_trips_its_state_and_keeps_lowering_the_loss(client):
    body = {**preset_body("xor-2-2-1"), "optimizer": {"name": "adam", "learning_rate": 0.05}, "include_trace": False}
    losses = []
    for _ in range(20):
        result = post(client, "/api/step", body)
        losses.append(result["loss"])
        body = {**body, "network": result["network"], "optimizer_state": result["optimizer_state"]}
    assert result["optimizer_state"]["step"] == 20
    assert losses[-1] < losses[0]


def test_integers_are_accepted_as_numbers(client):
    network = {"layers": [{"weights": [[1, 2]], "biases": [0], "activation": "linear"}]}
    result = post(client, "/api/forward", {"network": network, "inputs": [[3, 1]]})
    assert result["outputs"] == [[5.0]]


@pytest.mark.parametrize(("limit", "included"), [(33, True), (32, False)])
def test_trace_is_included_up_to_exactly_max_trace_entries(make_client, limit, included):
    with make_client(max_trace_entries=limit) as client:
        result = post(client, "/api/step", preset_body("mazur-2-2-2"))
    assert (result["trace"] is not None) == included
    if included:
        assert len(result["trace"]) == limit


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_an_answer_holding_a_non_finite_number_is_refused_as_diverged_not_encoded(value):
    with pytest.raises(DivergedError, match="diverged"):
        EngineJSONResponse({"outputs": [[1.0, value]]})
    assert EngineJSONResponse({"rule": "NaN and Infinity in a string are fine"}).status_code == 200
