"""The four steps of backpropagation, one endpoint each, and the whole step at once."""

from fastapi import APIRouter

from ..json_route import JSONBodyRoute
from ..limits import SettingsDep
from ..responses import answer
from ..schemas.backprop import (
    BackwardRequest,
    BackwardResponse,
    ForwardRequest,
    ForwardResponse,
    StepRequest,
    StepResponse,
    UpdateRequest,
    UpdateResponse,
)
from ..schemas.errors import ERROR_RESPONSES
from ..services import backprop as service
from ..work import run_engine

# Well-formed bodies are validated straight from their bytes (json_route.py); errors as FastAPI words them.
router = APIRouter(prefix="/api", tags=["backprop"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


@router.post("/forward", response_model=ForwardResponse)
async def run_forward(body: ForwardRequest, settings: SettingsDep):
    """Forward pass: z = W·a_prev + b and a = f(z) for every layer."""
    work = service.checked_work(settings, body)
    return await run_engine(settings, work, answer, service.run_forward, body)


@router.post("/backward", response_model=BackwardResponse)
async def run_backward(body: BackwardRequest, settings: SettingsDep):
    """Loss and gradients: the chain rule from the output back to every weight and bias."""
    work = service.checked_work(settings, body)
    return await run_engine(settings, work, answer, service.run_backward, body)


@router.post("/update", response_model=UpdateResponse)
async def run_update(body: UpdateRequest, settings: SettingsDep):
    """Apply gradients with an optimizer: w := w − η·∂L/∂w for SGD."""
    work = service.checked_work(settings, body)
    return await run_engine(settings, work, answer, service.run_update, body)


@router.post("/step", response_model=StepResponse)
async def run_step(body: StepRequest, settings: SettingsDep):
    """One training step (forward, loss, backward, update) with its full trace."""
    work = service.checked_work(settings, body)
    return await run_engine(settings, work, answer, service.run_step, body, settings.max_trace_entries)
