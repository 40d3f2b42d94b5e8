"""GET /api/catalog: every name, default and limit the browser needs, from their one definition."""

from pydantic import BaseModel, Field

from .common import Activation, LossName, OptimizerName
from .datasets import DatasetSummary


class ActivationInfo(BaseModel):
    name: Activation
    title: str = Field(description="What the page shows for it.")


class LossInfo(BaseModel):
    name: LossName
    title: str = Field(description="What the page shows for it.")


class OptimizerInfo(BaseModel):
    name: OptimizerName
    title: str = Field(description="What the page shows for it.")
    defaults: dict[str, float] = Field(description="Each hyper-parameter's value when a request leaves it out.")


class Limits(BaseModel):
    """The server's limits (the settings of the same names)."""

    max_layers: int
    max_neurons: int
    max_samples: int
    max_epochs: int
    max_grid: int
    max_graph_parameters: int
    max_graph_samples: int
    max_body_bytes: int
    max_seed: int = Field(description="The largest seed a request may send (seeds start at 0).")


class EditorLimits(BaseModel):
    """The explainer editor's smaller sizes (settings editor_max_*), each at most the server's limit."""

    max_layers: int
    max_neurons: int
    max_samples: int


class Catalog(BaseModel):
    activations: list[ActivationInfo] = Field(description="Every activation, in the engine's order.")
    losses: list[LossInfo] = Field(description="Every loss, in the engine's order.")
    optimizers: list[OptimizerInfo] = Field(description="Every optimizer with its defaults.")
    datasets: list[DatasetSummary] = Field(description="The built-in datasets, as GET /api/datasets lists them.")
    limits: Limits
    editor_limits: EditorLimits
