"""The four steps of backpropagation, one endpoint each, and the whole step at once."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from .. import service
from ..limits import SettingsDep, check_network, check_rows, run_engine
from ..schemas_in import BackwardRequest, ForwardRequest, StepRequest, UpdateRequest
from ..schemas_out import ERROR_RESPONSES, BackwardResponse, ForwardResponse, StepResponse, UpdateResponse

router = APIRouter(prefix="/api", tags=["backprop"], responses=ERROR_RESPONSES)


def _checked_work(settings, body):
    """Check the limits; return the work size (samples × parameters) that decides where it runs."""
    check_network(settings, body.network)
    rows = getattr(body, "inputs", [[]])
    check_rows(settings, rows, "inputs")
    if hasattr(body, "targets"):
        check_rows(settings, body.targets, "targets")
    params = sum(len(l.weights) * (len(l.weights[0]) + 1) for l in body.network.layers)
    return len(rows) * params


@router.post("/forward", response_model=ForwardResponse)
async def run_forward(body: ForwardRequest, settings: SettingsDep):
    """Forward pass: z = W·a_prev + b and a = f(z) for every layer."""
    work = _checked_work(settings, body)
    return JSONResponse(await run_engine(settings, work, service.run_forward, body))


@router.post("/backward", response_model=BackwardResponse)
async def run_backward(body: BackwardRequest, settings: SettingsDep):
    """Loss and gradients: the chain rule from the output back to every weight and bias."""
    work = _checked_work(settings, body)
    return JSONResponse(await run_engine(settings, work, service.run_backward, body))


@router.post("/update", response_model=UpdateResponse)
async def run_update(body: UpdateRequest, settings: SettingsDep):
    """Apply gradients with an optimizer: w := w − η·∂L/∂w for SGD."""
    work = _checked_work(settings, body)
    return JSONResponse(await run_engine(settings, work, service.run_update, body))


@router.post("/step", response_model=StepResponse)
async def run_step(body: StepRequest, settings: SettingsDep):
    """One training step (forward, loss, backward, update) with its full trace."""
    work = _checked_work(settings, body)
    return JSONResponse(await run_engine(settings, work, service.run_step, body, settings.max_trace_entries))
