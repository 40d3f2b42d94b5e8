"""The four steps of backpropagation, one endpoint each, and the whole step at once."""

import re

import pydantic_core
from fastapi import APIRouter
from fastapi.responses import JSONResponse

from ...engine import DivergedError
from .. import service
from ..json_route import JSONBodyRoute
from ..limits import SettingsDep, check_network, check_rows, run_engine
from ..schemas_in import BackwardRequest, ForwardRequest, StepRequest, UpdateRequest
from ..schemas_out import ERROR_RESPONSES, BackwardResponse, ForwardResponse, StepResponse, UpdateResponse

# JSON's non-standard constants as bare values (after ':', '[' or ','), not inside a string.
NON_FINITE = re.compile(rb"[:\[,](?:-?Infinity|NaN)[,\]}]")

# Well-formed bodies are validated straight from their bytes (json_route.py); errors as FastAPI words them.
router = APIRouter(prefix="/api", tags=["backprop"], responses=ERROR_RESPONSES, route_class=JSONBodyRoute)


class EngineJSONResponse(JSONResponse):
    """JSON encoded by pydantic-core (Rust): the same values as ``json.dumps``, 5–7× faster on a trace.

    Only the spelling of some floats differs (``0.00001`` for ``1e-05``). The engine never returns
    NaN or infinity; should one slip through, the answer is a 422 "diverged", never invalid JSON
    and never a 500.
    """

    def render(self, content):
        body = pydantic_core.to_json(content, inf_nan_mode="constants")
        # The regex costs ~60 µs on a step's 8 kB answer; a plain substring search, a tenth of that.
        if (b"Infinity" in body or b"NaN" in body) and NON_FINITE.search(body):
            raise DivergedError("a number in the answer overflowed")
        return body


def _answer(function, *args):
    """Run a service function and encode its answer, both where ``run_engine`` runs the work."""
    return EngineJSONResponse(function(*args))


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
    return await run_engine(settings, work, _answer, service.run_forward, body)


@router.post("/backward", response_model=BackwardResponse)
async def run_backward(body: BackwardRequest, settings: SettingsDep):
    """Loss and gradients: the chain rule from the output back to every weight and bias."""
    work = _checked_work(settings, body)
    return await run_engine(settings, work, _answer, service.run_backward, body)


@router.post("/update", response_model=UpdateResponse)
async def run_update(body: UpdateRequest, settings: SettingsDep):
    """Apply gradients with an optimizer: w := w − η·∂L/∂w for SGD."""
    work = _checked_work(settings, body)
    return await run_engine(settings, work, _answer, service.run_update, body)


@router.post("/step", response_model=StepResponse)
async def run_step(body: StepRequest, settings: SettingsDep):
    """One training step (forward, loss, backward, update) with its full trace."""
    work = _checked_work(settings, body)
    return await run_engine(settings, work, _answer, service.run_step, body, settings.max_trace_entries)
