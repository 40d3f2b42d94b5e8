"""Size limits shared by every route, taken from the settings."""

from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from ..settings import Settings, get_settings
from .errors import LimitError


async def app_settings(request: Request) -> Settings:
    """The app's settings: ``app.state.settings`` if set, else ``get_settings`` or its override.

    Read on the event loop: ``Depends(get_settings)`` would call the (plain ``def``) override in a
    worker thread on every request, a thread hop that cost /api/step a large share of its
    requests/s under load. (Any entry in ``app.dependency_overrides`` also makes FastAPI re-analyse
    every dependency on every request, ~50 µs; ``app.state.settings`` avoids that.)
    """
    settings = getattr(request.app.state, "settings", None)
    return settings or request.app.dependency_overrides.get(get_settings, get_settings)()


SettingsDep = Annotated[Settings, Depends(app_settings)]


def check_network(settings, network):
    """Refuse more layers or wider layers than the settings allow."""
    if len(network.layers) > settings.max_layers:
        raise LimitError(
            ("network", "layers"),
            f"has {len(network.layers)} layers; the limit max_layers is {settings.max_layers}",
        )
    for index, layer in enumerate(network.layers):
        widest = max(len(layer.weights), max(len(row) for row in layer.weights))
        if widest > settings.max_neurons:
            raise LimitError(
                ("network", "layers", index, "weights"),
                f"layer {index} is {len(layer.weights)} × {len(layer.weights[0])}; "
                f"the limit max_neurons is {settings.max_neurons} per layer",
            )


def parameter_count(network):
    """Weights and biases of a request's network (its lists, before any array is built)."""
    return sum(len(layer.weights) * (len(layer.weights[0]) + 1) for layer in network.layers)


def check_rows(settings, rows, field):
    if len(rows) > settings.max_samples:
        raise LimitError((field,), f"has {len(rows)} rows; the limit max_samples is {settings.max_samples}")


async def run_engine(settings, work, function, *args):
    """Run small work on the event loop (fast); send larger work to a thread so it blocks nobody."""
    if work <= settings.inline_work:
        return function(*args)
    return await run_in_threadpool(function, *args)
