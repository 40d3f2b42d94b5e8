"""The trace of one training step, in the order a learner reads it.

Each entry is a plain dict: ``phase`` (forward, loss, backward, update), ``kind``, which
``layer`` / ``neuron`` / ``input`` / ``sample`` it concerns (0-based; layer l is
``network.layers[l]``, its inputs are a⁽ˡ⁻¹⁾), the symbolic ``rule`` and every number that
rule uses. The explainer only lays these numbers out; it never recomputes them.

Order: forward (sample by sample, layer by layer, neuron by neuron); the loss; backward from
the last layer to the first — each layer's δ for every sample, then its weight and bias
gradients; the update of every parameter, last layer first.
"""

import numpy as np

from .activations import DERIVATIVES
from .backprop import all_finite, as_flat, per_sample_loss
from .losses import FORMULAS as LOSS_FORMULAS
from .losses import FUSED
from .network import DivergedError
from .optimizers import hyperparameters

RULES = {
    "neuron": "z = Σᵢ wᵢ·aᵢ + b;  a = f(z)",
    "output_delta": "δ = ∂ℓ/∂y · ∂y/∂z",
    "output_delta_fused": "δ = y − t",
    "output_delta_softmax": "δₖ = yₖ·(∂ℓ/∂yₖ − Σⱼ ∂ℓ/∂yⱼ·yⱼ)",
    "hidden_delta": "δ = (Σₖ wₖ·δₖ) · f′(z)",
    "hidden_delta_softmax": "δⱼ = aⱼ·(∂ℓ/∂aⱼ − Σᵢ ∂ℓ/∂aᵢ·aᵢ),  ∂ℓ/∂aⱼ = Σₖ wₖⱼ·δₖ",
    "weight_gradient": "∂L/∂w = (1/N) Σₙ δₙ·aₙ",
    "bias_gradient": "∂L/∂b = (1/N) Σₙ δₙ",
    "sgd": "w := w − η·∂L/∂w",
    "momentum": "v := μ·v + ∂L/∂w;  w := w − η·v",
    "adam": "m := β₁m + (1−β₁)g;  v := β₂v + (1−β₂)g²;  w := w − η·m̂/(√v̂ + ε)",
}


def build_trace(network, step, targets, loss, optimizer):
    """The list of entries for ``step`` (a ``backprop.Step``) taken on ``network``."""
    fp, grads = step.forward, step.gradients
    entries = _forward_entries(network, fp)
    per_sample = per_sample_loss(fp, targets, loss).tolist()
    entries.append(
        {
            "phase": "loss",
            "kind": "loss",
            "loss": loss,
            "rule": LOSS_FORMULAS[loss],
            "outputs": fp.outputs.tolist(),
            "targets": targets.tolist(),
            "per_sample": per_sample,
            "value": step.loss,
        }
    )
    for index in range(len(network.layers) - 1, -1, -1):
        entries += _delta_entries(network, fp, grads, targets, loss, index)
        entries += _gradient_entries(fp, grads, index)
    entries += _update_entries(network, step, optimizer)
    return entries


def _forward_entries(network, fp):
    entries = []
    for n in range(fp.inputs.shape[0]):
        for index, layer in enumerate(network.layers):
            a_prev = fp.layer_input(index)[n].tolist()
            z, a = fp.zs[index][n].tolist(), fp.activations[index][n].tolist()
            weights, biases = layer.weights.tolist(), layer.biases.tolist()
            for j in range(len(z)):
                entries.append(
                    {
                        "phase": "forward",
                        "kind": "neuron",
                        "layer": index,
                        "neuron": j,
                        "sample": n,
                        "rule": RULES["neuron"],
                        "inputs": a_prev,
                        "weights": weights[j],
                        "bias": biases[j],
                        "z": z[j],
                        "activation": layer.activation,
                        "a": a[j],
                    }
                )
    return entries


def _local_derivative(layer, z, a):
    """f′(z) per sample and neuron, or None where f mixes its outputs (softmax)."""
    prime = DERIVATIVES.get(layer.activation)
    return None if prime is None else prime(z, a).tolist()


def _delta_entries(network, fp, grads, targets, loss, index):
    layer, last = network.layers[index], index == len(network.layers) - 1
    z, a = fp.zs[index], fp.activations[index]
    dl_da, delta = grads.grad_a[index].tolist(), grads.deltas[index].tolist()
    da_dz = _local_derivative(layer, z, a)
    if last:
        kind = "output_delta"
        if loss in FUSED:
            rule = RULES["output_delta_fused"]
        else:
            rule = RULES["output_delta_softmax"] if da_dz is None else RULES["output_delta"]
    else:
        kind = "hidden_delta"
        rule = RULES["hidden_delta_softmax"] if da_dz is None else RULES["hidden_delta"]
        next_layer = network.layers[index + 1]
        next_weights = next_layer.weights.T.tolist()
        next_deltas = grads.deltas[index + 1].tolist()
    zl, al = z.tolist(), a.tolist()
    tl = targets.tolist() if last else None
    entries = []
    for n in range(len(zl)):
        for j in range(len(zl[n])):
            entry = {
                "phase": "backward",
                "kind": kind,
                "layer": index,
                "neuron": j,
                "sample": n,
                "rule": rule,
                "z": zl[n][j],
                "a": al[n][j],
                "dl_da": dl_da[n][j],
                "da_dz": None if da_dz is None else da_dz[n][j],
                "delta": delta[n][j],
            }
            if last:
                entry["target"] = tl[n][j]
            else:
                entry["next_weights"] = next_weights[j]
                entry["next_deltas"] = next_deltas[n]
            entries.append(entry)
    return entries


def _gradient_entries(fp, grads, index):
    deltas = grads.deltas[index].T.tolist()  # n_l × N
    a_prev = fp.layer_input(index).T.tolist()  # n_{l-1} × N
    grad_w, grad_b = grads.grad_w[index].tolist(), grads.grad_b[index].tolist()
    entries = []
    for j, deltas_j in enumerate(deltas):
        for i, a_i in enumerate(a_prev):
            entries.append(
                {
                    "phase": "backward",
                    "kind": "weight_gradient",
                    "layer": index,
                    "neuron": j,
                    "input": i,
                    "rule": RULES["weight_gradient"],
                    "deltas": deltas_j,
                    "inputs": a_i,
                    "grad": grad_w[j][i],
                }
            )
        entries.append(
            {
                "phase": "backward",
                "kind": "bias_gradient",
                "layer": index,
                "neuron": j,
                "rule": RULES["bias_gradient"],
                "deltas": deltas_j,
                "grad": grad_b[j],
            }
        )
    return entries


def _update_entries(network, step, optimizer):
    name = optimizer["name"]
    hyper = hyperparameters(optimizer)
    old, new, grads = network.parameters(), step.network.parameters(), step.gradients.flat()
    slots = {k: as_flat(v) for k, v in step.optimizer_state.items() if k != "step"}
    constants = {k: v for k, v in hyper.items() if k != "learning_rate"}  # μ, or β₁, β₂, ε
    if name == "adam":  # the bias-corrected moments the update divides: m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
        t = step.optimizer_state["step"]
        with np.errstate(over="ignore"):
            slots["m_hat"] = [m / (1 - hyper["beta1"] ** t) for m in slots["m"]]
            slots["v_hat"] = [v / (1 - hyper["beta2"] ** t) for v in slots["v"]]
        if not all_finite(slots["m_hat"] + slots["v_hat"]):
            raise DivergedError("the adam state overflowed; the gradients are too large")
        constants["t"] = t
    entries = []
    for index in range(len(network.layers) - 1, -1, -1):
        for offset, kind in ((0, "weight_update"), (1, "bias_update")):
            p = 2 * index + offset
            olds, news, gs = old[p].ravel().tolist(), new[p].ravel().tolist(), grads[p].ravel().tolist()
            extra = {k: v[p].ravel().tolist() for k, v in slots.items()}
            width = old[p].shape[1] if offset == 0 else None
            for flat, (o, w, g) in enumerate(zip(olds, news, gs, strict=True)):
                entry = {
                    "phase": "update",
                    "kind": kind,
                    "layer": index,
                    "neuron": flat // width if width else flat,
                    "rule": RULES[name],
                    "optimizer": name,
                    "learning_rate": hyper["learning_rate"],
                    "old": o,
                    "grad": g,
                    "new": w,
                    **constants,
                }
                if width:
                    entry["input"] = flat % width
                for k, v in extra.items():
                    entry[k] = v[flat]
                entries.append(entry)
    return entries
