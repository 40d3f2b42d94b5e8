"""The settings every route reads, and the size limits they set, checked before any work.

A request over a limit is refused with a ``LimitError`` that names the field and the setting.
"""

from typing import Annotated

from fastapi import Depends, Request

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


def check_at_most(settings, limit, value, path):
    """Refuse ``value`` above the setting ``limit``: "is 51; the limit max_samples is 50"."""
    if value > getattr(settings, limit):
        raise LimitError(path, f"is {value}; the limit {limit} is {getattr(settings, limit)}")


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


def check_widths(settings, widths):
    """Refuse more layers or wider columns than the settings allow, naming the field."""
    if len(widths) - 1 > settings.max_layers:
        raise LimitError(("widths",), f"makes {len(widths) - 1} layers; the limit max_layers is {settings.max_layers}")
    for index, width in enumerate(widths):
        if width > settings.max_neurons:
            raise LimitError(
                ("widths", index), f"is {width}; the limit max_neurons is {settings.max_neurons} per layer"
            )


def check_rows(settings, rows, field):
    """Refuse more rows in ``field`` than max_samples."""
    if len(rows) > settings.max_samples:
        raise LimitError((field,), f"has {len(rows)} rows; the limit max_samples is {settings.max_samples}")


def check_batch_rows(settings, body):
    """The network, and the rows of inputs and targets where the body has them."""
    check_network(settings, body.network)
    for field in ("inputs", "targets"):
        if hasattr(body, field):
            check_rows(settings, getattr(body, field), field)
