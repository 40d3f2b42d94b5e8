"""The one gradient-check helper: ∂L/∂w by central differences, perturbing each weight and bias."""

import numpy as np

from app.engine import Network, compute_loss, forward

H = 1e-5
"""The step h in (L(w + h) − L(w − h)) / 2h. At h = 1e-6 round-off alone reaches a relative error of
1e-6 on the small gradients behind leaky_relu's 0.01 slope; at 1e-5 truncation (h²) and round-off
(ε/h) both stay near 1e-7."""


def numeric_gradients(network, x, t, loss, h=H):
    """[∂L/∂W₁, ∂L/∂b₁, …] estimated by perturbing one parameter at a time by ±h."""
    params = [p.copy() for p in network.parameters()]
    estimates = []
    for p in params:
        estimate = np.zeros_like(p)
        for index in np.ndindex(p.shape):
            kept = p[index]
            p[index] = kept + h
            above = compute_loss(forward(network.with_parameters(params), x), t, loss)
            p[index] = kept - h
            below = compute_loss(forward(network.with_parameters(params), x), t, loss)
            p[index] = kept
            estimate[index] = (above - below) / (2 * h)
        estimates.append(estimate)
    return estimates


def relative_errors(analytic, numeric, loss_value=1.0):
    """|a − n| / max(|a|, |n|, floor) per parameter, all parameters in one flat array.

    The floor keeps gradients that are zero (up to round-off) from dividing by nothing. Round-off
    in L(w + h) − L(w − h) grows with |L|, so the floor does too: 1e-3 · max(1, |L|).
    """
    a = np.concatenate([g.ravel() for g in analytic])
    n = np.concatenate([g.ravel() for g in numeric])
    floor = 1e-3 * max(1.0, abs(loss_value))
    return np.abs(a - n) / np.maximum(np.maximum(np.abs(a), np.abs(n)), floor)


def nearest_kink(network, x):
    """Smallest |z| over the relu and leaky_relu layers (inf if none): a kink closer than h breaks the check."""
    fp = forward(network, x)
    kinked = [np.abs(z).min() for z, layer in zip(fp.zs, network.layers, strict=True) if "relu" in layer.activation]
    return min(kinked, default=np.inf)


def random_network(rng, widths, activations, scale=1.0):
    """A network with weights and biases drawn from N(0, scale²)."""
    layers = [
        {
            "weights": rng.normal(0, scale, (n_out, n_in)).tolist(),
            "biases": rng.normal(0, scale, n_out).tolist(),
            "activation": activation,
        }
        for n_in, n_out, activation in zip(widths[:-1], widths[1:], activations, strict=True)
    ]
    return Network.from_lists(layers)


def random_targets(rng, loss, rows, width):
    """Targets each loss accepts: any reals for mse, values in [0, 1] for BCE, one-hot rows for CE."""
    if loss == "mse":
        return rng.normal(0, 1, (rows, width))
    if loss == "binary_cross_entropy":
        return rng.uniform(0, 1, (rows, width))
    return np.eye(width)[rng.integers(0, width, rows)]
