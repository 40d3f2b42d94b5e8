"""The real app plus one no-op POST endpoint: the baseline a benchmark compares /api/step against.

``uvicorn benchmarks.bench_app:app`` serves everything ``create_app()`` serves, and
``POST /bench/noop``, which ignores its body and answers ``{}``: what the server, the
middleware and the HTTP round trip cost before any parsing or math.
"""

from fastapi.responses import JSONResponse

from app.main import create_app
from benchmarks.harness import NOOP_PATH


def create_bench_app():
    bench = create_app()

    @bench.post(NOOP_PATH, include_in_schema=False)
    async def noop():
        """Answer at once, body unread by the endpoint (the middleware has already received it)."""
        return JSONResponse({})

    return bench


app = create_bench_app()
