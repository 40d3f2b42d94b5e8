"""/api/forward, /api/backward, /api/update and /api/step: requests, then answers, then the trace."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ...engine.presets import get_preset
from .common import (
    Activation,
    Component,
    LossName,
    Matrix,
    MatrixOut,
    Network,
    Optimizer,
    OptimizerName,
    OptimizerState,
    Pairs,
    ParameterPair,
    Strict,
    TextbookNames,
    example_body,
)

_MAZUR = get_preset("mazur-2-2-2")
FORWARD_EXAMPLE = {k: _MAZUR[k] for k in ("network", "inputs")}
BACKWARD_EXAMPLE = {k: _MAZUR[k] for k in ("network", "inputs", "targets", "loss")}
UPDATE_EXAMPLE = {
    "network": _MAZUR["network"],
    "gradients": [
        {"weights": [[0.0004, 0.0009], [0.0005, 0.001]], "biases": [0.009, 0.01]},
        {"weights": [[0.0822, 0.0827], [-0.0226, -0.0227]], "biases": [0.1385, -0.0381]},
    ],
    "optimizer": {"name": "sgd", "learning_rate": 0.5},
}
STEP_EXAMPLE = {k: _MAZUR[k] for k in ("network", "inputs", "targets", "loss", "optimizer")}


class ForwardRequest(Strict):
    network: Network
    inputs: Matrix = Field(description="Batch of input rows, N × n_in.")


class BackwardRequest(ForwardRequest):
    targets: Matrix = Field(description="Targets, N × n_out.")
    loss: LossName = "mse"


class UpdateRequest(Strict):
    network: Network
    gradients: Pairs = Field(min_length=1, description="∂L/∂W and ∂L/∂b, shaped like the network.")
    optimizer: Optimizer
    optimizer_state: OptimizerState | None = Field(None, description="From the previous answer, to continue.")


class StepRequest(BackwardRequest):
    """One training step. A preset (GET /api/presets/{name}) is a step body as it is: its labels
    name, title and teaches are accepted and do not change the step."""

    optimizer: Optimizer
    optimizer_state: OptimizerState | None = Field(None, description="From the previous answer, to continue.")
    include_trace: bool = Field(True, description="Return the trace of every intermediate number.")
    name: str | None = Field(None, max_length=200, description="A preset's name (a label).")
    title: str | None = Field(None, max_length=1000, description="A preset's title (a label).")
    teaches: str | None = Field(None, max_length=5000, description="What a preset teaches (a label).")
    textbook: TextbookNames | None = Field(None, description="A preset's textbook names (a label).")


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
    network: Network = Field(description="The network after the update.")
    optimizer_state: OptimizerState = Field(description="Send it back with the next update to continue.")


ForwardBody = example_body(ForwardRequest, "Mazur's 2-2-2 network on its one sample", FORWARD_EXAMPLE)
BackwardBody = example_body(BackwardRequest, "Mazur's 2-2-2 network, its sample and targets", BACKWARD_EXAMPLE)
UpdateBody = example_body(UpdateRequest, "Mazur's 2-2-2 network and its gradients, SGD η = 0.5", UPDATE_EXAMPLE)
StepBody = example_body(StepRequest, "The preset mazur-2-2-2", STEP_EXAMPLE)


# ---- The trace: one entry per number the explainer shows (app/engine/trace.py builds them) ----


class _Entry(BaseModel):
    """Every entry's place: layer l is network.layers[l] (0-based), its inputs are a⁽ˡ⁻¹⁾."""

    model_config = ConfigDict(extra="forbid")  # documents every field an entry has: no others
    rule: str = Field(description="The symbolic equation this entry's numbers fill in.")
    layer: int = Field(description="0-based: network.layers[layer].")
    neuron: int = Field(description="0-based neuron j of the layer.")


class NeuronEntry(_Entry):
    """Forward: one neuron on one sample, z = Σᵢ wᵢ·aᵢ + b and a = f(z)."""

    phase: Literal["forward"]
    kind: Literal["neuron"]
    sample: int = Field(description="0-based row of inputs.")
    inputs: list[float] = Field(description="a_prev: the layer's inputs on this sample.")
    weights: list[float] = Field(description="The neuron's weights, weights[j] of the layer.")
    bias: float = Field(description="b, the neuron's bias.")
    z: float = Field(description="Pre-activation.")
    activation: Activation
    a: float = Field(description="Activation f(z).")


class LossEntry(BaseModel):
    """The loss of the batch: each sample's ℓ and their mean L."""

    model_config = ConfigDict(extra="forbid")
    phase: Literal["loss"]
    kind: Literal["loss"]
    rule: str = Field(description="The loss's formula.")
    loss: LossName
    outputs: MatrixOut = Field(description="y, N × K.")
    targets: MatrixOut = Field(description="t, N × K.")
    per_sample: list[float] = Field(description="ℓₙ per sample.")
    value: float = Field(description="L, the mean of per_sample.")


class _DeltaEntry(_Entry):
    phase: Literal["backward"]
    sample: int = Field(description="0-based row of the batch.")
    z: float = Field(description="The neuron's pre-activation on this sample.")
    a: float = Field(description="Its activation.")
    dl_da: float = Field(description="∂ℓ/∂a.")
    da_dz: float | None = Field(description="f′(z); null for softmax, which mixes its outputs.")
    delta: float = Field(description="δ = ∂ℓ/∂z.")


class OutputDeltaEntry(_DeltaEntry):
    """Backward: δ of an output neuron on one sample."""

    kind: Literal["output_delta"]
    target: float = Field(description="t for this output and sample.")


class HiddenDeltaEntry(_DeltaEntry):
    """Backward: δ of a hidden neuron on one sample, from the next layer's δ."""

    kind: Literal["hidden_delta"]
    next_weights: list[float] = Field(description="The weights from this neuron to each neuron k of the next layer.")
    next_deltas: list[float] = Field(description="δₖ of the next layer's neurons on this sample.")


class WeightGradientEntry(_Entry):
    """Backward: ∂L/∂w of one weight, the mean over the batch of δ·a."""

    phase: Literal["backward"]
    kind: Literal["weight_gradient"]
    input: int = Field(description="0-based input i: weights[j][i].")
    deltas: list[float] = Field(description="δ of the neuron, one per sample.")
    inputs: list[float] = Field(description="aᵢ, the input, one per sample.")
    grad: float = Field(description="∂L/∂w.")


class BiasGradientEntry(_Entry):
    """Backward: ∂L/∂b of one bias, the mean of δ over the batch."""

    phase: Literal["backward"]
    kind: Literal["bias_gradient"]
    deltas: list[float] = Field(description="δ of the neuron, one per sample.")
    grad: float = Field(description="∂L/∂b.")


class _UpdateEntry(_Entry):
    phase: Literal["update"]
    optimizer: OptimizerName
    learning_rate: float = Field(description="η")
    old: float = Field(description="The parameter before the update.")
    grad: float = Field(description="Its gradient ∂L/∂p.")
    new: float = Field(description="The parameter after the update.")
    momentum: float | None = Field(None, description="momentum: μ.")
    velocity: float | None = Field(None, description="momentum: v after the update.")
    beta1: float | None = Field(None, description="adam: β₁.")
    beta2: float | None = Field(None, description="adam: β₂.")
    epsilon: float | None = Field(None, description="adam: ε.")
    t: int | None = Field(None, description="adam: the step count t, this update included.")
    m: float | None = Field(None, description="adam: m after the update.")
    v: float | None = Field(None, description="adam: v after the update.")
    m_hat: float | None = Field(None, description="adam: m̂ = m/(1−β₁ᵗ).")
    v_hat: float | None = Field(None, description="adam: v̂ = v/(1−β₂ᵗ).")


class WeightUpdateEntry(_UpdateEntry):
    """Update: one weight weights[j][i]; the optimizer's fields are present for that optimizer only."""

    kind: Literal["weight_update"]
    input: int = Field(description="0-based input i: weights[j][i].")


class BiasUpdateEntry(_UpdateEntry):
    """Update: one bias biases[j]; the optimizer's fields are present for that optimizer only."""

    kind: Literal["bias_update"]


TraceEntry = Annotated[
    NeuronEntry
    | LossEntry
    | OutputDeltaEntry
    | HiddenDeltaEntry
    | WeightGradientEntry
    | BiasGradientEntry
    | WeightUpdateEntry
    | BiasUpdateEntry,
    Field(discriminator="kind"),
    Component("TraceEntry", "One number of the step and how it was made; its fields depend on its kind."),
]


class StepResponse(BackwardResponse):
    network: Network = Field(description="The network after the update.")
    optimizer_state: OptimizerState = Field(description="Send it back with the next step to continue.")
    loss_after: float = Field(description="The loss on the same batch with the updated network.")
    trace: list[TraceEntry] | None = Field(description="Every intermediate, in reading order; null if left out.")
    trace_note: str | None = Field(None, description="Why the trace is null, or null.")
