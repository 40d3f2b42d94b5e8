"""Models more than one feature uses: names, numbers, the network, the optimizer and its state.

Numbers that come in must be finite (NaN and Infinity are refused); every number that goes
out is finite too (the engine refuses to return NaN). Each concept is ONE model, the same in
requests and answers, so that an answer's network or optimizer state goes back in as it came out.
"""

from typing import Annotated, Literal

from fastapi import Body
from pydantic import BaseModel, ConfigDict, Field

from ...engine.activations import ACTIVATIONS
from ...engine.datasets import DATASETS
from ...engine.losses import LOSSES
from ...engine.optimizers import OPTIMIZERS


class Component:
    """Annotation that makes a type (a ``Literal`` of names, a union) one named schema in
    ``components/schemas``, referenced everywhere it is used, instead of a copy inline in each
    model: a generated client then has one ``Loss`` type, not one per field that takes a loss.
    The value stays what it was (a ``str`` for a ``Literal``)."""

    def __init__(self, name, description):
        self.name, self.description = name, description

    def __get_pydantic_core_schema__(self, source, handler):
        schema = handler(source)
        metadata = {**schema.get("metadata", {}), "pydantic_js_updates": {"description": self.description}}
        return {**schema, "ref": self.name, "metadata": metadata}


Finite = Annotated[float, Field(allow_inf_nan=False, strict=True)]  # a JSON number: not true, not "1.5"
# Every list of a request stops at its first bad item (fail_fast): a 2 MB body of a million bad
# numbers is one error, found in milliseconds, not a million listed in a 100 MB answer.
Row = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Matrix = Annotated[list[Row], Field(min_length=1, fail_fast=True)]
Vector = Annotated[list[Finite], Field(min_length=1, fail_fast=True)]
Activation = Annotated[Literal[tuple(ACTIVATIONS)], Component("Activation", "An activation f of the engine's table.")]
LossName = Annotated[Literal[tuple(LOSSES)], Component("Loss", "A loss L of the engine's table.")]
OptimizerName = Annotated[Literal[tuple(OPTIMIZERS)], Component("OptimizerName", "An optimizer's name.")]
DatasetName = Annotated[Literal[tuple(DATASETS)], Component("DatasetName", "A built-in dataset.")]
TaskKind = Annotated[
    Literal["classification", "regression"],
    Component("TaskKind", "classification: every target is 0 or 1; regression: any number."),
]
MAX_SEED = 2**32 - 1
"""The largest seed a request may send (np.random.default_rng takes any; a 32-bit range is plenty)."""
Seed = Annotated[int, Field(ge=0, le=MAX_SEED, description="Seed of np.random.default_rng: same seed, same numbers.")]

MatrixOut = list[list[float]]
"""A matrix in an answer: rows of numbers."""


class Strict(BaseModel):
    """Unknown fields are refused, and no value is coerced (true is not 1, "0.5" is not 0.5)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Layer(Strict):
    """One layer: a = f(W·a_prev + b)."""

    weights: Matrix = Field(description="W, n_out rows × n_in columns: weights[j][i] from input i to neuron j.")
    biases: Vector = Field(description="b, one per neuron (n_out).")
    activation: Activation


class Network(Strict):
    """A network as requests send it and answers return it: its layers, input to output."""

    layers: list[Layer] = Field(min_length=1, fail_fast=True, description="Layers from input to output.")


class ParameterPair(Strict):
    """One layer's worth of numbers shaped like its parameters: gradients, or an optimizer slot."""

    weights: Matrix = Field(description="Shaped like the layer's W: n_out × n_in.")
    biases: Vector = Field(description="Shaped like the layer's b: n_out.")


Pairs = Annotated[list[ParameterPair], Field(fail_fast=True)]

_SGD, _MOMENTUM, _ADAM = (OPTIMIZERS[name][0] for name in ("sgd", "momentum", "adam"))


class Sgd(Strict):
    """w := w − η·∂L/∂w"""

    name: Literal["sgd"]
    learning_rate: Finite = Field(_SGD["learning_rate"], ge=0, le=1e6, description="η")


class Momentum(Strict):
    """v := μ·v + ∂L/∂w;  w := w − η·v"""

    name: Literal["momentum"]
    learning_rate: Finite = Field(_MOMENTUM["learning_rate"], ge=0, le=1e6, description="η")
    momentum: Finite = Field(_MOMENTUM["momentum"], ge=0, lt=1, description="μ")


class Adam(Strict):
    """m := β₁m + (1−β₁)g;  v := β₂v + (1−β₂)g²;  w := w − η·m̂/(√v̂ + ε)"""

    name: Literal["adam"]
    learning_rate: Finite = Field(_ADAM["learning_rate"], ge=0, le=1e6, description="η")
    beta1: Finite = Field(_ADAM["beta1"], ge=0, lt=1, description="β₁")
    beta2: Finite = Field(_ADAM["beta2"], ge=0, lt=1, description="β₂")
    epsilon: Finite = Field(_ADAM["epsilon"], gt=0, le=1, description="ε")


Optimizer = Annotated[
    Sgd | Momentum | Adam,
    Field(discriminator="name"),
    Component("Optimizer", "The optimizer, chosen by its name; hyper-parameters left out take their defaults."),
]

MAX_STEP = 2**53 - 1
"""The largest step count: the largest integer a JavaScript number holds exactly. A request at
it is refused (services/common.py: ``state_of``), so an answer's step never passes it either."""


class OptimizerState(Strict):
    """The optimizer's memory between updates: send back what an answer returned to continue.
    Only the optimizer's own slots are present (none for sgd, velocity for momentum, m and v for adam)."""

    step: int = Field(0, ge=0, le=MAX_STEP, description="Updates taken so far (Adam's t).")
    velocity: Pairs | None = Field(None, description="momentum: v per parameter.")
    m: Pairs | None = Field(None, description="adam: first moment per parameter.")
    v: Pairs | None = Field(None, description="adam: second moment per parameter.")


def example_body(model, summary, value):
    """``model`` as a request body documented with one ready-to-send example, on the request body
    itself, where Swagger UI ("Try it out") and client generators look for it."""
    return Annotated[model, Body(openapi_examples={"example": {"summary": summary, "value": value}})]


Name = Annotated[str, Field(max_length=40)]
NAMES = 64  # more layers, neurons or inputs than any network a request may send
NameList = Annotated[list[Name], Field(max_length=NAMES)]
NameTable = Annotated[list[NameList], Field(max_length=NAMES)]


class TextbookNames(Strict):
    """A preset's source's own names, shown beside the page's (w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ, z⁽ˡ⁾ⱼ, a⁽ˡ⁾ⱼ); "" where it has none."""

    source: str = Field(max_length=200, description='Completes "w5 in …", e.g. "Mazur\'s post".')
    weights: list[NameTable] = Field(max_length=NAMES, description="A name per weight, shaped like the weights.")
    biases: NameTable = Field(description="A name per bias, shaped like the network's biases.")
    z: NameTable | None = Field(None, description="A name per neuron's pre-activation z, layer by layer.")
    a: NameTable | None = Field(None, description="A name per neuron's activation a, layer by layer.")
    loss: Name | None = Field(None, description="The source's name for the loss L, e.g. E_total.")
