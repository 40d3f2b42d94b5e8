import assert from "node:assert/strict";
import { test } from "node:test";
import { wordStopped, wordTrainError } from "../../../static/js/train/api.js";
import { defaultTrain } from "../../../static/js/train/state.js";
import { replacedWhy, runFields } from "../../../static/js/train/session.js";
import "../core/catalog.mjs";

const CSV = { source: "csv", label: "your CSV (four.csv)", kind: "regression", input_width: 2, inputs: Array(40).fill([0, 0]) };
const XOR = { source: "dataset", label: "XOR", kind: "classification", input_width: 2, inputs: [] };
const refusal = (loc, msg, type = "value_error") => Object.assign(new Error(`${loc.join(" → ")}: ${msg}`), { detail: [{ loc: ["body", ...loc], msg, type }] });
const net = (widths) => ({ layers: widths.slice(1).map((n, l) => ({ weights: Array(n).fill(Array(widths[l]).fill(0)), biases: Array(n).fill(0), activation: "tanh" })) });

test("targets outside 0..1 under binary cross-entropy name the loss and the one that suits, the server's line kept", () => {
  const error = refusal(["targets"], "targets for 'binary_cross_entropy' must lie between 0 and 1");
  const { text, detail } = wordTrainError(error, { data: CSV, train: defaultTrain(), loss: "binary_cross_entropy" });
  assert.match(text, /^binary cross-entropy loss needs targets between 0 and 1, and your CSV \(four.csv\) has targets outside that range/);
  assert.match(text, /mean squared error loss \(mse\)/);
  assert.match(text, /linear output/);
  assert.equal(detail, error.message);
});

test("an epoch too costly for one request is said in samples and batch size, not work units", () => {
  const error = refusal(["epochs"], "one epoch costs 204410000 work units (…); the limit compute_budget is 50000000: …", "limit_exceeded");
  const train = { ...defaultTrain(), samples: 2000, batch_size: 1 };
  const { text, detail } = wordTrainError(error, { data: XOR, train, loss: "mse" });
  assert.equal(text, "one epoch of 2000 samples in batches of 1 is too much work for one request: use a larger batch size or fewer samples");
  assert.match(detail, /compute_budget/);
});

test("a CSV's sample count is its rows; a setting's own maximum names that setting", () => {
  const costly = refusal(["inputs"], "evaluating the network on its 40 samples costs …", "limit_exceeded");
  assert.match(wordTrainError(costly, { data: CSV, train: defaultTrain(), loss: "mse" }).text, /^evaluating the network on 40 samples is too much work/);
  const rows = refusal(["inputs"], "has 40 rows; the limit max_samples is 20", "limit_exceeded");
  assert.equal(wordTrainError(rows, { data: CSV, train: defaultTrain(), loss: "mse" }).text, "40 samples are more than this server allows: use fewer samples");
  const epochs = refusal(["epochs"], "is 100; the limit max_epochs is 50", "limit_exceeded");
  assert.match(wordTrainError(epochs, { data: XOR, train: { ...defaultTrain(), epochs_per_chunk: 100 }, loss: "mse" }).text, /^100 epochs per update are more than this server allows/);
});

test("other errors are shown as the server wrote them, with no second copy", () => {
  const error = refusal(["network"], "the loss diverged: lower the learning rate");
  assert.deepEqual(wordTrainError(error, { data: XOR, train: defaultTrain(), loss: "mse" }), { text: error.message, detail: null });
  const offline = new Error("the server cannot be reached; is it still running?");
  assert.deepEqual(wordTrainError(offline, { data: XOR, train: defaultTrain(), loss: "mse" }), { text: offline.message, detail: null });
});

test("a chunk cut short says how many of the asked epochs fit, from the answer", () => {
  const { text, detail } = wordStopped({ epochs_done: 3, stopped: "compute_budget: …, so 3 ran" }, 100);
  assert.equal(text, 'each update asks for 100 epochs, but only 3 fit in one request\'s work limit: lower "Epochs per update"');
  assert.equal(detail, "compute_budget: …, so 3 ran");
});

test("the note on a replaced network says 'does not fit' only when its shape does not fit the data", () => {
  assert.match(replacedWhy(net([2, 8, 8, 1]), "binary_cross_entropy", CSV), /^Replaced the network 2-8-8-1 \(binary cross-entropy loss\) with$/);
  assert.match(replacedWhy(net([1, 1]), "mse", CSV), /^The network \(1-1\) does not fit your CSV \(four.csv\) \(2 inputs, 1 output\): loaded$/);
  assert.equal(replacedWhy(null, "mse", CSV), "Loaded");
});

test("a run's optimizer state reaches the state only while the state's optimizer is the one it came from", () => {
  const current = { network: net([2, 1]), optimizer_state: { step: 4 }, optimizer: { name: "adam", learning_rate: 0.03 } };
  assert.deepEqual(runFields(current, { optimizer: { name: "adam", learning_rate: 0.1 } }), { network: current.network, optimizer_state: { step: 4 }, preset: null });
  assert.equal(runFields(current, { optimizer: { name: "sgd", learning_rate: 0.1 } }).optimizer_state, null);
});

test("a run is stuck when the train loss hardly fell over the last window and the accuracy is low", async () => {
  const { stalled } = await import("../../../static/js/train/record.js");
  const rule = { min_epochs: 200, window: 100, drop: 0.1, accuracy: 0.9 };
  const flat = { train_loss: Array(200).fill(0.67), test_loss: [] };
  const falling = { train_loss: Array.from({ length: 200 }, (_, i) => 0.7 * 0.99 ** i), test_loss: [] };
  assert.equal(stalled(flat, 0.6, rule), true);
  assert.equal(stalled(flat, 0.95, rule), false, "accurate enough");
  assert.equal(stalled(flat, null, rule), false, "regression: no accuracy");
  assert.equal(stalled(falling, 0.6, rule), false, "still learning");
  assert.equal(stalled({ train_loss: flat.train_loss.slice(0, 150), test_loss: [] }, 0.6, rule), false, "too early");
});
