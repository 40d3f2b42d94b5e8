"""Bad input gets a 4xx whose detail names the field and what is wrong: never a 500, never NaN."""

import copy
import json

import pytest

from tests.api.checks import assert_refused, strict_json
from tests.bodies import preset_body

ENDPOINT_FIELDS = {
    "/api/forward": ("network", "inputs"),
    "/api/backward": ("network", "inputs", "targets", "loss"),
    "/api/step": ("network", "inputs", "targets", "loss", "optimizer"),
}
WITH_INPUTS = list(ENDPOINT_FIELDS)
WITH_TARGETS = ["/api/backward", "/api/step"]


def mazur(path, change=None):
    """Mazur's body for ``path``, with ``change(body)`` applied to a copy."""
    body = copy.deepcopy(preset_body("mazur-2-2-2", *ENDPOINT_FIELDS[path]))
    if change:
        change(body)
    return body


def layer(body, index):
    return body["network"]["layers"][index]


def update_body(**changes):
    body = {
        **preset_body("mazur-2-2-2", "network", "optimizer"),
        "gradients": [{"weights": [[0.0, 0.0], [0.0, 0.0]], "biases": [0.0, 0.0]}] * 2,
    }
    return {**copy.deepcopy(body), **changes}


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_ragged_weights_name_the_short_row(client, path):
    body = mazur(path, lambda b: layer(b, 0).update(weights=[[0.15, 0.20], [0.25]]))
    assert_refused(
        client.post(path, json=body), ["network", "layers", 0, "weights", 1], "row 1 has 1 values", "row 0 has 2"
    )


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_ragged_inputs_name_the_short_row(client, path):
    def ragged(b):
        b["inputs"] = [[0.05, 0.10], [0.05]]
        if "targets" in b:
            b["targets"] = [[0.01, 0.99]] * 2

    assert_refused(client.post(path, json=mazur(path, ragged)), ["inputs", 1], "row 1 has 1 values but expected 2")


@pytest.mark.parametrize("path", WITH_TARGETS)
def test_ragged_targets_name_the_short_row(client, path):
    def ragged(b):
        b["inputs"] = [[0.05, 0.10]] * 2
        b["targets"] = [[0.01, 0.99], [0.5]]

    assert_refused(client.post(path, json=mazur(path, ragged)), ["targets", 1], "row 1 has 1 values but expected 2")


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_layers_that_do_not_chain_name_both_layers_and_shapes(client, path):
    body = mazur(path, lambda b: layer(b, 1).update(weights=[[0.4, 0.45, 0.1], [0.5, 0.55, 0.1]]))
    assert_refused(
        client.post(path, json=body),
        ["network", "layers", 1, "weights"],
        "layers don't chain",
        "layers[0] has weights of shape (2, 2)",
        "layers[1] has weights of shape (2, 3)",
    )


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_biases_that_do_not_match_the_neurons_name_the_layer(client, path):
    body = mazur(path, lambda b: layer(b, 1).update(biases=[0.6, 0.6, 0.6]))
    assert_refused(
        client.post(path, json=body), ["network", "layers", 1, "biases"], "layers[1] has 2 neurons", "3 biases"
    )


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_inputs_of_the_wrong_width_are_refused(client, path):
    body = mazur(path, lambda b: b.update(inputs=[[0.05, 0.10, 0.2]]))
    assert_refused(client.post(path, json=body), ["inputs", 0], "row 0 has 3 values but expected 2")


@pytest.mark.parametrize("path", WITH_TARGETS)
def test_targets_of_the_wrong_width_are_refused(client, path):
    body = mazur(path, lambda b: b.update(targets=[[0.01]]))
    assert_refused(client.post(path, json=body), ["targets", 0], "row 0 has 1 values but expected 2")


@pytest.mark.parametrize("path", WITH_TARGETS)
def test_targets_with_a_different_row_count_than_inputs_are_refused(client, path):
    body = mazur(path, lambda b: b.update(targets=[[0.01, 0.99]] * 3))
    assert_refused(client.post(path, json=body), ["targets"], "has 3 rows but inputs has 1")


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_unknown_activation_names_the_choices(client, path):
    body = mazur(path, lambda b: layer(b, 1).update(activation="swish"))
    assert_refused(
        client.post(path, json=body), ["network", "layers", 1, "activation"], "'sigmoid'", "'leaky_relu'", "'softmax'"
    )


@pytest.mark.parametrize("path", WITH_TARGETS)
def test_unknown_loss_names_the_choices(client, path):
    body = mazur(path, lambda b: b.update(loss="hinge"))
    assert_refused(client.post(path, json=body), ["loss"], "'mse'", "'binary_cross_entropy'", "'cross_entropy'")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/step", mazur("/api/step", lambda b: b.update(optimizer={"name": "rmsprop"}))),
        ("/api/update", update_body(optimizer={"name": "rmsprop"})),
    ],
)
def test_unknown_optimizer_names_the_choices(client, path, body):
    assert_refused(client.post(path, json=body), ["optimizer"], "'rmsprop'", "'sgd'", "'momentum'", "'adam'")


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_empty_network_is_refused(client, path):
    body = mazur(path, lambda b: b.update(network={"layers": []}))
    assert_refused(client.post(path, json=body), ["network", "layers"], "at least 1 item")


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_empty_batch_is_refused(client, path):
    body = mazur(path, lambda b: b.update(inputs=[]))
    assert_refused(client.post(path, json=body), ["inputs"], "at least 1 item")


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_empty_rows_and_weights_are_refused(client, path):
    body = mazur(path, lambda b: layer(b, 0).update(weights=[[], []]))
    assert_refused(client.post(path, json=body), ["network", "layers", 0, "weights", 0], "at least 1 item")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize(
    ("path", "field", "loc"),
    [
        ("/api/forward", "inputs", ["inputs", 0, 0]),
        ("/api/backward", "targets", ["targets", 0, 1]),
        ("/api/step", "weights", ["network", "layers", 0, "weights", 0, 0]),
        ("/api/step", "learning_rate", ["optimizer", "learning_rate"]),
    ],
)
def test_nan_and_infinity_literals_in_the_raw_body_are_refused(client, path, field, loc, literal):
    text = json.dumps(mazur(path))
    marker = {"inputs": "0.05", "targets": "0.99", "weights": "0.15", "learning_rate": '"learning_rate": 0.5'}[field]
    replacement = literal if field != "learning_rate" else f'"learning_rate": {literal}'
    assert text.count(marker) == 1
    raw = text.replace(marker, replacement)
    response = client.post(path, content=raw, headers={"content-type": "application/json"})
    assert_refused(response, loc, "finite number")
    assert literal not in response.text


def test_nan_in_update_gradients_is_refused(client):
    raw = json.dumps(update_body()).replace('"biases": [0.0, 0.0]}]', '"biases": [0.0, NaN]}]', 1)
    response = client.post("/api/update", content=raw, headers={"content-type": "application/json"})
    assert_refused(response, ["gradients", 1, "biases", 1], "finite number")


def test_malformed_json_is_a_422_naming_json(client):
    response = client.post("/api/forward", content=b'{"network": ', headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert strict_json(response)["detail"][0]["type"] == "json_invalid"


def test_a_string_where_a_number_belongs_is_refused(client):
    body = mazur("/api/forward", lambda b: b.update(inputs=[["a", 0.1]]))
    assert_refused(client.post("/api/forward", json=body), ["inputs", 0, 0], "valid number")


def test_unknown_field_is_refused_rather_than_ignored(client):
    body = mazur("/api/forward", lambda b: b.update(input=[[0.05, 0.1]]))
    assert_refused(client.post("/api/forward", json=body), ["input"], "Extra inputs are not permitted")


def test_negative_learning_rate_is_refused(client):
    body = mazur("/api/step", lambda b: b["optimizer"].update(learning_rate=-0.5))
    assert_refused(client.post("/api/step", json=body), ["optimizer", "learning_rate"], "greater than or equal to 0")


def test_binary_cross_entropy_without_sigmoid_output_names_the_output_layer(client):
    body = mazur(
        "/api/backward", lambda b: (b.update(loss="binary_cross_entropy"), layer(b, 1).update(activation="tanh"))
    )
    assert_refused(
        client.post("/api/backward", json=body),
        ["network", "layers", 1, "activation"],
        "loss 'binary_cross_entropy' needs a 'sigmoid' output layer",
        "the output layer (layers[1]) uses 'tanh'",
    )


def test_cross_entropy_needs_one_hot_targets(client):
    def softmax(b):
        b.update(loss="cross_entropy")
        layer(b, 1).update(activation="softmax")

    body = mazur("/api/backward", softmax)
    body["targets"] = [[0.5, 0.2]]
    assert_refused(client.post("/api/backward", json=body), ["targets"], "must sum to 1 (one-hot)")


def test_update_gradients_of_the_wrong_shape_name_the_layer(client):
    body = update_body(
        gradients=[{"weights": [[0.0, 0.0]], "biases": [0.0]}, {"weights": [[0.0, 0.0]], "biases": [0.0]}]
    )
    assert_refused(
        client.post("/api/update", json=body), ["gradients", 0, "weights"], "has shape (1, 2)", "layers[0].weights"
    )


def test_update_gradients_for_the_wrong_layer_count_are_refused(client):
    body = update_body(gradients=[{"weights": [[0.0, 0.0], [0.0, 0.0]], "biases": [0.0, 0.0]}])
    assert_refused(client.post("/api/update", json=body), ["gradients"], "has 1 layers but the network has 2")


@pytest.mark.parametrize("path", ["/api/update", "/api/step"])
def test_optimizer_state_of_the_wrong_shape_names_the_slot_and_layer(client, path):
    state = {"step": 3, "velocity": [{"weights": [[0.0]], "biases": [0.0, 0.0]}, {"weights": [[0.0]], "biases": [0.0]}]}
    optimizer = {"name": "momentum", "learning_rate": 0.1}
    if path == "/api/update":
        body = update_body(optimizer=optimizer, optimizer_state=state)
    else:
        body = mazur(path, lambda b: b.update(optimizer=optimizer, optimizer_state=state))
    assert_refused(
        client.post(path, json=body),
        ["optimizer_state", "velocity", 0, "weights"],
        "has shape (1, 1) but layers[0].weights has shape (2, 2)",
    )


def test_optimizer_state_for_the_wrong_layer_count_is_refused(client):
    state = {"m": [{"weights": [[0.0, 0.0], [0.0, 0.0]], "biases": [0.0, 0.0]}]}
    body = mazur("/api/step", lambda b: b.update(optimizer={"name": "adam"}, optimizer_state=state))
    assert_refused(client.post("/api/step", json=body), ["optimizer_state", "m"], "has 1 layers but the network has 2")


def linear_network(weight):
    return {"layers": [{"weights": [[weight]], "biases": [0.0], "activation": "linear"}]}


@pytest.mark.parametrize("path", WITH_INPUTS)
def test_forward_pass_that_overflows_is_422_diverged(client, path):
    def huge(b):
        b["network"]["layers"] = [
            {"weights": [[1e200, 1e200], [1e200, 1e200]], "biases": [0.0, 0.0], "activation": "linear"}
        ] * 2

    response = client.post(path, json=mazur(path, huge))
    assert_refused(response, [], "diverged: the forward pass overflowed")


@pytest.mark.parametrize("path", ["/api/forward", "/api/step"])
def test_an_overflow_hidden_by_a_saturating_sigmoid_is_422_diverged(client, path):
    # z of layer 0 is infinite, but σ(∞) = 1 feeds layer 1 a finite number: still refused, never a 500
    body = {
        "network": {
            "layers": [
                {"weights": [[1e200]], "biases": [0], "activation": "sigmoid"},
                {"weights": [[1]], "biases": [0], "activation": "linear"},
            ]
        },
        "inputs": [[1e200]],
    }
    if path == "/api/step":
        body |= {"targets": [[1]], "loss": "mse", "optimizer": {"name": "sgd"}}
    assert_refused(client.post(path, json=body), [], "diverged: the forward pass overflowed")


def test_step_whose_adam_bias_correction_overflows_is_422_diverged(client):
    # δ = y − t stays small under BCE, so ∂L/∂w = δ·x ≈ 7e154: v = (1 − β₂)g² is finite, v̂ = v/(1 − β₂) is not
    body = {
        "network": {"layers": [{"weights": [[1e-155]], "biases": [0], "activation": "sigmoid"}]},
        "inputs": [[1e155]],
        "targets": [[0]],
        "loss": "binary_cross_entropy",
        "optimizer": {"name": "adam"},
    }
    assert_refused(client.post("/api/step", json=body), [], "diverged: the adam state overflowed")


def test_step_with_a_huge_learning_rate_is_422_diverged(client):
    body = {
        "network": linear_network(1.0),
        "inputs": [[1e100]],
        "targets": [[0.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 1e6},
    }
    assert_refused(client.post("/api/step", json=body), [], "diverged:", "lower the learning rate")


def test_step_whose_new_weights_overflow_behind_a_saturated_sigmoid_is_422_diverged(client):
    # w: 0 → −1.25e205; the loss after the update is finite (σ(−∞) = 0 = t) but its z is not, and
    # the same network posted back would be refused: refuse it now, with the advice.
    body = {
        "network": {"layers": [{"weights": [[0.0]], "biases": [0.0], "activation": "sigmoid"}]},
        "inputs": [[1e200]],
        "targets": [[0.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 1e6},
    }
    assert_refused(client.post("/api/step", json=body), [], "diverged:", "next forward pass", "learning rate")


def test_backward_with_overflowing_loss_is_422_diverged(client):
    body = {"network": linear_network(1e160), "inputs": [[1e160]], "targets": [[0.0]], "loss": "mse"}
    assert_refused(client.post("/api/backward", json=body), [], "diverged:")


def test_update_that_overflows_is_422_diverged(client):
    body = {
        "network": linear_network(-1e300),
        "gradients": [{"weights": [[1e303]], "biases": [0.0]}],
        "optimizer": {"name": "sgd", "learning_rate": 1e6},
    }
    assert_refused(client.post("/api/update", json=body), [], "diverged: the update overflowed")


@pytest.mark.parametrize(
    ("name", "slot", "message"),
    [("adam", "v", "the adam state overflowed"), ("momentum", "velocity", "the momentum state overflowed")],
)
def test_update_whose_optimizer_state_overflows_is_422_diverged(client, name, slot, message):
    # Adam's v = β₂v + (1 − β₂)g² overflows while its move m̂/√v̂ stays finite; momentum's v moves w at once.
    state = {"step": 1, slot: [{"weights": [[1.7e308]], "biases": [0.0]}]}
    if name == "adam":
        state["m"] = [{"weights": [[0.0]], "biases": [0.0]}]
    body = {
        "network": linear_network(1.0),
        "gradients": [{"weights": [[1.7e308]], "biases": [0.0]}],
        "optimizer": {"name": name, "learning_rate": 1e-300},
        "optimizer_state": state,
    }
    assert_refused(client.post("/api/update", json=body), [], f"diverged: {message}")


@pytest.mark.parametrize("value", [True, "0.05"])
def test_a_boolean_or_numeric_string_where_a_number_belongs_is_refused(client, value):
    body = mazur("/api/forward", lambda b: b.update(inputs=[[value, 0.1]]))
    assert_refused(client.post("/api/forward", json=body), ["inputs", 0, 0], "valid number")


def test_a_number_where_a_boolean_belongs_is_refused(client):
    body = mazur("/api/step", lambda b: b.update(include_trace=0))
    assert_refused(client.post("/api/step", json=body), ["include_trace"], "valid boolean")


def test_a_body_that_is_not_utf8_is_a_400_with_a_detail(client):
    response = client.post("/api/forward", content=b"\xff\xfe{", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert strict_json(response) == {"detail": "There was an error parsing the body"}


def test_optimizer_state_at_the_largest_step_still_returns_its_next_step(client):
    body = update_body(optimizer_state={"step": 10**9})
    response = client.post("/api/update", json=body)
    assert response.status_code == 200
    assert strict_json(response)["optimizer_state"]["step"] == 10**9 + 1
