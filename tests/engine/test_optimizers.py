"""Optimizers: each one trains xor, carries its state from step to step, and follows its rule."""

import numpy as np
import pytest

from app.engine import Network, NetworkError, check_batch, train_step, update
from app.engine.optimizers import OPTIMIZERS, hyperparameters
from app.engine.presets import get_preset

TRAINING = {
    "sgd": {"name": "sgd", "learning_rate": 2.0},
    "momentum": {"name": "momentum", "learning_rate": 0.5, "momentum": 0.9},
    "adam": {"name": "adam", "learning_rate": 0.05},
}


def xor():
    preset = get_preset("xor-2-2-1")
    network = Network.from_lists(preset["network"]["layers"])
    x, t = check_batch(network, preset["inputs"], preset["targets"], "mse")
    return network, x, t


def train(network, x, t, optimizer, steps):
    """Run ``steps`` training steps, feeding each step's optimizer state into the next; the losses seen."""
    state, losses = None, []
    for _ in range(steps):
        step = train_step(network, x, t, "mse", optimizer, state)
        network, state = step.network, step.optimizer_state
        losses.append(step.loss)
    return network, state, losses


@pytest.mark.parametrize("name", list(TRAINING))
def test_every_optimizer_lowers_the_loss_on_xor(name):
    network, x, t = xor()
    _, state, losses = train(network, x, t, TRAINING[name], 300)
    assert losses[-1] < 0.6 * losses[0], f"{name}: {losses[0]:.4f} → {losses[-1]:.4f}"
    assert state["step"] == 300


@pytest.mark.parametrize("name", list(TRAINING))
def test_learning_rate_zero_changes_no_weight(name):
    network, x, t = xor()
    after, _, _ = train(network, x, t, {**TRAINING[name], "learning_rate": 0.0}, 3)
    assert all(np.array_equal(a, b) for a, b in zip(network.parameters(), after.parameters(), strict=True))


def test_sgd_moves_each_weight_by_learning_rate_times_gradient():
    network, _, _ = xor()
    grads = [np.full_like(p, 0.25) for p in network.parameters()]
    new, state = update(network, grads, {"name": "sgd", "learning_rate": 0.4})
    for old, moved in zip(network.parameters(), new.parameters(), strict=True):
        assert np.allclose(moved, old - 0.1, rtol=0, atol=1e-15)
    assert state == {"step": 1}


def test_momentum_accumulates_velocity_from_the_state_it_is_given():
    network, _, _ = xor()
    grads = [np.ones_like(p) for p in network.parameters()]
    velocity = [{"weights": layer.weights * 0 + 2.0, "biases": layer.biases * 0 + 2.0} for layer in network.layers]
    state = {"step": 4, "velocity": [{k: v.tolist() for k, v in pair.items()} for pair in velocity]}
    new, new_state = update(network, grads, {"name": "momentum", "learning_rate": 0.1, "momentum": 0.5}, state)
    # v := 0.5·2 + 1 = 2;  w := w − 0.1·2
    assert all(np.allclose(v, 2.0) for v in new_state["velocity"])
    assert new_state["step"] == 5
    for old, moved in zip(network.parameters(), new.parameters(), strict=True):
        assert np.allclose(moved, old - 0.2, rtol=0, atol=1e-15)


def test_adam_first_step_moves_each_weight_by_about_the_learning_rate():
    network, _, _ = xor()
    grads = [np.full_like(p, -3.0) for p in network.parameters()]
    new, state = update(network, grads, {"name": "adam", "learning_rate": 0.01})
    # With bias correction, m̂ = g and v̂ = g² on step 1, so the move is η·g/|g| = ±η.
    for old, moved in zip(network.parameters(), new.parameters(), strict=True):
        assert np.allclose(moved, old + 0.01, rtol=0, atol=1e-9)
    # One moment array per layer, shaped like θ = [W | b].
    assert state["step"] == 1 and [m.shape for m in state["m"]] == [(2, 3), (1, 3)]
    assert all(np.allclose(v, 0.001 * 9.0) for v in state["v"])


def test_optimizer_state_of_the_wrong_shape_names_the_slot_and_layer():
    network, _, _ = xor()
    grads = [np.zeros_like(p) for p in network.parameters()]
    state = {"velocity": [{"weights": [[0.0, 0.0]], "biases": [0.0]}, {"weights": [[0.0, 0.0]], "biases": [0.0]}]}
    with pytest.raises(NetworkError, match=r"has shape \(1, 2\) but layers\[0\]\.weights has shape \(2, 2\)") as caught:
        update(network, grads, {"name": "momentum", "learning_rate": 0.1}, state)
    assert caught.value.path == ("optimizer_state", "velocity", 0, "weights")


def test_unknown_optimizer_names_the_choices():
    network, _, _ = xor()
    with pytest.raises(NetworkError, match="unknown optimizer 'rmsprop'; choose one of sgd, momentum, adam"):
        update(network, [np.zeros_like(p) for p in network.parameters()], {"name": "rmsprop"})


def test_hyperparameters_take_the_given_values_and_the_defaults_for_the_rest():
    given = {"name": "adam", "learning_rate": 0.03, "beta1": None}
    assert hyperparameters(given) == {**OPTIMIZERS["adam"][0], "learning_rate": 0.03}
