"""What goes out: response bodies. Every number is finite; the engine refuses to return NaN."""

from pydantic import BaseModel, ConfigDict, Field

from .schemas_in import Activation, LossName, NetworkIn, OptimizerState, ParameterPair, TextbookNames

Matrix = list[list[float]]


class LayerValues(BaseModel):
    z: Matrix = Field(description="Pre-activations z = W·a_prev + b, N × n_out.")
    a: Matrix = Field(description="Activations a = f(z), N × n_out.")


class ForwardResponse(BaseModel):
    outputs: Matrix = Field(description="y, the last layer's activations, N × K.")
    layers: list[LayerValues]


class BackwardResponse(BaseModel):
    loss: float = Field(description="L, the loss averaged over the batch.")
    outputs: Matrix
    gradients: list[ParameterPair] = Field(description="∂L/∂W and ∂L/∂b, shaped like the network.")
    deltas: list[Matrix] = Field(description="δ = ∂ℓₙ/∂z per layer, one row per sample (not averaged).")


class NetworkOut(BaseModel):
    layers: list[dict] = Field(description="Same shape as the network sent in.")


class OptimizerStateOut(OptimizerState):
    """The state after this update; its step may be one past the largest step a request may send."""

    step: int = Field(ge=0, description="Updates taken so far, this one included (Adam's t).")


class UpdateResponse(BaseModel):
    network: NetworkIn
    optimizer_state: OptimizerStateOut


class TraceEntry(BaseModel):
    """One sub-step of the training step. Fields besides these depend on ``kind``: see the README."""

    model_config = ConfigDict(extra="allow")
    phase: str = Field(description="forward, loss, backward or update.")
    kind: str = Field(
        description="neuron, loss, output_delta, hidden_delta, weight_gradient, bias_gradient, "
        "weight_update or bias_update."
    )
    rule: str = Field(description="The symbolic equation this entry's numbers fill in.")


class StepResponse(BackwardResponse):
    network: NetworkIn = Field(description="The network after the update.")
    optimizer_state: OptimizerStateOut
    loss_after: float = Field(description="The loss on the same batch with the updated network.")
    trace: list[TraceEntry] | None = Field(description="Every intermediate, in reading order; null if left out.")
    trace_note: str | None = None


class Preset(BaseModel):
    name: str
    title: str
    teaches: str
    network: NetworkIn
    inputs: Matrix
    targets: Matrix
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


class ErrorItem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ErrorList(BaseModel):
    detail: list[ErrorItem]


class ErrorMessage(BaseModel):
    detail: str


ERROR_RESPONSES = {
    400: {"model": ErrorMessage, "description": "The body cannot be read (not UTF-8, or a bad content-length)."},
    413: {"model": ErrorMessage, "description": "The body is larger than max_body_bytes."},
    422: {"model": ErrorList, "description": "A field is missing, malformed, or breaks a limit."},
}
