"""One training step as the four steps of backpropagation:
``forward → compute_loss → backward → update``.

The unchecked steps work on θ = [W | b] per layer (the bias is the weight from an input that is
always 1), so a layer's z, its ∂L/∂W and ∂L/∂b, and its update are one array operation each.

Each step comes twice: its math, unchecked (``propagate``, ``mean_loss``, ``chain_rule``, the
optimizer's ``apply``; ``descend`` runs all four), and the checked step the API calls, which
raises a ``DivergedError`` naming the step that overflowed (``forward``, ``compute_loss``,
``backward``, ``update``; ``train_step`` runs all four and checks everything once). A training
loop runs ``descend`` and checks the loss of every step and the weights at the end.

Shapes: N samples per batch, n_l neurons in layer l, K outputs.
"""

import math
from dataclasses import dataclass

import numpy as np

from .activations import ACTIVATIONS
from .losses import FUSED, LOSSES
from .network import DivergedError, NetworkError, flatten_pairs, matrix
from .optimizers import OPTIMIZERS, SLOTS, hyperparameters, state_mismatch


@dataclass(slots=True)
class ForwardPass:
    layer_inputs: list
    """[a⁽⁰⁾ | 1], [a⁽¹⁾ | 1], …: each layer's input with a 1 appended to every row (the input its
    bias multiplies), N × (n_{l−1} + 1); a⁽⁰⁾ = x."""
    zs: list
    """z⁽ˡ⁾ = [a⁽ˡ⁻¹⁾ | 1]·θᵀ = a⁽ˡ⁻¹⁾Wᵀ + b per layer, each N × n_l: the pre-activations."""
    activations: list
    """a⁽ˡ⁾ = f(z⁽ˡ⁾) per layer, each N × n_l; the last one is the output y."""

    @property
    def inputs(self):
        """x, N × n_in."""
        return self.layer_inputs[0][:, :-1]

    @property
    def outputs(self):
        return self.activations[-1]

    def layer_input(self, index):
        """a⁽ˡ⁻¹⁾, the values feeding layer ``index`` (N × n_{l−1})."""
        return self.layer_inputs[index][:, :-1]


@dataclass(slots=True)
class Gradients:
    deltas: list
    """δ⁽ˡ⁾ = ∂ℓₙ/∂z⁽ˡ⁾ per layer, each N × n_l: one row per sample, not averaged."""
    grad_a: list
    """∂ℓₙ/∂a⁽ˡ⁾ per layer, each N × n_l: what flows back into each layer's outputs."""
    per_layer: list
    """[∂L/∂θ₁, ∂L/∂θ₂, …], ∂L/∂θ = [∂L/∂W | ∂L/∂b] = (1/N)·δ⁽ˡ⁾ᵀ[a⁽ˡ⁻¹⁾ | 1], shaped like θ."""

    @property
    def grad_w(self):
        """∂L/∂W⁽ˡ⁾ = (1/N)·δ⁽ˡ⁾ᵀa⁽ˡ⁻¹⁾ per layer, same shape as W."""
        return [g[:, :-1] for g in self.per_layer]

    @property
    def grad_b(self):
        """∂L/∂b⁽ˡ⁾ = (1/N)·Σₙ δₙ⁽ˡ⁾ per layer, same shape as b."""
        return [g[:, -1] for g in self.per_layer]

    def flat(self):
        """[∂L/∂W₁, ∂L/∂b₁, ∂L/∂W₂, …], in the order of ``Network.parameters()``."""
        return as_flat(self.per_layer)


def check_batch(network, inputs, targets=None, loss=None, finite_checked=False):
    """Arrays of the batch, or a ``NetworkError`` naming the field and the expected shape.

    With ``finite_checked`` the caller vouches that every number is finite (the API's request
    schema refuses NaN and infinity), and the arrays are not scanned again.
    """
    check_finite = not finite_checked
    x = matrix(inputs, ("inputs",), network.input_width, "row", check_finite)
    if targets is None:
        return x, None
    t = matrix(targets, ("targets",), network.output_width, "row", check_finite)
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
                f"loss {loss!r} needs a {needed!r} output layer, but the output layer (layers[{last}]) uses {output!r}",
            )
        if ((t < 0) | (t > 1)).any():
            raise NetworkError(("targets",), f"targets for {loss!r} must lie between 0 and 1")
        if loss == "cross_entropy" and not np.allclose(t.sum(axis=1), 1.0, atol=1e-6):
            raise NetworkError(("targets",), "each row of targets for 'cross_entropy' must sum to 1 (one-hot)")
    return x, t


def all_finite(arrays):
    """True when no array holds an infinity or NaN (one pass over all of them: cheap for small arrays)."""
    return bool(np.isfinite(np.concatenate(arrays, axis=None)).all())


QUIET = {"over": "ignore", "invalid": "ignore"}
"""``np.errstate`` for the math: an overflow is caught by the checks after it, not by warnings."""


def with_ones(x):
    """[x | 1]: the batch with a 1 appended to every row, N × (n_in + 1)."""
    x1 = np.ones((x.shape[0], x.shape[1] + 1))
    x1[:, :-1] = x
    return x1


def hidden_room(thetas, n):
    """For each hidden layer, ([a | 1], a): an N × (n_l + 1) array with its ones column in place and
    the view its activations are written into. A training loop makes them once per batch size."""
    rooms = [np.ones((n, theta.shape[0] + 1)) for theta in thetas[:-1]]
    return [(room, room[:, :-1]) for room in rooms]


def propagate(thetas, activations, x1, hidden):
    """Step 1 unchecked (call it inside ``np.errstate(**QUIET)``): z = [a_prev | 1]·θᵀ (= W·a_prev + b),
    then a = f(z), layer by layer, for ``thetas = [θ₁, θ₂, …]``, the activations' names, ``x1 = [x | 1]``
    and ``hidden_room(thetas, N)`` (overwritten: the hidden a of the previous call are gone)."""
    zs, outputs, layer_inputs, a1 = [], [], [x1], x1
    for theta, name, room in zip(thetas, activations, (*hidden, None), strict=True):
        z = a1.dot(theta.T)  # ndarray.dot: a matrix product, with half the call overhead of @ on tiny arrays
        zs.append(z)
        if room is None:  # the output y: a fresh array, the caller may keep it
            outputs.append(ACTIVATIONS[name][0](z))
        else:
            a1, a = room
            outputs.append(ACTIVATIONS[name][0](z, a))
            layer_inputs.append(a1)
    return ForwardPass(layer_inputs, zs, outputs)


def activation_names(network):
    """[f₁, f₂, …]: each layer's activation, by name — what the unchecked steps take with [θ₁, θ₂, …]."""
    return [layer.activation for layer in network.layers]


def propagate_network(network, x):
    """``propagate`` on a ``Network`` and a plain batch x (N × n_in)."""
    thetas = network.thetas()
    return propagate(thetas, activation_names(network), with_ones(x), hidden_room(thetas, x.shape[0]))


def forward(network, x):
    """Step 1: z = W·a_prev + b, then a = f(z), layer by layer."""
    with np.errstate(**QUIET):
        fp = propagate_network(network, x)
    # Every layer's z, not only the last: a saturating σ or tanh can hide an infinite z from the
    # layers after it. Finite z give finite a for every activation here.
    check_forward(fp)
    return fp


def check_forward(fp):
    """A ``DivergedError`` if any z overflowed."""
    if not all_finite(fp.zs):
        raise DivergedError("the forward pass overflowed; the weights or inputs are too large")


def loss_terms(fp, t, loss):
    """ℓₙₖ for each sample n and output k, N × K: the loss before it is summed."""
    if loss in FUSED:
        return FUSED[loss][1](fp.zs[-1], t)
    return LOSSES[loss][0](fp.outputs, t)


def per_sample_loss(fp, t, loss):
    """ℓₙ = Σₖ ℓₙₖ for each sample, shape (N,)."""
    return loss_terms(fp, t, loss).sum(axis=1)


def mean_loss(fp, t, loss):
    """Step 2 unchecked: L = (1/N) Σₙ Σₖ ℓₙₖ, one sum over the whole batch."""
    return float(loss_terms(fp, t, loss).sum()) / t.shape[0]


def compute_loss(fp, t, loss):
    """Step 2: L = (1/N) Σₙ ℓₙ."""
    with np.errstate(**QUIET):
        return finite_loss(mean_loss(fp, t, loss), loss)


def finite_loss(value, loss):
    """``value``, or a ``DivergedError`` if the loss overflowed."""
    if not math.isfinite(value):
        raise DivergedError(f"the {loss} loss overflowed")
    return value


def loss_at(network, x, t, loss):
    """L of the batch at ``network``'s weights — the loss after an update: ``forward`` and
    ``compute_loss`` in one, with their checks (every z, then L) made once."""
    with np.errstate(**QUIET):
        fp = propagate_network(network, x)
        value = mean_loss(fp, t, loss)
    check_forward(fp)
    return finite_loss(value, loss)


def chain_rule(thetas, activations, fp, t, loss):
    """Step 3 unchecked: from the output back, δ = (Wᵀδ_next) ⊙ f′(z), then ∂L/∂θ = (1/N)·δᵀ[a_prev | 1]."""
    last, y = len(activations) - 1, fp.outputs
    deltas, grad_as, per_layer = [None] * (last + 1), [None] * (last + 1), [None] * (last + 1)
    mean = 1.0 / t.shape[0]  # the 1/N of the batch mean, applied once per layer
    grad_a = LOSSES[loss][1](y, t)
    for index in range(last, -1, -1):
        if index == last and loss in FUSED:
            delta = y - t  # ∂ℓ/∂y · ∂y/∂z simplifies to y − t
        else:
            delta = ACTIVATIONS[activations[index]][1](fp.zs[index], fp.activations[index], grad_a)
        deltas[index], grad_as[index] = delta, grad_a
        gradient = delta.T.dot(fp.layer_inputs[index])  # [Σₙ δₙa_prevₙ | Σₙ δₙ]: ∂L/∂W and ∂L/∂b at once
        gradient *= mean
        per_layer[index] = gradient
        if index:  # the inputs x need no gradient
            grad_a = delta.dot(thetas[index][:, :-1])
    return Gradients(deltas, grad_as, per_layer)


def backward(network, fp, t, loss):
    """Step 3: the chain rule from the output back, δ = (Wᵀδ_next) ⊙ f′(z)."""
    with np.errstate(**QUIET):
        grads = chain_rule(network.thetas(), activation_names(network), fp, t, loss)
    check_gradients(grads)
    return grads


def check_gradients(grads):
    """A ``DivergedError`` if any ∂L/∂W or ∂L/∂b overflowed."""
    if not all_finite(grads.per_layer):
        raise DivergedError("the gradients overflowed")


def prepare_optimizer(optimizer, thetas, state=None):
    """(apply, hyper-parameters with their defaults, checked state) for ``optimizer = {name, …}``."""
    name = optimizer["name"]
    if name not in OPTIMIZERS:
        raise NetworkError(("optimizer", "name"), f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[name][1], hyperparameters(optimizer), check_state(state, name, thetas)


def check_update(thetas, state, name):
    """A ``DivergedError`` if the optimizer's state or the updated parameters overflowed (the state
    first: an infinite velocity or moment makes the weights infinite too, and is the cause)."""
    slots = state_slots(state)
    if slots and not all_finite(slots):
        raise DivergedError(f"the {name} state overflowed; the gradients are too large")
    if not all_finite(thetas):
        raise DivergedError("the update overflowed; lower the learning rate")


def state_slots(state):
    """Every array the optimizer keeps (velocities, moments), flat."""
    return [a for slot, arrays in state.items() if slot != "step" for a in arrays]


def update(network, flat_grads, optimizer, state=None):
    """Step 4: every weight moves against its gradient at once (simultaneous update);
    ``flat_grads`` = [∂L/∂W₁, ∂L/∂b₁, ∂L/∂W₂, …]."""
    thetas = network.thetas()
    apply, hyper, state = prepare_optimizer(optimizer, thetas, state)
    with np.errstate(**QUIET):
        new_thetas, new_state = apply(thetas, as_thetas(flat_grads), state, hyper)
    check_update(new_thetas, new_state, optimizer["name"])
    return network.with_thetas(new_thetas), new_state


def as_thetas(flat):
    """[W₁, b₁, W₂, b₂, …] → [θ₁, θ₂, …], θ = [W | b]."""
    return [np.concatenate((w, b[:, None]), axis=1) for w, b in zip(flat[0::2], flat[1::2], strict=True)]


def as_flat(thetas):
    """[θ₁, θ₂, …] → [W₁, b₁, W₂, b₂, …] (views of each θ)."""
    return [part for theta in thetas for part in (theta[:, :-1], theta[:, -1])]


def check_state(state, name, thetas):
    """Optimizer state as arrays shaped like [θ₁, θ₂, …], or a ``NetworkError`` naming the slot."""
    state = state or {}
    slots = {}
    for slot in (slot for own in SLOTS.values() for slot in own):
        given = state.get(slot)
        if given is None:
            continue
        if _is_like(given, thetas):  # update's own output, carried into the next step as is
            slots[slot] = list(given)
            continue
        slots[slot] = as_thetas(flatten_pairs(given, ("optimizer_state", slot), as_flat(thetas)))
    checked = {"step": int(state.get("step") or 0), **slots}
    mismatch = state_mismatch(name, checked, slots)
    if mismatch:
        raise NetworkError(("optimizer_state", mismatch[0]), mismatch[1])
    return checked


def _is_like(given, thetas):
    """True for a list of arrays shaped like [θ₁, θ₂, …], the form ``update`` returns."""
    return len(given) == len(thetas) and all(
        isinstance(g, np.ndarray) and g.shape == p.shape for g, p in zip(given, thetas, strict=True)
    )


@dataclass
class Step:
    forward: ForwardPass
    loss: float
    gradients: Gradients
    network: object
    """The network after the update."""
    optimizer_state: dict


def descend(thetas, activations, x1, hidden, t, loss, apply, hyper, state):
    """The four steps unchecked, for a training loop (inside ``np.errstate(**QUIET)``; the caller
    checks): ``(forward pass, L, gradients, [θ₁, θ₂, …] after the update, optimizer state after)``;
    ``x1``, ``hidden`` as ``propagate`` takes them."""
    fp = propagate(thetas, activations, x1, hidden)
    value = mean_loss(fp, t, loss)
    grads = chain_rule(thetas, activations, fp, t, loss)
    new_thetas, new_state = apply(thetas, grads.per_layer, state, hyper)
    return fp, value, grads, new_thetas, new_state


def train_step(network, x, t, loss, optimizer, state=None):
    """forward → loss → backward → update, on one batch, with one finiteness check at the end."""
    thetas = network.thetas()
    apply, hyper, state = prepare_optimizer(optimizer, thetas, state)
    with np.errstate(**QUIET):
        fp, value, grads, new_thetas, new_state = descend(
            thetas, activation_names(network), with_ones(x), hidden_room(thetas, len(x)), t, loss, apply, hyper, state
        )
    everything = fp.zs + grads.per_layer + new_thetas + state_slots(new_state)
    if not (math.isfinite(value) and all_finite(everything)):
        _name_the_overflow(fp, value, grads, new_thetas, new_state, loss, optimizer["name"])
    return Step(fp, value, grads, network.with_thetas(new_thetas), new_state)


def _name_the_overflow(fp, value, grads, thetas, state, loss, name):
    """Raise the ``DivergedError`` of the first of the four steps that overflowed."""
    check_forward(fp)
    finite_loss(value, loss)
    check_gradients(grads)
    check_update(thetas, state, name)
