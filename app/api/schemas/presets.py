"""/api/presets: the list of presets, then one preset ready to post."""

from pydantic import BaseModel, Field

from .common import Activation, LossName, MatrixOut, NetworkIn


class Preset(BaseModel):
    name: str
    title: str
    teaches: str
    network: NetworkIn
    inputs: MatrixOut
    targets: MatrixOut
    loss: LossName
    optimizer: dict


class PresetSummary(BaseModel):
    name: str
    title: str
    teaches: str
    widths: list[int] = Field(description="Nodes per column: inputs, then each layer.")
    activations: list[Activation]
