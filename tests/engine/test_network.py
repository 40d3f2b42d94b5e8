"""Network.from_lists: the checks that turn lists into a network, and what finite_checked skips."""

import math

import numpy as np
import pytest

from app.engine import Network, NetworkError

LAYERS = [
    {"weights": [[0.15, 0.2], [0.25, 0.3]], "biases": [0.35, 0.35], "activation": "sigmoid"},
    {"weights": [[0.4, 0.45], [0.5, 0.55]], "biases": [0.6, 0.6], "activation": "sigmoid"},
]


def with_value(layer, key, value):
    """LAYERS (copied) with one weight or bias of ``layer`` replaced by ``value``."""
    layers = [dict(s, weights=[list(row) for row in s["weights"]], biases=list(s["biases"])) for s in LAYERS]
    if key == "weights":
        layers[layer]["weights"][1][0] = value
    else:
        layers[layer]["biases"][1] = value
    return layers


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
@pytest.mark.parametrize(("layer", "key"), [(0, "weights"), (0, "biases"), (1, "weights"), (1, "biases")])
def test_from_lists_refuses_a_non_finite_number_naming_layer_and_field(layer, key, value):
    with pytest.raises(NetworkError, match="finite") as caught:
        Network.from_lists(with_value(layer, key, value), ("network",))
    assert caught.value.path == ("network", "layers", layer, key)


def test_from_lists_with_finite_checked_builds_the_same_arrays():
    checked, trusted = Network.from_lists(LAYERS), Network.from_lists(LAYERS, finite_checked=True)
    for a, b in zip(checked.parameters(), trusted.parameters(), strict=True):
        assert a.dtype == b.dtype == np.float64
        np.testing.assert_array_equal(a, b)


def test_from_lists_with_finite_checked_still_checks_shapes():
    ragged = [dict(LAYERS[0], weights=[[0.15, 0.2], [0.25]]), LAYERS[1]]
    with pytest.raises(NetworkError, match="row 1 has 1 values") as caught:
        Network.from_lists(ragged, ("network",), finite_checked=True)
    assert caught.value.path == ("network", "layers", 0, "weights", 1)
    unchained = [LAYERS[0], dict(LAYERS[1], weights=[[0.4], [0.5]])]
    with pytest.raises(NetworkError, match="don't chain"):
        Network.from_lists(unchained, finite_checked=True)
