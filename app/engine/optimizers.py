"""Optimizers: how a weight moves given its gradient. The server is stateless, so each keeps
its state (step count, velocities, moments) in a plain dict that travels with the request.

Each entry maps a name to ``(defaults, apply)`` where
``apply(params, grads, state, hyper) -> (new_params, new_state)`` and ``params``/``grads`` are
parallel lists of arrays — the engine passes ``[θ₁, θ₂, …]``, θ = [W | b], one array per layer;
every rule here is element-wise, so any such list works. The update is simultaneous: every
gradient was computed from the old weights before any weight moves.
"""

import numpy as np


def sgd(params, grads, state, hyper):
    """w := w − η·∂L/∂w"""
    eta = hyper["learning_rate"]
    return [p - eta * g for p, g in zip(params, grads, strict=True)], {"step": state["step"] + 1}


def momentum(params, grads, state, hyper):
    """v := μ·v + ∂L/∂w;  w := w − η·v"""
    eta, mu = hyper["learning_rate"], hyper["momentum"]
    velocity = [mu * v + g for v, g in zip(_slots(state, "velocity", params), grads, strict=True)]
    new = [p - eta * v for p, v in zip(params, velocity, strict=True)]
    return new, {"step": state["step"] + 1, "velocity": velocity}


def adam(params, grads, state, hyper):
    """m := β₁m + (1−β₁)g;  v := β₂v + (1−β₂)g²;  w := w − η·m̂ / (√v̂ + ε)"""
    eta, b1, b2, eps = hyper["learning_rate"], hyper["beta1"], hyper["beta2"], hyper["epsilon"]
    step = state["step"] + 1
    m = [b1 * m + (1 - b1) * g for m, g in zip(_slots(state, "m", params), grads, strict=True)]
    v = [b2 * v + (1 - b2) * g * g for v, g in zip(_slots(state, "v", params), grads, strict=True)]
    c1, c2 = 1 - b1**step, 1 - b2**step
    new = [p - eta * (mi / c1) / (np.sqrt(vi / c2) + eps) for p, mi, vi in zip(params, m, v, strict=True)]
    return new, {"step": step, "m": m, "v": v}


def _slots(state, key, params):
    return state.get(key) or [np.zeros_like(p) for p in params]


OPTIMIZERS = {
    "sgd": ({"learning_rate": 0.5}, sgd),
    "momentum": ({"learning_rate": 0.1, "momentum": 0.9}, momentum),
    "adam": ({"learning_rate": 0.001, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8}, adam),
}

TITLES = {"sgd": "SGD", "momentum": "Momentum", "adam": "Adam"}
"""How the page names each optimizer."""


def hyperparameters(optimizer):
    """``optimizer = {"name": …, …}``'s hyper-parameters: those given (not None), the defaults for the rest."""
    defaults, _ = OPTIMIZERS[optimizer["name"]]
    return {**defaults, **{k: v for k, v in optimizer.items() if k != "name" and v is not None}}


# The arrays each optimizer keeps per parameter, besides the step count.
SLOTS = {"sgd": (), "momentum": ("velocity",), "adam": ("m", "v")}


def state_mismatch(name, state, slots):
    """(slot, what is wrong) when ``state`` cannot be what optimizer ``name`` returned, else None.

    ``slots`` = the state's arrays by slot name (those given). Another optimizer's slots are
    refused, not ignored; Adam's bias correction divides by 1 − βᵗ with t = ``step``, so its m
    and v come together and with the step count that made them (fresh moments mean t = 0), and
    v, a running mean of squared gradients, is never negative."""
    for slot in slots:
        if slot not in SLOTS[name]:
            owner = next(other for other, own in SLOTS.items() if slot in own)
            kept = ", ".join(("step", *SLOTS[name]))
            return slot, f"is {owner}'s state; {name} keeps {kept} (leave optimizer_state out to start afresh)"
    if name != "adam":
        return None
    step, given = state.get("step", 0), [slot for slot in ("m", "v") if slot in slots]
    if len(given) == 1:
        missing = "v" if given == ["m"] else "m"
        return missing, "is missing: adam's state has m and v together, as an adam step returned them"
    if given and step == 0:
        return "step", "is 0 but m and v are given: t counts the updates that made them (at least 1)"
    if not given and step > 0:
        return "step", f"is {step} but m and v are missing: with fresh moments adam starts at t = 0 (send step 0)"
    if given and any((v < 0).any() for v in slots["v"]):
        return "v", "has a negative value: v is a running mean of squared gradients, never below 0"
    return None
