// Graphs shaped like POST /api/graph's answer, for the graph view's pure modules. The numbers of
// SEED_NEURON are copied from the API's answer for the seed-neuron preset (x = 1.5, w = 0.8,
// b = 0.2, t = 0); the tests only check that they are looked up, never recomputed.

const LEAVES = new Set(["input", "weight", "bias", "target"]);

/** A graph from rows [op, label, inputs, value, grad, where]; consumers and edges are derived. */
export function makeGraph(rows, backward = []) {
  const nodes = rows.map(([op, label, inputs, value = 0, grad = 0, where = {}], id) => ({
    id, op, kind: LEAVES.has(op) ? "leaf" : "operation", symbol: label, label, formula: "", value, grad, inputs, consumers: [],
    layer: null, neuron: null, input: null, output: null, sample: null, ...where,
  }));
  const edges = [];
  for (const node of nodes) {
    for (const source of node.inputs) {
      nodes[source].consumers.push(node.id);
      edges.push({ id: edges.length, source, target: node.id });
    }
  }
  const ids = nodes.map((n) => n.id);
  return { nodes, edges, forward_order: ids, backward_order: [...ids].reverse(), backward, root: ids.at(-1), note: null };
}

const term = (id, source, target, local_derivative, local_rule, upstream_gradient, contribution, consumer_label) =>
  ({ id, source, target, local_derivative, local_rule, upstream_gradient, contribution, consumer_label });

/** x → (×w) → (+b) → σ → (−t) → (·)² → ½ → L, as the API answers for seed-neuron. */
export function seedNeuron() {
  const s = { sample: 0 };
  const n = { layer: 0, neuron: 0, sample: 0 };
  const graph = makeGraph([
    ["input", "x", [], 1.5, 0.1018355745028417, { input: 0, sample: 0 }],
    ["weight", "w", [], 0.8, 0.19094170219282816, { layer: 0, neuron: 0, input: 0 }],
    ["multiply", "w·x", [1, 0], 1.2000000000000002, 0.1272944681285521, { ...n, input: 0 }],
    ["bias", "b", [], 0.2, 0.1272944681285521, { layer: 0, neuron: 0 }],
    ["add", "z", [2, 3], 1.4000000000000001, 0.1272944681285521, n],
    ["sigmoid", "y", [4], 0.8021838885585818, 0.8021838885585818, n],
    ["target", "t", [], 0, -0.8021838885585818, { output: 0, sample: 0 }],
    ["subtract", "y − t", [5, 6], 0.8021838885585818, 0.8021838885585818, { output: 0, sample: 0 }],
    ["square", "(y − t)²", [7], 0.6434989910629672, 0.5, { output: 0, sample: 0 }],
    ["scale", "L", [8], 0.3217494955314836, 1, s],
  ]);
  graph.nodes[2].formula = "w·x";
  graph.nodes[4].formula = "w·x + b";
  graph.backward = graph.backward_order.map((id) => ({ node: id, label: graph.nodes[id].label, grad: graph.nodes[id].grad, seed: id === 9, terms: [] }));
  const visit = (id) => graph.backward.find((v) => v.node === id);
  visit(8).terms = [term(8, 8, 9, 0.5, "½", 1, 0.5, "L")];
  visit(4).terms = [term(4, 4, 5, 0.15868489749561462, "σ(z)(1 − σ(z))", 0.8021838885585818, 0.1272944681285521, "y")];
  visit(1).terms = [term(0, 1, 2, 1.5, "x", 0.1272944681285521, 0.19094170219282816, "w·x")];
  return graph;
}

/** The seed-neuron trace of /api/step (the fields the graph view reads). */
export const SEED_TRACE = [
  { phase: "forward", kind: "neuron", layer: 0, neuron: 0, sample: 0 },
  { phase: "loss", kind: "loss" },
  { phase: "backward", kind: "output_delta", layer: 0, neuron: 0, sample: 0 },
  { phase: "backward", kind: "weight_gradient", layer: 0, neuron: 0, input: 0 },
  { phase: "backward", kind: "bias_gradient", layer: 0, neuron: 0 },
  { phase: "update", kind: "weight_update", layer: 0, neuron: 0, input: 0 },
  { phase: "update", kind: "bias_update", layer: 0, neuron: 0 },
];

/** A 2-2-1 shape: both hidden activations feed the output neuron, x₁ and x₂ feed both hidden neurons. */
export function twoTwoOne() {
  return makeGraph([
    ["input", "x₁", []], ["input", "x₂", []],
    ["weight", "w11", []], ["multiply", "w11·x₁", [2, 0]], ["weight", "w12", []], ["multiply", "w12·x₂", [4, 1]],
    ["bias", "b1", []], ["add", "z1", [3, 5, 6]], ["sigmoid", "a1", [7]],
    ["weight", "w21", []], ["multiply", "w21·x₁", [9, 0]], ["weight", "w22", []], ["multiply", "w22·x₂", [11, 1]],
    ["bias", "b2", []], ["add", "z2", [10, 12, 13]], ["sigmoid", "a2", [14]],
    ["weight", "v1", []], ["multiply", "v1·a1", [16, 8]], ["weight", "v2", []], ["multiply", "v2·a2", [18, 15]],
    ["bias", "c", []], ["add", "zo", [17, 19, 20]], ["sigmoid", "y", [21]],
    ["target", "t", []], ["subtract", "y − t", [22, 23]], ["square", "(y − t)²", [24]], ["scale", "L", [25]],
  ]);
}
