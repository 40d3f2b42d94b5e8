"""(a) One engine training step without trace vs the same step written as straight numpy.

The engine step is ``app.engine.train_step`` (forward → compute_loss → backward → update) run as
a training loop runs it: the updated network feeds the next step. The baseline is the same math
(tanh/sigmoid hidden layers, a sigmoid output, L = (1/N)Σ½Σ(y − t)², SGD) in a few lines of plain
numpy below. Both are checked to compute the same numbers before anything is timed.

Run: ``python benchmarks/engine_step.py`` (about 30 s). Target: engine / plain ≤ 1.3×.
Try ``OPENBLAS_NUM_THREADS=1 python benchmarks/engine_step.py`` to see the BLAS threads' cost.
"""

import argparse

import numpy as np
from harness import alternate, machine_note, print_table

from app.engine import Network, check_batch, train_step

CASES = [
    # (name, widths, activations, batch)
    ("[2,4,4,1] batch 32", [2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], 32),
    ("[784,128,10] batch 256", [784, 128, 10], ["sigmoid", "sigmoid"], 256),
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


def check_same_numbers(network, x, t, activations):
    """Two steps of each must agree: the loss and every new parameter."""
    weights = [layer.weights for layer in network.layers]
    biases = [layer.biases for layer in network.layers]
    for _ in range(2):
        step = train_step(network, x, t, "mse", OPTIMIZER)
        loss, weights, biases = plain_step(weights, biases, activations, x, t, OPTIMIZER["learning_rate"])
        network = step.network
        np.testing.assert_allclose(step.loss, loss, rtol=1e-12)
        plain = [p for pair in zip(weights, biases, strict=True) for p in pair]
        for ours, theirs in zip(network.parameters(), plain, strict=True):
            np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-14)


def loops(layers, inputs, targets, activations):
    """Two closures, each running one more step of its own training loop per call."""
    network = Network.from_lists(layers)
    x, t = check_batch(network, inputs.tolist(), targets.tolist(), "mse")
    check_same_numbers(network, x, t, activations)
    engine_state = {"network": network}
    plain_state = {"w": [la.weights for la in network.layers], "b": [la.biases for la in network.layers]}

    def engine():
        engine_state["network"] = train_step(engine_state["network"], x, t, "mse", OPTIMIZER).network

    def plain():
        _, plain_state["w"], plain_state["b"] = plain_step(plain_state["w"], plain_state["b"], activations, x, t, 0.5)

    return engine, plain


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=41, help="alternating rounds per case (median of these)")
    args = parser.parse_args()
    rows = []
    for name, widths, activations, batch in CASES:
        engine, plain = loops(*make_case(widths, activations, batch), activations)
        medians = alternate({"engine": engine, "plain": plain}, args.rounds)
        ratio = medians["engine"] / medians["plain"]
        verdict = "meets" if ratio <= TARGET else "MISSES"
        rows.append(
            [
                name,
                f"{medians['engine'] * 1e6:.1f}",
                f"{medians['plain'] * 1e6:.1f}",
                f"{ratio:.2f}×",
                f"{verdict} ≤ {TARGET}×",
            ]
        )
    print(f"engine training step (no trace) vs plain numpy — {machine_note()}")
    print(f"median of {args.rounds} alternating rounds; same numbers checked (allclose) first")
    print_table(["case", "engine µs/step", "plain µs/step", "engine/plain", "target"], rows)


if __name__ == "__main__":
    main()
