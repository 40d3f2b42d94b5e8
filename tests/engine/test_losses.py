"""Losses: the seed's ½Σ(y − t)² averaged over the batch, and finite where y saturates."""

import numpy as np
import pytest

from app.engine import Network, backward, check_batch, compute_loss, forward


def one_layer(weights, biases, activation):
    return Network.from_lists([{"weights": weights, "biases": biases, "activation": activation}])


def loss_of(network, inputs, targets, loss):
    x, t = check_batch(network, inputs, targets, loss)
    fp = forward(network, x)
    return compute_loss(fp, t, loss), backward(network, fp, t, loss)


def test_mse_is_half_the_squared_error_summed_over_outputs_and_averaged_over_samples():
    network = one_layer([[1.0], [2.0]], [0.0, 0.0], "linear")
    value, _ = loss_of(network, [[1.0], [3.0]], [[0.0, 0.0], [0.0, 1.0]], "mse")
    # sample 0: y = (1, 2) → ½(1 + 4) = 2.5;  sample 1: y = (3, 6) → ½(9 + 25) = 17
    assert value == pytest.approx((2.5 + 17.0) / 2, rel=1e-15)


def test_binary_cross_entropy_matches_its_textbook_formula():
    network = one_layer([[1.0]], [0.0], "sigmoid")
    value, _ = loss_of(network, [[0.3], [-2.0]], [[1.0], [0.25]], "binary_cross_entropy")
    y = 1 / (1 + np.exp(-np.array([0.3, -2.0])))
    t = np.array([1.0, 0.25])
    assert value == pytest.approx(np.mean(-(t * np.log(y) + (1 - t) * np.log(1 - y))), rel=1e-12)


def test_cross_entropy_is_minus_log_of_the_true_class_probability():
    network = one_layer([[1.0], [0.0], [-1.0]], [0.0, 0.0, 0.0], "softmax")
    value, _ = loss_of(network, [[2.0]], [[0.0, 1.0, 0.0]], "cross_entropy")
    z = np.array([2.0, 0.0, -2.0])
    assert value == pytest.approx(-np.log(np.exp(0.0) / np.exp(z).sum()), rel=1e-12)


@pytest.mark.parametrize("z", [800.0, -800.0])
def test_binary_cross_entropy_stays_finite_and_exact_when_sigmoid_saturates(z):
    network = one_layer([[1.0]], [0.0], "sigmoid")
    value, grads = loss_of(network, [[z]], [[1.0]], "binary_cross_entropy")
    # −log σ(z) = log(1 + e^(−z)): 0 for z = 800, 800 for z = −800; y rounds to exactly 1 or 0.
    assert value == pytest.approx(max(-z, 0.0), abs=1e-12)
    assert np.isfinite(grads.grad_w[0]).all()


def test_cross_entropy_stays_finite_and_exact_when_softmax_saturates():
    network = one_layer([[1.0], [-1.0]], [0.0, 0.0], "softmax")
    value, grads = loss_of(network, [[500.0]], [[0.0, 1.0]], "cross_entropy")
    # z = (500, −500): −log softmax(z)₁ = 1000 although y₁ rounds to 0.
    assert value == pytest.approx(1000.0, rel=1e-12)
    assert np.allclose(grads.grad_w[0], [[500.0], [-500.0]])


def test_mse_with_softmax_outputs_uses_the_softmax_jacobian():
    network = one_layer([[1.0], [0.0]], [0.0, 0.0], "softmax")
    _, grads = loss_of(network, [[1.0]], [[1.0, 0.0]], "mse")
    y = np.exp([1.0, 0.0]) / np.exp([1.0, 0.0]).sum()
    dl_dy = y - np.array([1.0, 0.0])
    jacobian = np.diag(y) - np.outer(y, y)
    assert np.allclose(grads.deltas[0][0], jacobian @ dl_dy, rtol=1e-12)
