"""One training step as the four steps of backpropagation:
``forward → compute_loss → backward → update``.

Shapes: N samples per batch, n_l neurons in layer l, K outputs.
"""

from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .losses import FUSED, LOSSES
from .network import DivergedError, NetworkError, matrix, vector
from .optimizers import OPTIMIZERS, SLOTS


@dataclass
class ForwardPass:
    inputs: np.ndarray
    """a⁽⁰⁾ = x, shape N × n_in."""
    zs: list
    """z⁽ˡ⁾ = a⁽ˡ⁻¹⁾Wᵀ + b per layer, each N × n_l: the pre-activations."""
    activations: list
    """a⁽ˡ⁾ = f(z⁽ˡ⁾) per layer, each N × n_l; the last one is the output y."""

    @property
    def outputs(self):
        return self.activations[-1]

    def layer_input(self, index):
        """a⁽ˡ⁻¹⁾, the values feeding layer ``index`` (N × n_{l−1})."""
        return self.inputs if index == 0 else self.activations[index - 1]


@dataclass
class Gradients:
    deltas: list
    """δ⁽ˡ⁾ = ∂ℓₙ/∂z⁽ˡ⁾ per layer, each N × n_l: one row per sample, not averaged."""
    grad_a: list
    """∂ℓₙ/∂a⁽ˡ⁾ per layer, each N × n_l: what flows back into each layer's outputs."""
    grad_w: list
    """∂L/∂W⁽ˡ⁾ = (1/N)·δ⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ per layer, same shape as W."""
    grad_b: list
    """∂L/∂b⁽ˡ⁾ = (1/N)·Σₙ δₙ⁽ˡ⁾ per layer, same shape as b."""

    def flat(self):
        return [g for pair in zip(self.grad_w, self.grad_b, strict=True) for g in pair]


def check_batch(network, inputs, targets=None, loss=None):
    """Arrays of the batch, or a ``NetworkError`` naming the field and the expected shape."""
    x = matrix(inputs, ("inputs",), network.input_width, "row")
    if targets is None:
        return x, None
    t = matrix(targets, ("targets",), network.output_width, "row")
    if t.shape[0] != x.shape[0]:
        raise NetworkError(("targets",), f"has {t.shape[0]} rows but inputs has {x.shape[0]}")
    if loss not in LOSSES:
        raise NetworkError(("loss",), f"unknown loss {loss!r}; choose one of {', '.join(LOSSES)}")
    if loss in FUSED:
        needed, output = FUSED[loss][0], network.layers[-1].activation
        if output != needed:
            last = len(network.layers) - 1
            raise NetworkError(
                ("network", "layers", last, "activation"),
                f"loss {loss!r} needs a {needed!r} output layer, but layer {last} uses {output!r}",
            )
        if ((t < 0) | (t > 1)).any():
            raise NetworkError(("targets",), f"targets for {loss!r} must lie between 0 and 1")
        if loss == "cross_entropy" and not np.allclose(t.sum(axis=1), 1.0, atol=1e-6):
            raise NetworkError(("targets",), "each row of targets for 'cross_entropy' must sum to 1 (one-hot)")
    return x, t


def all_finite(arrays):
    """True when no array holds an infinity or NaN (one pass over all of them: cheap for small arrays)."""
    return bool(np.isfinite(np.concatenate(arrays, axis=None)).all())


def forward(network, x):
    """Step 1: z = W·a_prev + b, then a = f(z), layer by layer."""
    zs, activations, a = [], [], x
    with np.errstate(over="ignore", invalid="ignore"):
        for layer in network.layers:
            z = a @ layer.weights.T + layer.biases
            a = ACTIVATIONS[layer.activation][0](z)
            zs.append(z)
            activations.append(a)
    # Every layer's z, not only the last: a saturating σ or tanh can hide an infinite z from the
    # layers after it. Finite z give finite a for every activation here.
    if not all_finite(zs):
        raise DivergedError("the forward pass overflowed; the weights or inputs are too large")
    return ForwardPass(x, zs, activations)


def per_sample_loss(fp, t, loss):
    """ℓₙ for each sample, shape (N,)."""
    if loss in FUSED:
        return FUSED[loss][1](fp.zs[-1], t)
    return LOSSES[loss][0](fp.outputs, t)


def compute_loss(fp, t, loss):
    """Step 2: L = (1/N) Σₙ ℓₙ."""
    with np.errstate(over="ignore", invalid="ignore"):
        per_sample = per_sample_loss(fp, t, loss)
        value = float(per_sample.sum() / per_sample.shape[0])  # the mean, without np.mean's overhead
    if not np.isfinite(value):
        raise DivergedError(f"the {loss} loss overflowed")
    return value


def backward(network, fp, t, loss):
    """Step 3: the chain rule from the output back, δ = (Wᵀδ_next) ⊙ f′(z)."""
    n = fp.inputs.shape[0]
    layers = network.layers
    deltas, grad_as = [None] * len(layers), [None] * len(layers)
    with np.errstate(over="ignore", invalid="ignore"):
        grad_a = LOSSES[loss][1](fp.outputs, t)
        for index in range(len(layers) - 1, -1, -1):
            layer = layers[index]
            if index == len(layers) - 1 and loss in FUSED:
                delta = fp.outputs - t  # ∂ℓ/∂y · ∂y/∂z simplifies to y − t
            else:
                delta = ACTIVATIONS[layer.activation][1](fp.zs[index], fp.activations[index], grad_a)
            deltas[index], grad_as[index] = delta, grad_a
            if index:  # the inputs x need no gradient
                grad_a = delta @ layer.weights
        grad_w = [(deltas[i].T @ fp.layer_input(i)) / n for i in range(len(layers))]
        grad_b = [d.sum(axis=0) / n for d in deltas]
    if not all_finite(grad_w + grad_b):
        raise DivergedError("the gradients overflowed")
    return Gradients(deltas, grad_as, grad_w, grad_b)


def update(network, flat_grads, optimizer, state=None):
    """Step 4: every weight moves against its gradient at once (simultaneous update)."""
    name = optimizer["name"]
    if name not in OPTIMIZERS:
        raise NetworkError(("optimizer", "name"), f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    defaults, apply = OPTIMIZERS[name]
    hyper = {**defaults, **{k: v for k, v in optimizer.items() if k != "name" and v is not None}}
    params = network.parameters()
    state = check_state(state, name, params)
    with np.errstate(over="ignore", invalid="ignore"):
        new_params, new_state = apply(params, flat_grads, state, hyper)
    if not all_finite(new_params):
        raise DivergedError("the update overflowed; lower the learning rate")
    slots = [a for slot, arrays in new_state.items() if slot != "step" for a in arrays]
    if slots and not all_finite(slots):
        raise DivergedError(f"the {name} state overflowed; the gradients are too large")
    return network.with_parameters(new_params), new_state


def check_state(state, name, params):
    """Optimizer state as arrays shaped like the parameters, or a ``NetworkError`` naming the slot."""
    state = state or {}
    checked = {"step": int(state.get("step") or 0)}
    for slot in SLOTS[name]:
        given = state.get(slot)
        if given is None:
            continue
        if _is_flat_like(given, params):  # update's own output, carried into the next step as is
            checked[slot] = list(given)
            continue
        arrays = flatten_pairs(given, ("optimizer_state", slot), params)
        checked[slot] = arrays
    return checked


def _is_flat_like(given, params):
    """True for a list of arrays [W₁, b₁, …] shaped like ``params``, the form ``update`` returns."""
    return len(given) == len(params) and all(
        isinstance(g, np.ndarray) and g.shape == p.shape for g, p in zip(given, params, strict=True)
    )


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
                raise NetworkError(where, f"has shape {array.shape} but layer {index}'s {key} have shape {like.shape}")
            arrays.append(array)
    return arrays


def pairs(flat):
    """[W₁, b₁, …] → [{"weights": …, "biases": …}, …] as plain lists."""
    return [{"weights": w.tolist(), "biases": b.tolist()} for w, b in zip(flat[0::2], flat[1::2], strict=True)]


def state_to_lists(state):
    return {k: (pairs(v) if isinstance(v, list) else v) for k, v in state.items()}


@dataclass
class Step:
    forward: ForwardPass
    loss: float
    gradients: Gradients
    network: object
    """The network after the update."""
    optimizer_state: dict


def train_step(network, x, t, loss, optimizer, state=None):
    """forward → loss → backward → update, on one batch."""
    fp = forward(network, x)
    value = compute_loss(fp, t, loss)
    grads = backward(network, fp, t, loss)
    new_network, new_state = update(network, grads.flat(), optimizer, state)
    return Step(fp, value, grads, new_network, new_state)
