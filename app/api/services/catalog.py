"""The catalog: names, titles and defaults from the engine's tables, limits from the settings."""

from ...engine import activations, losses, optimizers
from ..schemas.common import MAX_SEED
from .datasets import dataset_summaries

LIMITS = (
    "max_layers",
    "max_neurons",
    "max_samples",
    "max_epochs",
    "max_grid",
    "max_graph_parameters",
    "max_graph_samples",
    "max_body_bytes",
)
EDITOR_LIMITS = ("max_layers", "max_neurons", "max_samples")


def read_catalog(settings):
    return {
        "activations": [{"name": name, "title": activations.TITLES[name]} for name in activations.ACTIVATIONS],
        "losses": [{"name": name, "title": losses.TITLES[name]} for name in losses.LOSSES],
        "optimizers": [
            {"name": name, "title": optimizers.TITLES[name], "defaults": defaults}
            for name, (defaults, _) in optimizers.OPTIMIZERS.items()
        ],
        "datasets": dataset_summaries(settings),
        "limits": {**{name: getattr(settings, name) for name in LIMITS}, "max_seed": MAX_SEED},
        "editor_limits": {
            name: min(getattr(settings, f"editor_{name}"), getattr(settings, name)) for name in EDITOR_LIMITS
        },
    }
