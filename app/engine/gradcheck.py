"""Gradient check: the engine's backward pass against central differences of its own loss.

For every weight and bias p, the analytic gradient a = ∂L/∂p comes from ``backprop.backward``
and the numeric estimate is n = (L(p + ε) − L(p − ε)) / 2ε, each L a fresh ``forward`` +
``compute_loss`` with only p moved. They are compared by the relative error

    |a − n| / max(|a|, |n|, FLOOR)

FLOOR (1e-4) keeps 0/0 away when both are zero; below it the error is in effect absolute
(|a − n| / 1e-4), so a gradient that is zero or tiny — where the central difference itself
carries noise of about 1e-11 from rounding and ε² from truncation — does not read as a 100 %
error. Verdict on the largest relative error: ``pass`` ≤ 1e-6, ``warn`` ≤ 1e-3 (typical near a
relu kink or with a large ε), ``fail`` above.

Honesty at kinks: relu and leaky_relu bend at z = 0. If a perturbation of ±ε can carry some z
across 0, the difference quotient straddles the bend and disagrees with the one-sided
derivative backward uses (relu′(0) = 0). The check does not hide it: the errors are reported
as they are, ``kink_count`` counts every such neuron and sample and ``kinks`` lists the first
MAX_KINKS of them.
"""

import numpy as np

from .backprop import backward, compute_loss, forward
from .graph import Notation
from .network import DivergedError

FLOOR = 1e-4
PASS, WARN = 1e-6, 1e-3
KINKED = ("relu", "leaky_relu")
MAX_KINKS = 100


def numeric_gradients(network, x, t, loss, epsilon):
    """(L(p + ε) − L(p − ε)) / 2ε for every parameter p, shaped like [W₁, b₁, W₂, b₂, …]."""
    params = network.parameters()
    estimates = [np.zeros_like(p) for p in params]
    for k, p in enumerate(params):
        for index in np.ndindex(p.shape):
            plus = _loss_moved(network, params, k, index, epsilon, x, t, loss)
            minus = _loss_moved(network, params, k, index, -epsilon, x, t, loss)
            estimates[k][index] = (plus - minus) / (2.0 * epsilon)
    return estimates


def _loss_moved(network, params, k, index, shift, x, t, loss):
    """L with parameter k's entry ``index`` moved by ``shift``, everything else unchanged."""
    moved = params[k].copy()
    moved[index] += shift
    changed = network.with_parameters([moved if m == k else p for m, p in enumerate(params)])
    return compute_loss(forward(changed, x), t, loss)


def relative_error(analytic, numeric):
    return abs(analytic - numeric) / max(abs(analytic), abs(numeric), FLOOR)


def verdict(max_error):
    if max_error <= PASS:
        return "pass"
    return "warn" if max_error <= WARN else "fail"


def find_kinks(network, fp, epsilon):
    """relu / leaky_relu neurons whose z lies within reach of a ±ε perturbation of 0.

    Moving wⱼᵢ by ε moves zⱼ by ε·aᵢ and moving bⱼ moves it by ε, so the reach is ε·(1 + Σᵢ|aᵢ|);
    perturbations of earlier layers reach z through the same inputs, scaled by their weights.
    """
    kinks = []
    for l, layer in enumerate(network.layers):
        if layer.activation not in KINKED:
            continue
        reach = epsilon * (1.0 + np.abs(fp.layer_input(l)).sum(axis=1))
        for n, j in zip(*np.nonzero(np.abs(fp.zs[l]) <= reach[:, None]), strict=True):
            kinks.append({"layer": l, "neuron": int(j), "sample": int(n), "z": float(fp.zs[l][n, j])})
    return kinks


def check_gradients(network, x, t, loss, epsilon):
    """One row per weight and bias (analytic, numeric, errors), the largest error, verdict and kinks."""
    fp = forward(network, x)
    value = compute_loss(fp, t, loss)
    analytic = backward(network, fp, t, loss).flat()
    numeric = numeric_gradients(network, x, t, loss, epsilon)
    if not all(np.isfinite(n).all() for n in numeric):
        raise DivergedError("a central difference overflowed; use smaller weights or a larger epsilon")
    names = Notation(network, len(x))
    rows = []
    for l, layer in enumerate(network.layers):
        for j, i in np.ndindex(layer.weights.shape):
            rows.append(_row(names.w(l, j, i), "weight", l, j, i, layer.weights, analytic, numeric, (j, i)))
        for j in range(len(layer.biases)):
            rows.append(_row(names.b(l, j), "bias", l, j, None, layer.biases, analytic, numeric, (j,)))
    worst = max(range(len(rows)), key=lambda r: rows[r]["relative_error"])
    max_error = rows[worst]["relative_error"]
    kinks = find_kinks(network, fp, epsilon)
    return {
        "loss": value,
        "epsilon": epsilon,
        "relative_error_rule": f"|a − n| / max(|a|, |n|, {FLOOR:g})",
        "thresholds": {"pass": PASS, "warn": WARN},
        "parameters": rows,
        "max_relative_error": max_error,
        "worst": worst,
        "verdict": verdict(max_error),
        "kinks": kinks[:MAX_KINKS],
        "kink_count": len(kinks),
        "note": _kink_note(kinks, epsilon, names) if kinks else None,
    }


def _kink_note(kinks, epsilon, names):
    """Where the kinks are, in the learner's notation (z⁽ˡ⁾ⱼ, samples from 1), as the table's labels."""
    shown = [f"{names.z(k['layer'], k['neuron'])} of sample {k['sample'] + 1} (z = {k['z']:.3g})" for k in kinks[:5]]
    more = f" and {len(kinks) - 5} more" if len(kinks) > 5 else ""
    return (
        f"z lies within reach of 0 for a ±{epsilon:g} nudge at {', '.join(shown)}{more}: there the activation bends, "
        "the central difference averages the slopes on both sides while backward takes one (relu′(0) = 0, "
        "leaky_relu′(0) = 0.01), so the two can disagree — a kink, not a bug in backprop"
    )


def _row(label, kind, l, j, i, array, analytic, numeric, index):
    slot = 2 * l + (0 if kind == "weight" else 1)
    a, n = float(analytic[slot][index]), float(numeric[slot][index])
    error = relative_error(a, n)
    return {
        "parameter": kind,
        "label": label,
        "layer": l,
        "neuron": j,
        "input": i,
        "value": float(array[index]),
        "analytic": a,
        "numeric": n,
        "absolute_error": abs(a - n),
        "relative_error": error,
        "verdict": verdict(error),
    }
