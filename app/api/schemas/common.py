"""Models more than one feature uses: numbers, the network, the optimizer and its state.

Numbers that come in must be finite (NaN and Infinity are refused); every number that goes
out is finite too (the engine refuses to return NaN).
"""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ...engine.activations import ACTIVATIONS
from ...engine.losses import LOSSES
from ...engine.optimizers import OPTIMIZERS

Finite = Annotated[float, Field(allow_inf_nan=False, strict=True)]  # a JSON number: not true, not "1.5"
# Every list of a request stops at its first bad item (fail_fast): a 2 MB body of a million bad
# numbers is one error, found in milliseconds, not a million listed in a 100 MB answer.
Row = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Matrix = Annotated[list[Row], Field(min_length=1, fail_fast=True)]
Vector = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Activation = Literal[tuple(ACTIVATIONS)]
LossName = Literal[tuple(LOSSES)]
Seed = Annotated[int, Field(ge=0, le=2**32 - 1, description="Seed of np.random.default_rng: same seed, same numbers.")]

MatrixOut = list[list[float]]
"""A matrix in an answer: rows of numbers."""


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

_SGD, _MOMENTUM, _ADAM = (OPTIMIZERS[name][0] for name in ("sgd", "momentum", "adam"))


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


class OptimizerStateOut(OptimizerState):
    """The state after this update; its step may be one past the largest step a request may send."""

    step: int = Field(ge=0, description="Updates taken so far, this one included (Adam's t).")


Name = Annotated[str, Field(max_length=40)]
NAMES = 64  # more layers, neurons or inputs than any network a request may send
NameList = Annotated[list[Name], Field(max_length=NAMES)]
NameTable = Annotated[list[NameList], Field(max_length=NAMES)]


class TextbookNames(BaseModel):
    """A preset's source's own names, shown beside the page's (w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ, z⁽ˡ⁾ⱼ, a⁽ˡ⁾ⱼ); "" where it has none."""

    source: str = Field(max_length=200, description='Completes "w5 in …", e.g. "Mazur\'s post".')
    weights: list[NameTable] = Field(max_length=NAMES, description="A name per weight, shaped like the weights.")
    biases: NameTable = Field(description="A name per bias, shaped like the network's biases.")
    z: NameTable | None = Field(None, description="A name per neuron's pre-activation z, layer by layer.")
    a: NameTable | None = Field(None, description="A name per neuron's activation a, layer by layer.")
    loss: Name | None = Field(None, description="The source's name for the loss L, e.g. E_total.")
