import assert from "node:assert/strict";
import { test } from "node:test";
import { graphSteps } from "../../../static/js/graph/steps.js";
import { tracePositionAt, walkPhases } from "../../../static/js/graph/walk.js";
import { SEED_TRACE, seedNeuron } from "./fixtures.mjs";
import "../core/catalog.mjs";

test("the walk's phases: the network's operations forward, the loss's operations loss, the visits backward", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  assert.deepEqual(walkPhases(g, steps, 0), { phase: null, starts: { forward: 1, loss: 4, backward: 7 } });
  assert.equal(walkPhases(g, steps, 3).phase, "forward");
  assert.equal(walkPhases(g, steps, 4).phase, "loss");
  assert.equal(walkPhases(g, steps, 7).phase, "backward");
  assert.equal(walkPhases(g, steps, 99).phase, "backward");
});

test("the page's trace position for a place in the walk shows nothing the walk has not reached", () => {
  const g = seedNeuron();
  const steps = graphSteps(g);
  const at = (count) => tracePositionAt(SEED_TRACE, count, g, steps);
  assert.deepEqual([0, 1, 2].map(at), [0, 0, 0]); // ×, + : the neuron is not computed yet
  assert.equal(at(3), 1); // σ: the neuron
  assert.equal(at(6), 2); // L: the loss
  assert.equal(at(7), 2); // ∂L/∂L: no δ yet
  assert.equal(at(steps.length - 1), 5); // every visit but x's (the last): δ, ∂w, ∂b, not yet the update
  assert.equal(at(steps.length), SEED_TRACE.length); // the whole walk: the update is next
});
