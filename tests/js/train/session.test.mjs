import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultTrain } from "../../../static/js/train/state.js";
import { dataFields, dataKey, defaultSetup, describeNetwork, fits, loadData, sampleFields, trainBody } from "../../../static/js/train/session.js";
import "../core/catalog.mjs";

const XOR_DATA = { source: "dataset", key: "k", label: "XOR", input_width: 2, kind: "classification", inputs: [[1, -1], [-1, -1], [0.5, 0.5]], targets: [[1], [0], [0]], test_count: 1 };
const net = (widths, last = "sigmoid") => ({
  layers: widths.slice(1).map((n, l) => ({
    weights: Array.from({ length: n }, () => Array(widths[l]).fill(0.1)),
    biases: Array(n).fill(0),
    activation: l === widths.length - 2 ? last : "tanh",
  })),
});

test("a network fits data with as many inputs and exactly one output", () => {
  assert.equal(fits(net([2, 8, 1]), XOR_DATA), true);
  assert.equal(fits(net([1, 1]), XOR_DATA), false, "the seed neuron takes 1 input");
  assert.equal(fits(net([2, 3]), XOR_DATA), false, "3 outputs for 1 target");
  assert.equal(fits(null, XOR_DATA), false);
});

test("the proposed network is n-8-8-1: sigmoid + BCE for classes, linear + MSE for regression, Adam", () => {
  assert.deepEqual(defaultSetup(XOR_DATA), {
    widths: [2, 8, 8, 1],
    activations: ["tanh", "tanh", "sigmoid"],
    loss: "binary_cross_entropy",
    optimizer: { name: "adam", learning_rate: 0.03 },
  });
  const sine = defaultSetup({ ...XOR_DATA, input_width: 1, kind: "regression" });
  assert.deepEqual([sine.widths, sine.activations.at(-1), sine.loss], [[1, 8, 8, 1], "linear", "mse"]);
});

test("a built-in dataset travels by name and parameters; a CSV's rows are split, the last test_count held out", () => {
  const train = { ...defaultTrain(), dataset: "circle", noise: 0.1 };
  assert.deepEqual(dataFields(XOR_DATA, train), { dataset: { name: "circle", samples: 200, noise: 0.1, seed: 0, test_fraction: 0.2 } });
  const csv = { ...XOR_DATA, source: "csv" };
  assert.deepEqual(dataFields(csv, train), {
    inputs: [[1, -1], [-1, -1]],
    targets: [[1], [0]],
    test_inputs: [[0.5, 0.5]],
    test_targets: [[0]],
  });
  assert.deepEqual(Object.keys(dataFields({ ...csv, test_count: 0 }, train)), ["inputs", "targets"]);
});

test("the first request carries the state's network, loss, optimizer, its optimizer state and a 50 × 50 grid", () => {
  const state = { network: net([2, 8, 1]), loss: "mse", optimizer: { name: "sgd", learning_rate: 0.5 }, optimizer_state: { step: 3 }, train: defaultTrain() };
  const body = trainBody(state, XOR_DATA);
  assert.equal(body.network, state.network);
  assert.deepEqual(body.optimizer_state, { step: 3 });
  assert.deepEqual([body.loss, body.epochs, body.batch_size, body.seed], ["mse", 1, 10, 0]);
  assert.deepEqual(body.grid, { resolution: 50 });
  assert.equal(trainBody(state, { ...XOR_DATA, input_width: 3 }).grid, undefined, "no grid beyond 2 inputs");
  const proposed = trainBody(state, XOR_DATA, net([2, 8, 8, 1]), defaultSetup(XOR_DATA));
  assert.equal(proposed.optimizer_state, undefined, "a proposed network starts with a fresh optimizer");
});

test("the explainer gets one sample of the data as its batch, from the first sub-step", () => {
  assert.deepEqual(sampleFields(XOR_DATA, 1), {
    inputs: [[-1, -1]],
    targets: [[0]],
    view: { position: 0, phase: "forward", sample: 0, selected: null },
  });
});

test("the network line names the shape the lab trains, or the one Train will load", () => {
  const state = { network: net([2, 8, 1]), loss: "binary_cross_entropy", optimizer: { name: "adam", learning_rate: 0.03 }, seed: 4 };
  assert.match(describeNetwork(state, XOR_DATA, null), /network 2-8-1 \(tanh, sigmoid\) with binary cross-entropy loss and Adam, learning rate 0.03/);
  assert.match(describeNetwork(state, XOR_DATA, defaultSetup(XOR_DATA)), /Train will load a fresh 2-8-8-1 network from seed 4/);
  assert.match(describeNetwork(state, XOR_DATA, null), /"New network for this data" replaces it/);
  assert.notEqual(dataKey(defaultTrain()), dataKey({ ...defaultTrain(), noise: 0.1 }));
});

test("a re-uploaded CSV of the same name is new data: each upload has its own key", async () => {
  const train = defaultTrain();
  const csv = { ...XOR_DATA, source: "csv", name: "points.csv", upload: 1 };
  const first = await loadData(train, csv, null);
  const again = await loadData(train, { ...csv, upload: 2 }, first);
  assert.notEqual(again.key, first.key);
  assert.equal((await loadData(train, csv, first)).key, first.key, "the same upload keeps its key");
  assert.notEqual((await loadData({ ...train, test_fraction: 0.5 }, csv, first)).key, first.key, "another split is other data");
});

test("the spiral gets its own proposal, 2-16-16-1 ReLU with Adam 0.01; a CSV never does", () => {
  const spiral = { ...XOR_DATA, dataset: "spiral" };
  assert.deepEqual(defaultSetup(spiral), {
    widths: [2, 16, 16, 1],
    activations: ["relu", "relu", "sigmoid"],
    loss: "binary_cross_entropy",
    optimizer: { name: "adam", learning_rate: 0.01 },
  });
  assert.deepEqual(defaultSetup({ ...spiral, source: "csv" }).widths, [2, 8, 8, 1]);
});
