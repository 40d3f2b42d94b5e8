"""Fresh weights for a network of any shape, from a seed: the "Randomize" button."""

import numpy as np

from .activations import ACTIVATIONS
from .network import Layer, Network, NetworkError


def glorot_limit(n_in, n_out):
    """Half-width of Glorot-uniform: weights ~ U(−r, r) with r = √(6 / (n_in + n_out))."""
    return np.sqrt(6.0 / (n_in + n_out))


def random_network(widths, activations, seed):
    """A network with widths [n_in, n_1, …, n_L]: W ~ Glorot-uniform from ``default_rng(seed)``, b = 0."""
    if len(widths) < 2:
        raise NetworkError(("widths",), f"needs at least 2 widths (inputs and one layer), got {len(widths)}")
    if len(activations) != len(widths) - 1:
        raise NetworkError(
            ("activations",),
            f"has {len(activations)} names but {len(widths)} widths make {len(widths) - 1} layers (one name per layer)",
        )
    for index, name in enumerate(activations):
        if name not in ACTIVATIONS:
            choices = ", ".join(ACTIVATIONS)
            raise NetworkError(("activations", index), f"unknown activation {name!r}; choose one of {choices}")
    rng = np.random.default_rng(seed)
    layers = []
    for n_in, n_out, activation in zip(widths[:-1], widths[1:], activations, strict=True):
        r = glorot_limit(n_in, n_out)
        layers.append(Layer(rng.uniform(-r, r, (n_out, n_in)), np.zeros(n_out), activation))
    return Network(layers)
