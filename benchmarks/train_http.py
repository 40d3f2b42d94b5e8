"""(c) Training through HTTP: ``POST /api/train`` on XOR (2-4-1, full batch, SGD) against a real
uvicorn, vs the same training written as a plain numpy loop, in the same run.

One request runs as many epochs as the default compute budget allows (one step per epoch at full
batch); the client sends the returned network back, as the browser's training loop does, over one
kept-alive connection, as a browser tab does. Steps/s through HTTP = steps done / wall time of
the requests, including JSON (both ends) and the server's checks.
The plain loop is the same math (tanh hidden layer, sigmoid output, L = (1/N)Σ½(y − t)², SGD) in a
few lines of numpy; it must produce the same loss history as the server before anything is timed.
The engine in-process (``app.engine.training.train``, no HTTP) is shown to split the costs.

Also: requests/s of the browser's live-training chunk (one epoch and a 50 × 50 grid per request).

Run: ``python benchmarks/train_http.py`` (about 30 s).
Targets: ≥ 20,000 steps/s through HTTP and HTTP per-step cost ≤ 2× the plain loop's.
"""

import argparse
import statistics
import time

import numpy as np
from harness import KeepAliveClient, http_json, machine_note, print_table, uvicorn_server

from app.engine import Network
from app.engine.initialize import random_network
from app.engine.training import Data, train

XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_T = np.array([[0.0], [1.0], [1.0], [0.0]])
LEARNING_RATE = 0.5
TARGET_STEPS, TARGET_RATIO = 20_000, 2.0


def train_body(network, epochs):
    return {
        "network": network,
        "inputs": XOR_X.tolist(),
        "targets": XOR_T.tolist(),
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": LEARNING_RATE},
        "epochs": epochs,
    }


def plain_loop(w1, b1, w2, b2, x, t, steps, eta=LEARNING_RATE):
    """``steps`` full-batch SGD steps of the 2-4-1 tanh/sigmoid network; returns the loss per step."""
    n, losses = len(x), np.empty(steps)
    for step in range(steps):
        h = np.tanh(x @ w1.T + b1)
        y = 1.0 / (1.0 + np.exp(-(h @ w2.T + b2)))
        losses[step] = 0.5 * ((y - t) ** 2).sum() / n
        delta2 = (y - t) * y * (1.0 - y)
        delta1 = (delta2 @ w2) * (1.0 - h * h)
        w2 -= eta * (delta2.T @ h) / n
        b2 -= eta * delta2.sum(axis=0) / n
        w1 -= eta * (delta1.T @ x) / n
        b1 -= eta * delta1.sum(axis=0) / n
    return losses


def arrays(network):
    (first, second) = network["layers"]
    return [
        np.array(first["weights"]),
        np.array(first["biases"]),
        np.array(second["weights"]),
        np.array(second["biases"]),
    ]


def check_same_numbers(url, network):
    """The server and the plain loop must compute the same losses from the same start."""
    answer = http_json(url + "/api/train", train_body(network, 50))
    plain = plain_loop(*arrays(network), XOR_X, XOR_T, 50)
    np.testing.assert_allclose(answer["history"]["train_loss"], plain, rtol=1e-9)


def http_round(client, network, epochs):
    """(steps, seconds) of one request on a kept-alive connection, and the network it returns."""
    start = time.perf_counter()
    answer = client.post("/api/train", train_body(network, epochs))
    return answer["epochs_done"], time.perf_counter() - start, answer["network"]


def chunk_rate(client, seconds=3.0):
    """Requests/s of the browser's live-training request: 2-8-8-1 on 200 xor points, batch 10,
    one epoch and a 50 × 50 grid per request, sent back to back (one client, like one tab)."""
    network = client.post("/api/networks/random", {"widths": [2, 8, 8, 1], "activations": ["tanh", "tanh", "sigmoid"]})
    body = {
        **network,
        "dataset": {"name": "xor", "samples": 200, "test_fraction": 0.2},
        "loss": "binary_cross_entropy",
        "optimizer": {"name": "adam", "learning_rate": 0.03},
        "epochs": 1,
        "batch_size": 10,
        "grid": {"resolution": 50},
    }
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        answer = client.post("/api/train", body)
        body["network"], body["optimizer_state"] = answer["network"], answer["optimizer_state"]
        count += 1
    return count / (time.perf_counter() - start)


def timed(function, *args):
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15, help="alternating HTTP / plain / engine rounds")
    args = parser.parse_args()
    start_network = {"layers": random_network([2, 4, 1], ["tanh", "sigmoid"], seed=0).to_lists()}
    per_step = {"http": [], "plain": [], "engine": []}
    with uvicorn_server("app.main:app") as url:
        check_same_numbers(url, start_network)
        network, steps_per_request, client = start_network, 0, KeepAliveClient(url)
        data, optimizer = Data(XOR_X, XOR_T, XOR_X[:0], XOR_T[:0]), {"name": "sgd", "learning_rate": LEARNING_RATE}
        for _ in range(args.rounds):  # each round: the same steps from the same weights, three ways
            start = network
            steps, seconds, network = http_round(client, start, 5000)
            steps_per_request = steps
            per_step["http"].append(seconds / steps)
            per_step["plain"].append(timed(plain_loop, *arrays(start), XOR_X, XOR_T, steps) / steps)
            engine_net = Network.from_lists(start["layers"])
            per_step["engine"].append(timed(train, engine_net, data, "mse", optimizer, None, steps, 4, 0) / steps)
        chunks = chunk_rate(client)
        client.close()
    median = {name: statistics.median(values) for name, values in per_step.items()}
    ratios = [h / p for h, p in zip(per_step["http"], per_step["plain"], strict=True)]
    print(f"XOR 2-4-1, full batch, SGD; {steps_per_request} steps per request; {machine_note()}")
    rows = [
        (name, f"{1 / median[key]:,.0f}", f"{median[key] * 1e6:.1f}", f"{median[key] / median['plain']:.2f}×")
        for name, key in (("/api/train over HTTP", "http"), ("engine in-process", "engine"), ("plain numpy", "plain"))
    ]
    print_table(["loop", "steps/s", "µs/step", "vs plain"], rows)
    http_rate, ratio = 1 / median["http"], statistics.median(ratios)
    print(
        f"HTTP steps/s {http_rate:,.0f} (target ≥ {TARGET_STEPS:,}): "
        f"{'met' if http_rate >= TARGET_STEPS else 'NOT met'}"
    )
    print(f"Live-training chunks (2-8-8-1, 200 xor points, batch 10, 1 epoch + 50×50 grid): {chunks:.0f} requests/s")
    print(
        f"HTTP / plain per-step cost, median of rounds {ratio:.2f}× (target ≤ {TARGET_RATIO}×): "
        f"{'met' if ratio <= TARGET_RATIO else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
