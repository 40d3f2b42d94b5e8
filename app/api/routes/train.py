"""The training lab: fresh random networks and mini-batch training under a compute budget."""

from fastapi import APIRouter

from ...engine.initialize import random_network
from ..errors import LimitError
from ..limits import SettingsDep
from ..schemas_out import ERROR_RESPONSES
from ..schemas_train import RandomNetworkRequest, RandomNetworkResponse

router = APIRouter(prefix="/api", tags=["training"], responses=ERROR_RESPONSES)


def check_widths(settings, widths):
    """Refuse more layers or wider columns than the settings allow, naming the field."""
    if len(widths) - 1 > settings.max_layers:
        raise LimitError(("widths",), f"makes {len(widths) - 1} layers; the limit max_layers is {settings.max_layers}")
    for index, width in enumerate(widths):
        if width > settings.max_neurons:
            raise LimitError(
                ("widths", index), f"is {width}; the limit max_neurons is {settings.max_neurons} per layer"
            )


@router.post("/networks/random", response_model=RandomNetworkResponse)
def create_random_network(body: RandomNetworkRequest, settings: SettingsDep):
    """A network of the given shape with Glorot-uniform weights from the seed and zero biases."""
    check_widths(settings, body.widths)
    network = random_network(body.widths, body.activations, body.seed)
    return {"network": {"layers": network.to_lists()}}
