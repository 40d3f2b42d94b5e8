"""Activation functions, each next to its derivative.

Every entry maps a name to ``(f, backprop)``:

- ``f(z, out=None) -> a`` applies the activation to a batch of pre-activations ``z`` (shape
  N × n), writing into ``out`` when given (a training loop reuses its arrays).
- ``backprop(z, a, grad_a) -> delta`` turns ∂L/∂a into δ = ∂L/∂z. For an element-wise
  activation that is ``grad_a * f'(z)``; softmax mixes its outputs, so it applies its Jacobian.

``DERIVATIVES`` holds f'(z) for the element-wise activations, the number the explainer shows
as ∂a/∂z. Softmax has no single per-neuron derivative and is absent from it.
"""

import numpy as np

LEAKY_SLOPE = 0.01


def sigmoid(z, out=None):
    # σ(z) = 1/(1 + e^(−z)) = exp(−log(1 + e^(−z))): logaddexp never overflows and keeps tiny
    # outputs exact, at half the cost of splitting the two signs.
    return np.exp(-np.logaddexp(0.0, -z), out=out)


def sigmoid_prime(z, a):
    return a * (1.0 - a)


def tanh(z, out=None):
    return np.tanh(z, out=out)


def tanh_prime(z, a):
    return 1.0 - a * a


def relu(z, out=None):
    return np.maximum(z, 0.0, out=out)


def relu_prime(z, a):
    # The kink at z = 0 takes the derivative 0 (as PyTorch does).
    return (z > 0).astype(z.dtype)


def leaky_relu(z, out=None):
    return np.multiply(z, np.where(z > 0, 1.0, LEAKY_SLOPE), out=out)


def leaky_relu_prime(z, a):
    return np.where(z > 0, 1.0, LEAKY_SLOPE)


def linear(z, out=None):
    if out is None:
        return z
    out[...] = z
    return out


def linear_prime(z, a):
    return np.ones_like(z)


def softmax(z, out=None):
    shifted = np.exp(z - z.max(axis=-1, keepdims=True))
    return np.divide(shifted, shifted.sum(axis=-1, keepdims=True), out=out)


def softmax_backprop(z, a, grad_a):
    # δ_k = a_k · (∂L/∂a_k − Σ_j ∂L/∂a_j · a_j): the softmax Jacobian applied to ∂L/∂a.
    return a * (grad_a - (grad_a * a).sum(axis=-1, keepdims=True))


DERIVATIVES = {
    "sigmoid": sigmoid_prime,
    "tanh": tanh_prime,
    "relu": relu_prime,
    "leaky_relu": leaky_relu_prime,
    "linear": linear_prime,
}


def _elementwise(prime):
    return lambda z, a, grad_a: grad_a * prime(z, a)


ACTIVATIONS = {
    "sigmoid": (sigmoid, _elementwise(sigmoid_prime)),
    "tanh": (tanh, _elementwise(tanh_prime)),
    "relu": (relu, _elementwise(relu_prime)),
    "leaky_relu": (leaky_relu, _elementwise(leaky_relu_prime)),
    "linear": (linear, _elementwise(linear_prime)),
    "softmax": (softmax, softmax_backprop),
}

TITLES = {name: name for name in ACTIVATIONS}
"""How the page names each activation: by its name, as the explainer's editor lists it."""

# How the scalar graph writes f′(z) for each activation (z stands for the node's input).
DERIVATIVE_FORMULAS = {
    "sigmoid": "σ(z)(1 − σ(z))",
    "tanh": "1 − tanh²(z)",
    "relu": "1 if z > 0 else 0",
    "leaky_relu": "1 if z > 0 else 0.01",
    "linear": "1",
    "softmax": "a_k(δ_kj − a_j)",
}
