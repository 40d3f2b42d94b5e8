"""Ready-to-post examples: a network, a batch, a loss and an optimizer, with what each teaches.

A preset may carry ``textbook``: the names its source uses, shown beside the page's own
(w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ, z⁽ˡ⁾ⱼ, a⁽ˡ⁾ⱼ). ``source`` completes "w5 in …"; ``weights`` and ``biases`` are
shaped like the network's; ``z`` and ``a`` name each neuron's pre-activation and activation,
layer by layer ("" where the source names none); ``loss`` names L.
"""

from copy import deepcopy

import numpy as np

from .initialize import random_network

_XOR_INPUTS = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]


def _random_layers(widths, activations, seed):
    """``random_network``'s layers with the weights rounded to 4 decimals, short enough to read."""
    network = random_network(widths, activations, seed)
    return [{**layer, "weights": np.round(layer["weights"], 4).tolist()} for layer in network.to_lists()]


PRESETS = {
    "seed-neuron": {
        "title": "One sigmoid neuron: z = w·x + b, y = σ(z)",
        "teaches": (
            "The chain rule on the smallest network there is. z is the neuron's input before the "
            "sigmoid (many texts call it h, as in y = σ(h)). With L = ½(y − t)², "
            "∂L/∂w = (y − t)·σ(z)(1 − σ(z))·x: the error, times the sigmoid's slope, times the input."
        ),
        "network": {"layers": [{"weights": [[0.8]], "biases": [0.2], "activation": "sigmoid"}]},
        "inputs": [[1.5]],
        "targets": [[0.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
        "textbook": {
            "source": "the one-neuron formula",
            "weights": [[["w"]]],
            "biases": [["b"]],
            "z": [["h"]],
            "a": [["y"]],
        },
    },
    "seed-network": {
        "title": "1-1-1: a sigmoid hidden neuron and a linear output",
        "teaches": (
            "How the error reaches a hidden weight: the output's δ is sent back through the "
            "output weight and scaled by the hidden neuron's slope σ(z)(1 − σ(z)). Here the output "
            "is linear, y = v·σ(h) + c with h = w·x + b (h is the hidden neuron's z); in the "
            "one-neuron preset the output is σ(z) itself."
        ),
        "network": {
            "layers": [
                {"weights": [[0.5]], "biases": [0.1], "activation": "sigmoid"},
                {"weights": [[1.2]], "biases": [-0.3], "activation": "linear"},
            ]
        },
        "inputs": [[1.0]],
        "targets": [[1.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
        "textbook": {
            "source": "y = v·σ(h) + c",
            "weights": [[["w"]], [["v"]]],
            "biases": [["b"], ["c"]],
            "z": [["h"], [""]],
            "a": [["σ(h)"], ["y"]],
        },
    },
    "mazur-2-2-2": {
        "title": "Matt Mazur's 2-2-2 worked example",
        "teaches": (
            "The classic step-by-step example: two inputs, two sigmoid hidden neurons, two sigmoid "
            "outputs. Outputs 0.7514 and 0.7729, total error 0.2984; after one step "
            "w5 = 0.3589 and w1 = 0.1498. (Mazur leaves the biases fixed; here they learn too.)"
        ),
        "network": {
            "layers": [
                {"weights": [[0.15, 0.20], [0.25, 0.30]], "biases": [0.35, 0.35], "activation": "sigmoid"},
                {"weights": [[0.40, 0.45], [0.50, 0.55]], "biases": [0.60, 0.60], "activation": "sigmoid"},
            ]
        },
        "inputs": [[0.05, 0.10]],
        "targets": [[0.01, 0.99]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
        "textbook": {
            "source": "Mazur's post",
            "weights": [[["w1", "w2"], ["w3", "w4"]], [["w5", "w6"], ["w7", "w8"]]],
            "biases": [["b1", "b1"], ["b2", "b2"]],
            "z": [["net_h1", "net_h2"], ["net_o1", "net_o2"]],
            "a": [["out_h1", "out_h2"], ["out_o1", "out_o2"]],
            "loss": "E_total",
        },
    },
    "xor-2-2-1": {
        "title": "XOR with two hidden neurons",
        "teaches": (
            "No single line separates XOR, so the hidden layer has to bend the space. The batch "
            "holds all four cases; each gradient is the average of the four samples' gradients."
        ),
        "network": {"layers": _random_layers([2, 2, 1], ["tanh", "sigmoid"], seed=3)},
        "inputs": _XOR_INPUTS,
        "targets": [[0.0], [1.0], [1.0], [0.0]],
        "loss": "mse",
        "optimizer": {"name": "sgd", "learning_rate": 2.0},
    },
    "softmax-3-class": {
        "title": "Softmax and cross-entropy: three classes",
        "teaches": (
            "With softmax outputs and cross-entropy loss the output error is simply δ = y − t: "
            "the two derivatives cancel to the difference between prediction and one-hot target."
        ),
        "network": {"layers": _random_layers([2, 3, 3], ["relu", "softmax"], seed=7)},
        "inputs": [[1.0, 0.5], [-0.5, 1.0], [0.0, -1.0]],
        "targets": [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
        "loss": "cross_entropy",
        "optimizer": {"name": "sgd", "learning_rate": 0.5},
    },
}


def get_preset(name):
    """A deep copy of preset ``name`` with its name added, or ``KeyError``."""
    return {"name": name, **deepcopy(PRESETS[name])}
