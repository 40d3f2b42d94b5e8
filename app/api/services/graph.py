"""The step as a graph of scalar operations, and the gradient check of the backward pass."""

from ...engine.backprop import check_batch, compute_loss, forward
from ...engine.gradcheck import check_gradients
from ...engine.graph import build_graph
from ..limits import check_batch_rows
from ..work import gradcheck_work, graph_work, parameter_count
from .common import build_network


def _arrays(body):
    """The network and the batch's arrays, or a NetworkError naming the field."""
    network = build_network(body.network)
    x, t = check_batch(network, body.inputs, body.targets, body.loss)
    return network, x, t


def too_large(settings, params, samples):
    """Why the graph view would be unreadable for ``params`` parameters and ``samples`` samples, or None."""
    if params > settings.max_graph_parameters:
        return (
            f"the graph view is for small networks: this one has {params} parameters; "
            f"the limit max_graph_parameters is {settings.max_graph_parameters}"
        )
    if samples > settings.max_graph_samples:
        return (
            f"the graph view shows small batches: this one has {samples} samples; "
            f"the limit max_graph_samples is {settings.max_graph_samples}"
        )
    return None


def plan_graph(settings, body):
    """Check the limits; (work, note): the note says why the graph is left out, or is None."""
    check_batch_rows(settings, body)
    samples, params = len(body.inputs), parameter_count(body.network)
    note = too_large(settings, params, samples)
    return graph_work(samples, params, drawn=note is None), note


def read_graph(body, note):
    """The graph, or only its sizes and loss with ``note`` saying why it is not drawn."""
    network, x, t = _arrays(body)
    sizes = {"parameter_count": network.parameter_count, "sample_count": len(x)}
    loss = compute_loss(forward(network, x), t, body.loss)  # refuses an overflowing step before the graph
    if note:
        empty = {"root": None, "nodes": [], "edges": [], "forward_order": [], "backward_order": [], "backward": []}
        return {**empty, **sizes, "loss": loss, "note": note}
    return {**build_graph(network, x, t, body.loss), **sizes, "loss": loss, "note": None}


def plan_gradcheck(settings, body):
    """Check the limits and the compute budget; return the gradient check's work."""
    check_batch_rows(settings, body)
    return gradcheck_work(settings, len(body.inputs), parameter_count(body.network))


def check_gradient(body):
    network, x, t = _arrays(body)
    return check_gradients(network, x, t, body.loss, body.epsilon)
