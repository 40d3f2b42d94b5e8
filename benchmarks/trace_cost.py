"""(b) The cost of building the trace of one training step (``app.engine.build_trace``).

Network [2,8,8,8,1] (sigmoid hidden and output layers, mse). The main row is batch 1 with SGD,
the explainer's usual request; batch 4 and Adam (which adds m and v to every update entry) are
shown for scale, with the training step itself and the trace's JSON encoding for comparison.

Run: ``python benchmarks/trace_cost.py`` (about 20 s). Target: build_trace ≤ 2 ms (batch 1, SGD).
"""

import argparse
import json

import numpy as np
from engine_step import make_case
from harness import alternate, machine_note, print_table

from app.engine import Network, build_trace, check_batch, train_step

WIDTHS = [2, 8, 8, 8, 1]
ACTIVATIONS = ["sigmoid"] * 4
CASES = [  # (label, batch, optimizer)
    ("batch 1, sgd", 1, {"name": "sgd", "learning_rate": 0.5}),
    ("batch 4, sgd", 4, {"name": "sgd", "learning_rate": 0.5}),
    ("batch 1, adam", 1, {"name": "adam", "learning_rate": 0.01, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}),
]
TARGET_MS = 2.0


def timed_parts(batch, optimizer):
    """Three closures for one case: the step without trace, build_trace, and encoding the trace as JSON."""
    layers, inputs, targets = make_case(WIDTHS, ACTIVATIONS, batch, seed=1)
    network = Network.from_lists(layers)
    x, t = check_batch(network, inputs.tolist(), np.round(targets).tolist(), "mse")
    step = train_step(network, x, t, "mse", optimizer)
    entries = build_trace(network, step, t, "mse", optimizer)
    parts = {
        "train_step": lambda: train_step(network, x, t, "mse", optimizer),
        "build_trace": lambda: build_trace(network, step, t, "mse", optimizer),
        "trace JSON": lambda: json.dumps(entries, ensure_ascii=False, allow_nan=False, separators=(",", ":")),
    }
    return parts, len(entries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=25, help="alternating rounds per case (median of these)")
    args = parser.parse_args()
    rows = []
    for label, batch, optimizer in CASES:
        parts, size = timed_parts(batch, optimizer)
        medians = alternate(parts, args.rounds)
        trace_ms = medians["build_trace"] * 1e3
        verdict = (
            ("meets" if trace_ms <= TARGET_MS else "MISSES") + f" ≤ {TARGET_MS} ms" if label == CASES[0][0] else ""
        )
        rows.append(
            [
                label,
                size,
                f"{trace_ms:.3f}",
                f"{medians['train_step'] * 1e3:.3f}",
                f"{medians['build_trace'] / medians['train_step']:.1f}×",
                f"{medians['trace JSON'] * 1e3:.3f}",
                verdict,
            ]
        )
    print(f"build_trace for {WIDTHS} (sigmoid, mse) — {machine_note()}")
    print(f"median of {args.rounds} alternating rounds")
    headers = ["case", "entries", "build_trace ms", "train_step ms", "trace/step", "trace JSON ms", "target"]
    print_table(headers, rows)


if __name__ == "__main__":
    main()
