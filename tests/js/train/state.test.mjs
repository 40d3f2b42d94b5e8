import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultState, parseState, registerSlice } from "../../../static/js/core/state.js";
import { fromFragment, toFragment, toJSON } from "../../../static/js/core/storage.js";
import { defaultTrain } from "../../../static/js/train/state.js";
import { parseTrain, trainSlice, validTrainValue } from "../../../static/js/train/state.js";
import "../core/catalog.mjs";

registerSlice("train", trainSlice); // as train/feature.js does on the page

const NETWORK = { layers: [{ weights: [[0.8]], biases: [0.2], activation: "sigmoid" }] };
const base = () => ({ ...defaultState(), network: NETWORK, inputs: [[1.5]], targets: [[0]] });
const CUSTOM = { dataset: "spiral", samples: 300, noise: 0.15, test_fraction: 0.3, seed: 7, batch_size: 25, epochs_per_chunk: 4, epochs_per_second: 5, log_loss: true };

test("the training settings round-trip through JSON and the URL unchanged", () => {
  const state = { ...base(), train: CUSTOM };
  assert.deepEqual(parseState(JSON.parse(toJSON(state))).state.train, CUSTOM);
  const fromUrl = fromFragment(`#${toFragment(state)}`);
  assert.deepEqual(fromUrl.state.train, CUSTOM);
  assert.deepEqual(fromUrl.notes, []);
});

test("a state saved before the training lab existed gets the default settings without a note", () => {
  const old = base();
  delete old.train;
  const { state, notes } = parseState(old);
  assert.deepEqual(state.train, defaultTrain());
  assert.deepEqual(notes, []);
});

test("bad training values in a shared link are replaced by defaults and named in a note", () => {
  const raw = { ...base(), train: { ...CUSTOM, dataset: "mnist", samples: 1e9, noise: -1, batch_size: 2.5, seed: "x" } };
  const { state, notes } = parseState(raw);
  const defaults = defaultTrain();
  assert.equal(state.train.dataset, defaults.dataset);
  assert.equal(state.train.samples, defaults.samples);
  assert.equal(state.train.noise, defaults.noise);
  assert.equal(state.train.batch_size, defaults.batch_size);
  assert.equal(state.train.seed, defaults.seed);
  assert.equal(state.train.test_fraction, CUSTOM.test_fraction, "good fields are kept");
  for (const field of ["dataset", "samples", "noise", "batch_size", "seed"]) {
    assert.ok(notes.includes(`ignored train.${field}: not a valid value`), `${field} named in ${notes}`);
  }
});

test("a train field that is not an object is ignored with a note", () => {
  assert.deepEqual(parseTrain([1, 2]).notes, ["ignored train: not an object"]);
  assert.deepEqual(parseTrain(null).train, defaultTrain());
});

test("validTrainValue rejects non-finite numbers, fractions for whole fields and out-of-range values", () => {
  assert.equal(validTrainValue("noise", Number.NaN), false);
  assert.equal(validTrainValue("epochs_per_chunk", 0), false);
  assert.equal(validTrainValue("epochs_per_chunk", 1.5), false);
  assert.equal(validTrainValue("test_fraction", 0.95), false);
  assert.equal(validTrainValue("test_fraction", 0), true);
  assert.equal(validTrainValue("dataset", "sine"), true);
  assert.equal(validTrainValue("unknown", 1), false);
});
