"""Loss functions, each next to its derivative.

A loss is summed over one sample's outputs and averaged over the batch:
L = (1/N) Σₙ ℓ(yₙ, tₙ). ``mse`` is ℓ = ½·Σₖ (yₖ − tₖ)², the ½ cancelling the square's 2 — it
is *not* PyTorch's ``MSELoss`` (which averages over outputs too and has no ½).

Every entry maps a name to ``(terms, grad)``:

- ``terms(y, t) -> ℓₙₖ`` of shape N × K, one term per sample and output: ℓₙ = Σₖ ℓₙₖ and
  L = (1/N) Σₙ Σₖ ℓₙₖ (the mean of a batch is then a single sum);
- ``grad(y, t) -> ∂ℓ/∂y`` of shape N × K, per sample (not yet divided by N).

``FUSED`` holds the output activations whose δ = ∂ℓ/∂z collapses to ``y − t`` for a loss, with
the loss's terms computed from z directly (log-sum-exp), which stays finite where y rounds to
0 or 1.
"""

import numpy as np

# Keeps log() finite when an output is not computed through a fused pair.
EPS = 1e-12


def mse(y, t):
    return 0.5 * (y - t) ** 2


def mse_grad(y, t):
    return y - t


def binary_cross_entropy(y, t):
    y = np.clip(y, EPS, 1.0 - EPS)
    return -(t * np.log(y) + (1.0 - t) * np.log(1.0 - y))


def binary_cross_entropy_grad(y, t):
    y = np.clip(y, EPS, 1.0 - EPS)
    return (y - t) / (y * (1.0 - y))


def cross_entropy(y, t):
    return -t * np.log(np.clip(y, EPS, 1.0))


def cross_entropy_grad(y, t):
    return -t / np.clip(y, EPS, 1.0)


def bce_from_z(z, t):
    # −[t·log σ(z) + (1−t)·log(1−σ(z))] = max(z, 0) − t·z + log(1 + e^(−|z|))
    return np.maximum(z, 0.0) - t * z + np.log1p(np.exp(-np.abs(z)))


def cross_entropy_from_z(z, t):
    shifted = z - z.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -t * log_softmax


LOSSES = {
    "mse": (mse, mse_grad),
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_grad),
    "cross_entropy": (cross_entropy, cross_entropy_grad),
}

TITLES = {"mse": "mean squared error", "binary_cross_entropy": "binary cross-entropy", "cross_entropy": "cross-entropy"}
"""How the page names each loss."""

# loss name -> (the output activation it needs, the loss's terms ℓₙₖ from z).
FUSED = {
    "binary_cross_entropy": ("sigmoid", bce_from_z),
    "cross_entropy": ("softmax", cross_entropy_from_z),
}

# How the trace writes each loss.
FORMULAS = {
    "mse": "L = (1/N) Σₙ ½ Σₖ (yₖ − tₖ)²",
    "binary_cross_entropy": "L = −(1/N) Σₙ Σₖ [tₖ·log yₖ + (1 − tₖ)·log(1 − yₖ)]",
    "cross_entropy": "L = −(1/N) Σₙ Σₖ tₖ·log yₖ",
}
