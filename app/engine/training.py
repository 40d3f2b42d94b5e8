"""Many steps at once: mini-batch training for a number of epochs, its loss and accuracy history,
and the model's predictions over a grid of inputs (the heatmap, or the fitted curve).

Each mini-batch goes through the same four steps as a single step — ``descend`` from ``backprop``:
forward → loss → backward → update — nothing is re-derived here. A single step checks every
number it made; a training loop checks each step's loss and, once at the end, the weights and the
optimizer's state (a non-finite weight or moment stays non-finite, so none is missed).
"""

from dataclasses import dataclass, field

import numpy as np

from .backprop import (
    QUIET,
    activation_names,
    check_update,
    compute_loss,
    descend,
    finite_loss,
    forward,
    hidden_room,
    mean_loss,
    prepare_optimizer,
    propagate,
    with_ones,
)
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


def class_labels(t):
    """The class of each row: t ≥ 0.5 for one 0/1 column (kept as a column, N × 1), else argmax t."""
    return t >= 0.5 if t.shape[1] == 1 else t.argmax(axis=1)


def correct_count(y, labels):
    """How many rows the outputs ``y`` classify as ``labels`` (from ``class_labels``) say."""
    return np.count_nonzero(class_labels(y) == labels)


def evaluate(network, x, t, loss, classification):
    """(L, accuracy or None) of the network on a whole set; (None, None) for an empty set."""
    if len(x) == 0:
        return None, None
    fp = forward(network, x)
    value = compute_loss(fp, t, loss)
    return value, (correct_count(fp.outputs, class_labels(t)) / len(x) if classification else None)


@dataclass
class Batch:
    x1: np.ndarray
    """Inputs with a 1 appended to each row, [x | 1], B × (n_in + 1)."""
    t: np.ndarray
    """Targets, B × K."""
    labels: np.ndarray | None
    """``class_labels(t)`` for class labels, worked out once, else None."""


def batch(x1, t, classification):
    return Batch(x1, t, class_labels(t) if classification else None)


class Epochs:
    """The mini-batches of each epoch: a fresh shuffle each time, or the whole set (full batch) once."""

    def __init__(self, data, batch_size, seed, classification):
        self.data, self.batch_size, self.classification = data, batch_size, classification
        self.x1 = with_ones(data.x)
        self.whole = [batch(self.x1, data.t, classification)] if batch_size >= len(data.x) else None
        self.rng = None if self.whole else np.random.default_rng(seed)

    def batches(self):
        if self.whole is not None:
            return self.whole
        n, size, x1, t = len(self.data.x), self.batch_size, self.x1, self.data.t
        order = self.rng.permutation(n)
        rows = (order[start : start + size] for start in range(0, n, size))
        return [batch(x1[r], t[r], self.classification) for r in rows]


class Tally:
    """How many rows of each epoch were classified right, worked out in bulk: every step's outputs
    are kept (by reference, they are fresh arrays) with their labels and compared in one go every
    ``FLUSH_VALUES`` outputs and at the end — a few numpy calls per run instead of several per step."""

    FLUSH_VALUES = 100_000

    def __init__(self):
        self.right = np.zeros(0)
        """Rows classified right, per epoch of the run."""
        self.pending = []
        """(epoch, outputs, labels) of the steps not yet counted."""
        self.values = 0
        """How many output values ``pending`` holds."""

    def add(self, epoch, y, labels):
        self.pending.append((epoch, y, labels))
        self.values += y.size
        if self.values >= self.FLUSH_VALUES:
            self.flush()

    def flush(self):
        if not self.pending:
            return
        epochs, ys, labels = zip(*self.pending, strict=True)
        rows = np.repeat(epochs, [len(y) for y in ys])  # the epoch of every row
        right = (class_labels(np.concatenate(ys)) == np.concatenate(labels)).reshape(-1)
        counts = np.bincount(rows, weights=right, minlength=len(self.right))
        counts[: len(self.right)] += self.right
        self.right, self.pending, self.values = counts, [], 0

    def fractions(self, epochs, rows):
        """Per epoch, the fraction of ``rows`` classified right."""
        self.flush()
        right = np.zeros(epochs)
        right[: len(self.right)] = self.right
        return (right / rows).tolist()


class Descent:
    """A training run's weights, optimizer and loss: ``run_epoch`` repeats the four steps unchecked
    (each step's loss is checked; the weights and the optimizer's state once, by ``check``)."""

    def __init__(self, network, loss, optimizer, state):
        self.start, self.loss, self.name = network, loss, optimizer["name"]
        self.thetas, self.activations = network.thetas(), activation_names(network)
        self.apply, self.hyper, self.state = prepare_optimizer(optimizer, self.thetas, state)
        self.rooms = {}
        """``hidden_room`` per batch size, made once: the hidden layers' a are rewritten each step."""

    def hidden(self, n):
        if n not in self.rooms:
            self.rooms[n] = hidden_room(self.thetas, n)
        return self.rooms[n]

    def run_epoch(self, epochs, tally, epoch):
        """One pass over the training set; returns the mean batch loss (the outputs go to ``tally``)."""
        mean, thetas, state, n = 0.0, self.thetas, self.state, len(epochs.data.x)
        loss, activations, apply, hyper = self.loss, self.activations, self.apply, self.hyper
        for b in epochs.batches():
            size = len(b.x1)
            fp, value, _, thetas, state = descend(
                thetas, activations, b.x1, self.hidden(size), b.t, loss, apply, hyper, state
            )
            # Each batch's share of the mean, added as a weighted mean: finite losses sum to a finite one.
            mean += finite_loss(value, loss) * (size / n)
            if b.labels is not None:
                tally.add(epoch, fp.outputs, b.labels)
        self.thetas, self.state = thetas, state
        return mean

    def measure(self, test, tally, epoch):
        """L on the held-out batch with the current weights (the outputs go to ``tally``)."""
        fp = propagate(self.thetas, self.activations, test.x1, self.hidden(len(test.x1)))
        value = finite_loss(mean_loss(fp, test.t, self.loss), self.loss)
        if test.labels is not None:
            tally.add(epoch, fp.outputs, test.labels)
        return value

    def check(self):
        check_update(self.thetas, self.state, self.name)

    @property
    def network(self):
        return self.start.with_thetas(self.thetas)


@dataclass
class Training:
    network: object
    optimizer_state: dict
    """One array per slot and layer, shaped like θ = [W | b], as ``update`` returns them;
    ``state_to_lists`` makes JSON of it."""
    history: History
    epochs_done: int


def train(network, data, loss, optimizer, state, epochs, batch_size, seed):
    """Run ``epochs`` epochs of mini-batch training; the shuffles come from ``default_rng([seed, step])``,
    so a request is reproducible and chunked requests continue with fresh, still reproducible shuffles.
    """
    descent = Descent(network, loss, optimizer, state)
    classification = data.classification
    plan = Epochs(data, batch_size, [seed, descent.state["step"]], classification)
    test = batch(with_ones(data.x_test), data.t_test, classification) if len(data.x_test) else None
    history, train_tally, test_tally = History(), Tally(), Tally()
    epoch = 0
    try:
        with np.errstate(**QUIET):
            for epoch in range(epochs):
                history.train_loss.append(descent.run_epoch(plan, train_tally, epoch))
                if test is not None:
                    history.test_loss.append(descent.measure(test, test_tally, epoch))
            epoch = epochs  # past the last epoch: only the final check is left
        descent.check()
    except DivergedError as error:
        reason = str(error).removeprefix("diverged: ")
        if epoch < epochs:
            where = f"in epoch {epoch + 1} of this request"
        else:  # a weight that overflowed behind a saturated σ
            where = f"found after this request's {epochs} epochs"
        raise DivergedError(f"{reason} ({where})") from None
    if classification:
        history.train_accuracy = train_tally.fractions(epochs, len(data.x))
        if test is not None:
            history.test_accuracy = test_tally.fractions(epochs, len(test.x1))
    return Training(descent.network, descent.state, history, epochs)


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
        if given is not None and not given[0] < given[1]:
            low, high = given
            raise NetworkError(("grid", f"x{index + 1}_range"), f"is [{low}, {high}]: give [low, high], low below high")


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
