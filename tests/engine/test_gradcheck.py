"""The gradient check: agreement on random networks, honesty at a relu kink, and that it can fail."""

import numpy as np
import pytest

from app.engine import ACTIVATIONS, Network, backward, check_batch, forward
from app.engine import backprop as engine_backprop
from app.engine.gradcheck import check_gradients, relative_error, verdict
from tests.engine.finite_differences import random_network, random_targets

# Every loss with the output activations it accepts: mse takes any, BCE needs sigmoid, CE softmax.
LOSS_OUTPUTS = [("mse", output) for output in ACTIVATIONS] + [
    ("binary_cross_entropy", "sigmoid"),
    ("cross_entropy", "softmax"),
]


def random_case(hidden, output, loss, seed, widths=(3, 3, 3)):
    rng = np.random.default_rng(seed)
    network = random_network(rng, list(widths), [hidden] * (len(widths) - 2) + [output])
    x = rng.normal(0, 1, (4, widths[0]))
    return network, x, random_targets(rng, loss, 4, widths[-1])


def one_neuron(weight, bias, activation):
    return Network.from_lists([{"weights": [[weight]], "biases": [bias], "activation": activation}])


@pytest.mark.parametrize(("loss", "output"), LOSS_OUTPUTS)
@pytest.mark.parametrize("hidden", list(ACTIVATIONS))
def test_gradcheck_agrees_on_random_networks_for_every_activation_and_loss(hidden, loss, output):
    for seed in range(3):
        network, x, t = random_case(hidden, output, loss, seed)
        result = check_gradients(network, x, t, loss, 1e-5)
        assert result["kinks"] == []
        assert result["max_relative_error"] <= 1e-6, result["parameters"][result["worst"]]
        assert result["verdict"] == "pass"
        assert len(result["parameters"]) == network.parameter_count


def test_gradcheck_analytic_column_is_the_engines_backward_pass():
    network, x, t = random_case("tanh", "sigmoid", "mse", seed=5, widths=(2, 3, 2))
    rows = check_gradients(network, x, t, "mse", 1e-5)["parameters"]
    grads = backward(network, forward(network, x), t, "mse")
    expected = [g for l in range(2) for g in [*grads.grad_w[l].ravel(), *grads.grad_b[l]]]
    assert [row["analytic"] for row in rows] == expected
    assert [(r["parameter"], r["layer"], r["neuron"], r["input"]) for r in rows[:3]] == [
        ("weight", 0, 0, 0),
        ("weight", 0, 0, 1),
        ("weight", 0, 1, 0),
    ]
    assert rows[6] == {**rows[6], "parameter": "bias", "label": "b⁽¹⁾₁", "input": None}


@pytest.mark.parametrize(("activation", "slope"), [("relu", 0.0), ("leaky_relu", 0.01)])
def test_gradcheck_reports_the_disagreement_at_a_relu_kink(activation, slope):
    # z = w·x + b = 1·1 − 1 = 0 exactly: the kink. L = ½(f(z) − 2)².
    network = one_neuron(1.0, -1.0, activation)
    x, t = check_batch(network, [[1.0]], [[2.0]], "mse")
    result = check_gradients(network, x, t, "mse", 1e-5)
    w = result["parameters"][0]
    assert w["analytic"] == pytest.approx(-2.0 * slope)  # backward takes f′(0) from one side
    assert w["numeric"] == pytest.approx(-(1.0 + slope), abs=1e-4)  # the difference averages both sides
    assert w["relative_error"] > 0.5 and w["verdict"] == "fail"
    assert result["verdict"] == "fail" and result["max_relative_error"] > 0.5
    assert result["kinks"] == [{"layer": 0, "neuron": 0, "sample": 0, "z": 0.0}] and result["kink_count"] == 1
    assert "kink" in result["note"]


def test_gradcheck_counts_every_kink_but_lists_at_most_a_hundred():
    network = Network.from_lists([{"weights": [[0.0, 0.0]] * 3, "biases": [0.0] * 3, "activation": "relu"}])
    x, t = check_batch(network, [[1.0, 2.0]] * 50, [[1.0] * 3] * 50, "mse")
    result = check_gradients(network, x, t, "mse", 1e-5)
    assert result["kink_count"] == 150 and len(result["kinks"]) == 100
    assert result["note"].endswith("a kink, not a bug in backprop") and "and 145 more" in result["note"]


def test_gradcheck_flags_no_kink_when_z_is_far_from_zero():
    network = one_neuron(1.0, -0.5, "relu")
    x, t = check_batch(network, [[1.0]], [[2.0]], "mse")
    result = check_gradients(network, x, t, "mse", 1e-5)
    assert result["kinks"] == [] and result["note"] is None and result["verdict"] == "pass"


def test_gradcheck_fails_when_the_backward_pass_is_wrong(monkeypatch):
    wrong = dict(engine_backprop.ACTIVATIONS)
    forward_tanh, _ = wrong["tanh"]
    wrong["tanh"] = (forward_tanh, lambda z, a, grad_a: grad_a * (1.0 - a))  # forgot to square a
    monkeypatch.setattr(engine_backprop, "ACTIVATIONS", wrong)
    network, x, t = random_case("tanh", "linear", "mse", seed=1)
    result = check_gradients(network, x, t, "mse", 1e-5)
    assert result["verdict"] == "fail"
    first_layer = [row for row in result["parameters"] if row["layer"] == 0]
    assert all(row["verdict"] != "pass" for row in first_layer)
    assert all(row["verdict"] == "pass" for row in result["parameters"] if row["layer"] == 1)


def test_relative_error_divides_by_the_larger_gradient_or_the_floor():
    assert relative_error(1.0, 1.000001) == pytest.approx(1e-6 / 1.000001)
    assert relative_error(0.0, 0.0) == 0.0
    assert relative_error(0.0, 1e-11) == pytest.approx(1e-7)  # round-off on a zero gradient passes
    assert relative_error(0.0, 1e-3) == 1.0


def test_verdict_thresholds_are_one_in_a_million_and_one_in_a_thousand():
    assert [verdict(e) for e in (0.0, 1e-6, 1.1e-6, 1e-3, 1.1e-3, 1.0)] == [
        "pass",
        "pass",
        "warn",
        "warn",
        "fail",
        "fail",
    ]


def test_a_large_epsilon_shows_its_truncation_error():
    network, x, t = random_case("sigmoid", "sigmoid", "mse", seed=2)
    small = check_gradients(network, x, t, "mse", 1e-5)
    large = check_gradients(network, x, t, "mse", 1e-2)
    assert small["verdict"] == "pass"
    assert large["max_relative_error"] > 100 * small["max_relative_error"]
