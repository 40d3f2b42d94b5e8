"""The four steps and the whole step: build arrays, run the engine, answer plain dicts.

Every number in an answer is finite.
"""

from ...engine import DivergedError, backward, build_trace, check_batch, compute_loss, forward, train_step, update
from ...engine.backprop import loss_at
from ...engine.network import flatten_pairs, pairs, state_to_lists
from ..limits import check_batch_rows
from ..work import step_work, trace_size
from .common import build_network, network_answer, optimizer_of, state_of


def checked_work(settings, body):
    """Check the limits; return the work (samples × parameters) that decides where the step runs."""
    check_batch_rows(settings, body)
    return step_work(body)


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
    new_network, state = update(network, grads, optimizer_of(body), state_of(body))
    return {"network": network_answer(new_network), "optimizer_state": state_to_lists(state)}


def run_step(body, max_trace_entries):
    network = build_network(body.network)
    x, t = check_batch(network, body.inputs, body.targets, body.loss, finite_checked=True)
    optimizer = optimizer_of(body)
    step = train_step(network, x, t, body.loss, optimizer, state_of(body))
    result = _gradient_fields(step.forward, step.gradients, step.loss)
    result["network"] = network_answer(step.network)
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
