"""(a) One engine training step without trace vs the same step written as straight numpy.

The engine step is timed as the engine's training loop runs it: ``app.engine.training.train`` on
a data set of exactly one batch (full batch, so one step per epoch), hundreds of epochs per call
for the small network, as a /api/train request runs (``CASES``) — forward → loss → backward →
update, the loss of every step checked, the weights checked once at the end, the loss history
kept. The baseline is the same math (tanh/sigmoid hidden layers, a sigmoid output,
L = (1/N)Σ½Σ(y − t)², SGD) in a few lines of plain numpy below, the same number of steps per call.
The three are checked to compute the same numbers before anything is timed.

For scale, a third row: ``app.engine.train_step``, the single step /api/step runs, which checks
every number it made (all z, gradients, new weights) once per step and returns them all.

Run: ``python benchmarks/engine_step.py`` (about 30 s). Target: engine / plain ≤ 1.3×.
Try ``OPENBLAS_NUM_THREADS=1 python benchmarks/engine_step.py`` to see the BLAS threads' cost.
"""

import argparse

import numpy as np
from harness import alternate, machine_note, print_table

from app.engine import Network, check_batch, train_step
from app.engine.training import Data, train

CASES = [
    # (name, widths, activations, batch, steps per call; at the default compute budget one
    # /api/train request runs about 490 steps of the first case, 1 of the second)
    ("[2,4,4,1] batch 32", [2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], 32, 400),
    ("[784,128,10] batch 256", [784, 128, 10], ["sigmoid", "sigmoid"], 256, 4),
]
OPTIMIZER = {"name": "sgd", "learning_rate": 0.5}
TARGET = 1.3


def make_case(widths, activations, batch, seed=0):
    """Random weights (Glorot-uniform), inputs in [−1, 1] and targets in [0, 1]."""
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out, activation in zip(widths[:-1], widths[1:], activations, strict=True):
        limit = np.sqrt(6.0 / (n_in + n_out))
        weights = rng.uniform(-limit, limit, (n_out, n_in))
        layers.append({"weights": weights.tolist(), "biases": [0.0] * n_out, "activation": activation})
    inputs = rng.uniform(-1, 1, (batch, widths[0]))
    targets = rng.uniform(0, 1, (batch, widths[-1]))
    return layers, inputs, targets


# --- the baseline: one SGD step on ½Σ(y − t)², straight numpy -------------------------------


def plain_step(weights, biases, activations, x, t, eta):
    """Return (loss, new weights, new biases) for one step; activations are 'tanh'/'sigmoid'."""
    a_list = [x]
    for w, b, f in zip(weights, biases, activations, strict=True):
        z = a_list[-1] @ w.T + b
        a_list.append(np.tanh(z) if f == "tanh" else 1.0 / (1.0 + np.exp(-z)))
    y, n = a_list[-1], x.shape[0]
    loss = 0.5 * ((y - t) ** 2).sum() / n
    grad_a = y - t
    new_w, new_b = [None] * len(weights), [None] * len(weights)
    for index in range(len(weights) - 1, -1, -1):
        a = a_list[index + 1]
        delta = grad_a * (1.0 - a * a if activations[index] == "tanh" else a * (1.0 - a))
        grad_a = delta @ weights[index]
        new_w[index] = weights[index] - eta * (delta.T @ a_list[index]) / n
        new_b[index] = biases[index] - eta * delta.sum(axis=0) / n
    return loss, new_w, new_b


def plain_loop(weights, biases, activations, x, t, steps):
    """``steps`` plain steps in a row; returns the loss of each and the weights after the last."""
    losses = []
    for _ in range(steps):
        loss, weights, biases = plain_step(weights, biases, activations, x, t, OPTIMIZER["learning_rate"])
        losses.append(loss)
    return losses, weights, biases


def check_same_numbers(network, x, t, activations, steps):
    """The training loop, ``train_step`` and the plain loop must agree: every loss and every new parameter."""
    start = ([layer.weights for layer in network.layers], [layer.biases for layer in network.layers])
    losses, weights, biases = plain_loop(*start, activations, x, t, steps)
    plain = [p for pair in zip(weights, biases, strict=True) for p in pair]
    done = train(network, Data(x, t, x[:0], t[:0]), "mse", OPTIMIZER, None, steps, len(x), 0)
    np.testing.assert_allclose(done.history.train_loss, losses, rtol=1e-12)
    stepped, step_losses = network, []
    for _ in range(steps):
        step = train_step(stepped, x, t, "mse", OPTIMIZER)
        stepped = step.network
        step_losses.append(step.loss)
    np.testing.assert_allclose(step_losses, losses, rtol=1e-12)
    for ours in (done.network, stepped):
        for mine, theirs in zip(ours.parameters(), plain, strict=True):
            np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-14)


def loops(layers, inputs, targets, activations, steps):
    """Three closures, each running ``steps`` more steps of its own training loop per call."""
    network = Network.from_lists(layers)
    x, t = check_batch(network, inputs.tolist(), targets.tolist(), "mse")
    check_same_numbers(network, x, t, activations, steps)
    state = {"loop": network, "step": network, "w": [la.weights for la in network.layers]}
    state["b"] = [la.biases for la in network.layers]
    data = Data(x, t, x[:0], t[:0])

    def engine_loop():
        state["loop"] = train(state["loop"], data, "mse", OPTIMIZER, None, steps, len(x), 0).network

    def single_steps():
        for _ in range(steps):
            state["step"] = train_step(state["step"], x, t, "mse", OPTIMIZER).network

    def plain():
        _, state["w"], state["b"] = plain_loop(state["w"], state["b"], activations, x, t, steps)

    return {"engine": engine_loop, "plain": plain, "train_step": single_steps}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=41, help="alternating rounds per case (median of these)")
    args = parser.parse_args()
    rows = []
    for name, widths, activations, batch, steps in CASES:
        medians = alternate(loops(*make_case(widths, activations, batch), activations, steps), args.rounds)
        medians = {key: seconds / steps for key, seconds in medians.items()}
        ratio = medians["engine"] / medians["plain"]
        verdict = "meets" if ratio <= TARGET else "MISSES"
        rows.append(
            [
                name,
                f"{medians['engine'] * 1e6:.1f}",
                f"{medians['plain'] * 1e6:.1f}",
                f"{ratio:.2f}×",
                f"{verdict} ≤ {TARGET}×",
                f"{medians['train_step'] / medians['plain']:.2f}×",
            ]
        )
    print(f"engine training loop step (no trace) vs plain numpy — {machine_note()}")
    print(f"median of {args.rounds} alternating rounds; same numbers checked (allclose) first")
    headers = ["case", "engine µs/step", "plain µs/step", "engine/plain", "target", "train_step/plain"]
    print_table(headers, rows)


if __name__ == "__main__":
    main()
