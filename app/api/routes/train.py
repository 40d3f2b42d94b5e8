"""The training lab: fresh random networks and mini-batch training under a compute budget."""

from fastapi import APIRouter

from ..json_route import JSONBodyRoute
from ..limits import SettingsDep
from ..responses import answer
from ..schemas.errors import ERROR_RESPONSES
from ..schemas.train import RandomNetworkRequest, RandomNetworkResponse, TrainRequest, TrainResponse
from ..services import train as service
from ..work import run_engine

router = APIRouter(prefix="/api", tags=["training"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


@router.post("/networks/random", response_model=RandomNetworkResponse)
async def create_random_network(body: RandomNetworkRequest, settings: SettingsDep):
    """A network of the given shape with Glorot-uniform weights from the seed and zero biases."""
    work = service.plan_random_network(settings, body)
    return await run_engine(settings, work, answer, service.create_random_network, body)


@router.post("/train", response_model=TrainResponse)
async def train_network(body: TrainRequest, settings: SettingsDep):
    """Mini-batch training for some epochs, cut short at the compute budget; optionally predictions on a grid."""
    plan = service.plan_training(settings, body)
    return await run_engine(settings, plan.total_work, answer, service.run_training, plan)
