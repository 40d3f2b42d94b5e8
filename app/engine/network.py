"""A dense multilayer network, and its conversion from and to plain lists with the checks that go with it.

Convention: ``weights[j][i]`` is the weight from input ``i`` to neuron ``j`` (shape out × in, as
PyTorch's ``Linear``), so a layer computes ``z = W·a_prev + b``. Batches are rows: inputs are
N × n_in. Everything is float64.
"""

from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS


class NetworkError(ValueError):
    """Input that cannot describe a network or batch; ``path`` names the offending field."""

    def __init__(self, path, message):
        super().__init__(message)
        self.path = tuple(path)


class TooLargeError(NetworkError):
    """Input with more ``what`` (rows, columns) than the caller allows: ``size`` of them, at most ``most``."""

    def __init__(self, path, what, size, most):
        super().__init__(path, f"has {size} {what}; at most {most}")
        self.what, self.size, self.most = what, size, most


class DivergedError(NetworkError):
    """A computation overflowed: some value became infinite or NaN."""

    def __init__(self, message):
        super().__init__((), f"diverged: {message}")


@dataclass
class Layer:
    weights: np.ndarray
    """W, shape (n_out, n_in): weights[j, i] multiplies input i into neuron j."""
    biases: np.ndarray
    """b, shape (n_out,): one bias per neuron."""
    activation: str
    """Name of f in a = f(z), a key of ``ACTIVATIONS``."""


@dataclass
class Network:
    layers: list[Layer]
    known_thetas: list | None = field(default=None, repr=False, compare=False)
    """[θ₁, θ₂, …] when the network was made from them (``with_thetas``): ``thetas`` returns them as is."""

    @property
    def input_width(self):
        return self.layers[0].weights.shape[1]

    @property
    def output_width(self):
        return self.layers[-1].weights.shape[0]

    @property
    def widths(self):
        """[n_in, n_1, …, n_L]: the number of nodes in each column of the diagram."""
        return [self.input_width] + [layer.weights.shape[0] for layer in self.layers]

    @property
    def parameter_count(self):
        return sum(layer.weights.size + layer.biases.size for layer in self.layers)

    def parameters(self):
        """[W₁, b₁, W₂, b₂, …]: every parameter array, in a fixed order (``thetas`` joins each pair)."""
        return [p for layer in self.layers for p in (layer.weights, layer.biases)]

    def with_parameters(self, parameters):
        """A new network with the same activations and the given [W₁, b₁, …]."""
        pairs = zip(parameters[0::2], parameters[1::2], strict=True)
        return Network([Layer(w, b, old.activation) for (w, b), old in zip(pairs, self.layers, strict=True)])

    def thetas(self):
        """[θ₁, θ₂, …] with θ = [W | b], shape n_out × (n_in + 1): each layer's weights with its
        biases as one more column — the bias is the weight from an input that is always 1.
        The arrays may be the network's own (``known_thetas``): never change them in place."""
        if self.known_thetas is not None:
            return list(self.known_thetas)
        return [np.concatenate((layer.weights, layer.biases[:, None]), axis=1) for layer in self.layers]

    def with_thetas(self, thetas):
        """A new network with the same activations and the given [θ₁, θ₂, …] (W and b are views of θ)."""
        layers = [
            Layer(theta[:, :-1], theta[:, -1], old.activation) for theta, old in zip(thetas, self.layers, strict=True)
        ]
        return Network(layers, list(thetas))

    @classmethod
    def from_lists(cls, layers, prefix=(), finite_checked=False):
        """Build from ``[{"weights": [[…]], "biases": […], "activation": name}, …]``, checking shapes.

        ``prefix`` is prepended to the path of any error (e.g. ``("network",)``). With
        ``finite_checked`` the caller vouches that every number is finite (the API's request schema
        refuses NaN and infinity), and the arrays are not scanned again.
        """
        if not layers:
            raise NetworkError(prefix + ("layers",), "the network needs at least one layer")
        built = []
        for index, spec in enumerate(layers):
            path = prefix + ("layers", index)
            activation = spec["activation"]
            if activation not in ACTIVATIONS:
                raise NetworkError(
                    path + ("activation",),
                    f"unknown activation {activation!r}; choose one of {', '.join(ACTIVATIONS)}",
                )
            weights = matrix(spec["weights"], path + ("weights",), check_finite=not finite_checked)
            biases = vector(spec["biases"], path + ("biases",), check_finite=not finite_checked)
            if biases.shape[0] != weights.shape[0]:
                raise NetworkError(
                    path + ("biases",),
                    f"layers[{index}] has {weights.shape[0]} neurons (rows of weights) but {biases.shape[0]} biases",
                )
            if built and weights.shape[1] != built[-1].weights.shape[0]:
                previous = built[-1].weights.shape
                raise NetworkError(
                    path + ("weights",),
                    f"layers don't chain: layers[{index - 1}] has weights of shape {previous} "
                    f"({previous[0]} outputs) but layers[{index}] has weights of shape "
                    f"{weights.shape} ({weights.shape[1]} inputs)",
                )
            built.append(Layer(weights, biases, activation))
        return cls(built)

    def to_lists(self):
        return [
            {"weights": layer.weights.tolist(), "biases": layer.biases.tolist(), "activation": layer.activation}
            for layer in self.layers
        ]


def matrix(rows, path, width=None, what="row", check_finite=True):
    """A rectangular float64 array from a list of rows, or a ``NetworkError`` naming the ragged row."""
    if len(rows) == 0:
        raise NetworkError(path, "must have at least one row")
    expected = len(rows[0]) if width is None else width
    for index, row in enumerate(rows):
        if len(row) != expected:
            raise NetworkError(
                path + (index,),
                f"{what} {index} has {len(row)} values but {'row 0 has' if width is None else 'expected'} {expected}",
            )
    if expected == 0:
        raise NetworkError(path + (0,), "rows must not be empty")
    array = np.array(rows, dtype=np.float64)
    return finite(array, path) if check_finite else array


def vector(values, path, check_finite=True):
    if len(values) == 0:
        raise NetworkError(path, "must not be empty")
    array = np.array(values, dtype=np.float64)
    return finite(array, path) if check_finite else array


def finite(array, path):
    if not np.isfinite(array).all():
        raise NetworkError(path, "must contain only finite numbers (no NaN or Infinity)")
    return array


def flatten_pairs(pairs, path, params):
    """[{weights, biases}, …] checked against ``params`` = [W₁, b₁, …] → a flat list of arrays."""
    if len(pairs) != len(params) // 2:
        raise NetworkError(path, f"has {len(pairs)} layers but the network has {len(params) // 2}")
    arrays = []
    for index, pair in enumerate(pairs):
        for key, like in zip(("weights", "biases"), params[2 * index : 2 * index + 2], strict=True):
            where = path + (index, key)
            array = matrix(pair[key], where) if key == "weights" else vector(pair[key], where)
            if array.shape != like.shape:
                raise NetworkError(where, f"has shape {array.shape} but layers[{index}].{key} has shape {like.shape}")
            arrays.append(array)
    return arrays


def pairs(thetas):
    """[θ₁, θ₂, …] → [{"weights": …, "biases": …}, …] as plain lists."""
    return [{"weights": theta[:, :-1].tolist(), "biases": theta[:, -1].tolist()} for theta in thetas]


def state_to_lists(state):
    """The optimizer's state as plain lists: each slot's [θ₁, θ₂, …] as pairs, the step count as it is."""
    return {k: (pairs(v) if isinstance(v, list) else v) for k, v in state.items()}
