"""The step as a graph of scalar operations, and the gradient check of the backward pass."""

from fastapi import APIRouter

from ..json_route import JSONBodyRoute
from ..limits import SettingsDep
from ..responses import answer
from ..schemas.errors import ERROR_RESPONSES
from ..schemas.graph import GradcheckRequest, GradcheckResponse, GraphRequest, GraphResponse
from ..services import graph as service
from ..work import run_engine

router = APIRouter(prefix="/api", tags=["graph"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


@router.post("/graph", response_model=GraphResponse)
async def read_graph(body: GraphRequest, settings: SettingsDep):
    """The step as scalar operations: each node's value, gradient and local derivatives, in order."""
    work, note = service.plan_graph(settings, body)
    return await run_engine(settings, work, answer, service.read_graph, body, note)


@router.post("/gradcheck", response_model=GradcheckResponse)
async def check_gradient(body: GradcheckRequest, settings: SettingsDep):
    """Every weight's and bias's backprop gradient beside its central-difference estimate."""
    work = service.plan_gradcheck(settings, body)
    return await run_engine(settings, work, answer, service.check_gradient, body)
