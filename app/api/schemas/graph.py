"""/api/graph (the step as scalar operations) and /api/gradcheck (numeric check): requests, then answers."""

from pydantic import BaseModel, ConfigDict, Field

from ...engine.presets import get_preset
from .backprop import BackwardRequest
from .common import Finite

_FIELDS = ("network", "inputs", "targets", "loss")
_SEED = {k: get_preset("seed-neuron")[k] for k in _FIELDS}
_MAZUR = {k: get_preset("mazur-2-2-2")[k] for k in _FIELDS}


class GraphRequest(BackwardRequest):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_SEED]})


class GradcheckRequest(BackwardRequest):
    epsilon: Finite = Field(
        1e-5, ge=1e-10, le=1e-2, description="ε in (L(p + ε) − L(p − ε)) / 2ε; between 1e-10 and 1e-2."
    )

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{**_MAZUR, "epsilon": 1e-5}]})


class GraphNode(BaseModel):
    id: int = Field(description="Position in the forward (topological) order.")
    op: str = Field(
        description="Leaf: input, weight, bias, target. Operation: multiply, add, sigmoid, tanh, relu, "
        "leaky_relu, linear, softmax, subtract, square, scale (½), mean, binary_cross_entropy, cross_entropy."
    )
    kind: str = Field(description="leaf or operation.")
    symbol: str = Field(description="What to write inside the node: ×, +, σ, −, (·)², ½, mean, … (a leaf: its label).")
    label: str = Field(description="The quantity in the learner's notation, 1-based: w⁽¹⁾₁₂, z, y − t, L.")
    formula: str = Field(description="The value from the inputs' labels, e.g. 'w·x + b'; empty for a leaf.")
    value: float = Field(description="Forward value.")
    grad: float = Field(description="∂L/∂(this node).")
    inputs: list[int] = Field(description="Ids of the nodes this one is computed from.")
    consumers: list[int] = Field(description="Ids of the nodes that use this one; several → its gradient is a sum.")
    layer: int | None = Field(description="0-based: network.layers[layer].")
    neuron: int | None = Field(description="0-based neuron j in the layer (weights[j][i], biases[j]).")
    input: int | None = Field(description="0-based input i: weights[j][i], or column i of inputs.")
    output: int | None = Field(description="0-based output k for targets and loss terms.")
    sample: int | None = Field(description="0-based row of inputs/targets; null for weights and biases.")


class GraphEdge(BaseModel):
    id: int
    source: int = Field(description="The input node.")
    target: int = Field(description="The node computed from it (its consumer).")
    local_derivative: float = Field(description="∂target/∂source at the forward values.")
    local_rule: str = Field(description="The local derivative as a formula, e.g. 'x' for ∂(w·x)/∂w.")
    upstream_gradient: float = Field(description="∂L/∂target.")
    contribution: float = Field(description="local_derivative × upstream_gradient: this edge's share of ∂L/∂source.")


class BackwardTerm(GraphEdge):
    consumer_label: str = Field(description="The label of the target (consumer) node.")


class BackwardVisit(BaseModel):
    node: int
    label: str
    grad: float = Field(description="∂L/∂node: 1 at the root, else the sum of the terms' contributions.")
    seed: bool = Field(description="True for the root L, whose gradient ∂L/∂L = 1 starts the backward pass.")
    terms: list[BackwardTerm] = Field(description="One per consumer, in the order they were added up.")


class GraphResponse(BaseModel):
    loss: float = Field(description="L from the engine's compute_loss (the root's value, up to rounding).")
    parameter_count: int
    sample_count: int
    note: str | None = Field(description="Why the graph is empty (network or batch too large), else null.")
    root: int | None = Field(description="Id of the node L; null when the graph is left out.")
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    forward_order: list[int] = Field(description="Node ids in topological order: the forward pass.")
    backward_order: list[int] = Field(description="The reverse: the order the backward pass visits the nodes.")
    backward: list[BackwardVisit] = Field(description="One record per node, in backward_order.")


class GradcheckRow(BaseModel):
    parameter: str = Field(description="weight or bias.")
    label: str = Field(description="w⁽ˡ⁾ⱼᵢ or b⁽ˡ⁾ⱼ, 1-based.")
    layer: int = Field(description="0-based: network.layers[layer].")
    neuron: int = Field(description="0-based j: weights[j][i] or biases[j].")
    input: int | None = Field(description="0-based i of weights[j][i]; null for a bias.")
    value: float
    analytic: float = Field(description="∂L/∂p from the engine's backward pass.")
    numeric: float = Field(description="(L(p + ε) − L(p − ε)) / 2ε from the engine's forward pass and loss.")
    absolute_error: float = Field(description="|analytic − numeric|.")
    relative_error: float = Field(description="|a − n| / max(|a|, |n|, 1e-4).")
    verdict: str = Field(description="pass (≤ 1e-6), warn (≤ 1e-3) or fail, for this parameter.")


class Kink(BaseModel):
    layer: int
    neuron: int
    sample: int
    z: float = Field(description="A relu/leaky_relu pre-activation within reach of 0 for a ±ε perturbation.")


class GradcheckResponse(BaseModel):
    loss: float
    epsilon: float
    relative_error_rule: str
    thresholds: dict[str, float] = Field(description="pass: largest error that passes; warn: largest that warns.")
    parameters: list[GradcheckRow] = Field(description="Every weight then bias, layer by layer, as in the network.")
    max_relative_error: float
    worst: int = Field(description="Index in parameters of the largest relative error.")
    verdict: str = Field(description="pass, warn or fail, from max_relative_error.")
    kinks: list[Kink] = Field(
        description="relu/leaky_relu neurons and samples a ±ε perturbation can push across z = 0 (the first 100)."
    )
    kink_count: int = Field(description="How many there are in all.")
    note: str | None = Field(description="Explains a kink when there is one, else null.")
