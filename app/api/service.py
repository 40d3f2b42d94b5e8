"""Glue between request models and the engine: build arrays, run the four steps, make dicts.

Routes call these; they return plain dicts ready for JSON, every number finite.
"""

from ..engine import (
    DivergedError,
    Network,
    backward,
    build_trace,
    check_batch,
    compute_loss,
    forward,
    train_step,
    update,
)
from ..engine.backprop import flatten_pairs, loss_at, pairs, state_to_lists


def build_network(network_in):
    """The engine's network; shapes are checked there, finiteness already by the schema (``Finite``)."""
    return Network.from_lists(
        [{"weights": l.weights, "biases": l.biases, "activation": l.activation} for l in network_in.layers],
        ("network",),
        finite_checked=True,
    )


def _optimizer(body):
    return body.optimizer.model_dump()


def _state(body):
    return None if body.optimizer_state is None else body.optimizer_state.model_dump(exclude_none=True)


def run_forward(body):
    network = build_network(body.network)
    x, _ = check_batch(network, body.inputs, finite_checked=True)
    fp = forward(network, x)
    return {
        "outputs": fp.outputs.tolist(),
        "layers": [{"z": z.tolist(), "a": a.tolist()} for z, a in zip(fp.zs, fp.activations, strict=True)],
    }


def _gradient_fields(fp, grads, value):
    return {
        "loss": value,
        "outputs": fp.outputs.tolist(),
        "gradients": pairs(grads.per_layer),
        "deltas": [d.tolist() for d in grads.deltas],
    }


def run_backward(body):
    network = build_network(body.network)
    x, t = check_batch(network, body.inputs, body.targets, body.loss, finite_checked=True)
    fp = forward(network, x)
    value = compute_loss(fp, t, body.loss)
    return _gradient_fields(fp, backward(network, fp, t, body.loss), value)


def run_update(body):
    network = build_network(body.network)
    grads = flatten_pairs(
        [{"weights": g.weights, "biases": g.biases} for g in body.gradients], ("gradients",), network.parameters()
    )
    new_network, state = update(network, grads, _optimizer(body), _state(body))
    return {"network": {"layers": new_network.to_lists()}, "optimizer_state": state_to_lists(state)}


def trace_size(network, samples):
    """How many entries the trace of one step has: neurons and deltas per sample, 2 per parameter."""
    return 2 * samples * sum(network.widths[1:]) + 1 + 2 * network.parameter_count


def run_step(body, max_trace_entries):
    network = build_network(body.network)
    x, t = check_batch(network, body.inputs, body.targets, body.loss, finite_checked=True)
    optimizer = _optimizer(body)
    step = train_step(network, x, t, body.loss, optimizer, _state(body))
    result = _gradient_fields(step.forward, step.gradients, step.loss)
    result["network"] = {"layers": step.network.to_lists()}
    result["optimizer_state"] = state_to_lists(step.optimizer_state)
    try:
        result["loss_after"] = loss_at(step.network, x, t, body.loss)
    except DivergedError as error:
        raise DivergedError("the updated weights overflow the next forward pass; lower the learning rate") from error
    result["trace"], result["trace_note"] = None, None
    if not body.include_trace:
        result["trace_note"] = "include_trace was false"
    elif (size := trace_size(network, len(x))) > max_trace_entries:
        result["trace_note"] = (
            f"the trace would have {size} entries; the limit max_trace_entries is {max_trace_entries}"
        )
    else:
        result["trace"] = build_trace(network, step, t, body.loss, optimizer)
    return result
