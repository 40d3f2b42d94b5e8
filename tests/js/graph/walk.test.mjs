import assert from "node:assert/strict";
import { test } from "node:test";
import { graphSteps } from "../../../static/js/graph/steps.js";
import { tracePositionAt, walkPhases } from "../../../static/js/graph/walk.js";

// x → (×w) → (+b) → σ → (−t) → (·)² → ½, shaped like POST /api/graph's answer for seed-neuron
// (ids in forward order; the loss nodes have no layer). Only the shape matters here.
const LEAVES = new Set(["input", "weight", "bias", "target"]);
const n = { layer: 0, neuron: 0, sample: 0 };
const loss = { layer: null, neuron: null, sample: 0 };
const ROWS = [
  ["input", [], { layer: null, input: 0, sample: 0 }], ["weight", [], { layer: 0, neuron: 0, input: 0 }], ["multiply", [1, 0], n],
  ["bias", [], { layer: 0, neuron: 0 }], ["add", [2, 3], n], ["sigmoid", [4], n], ["target", [], loss],
  ["subtract", [5, 6], loss], ["square", [7], loss], ["scale", [8], loss],
];
function seedGraph() {
  const nodes = ROWS.map(([op, inputs, where], id) => ({ id, op, kind: LEAVES.has(op) ? "leaf" : "operation", inputs, consumers: [], layer: null, neuron: null, input: null, sample: null, ...where }));
  for (const node of nodes) for (const i of node.inputs) nodes[i].consumers.push(node.id);
  const order = nodes.map((node) => node.id);
  const backward = [...order].reverse().map((id) => ({ node: id, terms: [] }));
  return { nodes, forward_order: order, backward, backward_order: [...order].reverse() };
}
const TRACE = [
  { kind: "neuron", phase: "forward", layer: 0, neuron: 0, sample: 0 },
  { kind: "loss", phase: "loss" },
  { kind: "output_delta", phase: "backward", layer: 0, neuron: 0, sample: 0 },
  { kind: "weight_gradient", phase: "backward", layer: 0, neuron: 0, input: 0 },
  { kind: "bias_gradient", phase: "backward", layer: 0, neuron: 0 },
  { kind: "weight_update", phase: "update", layer: 0, neuron: 0, input: 0 },
];

test("the walk's phases: the network's operations forward, the loss's operations loss, the visits backward", () => {
  const g = seedGraph();
  const steps = graphSteps(g);
  assert.deepEqual(walkPhases(g, steps, 0), { phase: null, starts: { forward: 1, loss: 4, backward: 7 } });
  assert.equal(walkPhases(g, steps, 3).phase, "forward");
  assert.equal(walkPhases(g, steps, 4).phase, "loss");
  assert.equal(walkPhases(g, steps, 7).phase, "backward");
  assert.equal(walkPhases(g, steps, 99).phase, "backward");
});

test("the page's trace position for a place in the walk shows nothing the walk has not reached", () => {
  const g = seedGraph();
  const steps = graphSteps(g);
  const at = (count) => tracePositionAt(TRACE, count, g, steps);
  assert.deepEqual([0, 1, 2].map(at), [0, 0, 0]); // ×, + : the neuron is not computed yet
  assert.equal(at(3), 1); // σ: the neuron
  assert.equal(at(6), 2); // L: the loss
  assert.equal(at(7), 2); // ∂L/∂L: no δ yet

  assert.equal(at(steps.length), TRACE.length); // the whole walk: the update is next
});
