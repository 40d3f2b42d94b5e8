"""/api/presets: the list of presets, then one preset ready to post."""

from pydantic import BaseModel, Field

from .common import Activation, LossName, MatrixOut, NetworkIn, TextbookNames


class Preset(BaseModel):
    name: str
    title: str
    teaches: str
    network: NetworkIn
    inputs: MatrixOut
    targets: MatrixOut
    loss: LossName
    optimizer: dict
    textbook: TextbookNames | None = Field(None, description="The names the preset's source uses, if it has its own.")


class PresetSummary(BaseModel):
    name: str
    title: str
    teaches: str
    widths: list[int] = Field(description="Nodes per column: inputs, then each layer.")
    activations: list[Activation]
    textbook: TextbookNames | None = Field(None, description="The names the preset's source uses, if it has its own.")
