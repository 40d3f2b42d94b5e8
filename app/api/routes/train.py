"""The training lab: fresh random networks and mini-batch training under a compute budget."""

from fastapi import APIRouter

from ...engine.initialize import random_network
from .. import service_train
from ..errors import LimitError
from ..json_route import JSONBodyRoute
from ..limits import SettingsDep, parameter_count_of_widths, run_engine
from ..responses import answer
from ..schemas_out import ERROR_RESPONSES
from ..schemas_train import RandomNetworkRequest, RandomNetworkResponse, TrainRequest, TrainResponse

router = APIRouter(prefix="/api", tags=["training"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


def check_widths(settings, widths):
    """Refuse more layers or wider columns than the settings allow, naming the field."""
    if len(widths) - 1 > settings.max_layers:
        raise LimitError(("widths",), f"makes {len(widths) - 1} layers; the limit max_layers is {settings.max_layers}")
    for index, width in enumerate(widths):
        if width > settings.max_neurons:
            raise LimitError(
                ("widths", index), f"is {width}; the limit max_neurons is {settings.max_neurons} per layer"
            )


RANDOM_NETWORK_WORK = 20
"""Work units (as ``inline_work`` counts samples × parameters) per parameter of a new network: drawing
it is cheap, its JSON (~0.25 µs a number) is not."""


def _random_network(body):
    return {"network": {"layers": random_network(body.widths, body.activations, body.seed).to_lists()}}


@router.post("/networks/random", response_model=RandomNetworkResponse)
async def create_random_network(body: RandomNetworkRequest, settings: SettingsDep):
    """A network of the given shape with Glorot-uniform weights from the seed and zero biases."""
    check_widths(settings, body.widths)
    parameters = parameter_count_of_widths(body.widths)
    return await run_engine(settings, parameters * RANDOM_NETWORK_WORK, answer, _random_network, body)


@router.post("/train", response_model=TrainResponse)
async def train_network(body: TrainRequest, settings: SettingsDep):
    """Mini-batch training for some epochs, cut short at the compute budget; optionally predictions on a grid."""
    plan = service_train.plan_training(body, settings)
    return await run_engine(settings, plan.total_work, answer, service_train.run_training, plan)
