"""One training step as a graph of scalar operations, micrograd-style.

Every number of the step is a node. Leaves hold the inputs x, weights w, biases b and targets
t; operations multiply, add, apply an activation, subtract, square, halve (½) and average over
the batch (mean). Each operation stores, next to its value, its *local derivatives* — ∂node/∂input
for each of its inputs — so the backward pass is a walk in reverse topological order: a node's
gradient is Σ over its consumers of (local derivative × the consumer's gradient). Where a value
feeds several nodes (a weight used by every sample, a hidden activation used by every neuron of
the next layer) the contributions add.

The graph follows the engine's convention L = (1/N) Σₙ ℓₙ with ℓ = ½ Σₖ (yₖ − tₖ)² for mse, so
the leaves' gradients equal ``backprop.backward``'s and the root's value equals ``compute_loss``.
Shape of the graph, per sample n: x → (×w) → (+b) → activation → … → y, then for mse
(−t) → (·)² → [Σₖ if K > 1] → ½; for binary_cross_entropy and cross_entropy one loss node per
output, −[t·log y + (1 − t)·log(1 − y)] or −t·log y, then Σₖ if K > 1. The batch mean is left
out when N = 1, so ``seed-neuron`` is exactly x → (×w) → (+b) → σ → (−t) → (·)² → ½ → L.
Softmax is one node per output whose inputs are all the layer's z, with local derivatives
∂aₖ/∂zⱼ = aₖ(δₖⱼ − aⱼ).

Labels use the learner's notation with 1-based numbers: w⁽ˡ⁾ⱼᵢ is ``network.layers[l − 1]``'s
``weights[j − 1][i − 1]``; indices a dimension of size 1 doesn't need are left out, and a
sample number "(n=2)" appears only when the batch has more than one sample. The ``layer``,
``neuron``, ``input``, ``output`` and ``sample`` fields of each node are 0-based, like the engine.
"""

from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS, DERIVATIVE_FORMULAS, DERIVATIVES
from .network import DivergedError, NetworkError

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SYMBOLS = {
    "multiply": "×",
    "add": "+",
    "subtract": "−",
    "square": "(·)²",
    "scale": "½",
    "mean": "mean",
    "sigmoid": "σ",
    "tanh": "tanh",
    "relu": "relu",
    "leaky_relu": "leaky relu",
    "linear": "id",
    "softmax": "softmax",
    "binary_cross_entropy": "BCE",
    "cross_entropy": "CE",
}
LEAVES = ("input", "weight", "bias", "target")


@dataclass
class Node:
    id: int
    """Position in the forward (topological) order."""
    op: str
    """``input``, ``weight``, ``bias``, ``target`` for a leaf, else the operation's name."""
    label: str
    """The quantity in the learner's notation, e.g. ``z``, ``y − t``, ``L``."""
    formula: str
    """How the value is computed from the inputs' labels, e.g. ``w·x + b``; empty for a leaf."""
    value: float
    inputs: list
    """Ids of the nodes this one is computed from."""
    local: list
    """∂(this node)/∂(input k), one number per input: the local derivatives."""
    rules: list
    """The formula of each local derivative, e.g. ``x`` for ∂(w·x)/∂w."""
    where: dict
    """0-based ``layer`` / ``neuron`` / ``input`` / ``output`` / ``sample`` this node belongs to."""
    grad: float = 0.0
    """∂L/∂(this node), filled in by ``Graph.backward``."""
    consumers: list = field(default_factory=list)
    """Ids of the nodes that take this one as an input."""


class Graph:
    def __init__(self):
        self.nodes = []

    def leaf(self, op, label, value, **where):
        return self._add(Node(len(self.nodes), op, label, "", float(value), [], [], [], where))

    def operation(self, op, label, formula, value, inputs, local, rules, **where):
        node = Node(
            len(self.nodes), op, label, formula, float(value), list(inputs), [float(d) for d in local], rules, where
        )
        for source in node.inputs:
            self.nodes[source].consumers.append(node.id)
        return self._add(node)

    def _add(self, node):
        self.nodes.append(node)
        return node.id

    def value(self, node_id):
        return self.nodes[node_id].value

    def label(self, node_id):
        return self.nodes[node_id].label

    def backward(self, root):
        """∂L/∂node for every node: seed the root with 1, then push local × upstream to each input."""
        self.nodes[root].grad = 1.0
        for node in reversed(self.nodes[: root + 1]):
            for source, local in zip(node.inputs, node.local, strict=True):
                self.nodes[source].grad += local * node.grad


# Each operation: its value, and next to it its local derivative with respect to each input.


def multiply(g, a, b, **where):
    va, vb, la, lb = g.value(a), g.value(b), g.label(a), g.label(b)
    return g.operation("multiply", f"{la}·{lb}", f"{la}·{lb}", va * vb, [a, b], [vb, va], [lb, la], **where)


def add(g, inputs, label, **where):
    formula = " + ".join(g.label(i) for i in inputs)
    value = sum(g.value(i) for i in inputs)
    return g.operation("add", label, formula, value, inputs, [1.0] * len(inputs), ["1"] * len(inputs), **where)


def activate(g, name, z, label, **where):
    """a = f(z) for an element-wise activation; ∂a/∂z = f′(z), the engine's own derivative."""
    zs = np.array([g.value(z)])
    a = ACTIVATIONS[name][0](zs)
    slope = DERIVATIVES[name](zs, a)[0]
    rule = DERIVATIVE_FORMULAS[name].replace("z", g.label(z))
    formula = f"{SYMBOLS[name]}({g.label(z)})"
    return g.operation(name, label, formula, a[0], [z], [slope], [rule], **where)


def softmax(g, zs, labels, **where):
    """aₖ = e^(zₖ) / Σⱼ e^(zⱼ), one node per k; ∂aₖ/∂zⱼ = aₖ(1 − aₖ) if j = k else −aₖ·aⱼ."""
    a = ACTIVATIONS["softmax"][0](np.array([[g.value(z) for z in zs]]))[0]
    nodes = []
    for k, label in enumerate(labels):
        local = [a[k] * ((j == k) - a[j]) for j in range(len(zs))]
        rules = [f"{label}(1 − {label})" if j == k else f"−{label}·{labels[j]}" for j in range(len(zs))]
        formula = f"e^({g.label(zs[k])}) / Σⱼ e^(zⱼ)"
        nodes.append(g.operation("softmax", label, formula, a[k], zs, local, rules, neuron=k, **where))
    return nodes


def subtract(g, y, t, **where):
    label = f"{g.label(y)} − {g.label(t)}"
    return g.operation("subtract", label, label, g.value(y) - g.value(t), [y, t], [1.0, -1.0], ["1", "−1"], **where)


def square(g, d, **where):
    label = f"({g.label(d)})²"
    v = g.value(d)
    return g.operation("square", label, label, v * v, [d], [2.0 * v], [f"2·({g.label(d)})"], **where)


def half(g, s, label, **where):
    return g.operation("scale", label, f"½·{g.label(s)}", 0.5 * g.value(s), [s], [0.5], ["½"], **where)


def mean(g, inputs, label):
    n = len(inputs)
    formula = f"(1/{n})·({' + '.join(g.label(i) for i in inputs)})"
    value = sum(g.value(i) for i in inputs) / n
    return g.operation("mean", label, formula, value, inputs, [1.0 / n] * n, [f"1/{n}"] * n)


def binary_cross_entropy(g, y, t, label, **where):
    """ℓ = −[t·log y + (1 − t)·log(1 − y)]; ∂ℓ/∂y = (y − t) / (y(1 − y)), ∂ℓ/∂t = log(1 − y) − log y."""
    vy, vt, ly, lt = g.value(y), g.value(t), g.label(y), g.label(t)
    if vy <= 0.0 or vy >= 1.0:
        raise _saturated(where)
    log_y, log_1_y = _logs(g, y)
    value = -(vt * log_y + (1.0 - vt) * log_1_y)
    local = [(vy - vt) / (vy * (1.0 - vy)), log_1_y - log_y]
    rules = [f"({ly} − {lt}) / ({ly}(1 − {ly}))", f"log(1 − {ly}) − log {ly}"]
    formula = f"−[{lt}·log {ly} + (1 − {lt})·log(1 − {ly})]"
    return g.operation("binary_cross_entropy", label, formula, value, [y, t], local, rules, **where)


def cross_entropy(g, y, t, label, **where):
    """ℓ = −t·log y; ∂ℓ/∂y = −t / y, ∂ℓ/∂t = −log y."""
    vy, vt, ly, lt = g.value(y), g.value(t), g.label(y), g.label(t)
    if vy <= 0.0:
        raise _saturated(where)
    log_y = _logs(g, y)[0]
    local, rules = [-vt / vy, -log_y], [f"−{lt} / {ly}", f"−log {ly}"]
    return g.operation("cross_entropy", label, f"−{lt}·log {ly}", -vt * log_y, [y, t], local, rules, **where)


def _logs(g, y):
    """(log y, log(1 − y)) from the z behind y, as the engine's fused losses compute them.

    log σ(z) = −(max(−z, 0) + log(1 + e^(−|z|))) and log softmaxₖ(z) = zₖ − log Σⱼ e^(zⱼ) stay exact
    where y is within rounding of 1, which log(y) and log(1 − y) of the rounded y are not.
    """
    node = g.nodes[y]
    zs = np.array([g.value(i) for i in node.inputs])
    if node.op == "sigmoid":
        soft = np.log1p(np.exp(-abs(zs[0])))
        return -(max(-zs[0], 0.0) + soft), -(max(zs[0], 0.0) + soft)
    if node.op == "softmax":
        shifted = zs - zs.max()
        return shifted[node.where["neuron"]] - np.log(np.exp(shifted).sum()), None
    return np.log(node.value), np.log1p(-node.value)


def _saturated(where):
    return NetworkError(
        ("network",),
        f"output {where.get('output', 0)} of sample {where.get('sample', 0)} rounds to exactly 0 or 1, so "
        "log y is infinite in the scalar graph (the engine's fused δ = y − t avoids it); use smaller weights",
    )


class Notation:
    """Labels in the learner's notation: 1-based, leaving out indices a size-1 dimension doesn't need."""

    def __init__(self, network, samples):
        self.widths, self.samples = network.widths, samples
        self.many_layers = len(network.layers) > 1

    def _layer(self, l):
        return f"⁽{l + 1}⁾".translate(SUP) if self.many_layers else ""

    @staticmethod
    def _sub(*indices):
        joiner = "," if any(i >= 9 for i in indices) else ""
        return joiner.join(str(i + 1) for i in indices).translate(SUB)

    def _index(self, width, k):
        return self._sub(k) if width > 1 else ""

    def x(self, i):
        return "x" + self._index(self.widths[0], i)

    def w(self, l, j, i):
        single = self.widths[l] == 1 and self.widths[l + 1] == 1
        return "w" + self._layer(l) + ("" if single else self._sub(j, i))

    def b(self, l, j):
        return "b" + self._layer(l) + self._index(self.widths[l + 1], j)

    def z(self, l, j):
        return "z" + self._layer(l) + self._index(self.widths[l + 1], j)

    def a(self, l, j):
        if l == len(self.widths) - 2:
            return self.y(j)
        return "a" + self._layer(l) + self._index(self.widths[l + 1], j)

    def y(self, k):
        return "y" + self._index(self.widths[-1], k)

    def t(self, k):
        return "t" + self._index(self.widths[-1], k)

    def sample_loss(self, n):
        return "L" if self.samples == 1 else "ℓ" + self._sub(n)


def build_graph(network, x, t, loss):
    """The scalar graph of forward + loss on the batch (x, t), every gradient filled in, as plain dicts."""
    g, names, params = Graph(), Notation(network, len(x)), {}
    per_sample = []
    for n in range(len(x)):
        a = [g.leaf("input", names.x(i), x[n, i], sample=n, input=i) for i in range(x.shape[1])]
        for l, layer in enumerate(network.layers):
            zs = [_neuron(g, names, layer, params, a, l, j, n) for j in range(len(layer.biases))]
            a = _activations(g, names, layer.activation, zs, l, n)
        ts = [g.leaf("target", names.t(k), t[n, k], sample=n, output=k) for k in range(t.shape[1])]
        per_sample.append(_sample_loss(g, names, loss, a, ts, n))
    root = per_sample[0] if len(per_sample) == 1 else mean(g, per_sample, "L")
    g.backward(root)
    if not all(np.isfinite([node.value, node.grad]).all() for node in g.nodes):
        raise DivergedError("the scalar graph overflowed; use smaller weights or inputs")
    return _as_dicts(g, root)


def _parameter(g, params, key, label, value):
    """The leaf of a weight or bias, made on first use and shared by every sample."""
    if key not in params:
        where = dict(zip(("layer", "neuron", "input"), key[1:], strict=False))
        params[key] = g.leaf(key[0], label, value, **where)
    return params[key]


def _neuron(g, names, layer, params, a, l, j, n):
    """z = Σᵢ wⱼᵢ·aᵢ + bⱼ: one multiply per input, then one add."""
    terms = []
    for i, a_i in enumerate(a):
        w = _parameter(g, params, ("weight", l, j, i), names.w(l, j, i), layer.weights[j, i])
        terms.append(multiply(g, w, a_i, layer=l, neuron=j, input=i, sample=n))
    b = _parameter(g, params, ("bias", l, j), names.b(l, j), layer.biases[j])
    return add(g, [*terms, b], names.z(l, j), layer=l, neuron=j, sample=n)


def _activations(g, names, activation, zs, l, n):
    labels = [names.a(l, j) for j in range(len(zs))]
    if activation == "softmax":
        return softmax(g, zs, labels, layer=l, sample=n)
    return [activate(g, activation, z, labels[j], layer=l, neuron=j, sample=n) for j, z in enumerate(zs)]


def _sample_loss(g, names, loss, ys, ts, n):
    """ℓₙ: ½ Σₖ (yₖ − tₖ)² for mse, else one cross-entropy term per output summed over k."""
    label, single = names.sample_loss(n), len(ys) == 1
    if loss == "mse":
        terms = [
            square(g, subtract(g, y, t, sample=n, output=k), sample=n, output=k)
            for k, (y, t) in enumerate(zip(ys, ts, strict=True))
        ]
        total = terms[0] if single else add(g, terms, "Σₖ(yₖ − tₖ)²", sample=n)
        return half(g, total, label, sample=n)
    term = binary_cross_entropy if loss == "binary_cross_entropy" else cross_entropy
    prefix = "BCE" if loss == "binary_cross_entropy" else "CE"
    terms = [
        term(g, y, t, label if single else f"{prefix}({g.label(y)}, {g.label(t)})", sample=n, output=k)
        for k, (y, t) in enumerate(zip(ys, ts, strict=True))
    ]
    return terms[0] if single else add(g, terms, label, sample=n)


def _as_dicts(g, root):
    """Nodes, edges, the forward and backward orders, and one record per backward visit."""
    edges, outgoing = [], {node.id: [] for node in g.nodes}
    for node in g.nodes:
        for source, local, rule in zip(node.inputs, node.local, node.rules, strict=True):
            edge = {
                "id": len(edges),
                "source": source,
                "target": node.id,
                "local_derivative": local,
                "local_rule": rule,
                "upstream_gradient": node.grad,
                "contribution": local * node.grad,
            }
            edges.append(edge)
            outgoing[source].append(edge)
    backward = []
    for node in reversed(g.nodes):
        # Backward pushed from consumers in reverse order, so list them that way: grad is their sum.
        terms = [{**edge, "consumer_label": g.label(edge["target"])} for edge in reversed(outgoing[node.id])]
        backward.append(
            {"node": node.id, "label": node.label, "grad": node.grad, "seed": node.id == root, "terms": terms}
        )
    return {
        "loss": g.value(root),
        "root": root,
        "nodes": [_node_dict(node) for node in g.nodes],
        "edges": edges,
        "forward_order": [node.id for node in g.nodes],
        "backward_order": [node.id for node in reversed(g.nodes)],
        "backward": backward,
    }


def _node_dict(node):
    where = {key: node.where.get(key) for key in ("layer", "neuron", "input", "output", "sample")}
    return {
        "id": node.id,
        "op": node.op,
        "kind": "leaf" if node.op in LEAVES else "operation",
        "symbol": SYMBOLS.get(node.op, node.label),
        "label": node.label,
        "formula": node.formula,
        "value": node.value,
        "grad": node.grad,
        "inputs": node.inputs,
        "consumers": node.consumers,
        **where,
    }
