"""The four steps: gradients against finite differences, the seed's formula, a simultaneous update."""

import zlib

import numpy as np
import pytest

from app.engine import (
    ACTIVATIONS,
    DivergedError,
    Network,
    NetworkError,
    backward,
    check_batch,
    compute_loss,
    forward,
    train_step,
    update,
)
from app.engine.backprop import loss_at
from app.engine.presets import get_preset
from tests.engine.finite_differences import (
    nearest_kink,
    numeric_gradients,
    random_network,
    random_targets,
    relative_errors,
)

# Every loss with the output activations it accepts: mse takes any, BCE needs sigmoid, CE softmax.
LOSS_OUTPUTS = [("mse", output) for output in ACTIVATIONS] + [
    ("binary_cross_entropy", "sigmoid"),
    ("cross_entropy", "softmax"),
]
SHAPES = [[3, 4, 2], [2, 5, 3, 3], [4, 3, 2, 3, 2]]
BATCH = 5


def checked_case(seed, widths, hidden, output, loss):
    """A random network, batch and targets whose relu kinks are all far from any perturbation."""
    rng = np.random.default_rng(seed)
    activations = [hidden] * (len(widths) - 2) + [output]
    for _ in range(100):
        network = random_network(rng, widths, activations)
        x = rng.normal(0, 1, (BATCH, widths[0]))
        if nearest_kink(network, x) > 1e-3:
            return network, x, random_targets(rng, loss, BATCH, widths[-1])
    raise AssertionError("no network away from the relu kink in 100 draws")


@pytest.mark.parametrize("widths", SHAPES, ids=lambda w: "-".join(map(str, w)))
@pytest.mark.parametrize(("loss", "output"), LOSS_OUTPUTS, ids=lambda v: v)
@pytest.mark.parametrize("hidden", list(ACTIVATIONS))
def test_backward_matches_finite_differences_for_every_activation_and_loss(hidden, loss, output, widths):
    seed = zlib.crc32(f"{hidden}-{loss}-{output}-{widths}".encode())
    network, x, t = checked_case(seed, widths, hidden, output, loss)
    fp = forward(network, x)
    analytic = backward(network, fp, t, loss).flat()
    errors = relative_errors(analytic, numeric_gradients(network, x, t, loss), compute_loss(fp, t, loss))
    assert errors.max() < 1e-6, f"worst relative error {errors.max():.2e}"


def test_gradient_check_catches_a_wrong_gradient():
    network, x, t = checked_case(1, [3, 4, 2], "tanh", "sigmoid", "mse")
    analytic = backward(network, forward(network, x), t, "mse").flat()
    analytic[0] = analytic[0] * 1.001
    assert relative_errors(analytic, numeric_gradients(network, x, t, "mse")).max() > 1e-4


def test_seed_neuron_gradient_is_error_times_sigmoid_slope_times_input():
    preset = get_preset("seed-neuron")
    network = Network.from_lists(preset["network"]["layers"])
    x, t = check_batch(network, preset["inputs"], preset["targets"], "mse")
    w, b = network.layers[0].weights[0, 0], network.layers[0].biases[0]
    h = w * x[0, 0] + b
    y = 1.0 / (1.0 + np.exp(-h))
    expected_dw = (y - t[0, 0]) * y * (1.0 - y) * x[0, 0]
    expected_db = (y - t[0, 0]) * y * (1.0 - y)
    grads = backward(network, forward(network, x), t, "mse")
    assert grads.grad_w[0][0, 0] == pytest.approx(expected_dw, rel=1e-12)
    assert grads.grad_b[0][0] == pytest.approx(expected_db, rel=1e-12)
    assert expected_dw != 0


def test_gradients_are_batch_means_of_per_sample_deltas():
    network, x, t = checked_case(2, [2, 3, 2], "sigmoid", "sigmoid", "mse")
    grads = backward(network, forward(network, x), t, "mse")
    singles = [backward(network, forward(network, x[n : n + 1]), t[n : n + 1], "mse") for n in range(BATCH)]
    for layer in range(2):
        assert np.allclose(grads.deltas[layer], np.vstack([s.deltas[layer] for s in singles]), rtol=1e-12)
        assert np.allclose(grads.grad_w[layer], np.mean([s.grad_w[layer] for s in singles], axis=0), rtol=1e-12)
        assert np.allclose(grads.grad_b[layer], np.mean([s.grad_b[layer] for s in singles], axis=0), rtol=1e-12)


@pytest.mark.parametrize(("loss", "output"), [("binary_cross_entropy", "sigmoid"), ("cross_entropy", "softmax")])
def test_output_delta_is_y_minus_t_for_fused_pairs(loss, output):
    network, x, t = checked_case(3, [2, 3, 3], "tanh", output, loss)
    fp = forward(network, x)
    assert np.allclose(backward(network, fp, t, loss).deltas[-1], fp.outputs - t, rtol=0, atol=1e-15)


def sequential_update(network, x, t, eta):
    """The wrong way, for contrast: update the last layer, then compute earlier gradients with it."""
    layers = list(network.layers)
    for index in range(len(layers) - 1, -1, -1):
        current = Network(layers)
        grads = backward(current, forward(current, x), t, "mse")
        old = layers[index]
        layers[index] = type(old)(
            old.weights - eta * grads.grad_w[index], old.biases - eta * grads.grad_b[index], old.activation
        )
    return Network(layers)


def test_update_is_simultaneous_every_gradient_from_the_old_weights():
    network, x, t = checked_case(4, [2, 3, 2], "sigmoid", "sigmoid", "mse")
    eta = 0.5
    old_grads = backward(network, forward(network, x), t, "mse")
    step = train_step(network, x, t, "mse", {"name": "sgd", "learning_rate": eta})
    for index, (old, new) in enumerate(zip(network.layers, step.network.layers, strict=True)):
        assert np.allclose(new.weights, old.weights - eta * old_grads.grad_w[index], rtol=0, atol=1e-15)
        assert np.allclose(new.biases, old.biases - eta * old_grads.grad_b[index], rtol=0, atol=1e-15)
    wrong = sequential_update(network, x, t, eta)
    assert np.abs(wrong.layers[0].weights - step.network.layers[0].weights).max() > 1e-6


def test_train_step_does_not_modify_the_network_it_was_given():
    network, x, t = checked_case(5, [2, 3, 1], "tanh", "sigmoid", "mse")
    before = [p.copy() for p in network.parameters()]
    train_step(network, x, t, "mse", {"name": "adam", "learning_rate": 0.1})
    assert all(np.array_equal(a, b) for a, b in zip(before, network.parameters(), strict=True))


def test_forward_computes_w_times_a_plus_b_with_weights_indexed_neuron_then_input():
    network = Network.from_lists(
        [{"weights": [[1.0, 2.0, 3.0], [-1.0, 0.5, 0.0]], "biases": [0.5, -1.0], "activation": "linear"}]
    )
    fp = forward(network, np.array([[1.0, 10.0, 100.0]]))
    assert fp.outputs.tolist() == [[321.5, 3.0]]


def test_forward_refuses_an_overflow_as_diverged():
    network = Network.from_lists(
        [
            {"weights": [[1e300, 1e300]], "biases": [0.0], "activation": "linear"},
            {"weights": [[1e300]], "biases": [0.0], "activation": "linear"},
        ]
    )
    with pytest.raises(DivergedError, match="diverged: the forward pass overflowed"):
        forward(network, np.array([[1e10, 1e10]]))


def test_update_refuses_an_overflowing_learning_rate_as_diverged():
    network, x, t = checked_case(6, [2, 2, 1], "linear", "linear", "mse")
    grads = backward(network, forward(network, x), t, "mse").flat()
    huge = [g * 1e300 for g in grads]
    with pytest.raises(DivergedError, match="diverged: the update overflowed"):
        update(network, huge, {"name": "sgd", "learning_rate": 1e10})


@pytest.mark.parametrize(
    ("inputs", "targets", "loss", "path", "message"),
    [
        ([[1.0, 2.0], [1.0]], [[0.0], [0.0]], "mse", ("inputs", 0), "row 0 has 2 values but expected 3"),
        ([[1.0, 2.0, 3.0]], [[0.0, 1.0]], "mse", ("targets", 0), "row 0 has 2 values but expected 1"),
        ([[1.0, 2.0, 3.0]] * 2, [[0.0]], "mse", ("targets",), "has 1 rows but inputs has 2"),
        ([[1.0, 2.0, 3.0]], [[0.0]], "hinge", ("loss",), "unknown loss 'hinge'"),
        ([[1.0, 2.0, 3.0]], [[2.0]], "binary_cross_entropy", ("targets",), "must lie between 0 and 1"),
        ([[1.0, 2.0, 3.0]], [[0.0]], "cross_entropy", ("network", "layers", 0, "activation"), "needs a 'softmax'"),
        ([], [], "mse", ("inputs",), "at least one row"),
    ],
)
def test_check_batch_names_the_field_and_what_is_wrong(inputs, targets, loss, path, message):
    network = Network.from_lists([{"weights": [[1.0, 2.0, 3.0]], "biases": [0.0], "activation": "sigmoid"}])
    with pytest.raises(NetworkError, match=message) as caught:
        check_batch(network, inputs, targets, loss)
    assert caught.value.path == path


@pytest.mark.parametrize(("loss", "output"), LOSS_OUTPUTS)
def test_loss_at_is_the_loss_of_a_checked_forward_pass(loss, output):
    network, x, t = checked_case(7, [3, 4, 2], "tanh", output, loss)
    assert loss_at(network, x, t, loss) == compute_loss(forward(network, x), t, loss)


def test_loss_at_refuses_an_infinite_loss_or_z_as_diverged():
    network = Network.from_lists([{"weights": [[1e200]], "biases": [0.0], "activation": "linear"}])
    with pytest.raises(DivergedError, match="diverged: the mse loss overflowed"):
        loss_at(network, np.array([[1e10]]), np.array([[0.0]]), "mse")  # z = 1e210, ½z² = inf
    hidden = Network.from_lists([{"weights": [[1e300]], "biases": [0.0], "activation": "sigmoid"}])
    with pytest.raises(DivergedError, match="diverged: the forward pass overflowed"):
        loss_at(hidden, np.array([[1e10]]), np.array([[0.0]]), "mse")  # z = inf behind σ(z) = 1: L finite
