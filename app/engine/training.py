"""Many steps at once: mini-batch training for a number of epochs, its loss and accuracy history,
and the model's predictions over a grid of inputs (the heatmap, or the fitted curve).

Each mini-batch goes through the same four steps as a single step —
``forward → compute_loss → backward → update`` from ``backprop`` — nothing is re-derived here.
"""

from dataclasses import dataclass, field

import numpy as np

from .backprop import backward, check_state, compute_loss, forward, update
from .datasets import is_classification
from .network import DivergedError, NetworkError


@dataclass
class Data:
    x: np.ndarray
    """Training inputs, N × n_in."""
    t: np.ndarray
    """Training targets, N × K."""
    x_test: np.ndarray
    """Held-out inputs, M × n_in (M may be 0): never trained on."""
    t_test: np.ndarray
    """Held-out targets, M × K."""

    @property
    def classification(self):
        return is_classification(np.vstack([self.t, self.t_test]))


@dataclass
class History:
    train_loss: list = field(default_factory=list)
    """Per epoch: the mean of its mini-batch losses, each measured just before that batch's update."""
    test_loss: list = field(default_factory=list)
    """Per epoch: the loss on the test set with the weights at the end of the epoch (empty without one)."""
    train_accuracy: list | None = None
    """Per epoch, for class labels: the fraction of training samples classified right during the epoch."""
    test_accuracy: list | None = None
    """Per epoch, for class labels: the fraction of test samples classified right at the end of the epoch."""


def correct_count(y, t):
    """How many rows the outputs classify right: y ≥ 0.5 for one 0/1 column, else argmax y = argmax t."""
    if t.shape[1] == 1:
        return np.count_nonzero((y >= 0.5) == (t >= 0.5))
    return int((y.argmax(axis=1) == t.argmax(axis=1)).sum())


def evaluate(network, x, t, loss, classification):
    """(L, accuracy or None) of the network on a whole set; (None, None) for an empty set."""
    if len(x) == 0:
        return None, None
    fp = forward(network, x)
    value = compute_loss(fp, t, loss)
    return value, (correct_count(fp.outputs, t) / len(x) if classification else None)


def batches(data, batch_size, rng):
    """(x, t) of each mini-batch for one epoch: a fresh shuffle, or the whole set at once (full batch)."""
    n = len(data.x)
    if batch_size >= n:
        return [(data.x, data.t)]
    order = rng.permutation(n)
    return [
        (data.x[rows], data.t[rows])
        for rows in (order[start : start + batch_size] for start in range(0, n, batch_size))
    ]


def run_epoch(network, data, loss, optimizer, state, batch_size, rng, classification):
    """One pass over the training set; returns (network, state, mean batch loss, correct count)."""
    total, correct = 0.0, 0
    for x, t in batches(data, batch_size, rng):
        fp = forward(network, x)
        total += compute_loss(fp, t, loss) * len(x)
        if classification:
            correct += correct_count(fp.outputs, t)
        grads = backward(network, fp, t, loss)
        network, state = update(network, grads.flat(), optimizer, state)  # update takes its own state back
    return network, state, total / len(data.x), correct


@dataclass
class Training:
    network: object
    optimizer_state: dict
    """Flat slots, as ``update`` returns them; ``state_to_lists`` makes JSON of it."""
    history: History
    epochs_done: int


def train(network, data, loss, optimizer, state, epochs, batch_size, seed):
    """Run ``epochs`` epochs of mini-batch training; the shuffles come from ``default_rng([seed, step])``,
    so a request is reproducible and chunked requests continue with fresh, still reproducible shuffles.
    """
    state = check_state(state, optimizer["name"], network.parameters())
    rng = np.random.default_rng([seed, state["step"]])
    classification = data.classification
    history = History(train_accuracy=[] if classification else None)
    if classification and len(data.x_test):
        history.test_accuracy = []
    for epoch in range(epochs):
        try:
            network, state, train_loss, correct = run_epoch(
                network, data, loss, optimizer, state, batch_size, rng, classification
            )
            test_loss, test_accuracy = evaluate(network, data.x_test, data.t_test, loss, classification)
        except DivergedError as error:
            reason = str(error).removeprefix("diverged: ")
            raise DivergedError(f"{reason} (in epoch {epoch + 1} of this request)") from None
        history.train_loss.append(train_loss)
        if test_loss is not None:
            history.test_loss.append(test_loss)
        if classification:
            history.train_accuracy.append(correct / len(data.x))
            if test_accuracy is not None:
                history.test_accuracy.append(test_accuracy)
    return Training(network, state, history, epochs)


# ---- how much work a request asks for ----


UPDATE_WORK = 20
"""Work units per parameter of one update: the optimizer's arithmetic and checks touch every
parameter some 20 times, whatever the batch size (measured: Adam on a 10 × 64 network)."""


def epoch_work(parameter_count, train_rows, test_rows, batch_size, step_cost):
    """Work units of one epoch: samples × parameters, plus for every mini-batch ``step_cost`` (a
    step's fixed cost in Python, whatever its size) and ``UPDATE_WORK`` × parameters, plus
    ``step_cost`` for the pass over the test set."""
    updates = -(-train_rows // batch_size)
    per_update = step_cost + UPDATE_WORK * parameter_count
    return (train_rows + test_rows) * parameter_count + updates * per_update + (step_cost if test_rows else 0)


# ---- predictions over the input range ----


def input_range(x, padding=0.1):
    """(low, high) per input column: the data's extent widened by ``padding`` of its span on each side."""
    low, high = x.min(axis=0), x.max(axis=0)
    span = np.where(high > low, high - low, 2.0)
    return low - padding * span, high + padding * span


GRID_DECIMALS = 4


def check_grid(input_width, ranges=None):
    """A grid exists for 1 or 2 inputs, with a range given only for inputs the network has."""
    if input_width not in (1, 2):
        raise NetworkError(("grid",), f"a grid needs 1 or 2 inputs; the network takes {input_width}")
    for index, given in enumerate(ranges or ()):
        if given is not None and index >= input_width:
            raise NetworkError(("grid", f"x{index + 1}_range"), f"the network takes only {input_width} input")


def predict_grid(network, x, resolution, ranges=None):
    """The model's output over the input range: a curve for 1 input, an R × R grid for 2.

    ``values[i][j]`` is the prediction at (x1[j], x2[i]): output 0 (to ``GRID_DECIMALS``) for one
    output, else the index of the largest output (the predicted class).
    """
    check_grid(network.input_width, ranges)
    low, high = input_range(x)
    for index, given in enumerate(ranges or ()):
        if given is not None:
            low[index], high[index] = given
    axes = [np.linspace(low[i], high[i], resolution) for i in range(network.input_width)]
    points = np.column_stack([a.ravel() for a in np.meshgrid(*axes)]) if len(axes) == 2 else axes[0][:, None]
    y = forward(network, points).outputs
    # Rounded to 4 decimals: plenty for a heatmap colour, and JSON of 2500 values 5× faster.
    values = np.round(y[:, 0], GRID_DECIMALS) if y.shape[1] == 1 else y.argmax(axis=1).astype(np.float64)
    grid = {"x1": axes[0].tolist(), "x2": None, "values": values.tolist()}
    if len(axes) == 2:
        grid["x2"] = axes[1].tolist()
        grid["values"] = values.reshape(resolution, resolution).tolist()
    return grid
