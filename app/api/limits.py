"""Size limits shared by every route, taken from the settings."""

from typing import Annotated

from fastapi import Depends
from starlette.concurrency import run_in_threadpool

from ..settings import Settings, get_settings
from .errors import LimitError

SettingsDep = Annotated[Settings, Depends(get_settings)]


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


def check_rows(settings, rows, field):
    if len(rows) > settings.max_samples:
        raise LimitError((field,), f"has {len(rows)} rows; the limit max_samples is {settings.max_samples}")


async def run_engine(settings, work, function, *args):
    """Run small work on the event loop (fast); send larger work to a thread so it blocks nobody."""
    if work <= settings.inline_work:
        return function(*args)
    return await run_in_threadpool(function, *args)
