import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultState, networkWidths, parseState } from "../../../static/js/core/state.js";
import { fromFragment, loadLocal, saveLocal, toFragment, toJSON } from "../../../static/js/core/storage.js";
import "./catalog.mjs";

const MAZUR = {
  ...defaultState(),
  preset: "mazur-2-2-2",
  network: {
    layers: [
      { weights: [[0.15, 0.2], [0.25, 0.3]], biases: [0.35, 0.35], activation: "sigmoid" },
      { weights: [[0.4, 0.45], [0.5, 0.55]], biases: [0.6, 0.6], activation: "sigmoid" },
    ],
  },
  inputs: [[0.05, 0.1]],
  targets: [[0.01, 0.99]],
  view: { phase: "backward", position: 12, sample: 0, selected: { kind: "weight", layer: 1, neuron: 0, input: 1 } },
  optimizer: { name: "momentum", learning_rate: 0.1, momentum: 0.9 },
  seed: 42,
  speed: 2,
};

function memoryStorage() {
  const data = new Map();
  return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)) };
}

test("a state round-trips through JSON unchanged and without notes", () => {
  const { state, notes } = parseState(JSON.parse(toJSON(MAZUR)));
  assert.deepEqual(state, MAZUR);
  assert.deepEqual(notes, []);
});

test("a state round-trips through a URL fragment, non-ASCII and all", () => {
  const withNote = { ...MAZUR, preset: null };
  const fragment = toFragment(withNote);
  assert.match(fragment, /^state=[A-Za-z0-9_-]+$/);
  assert.deepEqual(fromFragment(`#${fragment}`).state, withNote);
});

test("a state round-trips through localStorage", () => {
  const storage = memoryStorage();
  assert.equal(saveLocal(MAZUR, storage), true);
  assert.deepEqual(loadLocal(storage).state, MAZUR);
  assert.equal(loadLocal(memoryStorage()).state, null);
});

test("bad fields are ignored, named in the notes, and the good ones kept", () => {
  const raw = { ...MAZUR, loss: "hinge", seed: -3, speed: 1000, optimizer: { name: "sgd", learning_rate: "fast" }, view: { ...MAZUR.view, phase: "dance" } };
  const { state, notes } = parseState(raw);
  assert.equal(state.loss, "mse");
  assert.equal(state.seed, 1);
  assert.equal(state.speed, 1);
  assert.deepEqual(state.optimizer, defaultState().optimizer);
  assert.equal(state.view.phase, "forward");
  assert.equal(state.view.position, 12);
  assert.deepEqual(state.network, MAZUR.network);
  for (const field of ["loss", "seed", "speed", "optimizer", "view.phase"]) assert.ok(notes.some((n) => n.includes(field)), field);
});

test("a network with inconsistent shapes is refused, and the batch with it", () => {
  const broken = structuredClone(MAZUR);
  broken.network.layers[1].weights[0] = [0.4]; // one weight short
  const { state, notes } = parseState(broken);
  assert.equal(state.network, null);
  assert.equal(state.inputs, null);
  assert.ok(notes.some((n) => n.includes("network")));
});

test("inputs or targets of the wrong width are ignored", () => {
  const { state, notes } = parseState({ ...MAZUR, inputs: [[1, 2, 3]] });
  assert.equal(state.inputs, null);
  assert.equal(state.targets, null);
  assert.ok(notes.some((n) => n.includes("inputs")));
});

test("a fragment that is not base64 JSON is ignored with a note, never thrown", () => {
  const { state, notes } = fromFragment("#state=%%%not-json");
  assert.equal(state, null);
  assert.equal(notes.length, 1);
  assert.deepEqual(fromFragment(""), { state: null, notes: [] });
});

test("non-objects and unknown activations are refused", () => {
  assert.equal(parseState(null).state.network, null);
  assert.equal(parseState([1, 2]).notes.length, 1);
  const relu6 = structuredClone(MAZUR);
  relu6.network.layers[0].activation = "relu6";
  assert.equal(networkWidths(relu6.network), null);
  assert.deepEqual(networkWidths(MAZUR.network), [2, 2, 2]);
});

test("a parsed state never shares objects with its source", () => {
  const { state } = parseState(MAZUR);
  state.network.layers[0].weights[0][0] = 99;
  assert.equal(MAZUR.network.layers[0].weights[0][0], 0.15);
});
