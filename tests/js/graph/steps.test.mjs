import assert from "node:assert/strict";
import { test } from "node:test";
import { coverOf, forwardCount, graphSteps, positionFor, revealedAt } from "../../../static/js/graph/steps.js";
import { backwardLines, describe, wrap } from "../../../static/js/graph/text.js";
import { SEED_TRACE, makeGraph, seedNeuron } from "./fixtures.mjs";
import "../core/catalog.mjs";

test("the walk is the 6 operations in forward order, then the 10 visits in the server's backward order", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  assert.equal(forwardCount(steps), 6);
  assert.deepEqual(steps.slice(0, 6).map((s) => g.nodes[s.node].label), ["w·x", "z", "y", "y − t", "(y − t)²", "L"]);
  assert.deepEqual(steps.slice(6).map((s) => s.node), g.backward_order);
  assert.equal(steps[6].visit.seed, true);
});

test("leaves are known from the start; an operation's value only once the walk reaches it", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  const start = revealedAt(g, steps, 0);
  assert.deepEqual([...start.values].sort(), [0, 1, 3, 6]);
  assert.equal(start.grads.size, 0);
  assert.equal(start.current, null);
  const two = revealedAt(g, steps, 2);
  assert.ok(two.values.has(4) && !two.values.has(5));
  assert.equal(two.current.node, 4);
});

test("gradients appear one visit at a time, from L back to the leaves", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  const seen = revealedAt(g, steps, 6 + 3);
  assert.deepEqual([...seen.grads], [9, 8, 7]);
  assert.equal(revealedAt(g, steps, 99).grads.size, 10);
});

test("the page's trace position maps into the walk: neuron → its σ, loss → all forward, δ → its z, ∂w → w", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  const label = (count) => (count ? g.nodes[steps[count - 1].node].label : null);
  assert.equal(positionFor(SEED_TRACE, 0, g, steps), 0);
  assert.equal(label(positionFor(SEED_TRACE, 1, g, steps)), "y");
  assert.equal(positionFor(SEED_TRACE, 2, g, steps), 6);
  assert.equal(label(positionFor(SEED_TRACE, 3, g, steps)), "z");
  assert.equal(label(positionFor(SEED_TRACE, 4, g, steps)), "w");
  assert.equal(positionFor(SEED_TRACE, 5, g, steps), positionFor(SEED_TRACE, 4, g, steps), "b is visited before w");
  assert.equal(positionFor(SEED_TRACE, 7, g, steps), steps.length);
});

test("an entry the graph does not have (another sample) takes the walk nowhere", () => {
  const g = seedNeuron();
  assert.equal(coverOf({ kind: "neuron", layer: 0, neuron: 0, sample: 3 }, g, graphSteps(g)), 0);
});

test("a forward step shows the formula, its inputs' values and the value, as the server gives them", () => {
  const g = seedNeuron();
  const text = describe(g, graphSteps(g), 2);
  assert.equal(text.title, "Forward · operation 2 of 6: z");
  assert.deepEqual(text.lines, ["z = w·x + b", "with w·x = 1.200, b = 0.2000", "z = 1.400"]);
});

test("a backward visit writes local derivative × upstream gradient = this gradient with the numbers", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  const k = steps.findIndex((s) => s.phase === "backward" && s.node === 4) + 1;
  const text = describe(g, steps, k);
  assert.equal(text.title, "Backward · visit 6 of 10: ∂L/∂z");
  assert.equal(text.lines[1], "∂y/∂z × ∂L/∂y = σ(z)(1 − σ(z)) × ∂L/∂y = 0.1587 × 0.8022 = 0.1273");
  assert.deepEqual(describe(g, steps, 7).lines, ["∂L/∂L = 1: the backward pass starts at the loss."]);
});

test("a value that feeds several nodes lists each contribution, then their sum (the server's total)", () => {
  const visit = {
    node: 0, label: "a₁", grad: 0.03635030639314468, seed: false,
    terms: [
      { id: 24, local_derivative: 0.5, local_rule: "w₂₁", upstream_gradient: -0.0381, contribution: -0.019049118258278114, consumer_label: "w₂₁·a₁" },
      { id: 17, local_derivative: 0.4, local_rule: "w₁₁", upstream_gradient: 0.1385, contribution: 0.05539942465142279, consumer_label: "w₁₁·a₁" },
    ],
  };
  const lines = backwardLines(visit);
  assert.match(lines[0], /feeds 2 nodes/);
  assert.equal(lines[1], "via w₂₁·a₁: ∂(w₂₁·a₁)/∂a₁ × ∂L/∂(w₂₁·a₁) = w₂₁ × ∂L/∂(w₂₁·a₁) = 0.5000 × (-0.03810) = -0.01905");
  assert.equal(lines.at(-1), "sum: ∂L/∂a₁ = (-0.01905) + 0.05540 = 0.03635");
});

test("labels get parentheses after ∂ only when they need them", () => {
  assert.equal(wrap("z"), "z");
  assert.equal(wrap("w⁽¹⁾₁₂"), "w⁽¹⁾₁₂");
  assert.equal(wrap("y − t"), "(y − t)");
  assert.equal(wrap("(y − t)²"), "(y − t)²");
  assert.equal(wrap("w·x"), "(w·x)");
});

test("a graph with no nodes (the server's note for large networks) has an empty walk", () => {
  assert.deepEqual(graphSteps({ ...makeGraph([]), nodes: [], note: "the graph view is for small networks" }), []);
});

test("with several samples the title says which sample the node belongs to", () => {
  const g = { ...seedNeuron(), sample_count: 2 };
  g.nodes[4].sample = 1;
  assert.equal(describe(g, graphSteps(g), 2).title, "Forward · operation 2 of 6: z (sample 2)");
  assert.equal(describe(seedNeuron(), graphSteps(seedNeuron()), 2).title, "Forward · operation 2 of 6: z");
});
