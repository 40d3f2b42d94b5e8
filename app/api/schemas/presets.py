"""/api/presets: the list of presets, then one preset ready to post."""

from pydantic import BaseModel, Field

from .common import Activation, LossName, MatrixOut, Network, Optimizer, TextbookNames


class Preset(BaseModel):
    """A worked example: a step body (network, batch, loss, optimizer) with its labels.
    It posts to /api/step as it is."""

    name: str = Field(description="Its name in /api/presets/{name}.")
    title: str
    teaches: str = Field(description="What the example shows.")
    network: Network
    inputs: MatrixOut = Field(description="x, N × n_in.")
    targets: MatrixOut = Field(description="t, N × K.")
    loss: LossName
    optimizer: Optimizer
    textbook: TextbookNames | None = Field(None, description="The names the preset's source uses, if it has its own.")


class PresetSummary(BaseModel):
    name: str
    title: str
    teaches: str
    widths: list[int] = Field(description="Nodes per column: inputs, then each layer.")
    activations: list[Activation]
    textbook: TextbookNames | None = Field(None, description="The names the preset's source uses, if it has its own.")
