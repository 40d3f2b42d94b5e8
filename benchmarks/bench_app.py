"""The real app plus two POST endpoints a benchmark compares /api/step against.

``uvicorn benchmarks.bench_app:app`` serves everything ``create_app()`` serves, and

- ``POST /bench/noop``, which ignores its body and answers ``{}``: what the server, the
  middleware and the HTTP round trip cost before any parsing or math. It is moved to the front
  of the route table, next to where /api/step is matched: added last, as a route normally is,
  the router would first try every route of the app's routers against its path (~40 regex
  matches), a cost /api/step does not pay, and the no-op would flatter the step;
- ``POST /bench/validate``, which takes the same body and dependencies as /api/step, through the
  same route class (the body validated into a ``StepRequest`` from its bytes, the settings) and
  answers ``{}``: the cost of the framework's share of a step.
"""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.json_route import JSONBodyRoute
from app.api.limits import SettingsDep
from app.api.schemas.backprop import StepRequest
from app.main import create_app
from benchmarks.harness import NOOP_PATH, VALIDATE_PATH


def create_bench_app():
    bench = create_app()

    @bench.post(NOOP_PATH, include_in_schema=False)
    async def noop():
        """Answer at once, body unread by the endpoint (the middleware has already received it)."""
        return JSONResponse({})

    # Matched right after /openapi.json, as /api/step is (its router comes first in create_app).
    bench.router.routes.insert(1, bench.router.routes.pop())

    router = APIRouter(route_class=JSONBodyRoute)  # as /api/step's router

    @router.post(VALIDATE_PATH, include_in_schema=False)
    async def validate(body: StepRequest, settings: SettingsDep):
        """Parse and validate a step's body, then answer without stepping."""
        return JSONResponse({})

    bench.include_router(router)
    return bench


app = create_bench_app()
