"""What comes in: request bodies. Numbers must be finite (NaN and Infinity are refused)."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..engine.optimizers import OPTIMIZERS
from ..engine.presets import get_preset

Finite = Annotated[float, Field(allow_inf_nan=False, strict=True)]  # a JSON number: not true, not "1.5"
# Every list of a request stops at its first bad item (fail_fast): a 2 MB body of a million bad
# numbers is one error, found in milliseconds, not a million listed in a 100 MB answer.
Row = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Matrix = Annotated[list[Row], Field(min_length=1, fail_fast=True)]
Vector = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Activation = Literal["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"]
LossName = Literal["mse", "binary_cross_entropy", "cross_entropy"]

_MAZUR = get_preset("mazur-2-2-2")
_SGD, _MOMENTUM, _ADAM = (OPTIMIZERS[name][0] for name in ("sgd", "momentum", "adam"))


class Strict(BaseModel):
    """Unknown fields are refused, and no value is coerced (true is not 1, "0.5" is not 0.5)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class LayerIn(Strict):
    weights: Matrix = Field(description="W, n_out rows × n_in columns: weights[j][i] from input i to neuron j.")
    biases: Vector = Field(description="b, one per neuron (n_out).")
    activation: Activation


class NetworkIn(Strict):
    layers: list[LayerIn] = Field(min_length=1, fail_fast=True, description="Layers from input to output.")


class ParameterPair(Strict):
    weights: Matrix
    biases: Vector


Pairs = Annotated[list[ParameterPair], Field(fail_fast=True)]


class Sgd(Strict):
    name: Literal["sgd"]
    learning_rate: Finite = Field(_SGD["learning_rate"], ge=0, le=1e6, description="η")


class Momentum(Strict):
    name: Literal["momentum"]
    learning_rate: Finite = Field(_MOMENTUM["learning_rate"], ge=0, le=1e6, description="η")
    momentum: Finite = Field(_MOMENTUM["momentum"], ge=0, lt=1, description="μ")


class Adam(Strict):
    name: Literal["adam"]
    learning_rate: Finite = Field(_ADAM["learning_rate"], ge=0, le=1e6, description="η")
    beta1: Finite = Field(_ADAM["beta1"], ge=0, lt=1)
    beta2: Finite = Field(_ADAM["beta2"], ge=0, lt=1)
    epsilon: Finite = Field(_ADAM["epsilon"], gt=0, le=1)


Optimizer = Annotated[Sgd | Momentum | Adam, Field(discriminator="name")]


class OptimizerState(Strict):
    step: int = Field(0, ge=0, le=10**9, description="Updates taken so far (Adam's t).")
    velocity: Pairs | None = Field(None, description="momentum: v per parameter.")
    m: Pairs | None = Field(None, description="adam: first moment per parameter.")
    v: Pairs | None = Field(None, description="adam: second moment per parameter.")


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


Name = Annotated[str, Field(max_length=40)]


class TextbookNames(BaseModel):
    """A preset's source's own names, shown beside the page's (w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ, z⁽ˡ⁾ⱼ, a⁽ˡ⁾ⱼ); "" where it has none."""

    source: str = Field(max_length=200, description='Completes "w5 in …", e.g. "Mazur\'s post".')
    weights: list[list[list[Name]]] = Field(description="A name per weight, shaped like the network's weights.")
    biases: list[list[Name]] = Field(description="A name per bias, shaped like the network's biases.")
    z: list[list[Name]] | None = Field(None, description="A name per neuron's pre-activation z, layer by layer.")
    a: list[list[Name]] | None = Field(None, description="A name per neuron's activation a, layer by layer.")
    loss: Name | None = Field(None, description="The source's name for the loss L, e.g. E_total.")


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
