"""The step as a graph of scalar operations, and the gradient check of the backward pass."""

from fastapi import APIRouter

from ...engine.backprop import check_batch, compute_loss, forward
from ...engine.gradcheck import check_gradients
from ...engine.graph import build_graph
from ..errors import LimitError
from ..json_route import JSONBodyRoute
from ..limits import SettingsDep, check_network, check_rows, parameter_count, run_engine
from ..responses import answer
from ..schemas_graph import GradcheckRequest, GradcheckResponse, GraphRequest, GraphResponse
from ..schemas_out import ERROR_RESPONSES
from ..service import build_network

router = APIRouter(prefix="/api", tags=["graph"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


def _check_limits(settings, body):
    check_network(settings, body.network)
    check_rows(settings, body.inputs, "inputs")
    check_rows(settings, body.targets, "targets")


def _arrays(body):
    """The network and the batch's arrays, or a NetworkError naming the field."""
    network = build_network(body.network)
    x, t = check_batch(network, body.inputs, body.targets, body.loss)
    return network, x, t


def _too_large(settings, params, samples):
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


def _graph(body, note):
    """The graph, or only its sizes and loss with ``note`` saying why it is not drawn."""
    network, x, t = _arrays(body)
    sizes = {"parameter_count": network.parameter_count, "sample_count": len(x)}
    loss = compute_loss(forward(network, x), t, body.loss)  # refuses an overflowing step before the graph
    if note:
        empty = {"root": None, "nodes": [], "edges": [], "forward_order": [], "backward_order": [], "backward": []}
        return {**empty, **sizes, "loss": loss, "note": note}
    return {**build_graph(network, x, t, body.loss), **sizes, "loss": loss, "note": None}


GRAPH_WORK = 2000
"""Work units (as ``inline_work`` counts samples × parameters) per sample × parameter of a drawn
graph: its scalar nodes cost 70–180 µs per sample × parameter, some 2000 times a numpy step's."""


@router.post("/graph", response_model=GraphResponse)
async def read_graph(body: GraphRequest, settings: SettingsDep):
    """The step as scalar operations: each node's value, gradient and local derivatives, in order."""
    _check_limits(settings, body)
    samples, params = len(body.inputs), parameter_count(body.network)
    note = _too_large(settings, params, samples)
    work = samples * params * (1 if note else GRAPH_WORK)
    return await run_engine(settings, work, answer, _graph, body, note)


def _gradcheck(body):
    network, x, t = _arrays(body)
    return check_gradients(network, x, t, body.loss, body.epsilon)


@router.post("/gradcheck", response_model=GradcheckResponse)
async def check_gradient(body: GradcheckRequest, settings: SettingsDep):
    """Every weight's and bias's backprop gradient beside its central-difference estimate."""
    _check_limits(settings, body)
    params = parameter_count(body.network)
    # 2 forward passes per parameter, each samples × parameters plus a pass's fixed cost in Python.
    per_pass = len(body.inputs) * params + settings.train_step_cost
    work = 2 * params * per_pass
    if work > settings.compute_budget:
        raise LimitError(
            ("network",),
            f"the gradient check would do 2 × {params} forward passes of {len(body.inputs)} samples × {params} "
            f"parameters + train_step_cost {settings.train_step_cost} = {work} units; the limit compute_budget is "
            f"{settings.compute_budget}: use fewer samples or parameters",
        )
    return await run_engine(settings, work, answer, _gradcheck, body)
