"""Size limits shared by every route, taken from the settings."""

import itertools
from typing import Annotated

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from ..settings import Settings
from .errors import LimitError


async def app_settings(request: Request) -> Settings:
    """The app's settings, as ``create_app`` stored them in ``app.state.settings``.

    Read on the event loop: ``Depends(get_settings)`` would call the (plain ``def``) function in a
    worker thread on every request, a thread hop that cost /api/step a large share of its
    requests/s under load.
    """
    return request.app.state.settings


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
                f"layers[{index}] is {len(layer.weights)} × {len(layer.weights[0])}; "
                f"the limit max_neurons is {settings.max_neurons} per layer",
            )


def parameter_count(network):
    """Weights and biases of a request's network (its lists, before any array is built)."""
    return sum(len(layer.weights) * (len(layer.weights[0]) + 1) for layer in network.layers)


def parameter_count_of_widths(widths):
    """Weights and biases of a network with columns of ``widths`` = [n_in, n_1, …, n_L]."""
    return sum((n_in + 1) * n_out for n_in, n_out in itertools.pairwise(widths))


def check_rows(settings, rows, field):
    if len(rows) > settings.max_samples:
        raise LimitError((field,), f"has {len(rows)} rows; the limit max_samples is {settings.max_samples}")


async def run_engine(settings, work, function, *args):
    """Run small work on the event loop (fast); send larger work to a thread so it blocks nobody."""
    if work <= settings.inline_work:
        return function(*args)
    return await run_in_threadpool(function, *args)
