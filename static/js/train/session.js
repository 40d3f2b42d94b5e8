// What the training lab does with the one state: which data it trains on (a built-in dataset
// or the learner's CSV), which network (the state's, or a fresh n_in-8-8-1 when the state's does
// not fit the data), the /api/train request, and the way back into the step-through explainer.

import { postRandomNetwork } from "../core/api.js";
import { PHASES } from "../core/state.js";
import { networkWidths } from "../core/state.js";
import { getDataset } from "./api.js";
import { entryOf, titleOf } from "../core/catalog.js";
import { DATASET_SETUP, DEFAULT_HIDDEN, DEFAULT_SETUP, GRID_RESOLUTION } from "./config.js";

/** The key that names a built-in dataset's rows: same key, same rows. */
export const dataKey = (t) => JSON.stringify([t.dataset, t.samples, t.noise, t.seed, t.test_fraction]);

/** The key that names a CSV's rows: one per upload (`csv.upload`), so a re-uploaded file of the same name is new data. */
export const csvKey = (csv, t) => JSON.stringify(["csv", csv.upload, t.test_fraction]);

/**
 * The data to train on: {source, key, label, inputs, targets, kind, test_count, input_width}.
 * The learner's CSV when one is loaded (split by the server at the settings' test_fraction:
 * data.js), else the built-in dataset of the settings (fetched once per key).
 */
export async function loadData(train, csv, cached) {
  if (csv) return { ...csv, key: csvKey(csv, train) };
  const key = dataKey(train);
  if (cached && cached.key === key) return cached;
  const rows = await getDataset(train);
  const info = entryOf("datasets", train.dataset);
  return { ...rows, source: "dataset", dataset: train.dataset, key, label: info.title, input_width: info.input_width };
}

/** Does the network take the data's inputs and give one output per sample? */
export function fits(network, data) {
  const widths = networkWidths(network);
  return Boolean(widths) && widths[0] === data.input_width && widths.at(-1) === 1;
}

/** The network, loss and optimizer Train proposes for data the state's network does not fit. */
export function defaultSetup(data) {
  const kind = DEFAULT_SETUP[data.kind] || DEFAULT_SETUP.regression;
  const own = (data.source !== "csv" && DATASET_SETUP[data.dataset]) || {};
  const hidden = own.hidden || DEFAULT_HIDDEN;
  const activation = own.hidden_activation || DEFAULT_SETUP.hidden_activation;
  return {
    widths: [data.input_width, ...hidden, 1],
    activations: [...hidden.map(() => activation), kind.output],
    loss: kind.loss,
    optimizer: { ...(own.optimizer || DEFAULT_SETUP.optimizer) },
  };
}

const setupCache = new Map();

/** The default network for the data from the state's seed (the API's Glorot-uniform), fetched once per shape and seed. */
export async function defaultNetwork(data, seed) {
  const setup = defaultSetup(data);
  const key = JSON.stringify([setup.widths, setup.activations, seed]);
  if (!setupCache.has(key)) setupCache.set(key, (await postRandomNetwork(setup.widths, setup.activations, seed)).network);
  return { ...setup, network: setupCache.get(key) };
}

/** Puts the default network into the state (with one sample of the data, so the explainer can step it); returns the note to show. */
export async function installDefault(store, data) {
  const { seed, network, loss } = store.state;
  const setup = await defaultNetwork(data, seed);
  await store.actions.edit({
    network: setup.network,
    loss: setup.loss,
    optimizer: setup.optimizer,
    optimizer_state: null,
    preset: null,
    ...sampleFields(data, 0),
  });
  return `${replacedWhy(network, loss, data)} a fresh ${setup.widths.join("-")} network (${setup.activations[0]} hidden layers, ${setup.activations.at(-1)} output) from seed ${seed}, with ${titleOf("losses", setup.loss)} loss and ${titleOf("optimizers", setup.optimizer.name)}, learning rate ${setup.optimizer.learning_rate}.`;
}

/** The start of installDefault's note: why the old network went ("does not fit" only when its shape does not). */
export function replacedWhy(network, loss, data) {
  const widths = networkWidths(network);
  if (!widths) return "Loaded";
  if (fits(network, data)) return `Replaced the network ${widths.join("-")} (${titleOf("losses", loss)} loss) with`;
  return `The network (${widths.join("-")}) does not fit ${data.label} (${data.input_width} input${data.input_width > 1 ? "s" : ""}, 1 output): loaded`;
}

/** One line on the network the lab trains: the state's (shared with the explainer), or the one Train will load. */
export function describeNetwork(state, data, setup) {
  if (setup) {
    return `The current network does not fit ${data.label} (${data.input_width} input${data.input_width > 1 ? "s" : ""}, 1 output): Train will load a fresh ${setup.widths.join("-")} network from seed ${state.seed}, shown here.`;
  }
  const widths = networkWidths(state.network).join("-");
  const activations = state.network.layers.map((l) => l.activation).join(", ");
  const loss = titleOf("losses", state.loss);
  const replace = ` "New network for this data" replaces it with a fresh ${defaultSetup(data).widths.join("-")}.`;
  return `Training the explainer's network ${widths} (${activations}) with ${loss} loss and ${titleOf("optimizers", state.optimizer.name)}, learning rate ${state.optimizer.learning_rate}.${replace}`;
}

/** The state fields that make the explainer show sample `k` of the data as its batch, from the first sub-step. */
export function sampleFields(data, k) {
  return {
    inputs: [data.inputs[k]],
    targets: [data.targets[k]],
    view: { position: 0, phase: PHASES[0], sample: 0, selected: null },
  };
}

/** The data part of an /api/train request: the dataset's name and parameters, or the CSV's rows split into train and test. */
export function dataFields(data, train) {
  if (data.source !== "csv") {
    const { dataset, samples, noise, seed, test_fraction } = train;
    return { dataset: { name: dataset, samples, noise, seed, test_fraction } };
  }
  const cut = data.inputs.length - data.test_count;
  const fields = { inputs: data.inputs.slice(0, cut), targets: data.targets.slice(0, cut) };
  if (data.test_count > 0) Object.assign(fields, { test_inputs: data.inputs.slice(cut), test_targets: data.targets.slice(cut) });
  return fields;
}

/** The first /api/train request for the state's network on the data (predictions on a grid for 1 or 2 inputs). */
export function trainBody(state, data, network = state.network, setup = state) {
  const body = {
    network,
    ...dataFields(data, state.train),
    loss: setup.loss,
    optimizer: setup.optimizer,
    epochs: state.train.epochs_per_chunk,
    batch_size: state.train.batch_size,
    seed: state.train.seed,
  };
  if (setup === state && state.optimizer_state) body.optimizer_state = state.optimizer_state;
  if (data.input_width <= 2) body.grid = { resolution: GRID_RESOLUTION };
  return body;
}

/** Clicks the "Network" view toggle (main.js owns the views); true when there was one. */
function showNetworkView() {
  const button = [...document.querySelectorAll("#view-toggle button")].find((b) => b.textContent.trim() === "Network");
  if (button) button.click();
  return Boolean(button);
}

/**
 * The state fields that hold a run's progress: its network and optimizer state (null when the
 * state's optimizer is no longer the one that state came from: its slots would not fit).
 */
export function runFields(current, state) {
  const same = current.optimizer && current.optimizer.name === state.optimizer.name;
  return { network: current.network, optimizer_state: same ? current.optimizer_state : null, preset: null };
}

/**
 * "Step through one update": the explainer shows the state's network (the paused run's weights)
 * on sample `k` of the data, from its first sub-step; the note says where the weights come from.
 */
export async function stepThrough(store, data, epochs, k = 0) {
  showNetworkView();
  const trained = epochs > 0 ? `the weights after ${epochs} epoch${epochs === 1 ? "" : "s"} of training` : "the untrained weights";
  store.update({ notes: [`stepping through one update on sample ${k + 1} of ${data.label} with ${trained}; Step forward walks through it`] }, "notes");
  await store.actions.edit(sampleFields(data, k), { keepNotes: true });
}
