"""/api/forward, /api/backward, /api/update and /api/step: requests, then answers."""

from pydantic import BaseModel, ConfigDict, Field

from ...engine.presets import get_preset
from .common import (
    LossName,
    Matrix,
    MatrixOut,
    NetworkIn,
    Optimizer,
    OptimizerState,
    OptimizerStateOut,
    Pairs,
    ParameterPair,
    Strict,
    TextbookNames,
)

_MAZUR = get_preset("mazur-2-2-2")


class ForwardRequest(Strict):
    network: NetworkIn
    inputs: Matrix = Field(description="Batch of input rows, N × n_in.")

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"network": _MAZUR["network"], "inputs": _MAZUR["inputs"]}]}
    )


class BackwardRequest(ForwardRequest):
    targets: Matrix = Field(description="Targets, N × n_out.")
    loss: LossName = "mse"

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{k: _MAZUR[k] for k in ("network", "inputs", "targets", "loss")}]},
    )


class UpdateRequest(Strict):
    network: NetworkIn
    gradients: Pairs = Field(min_length=1, description="∂L/∂W and ∂L/∂b, shaped like the network.")
    optimizer: Optimizer
    optimizer_state: OptimizerState | None = None

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "network": _MAZUR["network"],
                    "gradients": [
                        {"weights": [[0.0004, 0.0009], [0.0005, 0.001]], "biases": [0.009, 0.01]},
                        {"weights": [[0.0822, 0.0827], [-0.0226, -0.0227]], "biases": [0.1385, -0.0381]},
                    ],
                    "optimizer": {"name": "sgd", "learning_rate": 0.5},
                }
            ]
        },
    )


class StepRequest(BackwardRequest):
    optimizer: Optimizer
    optimizer_state: OptimizerState | None = None
    include_trace: bool = Field(True, description="Return the trace of every intermediate number.")
    # A preset from GET /api/presets/{name} posts here as it is: its labels are accepted and ignored.
    name: str | None = Field(None, max_length=200, description="A preset's name (ignored).")
    title: str | None = Field(None, max_length=1000, description="A preset's title (ignored).")
    teaches: str | None = Field(None, max_length=5000, description="What a preset teaches (ignored).")
    textbook: TextbookNames | None = Field(None, description="A preset's textbook names (ignored).")

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{k: _MAZUR[k] for k in ("network", "inputs", "targets", "loss", "optimizer")}]},
    )


class LayerValues(BaseModel):
    z: MatrixOut = Field(description="Pre-activations z = W·a_prev + b, N × n_out.")
    a: MatrixOut = Field(description="Activations a = f(z), N × n_out.")


class ForwardResponse(BaseModel):
    outputs: MatrixOut = Field(description="y, the last layer's activations, N × K.")
    layers: list[LayerValues]


class BackwardResponse(BaseModel):
    loss: float = Field(description="L, the loss averaged over the batch.")
    outputs: MatrixOut
    gradients: list[ParameterPair] = Field(description="∂L/∂W and ∂L/∂b, shaped like the network.")
    deltas: list[MatrixOut] = Field(description="δ = ∂ℓₙ/∂z per layer, one row per sample (not averaged).")


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
