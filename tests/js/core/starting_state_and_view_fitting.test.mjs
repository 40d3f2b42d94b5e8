import assert from "node:assert/strict";
import { test } from "node:test";
import { sessionKey, startingState } from "../../../static/js/core/lesson.js";
import { defaultState, fitView, parseState, selectionExists } from "../../../static/js/core/state.js";
import { STORAGE_KEY } from "../../../static/js/core/storage.js";
import "./catalog.mjs";

const NET_2_2_1 = {
  layers: [
    { weights: [[0.1, 0.2], [0.3, 0.4]], biases: [0, 0], activation: "sigmoid" },
    { weights: [[0.5, 0.6]], biases: [0], activation: "sigmoid" },
  ],
};
const withView = (view) => ({ ...defaultState(), network: NET_2_2_1, inputs: [[0, 1], [1, 0]], targets: [[1], [1]], view: { ...defaultState().view, ...view } });

test("a selection exists only when the network has that weight, bias, neuron or input", () => {
  assert.ok(selectionExists({ kind: "weight", layer: 1, neuron: 0, input: 1 }, NET_2_2_1));
  assert.ok(selectionExists({ kind: "bias", layer: 0, neuron: 1 }, NET_2_2_1));
  assert.ok(selectionExists({ kind: "input", layer: 0, neuron: 1 }, NET_2_2_1));
  for (const missing of [
    { kind: "weight", layer: 99, neuron: 0, input: 0 },
    { kind: "weight", layer: 1, neuron: 1, input: 0 },
    { kind: "weight", layer: 1, neuron: 0, input: 2 },
    { kind: "bias", layer: 2, neuron: 0 },
    { kind: "neuron", layer: 0, neuron: 2 },
    { kind: "input", layer: 0, neuron: 2 },
  ]) assert.equal(selectionExists(missing, NET_2_2_1), false, JSON.stringify(missing));
});

test("fitting the view drops a missing selection and a sample past the batch, a note each", () => {
  const { view, notes } = fitView(withView({ selected: { kind: "weight", layer: 99, neuron: 0, input: 0 }, sample: 50, position: 3 }));
  assert.equal(view.selected, null);
  assert.equal(view.sample, 0);
  assert.equal(notes.length, 2);
  assert.match(notes.join(" "), /selected weight is not in this network.*showing sample 1/);
});

test("fitting a view that the network has changes nothing and says nothing", () => {
  const state = withView({ selected: { kind: "weight", layer: 1, neuron: 0, input: 1 }, sample: 1 });
  assert.deepEqual(fitView(state), { view: state.view, notes: [] });
});

test("a hostile state read from a link or file loses its missing selection and sample", () => {
  const raw = { ...withView({}), view: { selected: { kind: "bias", layer: 5, neuron: 0 }, sample: 2, position: 0, phase: "forward" } };
  const { state, notes } = parseState(JSON.parse(JSON.stringify(raw)));
  assert.equal(state.view.selected, null);
  assert.equal(state.view.sample, 0);
  assert.equal(notes.length, 2);
});

const SAVED = { state: { ...withView({}), preset: "seed-neuron" }, notes: [] };
const FRESH = { ...defaultState(), preset: "seed-neuron" };
const NO_LINK = { state: null, notes: [] };
const lesson = (preset, lock) => ({ preset, lock, hide: [], notes: [] });

test("a locked lesson link starts from the published preset even over a saved session of it", () => {
  assert.equal(startingState(lesson("seed-neuron", true), NO_LINK, SAVED, FRESH).state, FRESH);
});

test("an unlocked lesson link resumes its own saved session with a note", () => {
  const { state, notes } = startingState(lesson("seed-neuron", false), NO_LINK, SAVED, FRESH);
  assert.equal(state, SAVED.state);
  assert.match(notes.join(" "), /Reset goes back/);
  assert.equal(startingState(lesson("seed-neuron", false), NO_LINK, NO_LINK, FRESH).state, FRESH);
});

test("no lesson resumes the learner's own session without a note", () => {
  const plain = startingState(lesson(null, false), NO_LINK, SAVED, FRESH);
  assert.equal(plain.state, SAVED.state);
  assert.deepEqual(plain.notes, []);
});

test("each lesson link saves apart from the learner's own session; a locked one saves nothing", () => {
  assert.equal(sessionKey(lesson(null, false)), STORAGE_KEY);
  assert.equal(sessionKey(lesson("seed-neuron", false)), `${STORAGE_KEY}:lesson:seed-neuron`);
  assert.notEqual(sessionKey(lesson("mazur-2-2-2", false)), sessionKey(lesson("seed-neuron", false)));
  assert.equal(sessionKey(lesson("seed-neuron", true)), null);
});

test("a shared link's state wins over everything", () => {
  const link = { state: withView({}), notes: [] };
  assert.equal(startingState(lesson("seed-neuron", true), link, SAVED, FRESH), link);
});
