"""Mini-batch training: it lowers the loss, reproduces with a seed, continues across chunks, and
predicts over a grid with the documented orientation."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.engine import DivergedError, Network, NetworkError, forward, train_step
from app.engine.datasets import make_dataset
from app.engine.initialize import random_network
from app.engine.network import state_to_lists
from app.engine.training import (
    Data,
    Tally,
    class_labels,
    correct_count,
    evaluate,
    predict_grid,
    train,
)

OPTIMIZERS = [
    {"name": "sgd", "learning_rate": 1.0},
    {"name": "momentum", "learning_rate": 0.1, "momentum": 0.9},
    {"name": "adam", "learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8},
]


def _xor_data(samples=100, test=20):
    x, t = make_dataset("xor", samples, 0.0, 0)
    return Data(x[:-test], t[:-test], x[-test:], t[-test:])


def _network(seed=1):
    return random_network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], seed)


@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: o["name"])
def test_every_optimizer_lowers_the_training_and_test_loss(optimizer):
    data = _xor_data()
    before, _ = evaluate(_network(), data.x_test, data.t_test, "mse", True)
    done = train(_network(), data, "mse", optimizer, None, 30, 10, seed=0)
    assert done.epochs_done == 30
    assert done.history.train_loss[-1] < 0.8 * done.history.train_loss[0]
    assert done.history.test_loss[-1] < before


def test_training_is_reproducible_with_the_same_seed():
    first = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 5, 7, seed=3)
    again = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 5, 7, seed=3)
    other = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 5, 7, seed=4)
    assert first.history == again.history
    assert first.network.to_lists() == again.network.to_lists()
    assert first.history.train_loss != other.history.train_loss  # a different shuffle


@pytest.mark.parametrize("optimizer", OPTIMIZERS, ids=lambda o: o["name"])
def test_full_batch_training_takes_the_same_steps_as_train_step(optimizer):
    data = _xor_data()
    done = train(_network(), data, "mse", optimizer, None, 3, len(data.x), seed=0)
    network, state, losses, test_losses = _network(), None, [], []
    for _ in range(3):
        step = train_step(network, data.x, data.t, "mse", optimizer, state)
        network, state = step.network, state_to_lists(step.optimizer_state)
        losses.append(step.loss)
        test_losses.append(evaluate(network, data.x_test, data.t_test, "mse", True)[0])
    assert done.history.train_loss == pytest.approx(losses, rel=1e-12)
    # The loop reuses its hidden layers' arrays per batch size: the test set's pass spoils no step.
    assert done.history.test_loss == pytest.approx(test_losses, rel=1e-12)
    for mine, theirs in zip(done.network.parameters(), network.parameters(), strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12)


def test_optimizer_state_carries_over_so_chunks_continue_the_adam_steps():
    data, adam = _xor_data(), OPTIMIZERS[2]
    first = train(_network(), data, "mse", adam, None, 2, 10, seed=0)
    assert first.optimizer_state["step"] == 2 * 8
    second = train(first.network, data, "mse", adam, state_to_lists(first.optimizer_state), 2, 10, seed=0)
    assert second.optimizer_state["step"] == 4 * 8
    fresh = train(first.network, data, "mse", adam, None, 2, 10, seed=0)
    assert second.history.train_loss != fresh.history.train_loss  # the moments were used


def test_accuracy_history_is_kept_for_class_labels_and_absent_for_regression():
    done = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 3, 10, seed=0)
    assert len(done.history.train_accuracy) == len(done.history.test_accuracy) == 3
    x, t = make_dataset("sine", 50, 0.0, 0)
    sine_net = random_network([1, 8, 1], ["tanh", "linear"], 0)
    regression = train(sine_net, Data(x, t, x[:0], t[:0]), "mse", OPTIMIZERS[0], None, 3, 10, seed=0)
    assert regression.history.train_accuracy is None
    assert regression.history.test_loss == []


@pytest.mark.parametrize("flush_values", [3, 100_000])
def test_accuracy_history_is_the_share_classified_right_before_each_update(monkeypatch, flush_values):
    monkeypatch.setattr(Tally, "FLUSH_VALUES", flush_values)  # flushing every step or once: same counts
    data = _xor_data()
    done = train(_network(), data, "mse", OPTIMIZERS[0], None, 4, len(data.x), seed=0)
    network, expected, expected_test = _network(), [], []
    for _ in range(4):
        step = train_step(network, data.x, data.t, "mse", OPTIMIZERS[0])
        network = step.network
        expected.append(np.mean((step.forward.outputs >= 0.5) == (data.t >= 0.5)))
        expected_test.append(evaluate(network, data.x_test, data.t_test, "mse", True)[1])
    assert done.history.train_accuracy == pytest.approx(expected, abs=1e-15)
    assert done.history.test_accuracy == pytest.approx(expected_test, abs=1e-15)


def test_mini_batch_accuracy_is_the_same_whether_the_tally_flushes_every_step_or_once(monkeypatch):
    once = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 3, 10, seed=0).history
    monkeypatch.setattr(Tally, "FLUSH_VALUES", 3)
    often = train(_network(), _xor_data(), "mse", OPTIMIZERS[0], None, 3, 10, seed=0).history
    assert often.train_accuracy == once.train_accuracy and often.test_accuracy == once.test_accuracy
    assert min(once.train_accuracy) > 0 and max(once.train_accuracy) <= 1


def test_accuracy_of_several_classes_compares_the_largest_output_with_the_one_hot_target():
    x, t = make_dataset("gaussians", 60, 0.3, 0)
    t = np.hstack([t, 1 - t])  # two one-hot columns
    network = random_network([2, 6, 2], ["tanh", "softmax"], 0)
    done = train(network, Data(x, t, x[:0], t[:0]), "cross_entropy", OPTIMIZERS[2], None, 3, 60, seed=0)
    for epoch, accuracy in enumerate(done.history.train_accuracy):
        before = train(network, Data(x, t, x[:0], t[:0]), "cross_entropy", OPTIMIZERS[2], None, epoch, 60, 0)
        outputs = forward(before.network, x).outputs
        assert accuracy == np.mean(outputs.argmax(axis=1) == t.argmax(axis=1))


def test_correct_count_thresholds_one_output_and_takes_argmax_of_several():
    assert correct_count(np.array([[0.7], [0.2], [0.5]]), class_labels(np.array([[1.0], [1.0], [1.0]]))) == 2
    y = np.array([[0.1, 0.9], [0.8, 0.2]])
    assert correct_count(y, class_labels(np.array([[0.0, 1.0], [0.0, 1.0]]))) == 1


def test_divergence_raises_naming_the_epoch():
    network = random_network([2, 8, 1], ["relu", "linear"], 0)
    x, t = make_dataset("xor", 20, 0.0, 0)
    with pytest.raises(DivergedError, match=r"^diverged: .*epoch \d+ of this request"):
        train(
            network, Data(x * 1e3, t * 1e3, x[:0], t[:0]), "mse", {"name": "sgd", "learning_rate": 1e5}, None, 50, 20, 0
        )


def test_weights_that_overflow_behind_a_saturated_output_are_caught_at_the_end():
    # w → −∞ after one step; then z = −∞, σ(z) = 0 exactly, δ = 0: every later loss is finite and
    # the weight stays infinite. Only the end-of-request check of the weights can see it.
    network = Network.from_lists([{"weights": [[0.0]], "biases": [0.0], "activation": "sigmoid"}])
    x, t = np.array([[1e10]]), np.array([[0.0]])
    message = r"^diverged: the update overflowed.*\(found after this request's 3 epochs\)"
    with pytest.raises(DivergedError, match=message):
        train(network, Data(x, t, x[:0], t[:0]), "mse", {"name": "sgd", "learning_rate": 1e300}, None, 3, 1, 0)


def test_a_test_loss_that_overflows_names_the_epoch_it_overflowed_in():
    network = Network.from_lists([{"weights": [[1.0]], "biases": [0.0], "activation": "linear"}])
    x, t = np.array([[0.5], [0.2]]), np.array([[0.0], [0.0]])
    data = Data(x, t, np.array([[1e200]]), np.array([[0.0]]))
    with pytest.raises(DivergedError, match=r"^diverged: the mse loss overflowed \(in epoch 1 of this request\)$"):
        train(network, data, "mse", OPTIMIZERS[0], None, 5, 2, 0)


def test_finite_batch_losses_near_the_float_limit_give_a_finite_epoch_loss():
    # Three batches of loss 8.45e307 each: their sum overflows, their mean does not.
    network = Network.from_lists([{"weights": [[0.0]], "biases": [0.0], "activation": "linear"}])
    x, t = np.zeros((3, 1)), np.full((3, 1), 1.3e154)
    done = train(network, Data(x, t, x[:0], t[:0]), "mse", {"name": "sgd", "learning_rate": 0.0}, None, 1, 1, 0)
    assert done.history.train_loss == [pytest.approx(0.5 * 1.3e154**2)]


def test_grid_rows_follow_x2_and_columns_follow_x1():
    # One linear neuron y = x1 + 10·x2 makes the orientation visible.
    network = random_network([2, 1], ["linear"], 0)
    network.layers[0].weights[:] = [[1.0, 10.0]]
    grid = predict_grid(network, np.array([[0.0, 0.0], [1.0, 1.0]]), 3, ([0.0, 1.0], [0.0, 2.0]))
    assert grid["x1"] == [0.0, 0.5, 1.0]
    assert grid["x2"] == [0.0, 1.0, 2.0]
    assert grid["values"][2][1] == pytest.approx(0.5 + 10 * 2.0)


def test_grid_covers_the_data_range_with_ten_percent_padding():
    network = random_network([1, 4, 1], ["tanh", "linear"], 0)
    grid = predict_grid(network, np.array([[-1.0], [1.0]]), 5)
    assert grid["x1"][0] == pytest.approx(-1.2)
    assert grid["x1"][-1] == pytest.approx(1.2)
    assert len(grid["values"]) == 5 and grid["x2"] is None


def test_grid_refuses_networks_with_more_than_two_inputs():
    with pytest.raises(NetworkError, match="1 or 2 inputs"):
        predict_grid(random_network([3, 1], ["linear"], 0), np.zeros((2, 3)), 5)


def test_training_datasets_and_initialize_import_no_web_framework():
    code = (
        "import sys, app.engine.training, app.engine.datasets, app.engine.initialize; "
        "print(sorted(m for m in ('fastapi', 'pydantic', 'starlette') if m in sys.modules))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert done.stdout.strip() == "[]"
