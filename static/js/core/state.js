// The ONE serializable state of the page, what each field may hold, and how it is read from
// untrusted JSON (parseState); features add their slices (registerSlice). Pure. How it travels
// through JSON ⇄ localStorage ⇄ URL: storage.js.
// Field names are the API's (snake_case). Numbers computed by the API (the trace) are NOT
// part of the state: they are fetched again from /api/step whenever the state changes.

import { catalog, namesOf } from "./catalog.js";

export const STATE_VERSION = 1;
/** The largest seed the API takes (seeds start at 0). */
export const maxSeed = () => catalog().limits.max_seed;
/** The four phases of a step, in the order of the API's trace. */
export const PHASES = ["forward", "loss", "backward", "update"];
/** The animation speeds a state may hold (multipliers of the network's DURATIONS). */
export const SPEEDS = [0.25, 0.5, 1, 2, 4];

/** The views a state can show (ids registered by the features): a reload or a shared link opens the same one. */
const shownViews = [];
/** A feature's part of the state: name → {defaults() → value, parse(raw) → {value, notes}}. */
const slices = new Map();

/** Lets `view.shown` name the view `id` (main.js registers every view). */
export function registerShownView(id) {
  if (!shownViews.includes(id)) shownViews.push(id);
}

/** Adds a feature's slice `name` to the state: its defaults and how it is read from untrusted JSON. */
export function registerSlice(name, slice) {
  slices.set(name, slice);
}

/** A state with nothing loaded yet: main.js fills network, inputs and targets from a preset. Loss and optimizer: the server's first ones, at its defaults. */
export function defaultState() {
  const [optimizer] = catalog().optimizers;
  return {
    version: STATE_VERSION,
    preset: "seed-neuron", // name of the preset the network came from (null once edited)
    network: null, // {layers: [{weights: n_out × n_in, biases: n_out, activation}]}
    inputs: null, // batch of input rows, N × n_in
    targets: null, // targets, N × n_out
    loss: namesOf("losses")[0],
    optimizer: { name: optimizer.name, learning_rate: optimizer.defaults.learning_rate },
    optimizer_state: null, // momentum / Adam slots, as the API returns them
    seed: 1, // seed of "Randomize": the same seed gives the same weights
    // view.shown, once a view is chosen: one of SHOWN_VIEWS (absent, as in older links: "network")
    view: { phase: "forward", position: 0, sample: 0, selected: null },
    speed: 1, // animation speed multiplier
    ...Object.fromEntries([...slices].map(([name, slice]) => [name, slice.defaults()])), // the features' slices, e.g. train
  };
}

const isNumber = (x) => typeof x === "number" && Number.isFinite(x);
const isInt = (x) => Number.isInteger(x) && x >= 0;
const isRow = (row, width) => Array.isArray(row) && row.length === width && row.every(isNumber);
const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

/** widths [n_in, n_1, …] of a network, or null when the network's shapes are inconsistent. */
export function networkWidths(network) {
  if (!isObject(network) || !Array.isArray(network.layers)) return null;
  const { layers } = network;
  const limits = catalog().editor_limits;
  const activations = namesOf("activations");
  if (layers.length < 1 || layers.length > limits.max_layers) return null;
  const widths = [];
  for (const layer of layers) {
    if (!isObject(layer) || !activations.includes(layer.activation)) return null;
    const { weights, biases } = layer;
    if (!Array.isArray(weights) || weights.length < 1 || weights.length > limits.max_neurons) return null;
    const nIn = Array.isArray(weights[0]) ? weights[0].length : 0;
    if (nIn < 1 || nIn > limits.max_neurons || (widths.length && widths.at(-1) !== nIn)) return null;
    if (!weights.every((row) => isRow(row, nIn)) || !isRow(biases, weights.length)) return null;
    if (!widths.length) widths.push(nIn);
    widths.push(weights.length);
  }
  return widths;
}

/** An optimizer the server has, with numbers for hyper-parameters the server's optimizers know. */
function validOptimizer(o) {
  if (!isObject(o) || !namesOf("optimizers").includes(o.name) || !isNumber(o.learning_rate) || o.learning_rate < 0) return false;
  const known = catalog().optimizers.flatMap((opt) => Object.keys(opt.defaults));
  return Object.entries(o).every(([k, v]) => k === "name" || (known.includes(k) && isNumber(v)));
}

function validSelected(s) {
  if (s === null) return true;
  if (!isObject(s) || !["weight", "bias", "neuron", "input"].includes(s.kind)) return false;
  return isInt(s.layer) && isInt(s.neuron) && (s.kind !== "weight" || isInt(s.input));
}

function validBatch(rows, width, count) {
  return Array.isArray(rows) && rows.length >= 1 && rows.length <= catalog().editor_limits.max_samples &&
    (count === undefined || rows.length === count) && rows.every((r) => isRow(r, width));
}

// One checker per field: the property table that drives parsing (the way a URL or a file is read).
const CHECKS = {
  preset: (v) => v === null || (typeof v === "string" && /^[a-z0-9-]{1,64}$/.test(v)),
  network: (v) => networkWidths(v) !== null,
  loss: (v) => namesOf("losses").includes(v),
  optimizer: validOptimizer,
  optimizer_state: (v) => v === null || isObject(v),
  seed: (v) => isInt(v) && v <= maxSeed(),
  speed: (v) => SPEEDS.includes(v),
};

const VIEW_CHECKS = {
  phase: (v) => PHASES.includes(v),
  position: isInt,
  sample: isInt,
  selected: validSelected,
  shown: (v) => shownViews.includes(v),
};

/**
 * Reads a state from untrusted JSON (a file, a URL, localStorage). Good fields are kept, bad
 * ones are replaced by defaults and named in `notes` so the page can say what was ignored.
 */
export function parseState(raw) {
  const state = defaultState();
  const notes = [];
  if (!isObject(raw)) return { state, notes: ["the saved state is not an object; starting fresh"] };
  for (const [field, check] of Object.entries(CHECKS)) {
    if (!(field in raw)) continue;
    if (check(raw[field])) state[field] = structuredClone(raw[field]);
    else notes.push(`ignored ${field}: not a valid value`);
  }
  if (isObject(raw.view)) {
    for (const [field, check] of Object.entries(VIEW_CHECKS)) {
      if (!(field in raw.view)) continue;
      if (check(raw.view[field])) state.view[field] = structuredClone(raw.view[field]);
      else notes.push(`ignored view.${field}: not a valid value`);
    }
  } else if ("view" in raw) notes.push("ignored view: not an object");
  const widths = networkWidths(state.network);
  if (widths) {
    for (const [field, width] of [["inputs", widths[0]], ["targets", widths.at(-1)]]) {
      if (!(field in raw)) continue;
      const count = field === "targets" && state.inputs ? state.inputs.length : undefined;
      if (validBatch(raw[field], width, count)) state[field] = structuredClone(raw[field]);
      else notes.push(`ignored ${field}: rows must be numbers matching the network's width`);
    }
  } else if ("inputs" in raw || "targets" in raw) {
    notes.push("ignored inputs and targets: no valid network to check them against");
  }
  if (state.inputs === null || state.targets === null) {
    state.inputs = state.targets = null;
  }
  const fitted = fitView(state);
  state.view = fitted.view;
  notes.push(...fitted.notes);
  for (const [name, slice] of slices) {
    const { value, notes: sliceNotes } = slice.parse(raw[name]);
    state[name] = value;
    notes.push(...sliceNotes);
  }
  return { state, notes };
}

/** Whether the network has the selected weight, bias, neuron or input (indices from 0). */
export function selectionExists(selected, network) {
  const widths = networkWidths(network);
  if (!isObject(selected) || !widths) return false;
  const { kind, layer, neuron, input } = selected;
  if (kind === "input") return neuron < widths[0];
  if (layer >= widths.length - 1 || neuron >= widths[layer + 1]) return false;
  return kind !== "weight" || input < widths[layer];
}

/**
 * The view without what this network and batch do not have: a selection of a missing weight,
 * bias or neuron is dropped, a sample past the batch goes back to sample 1; a note for each.
 * Without a valid network nothing can be checked and the view is returned as it is.
 */
export function fitView(state) {
  const view = { ...state.view };
  const notes = [];
  if (!networkWidths(state.network)) return { view, notes };
  if (view.selected !== null && !selectionExists(view.selected, state.network)) {
    notes.push(`the selected ${view.selected.kind} is not in this network: selection cleared`);
    view.selected = null;
  }
  const samples = Array.isArray(state.inputs) ? state.inputs.length : 1;
  if (view.sample >= samples) {
    notes.push(`the batch has ${samples} sample${samples === 1 ? "" : "s"}: showing sample 1`);
    view.sample = 0;
  }
  return { view, notes };
}

/**
 * A number typed by the learner: {value} or {error} saying what is wrong. `Number()` would read
 * "" as 0 and "1e999" as Infinity; the API takes finite numbers only.
 */
export function readNumber(text) {
  const trimmed = String(text).trim();
  if (trimmed === "") return { error: "enter a number" };
  const value = Number(trimmed);
  if (Number.isNaN(value)) return { error: `“${trimmed.slice(0, 20)}” is not a number` };
  if (!Number.isFinite(value)) return { error: "too large: a number must be below about 1.8e308" };
  return { value };
}

/** A seed typed by the learner: {value} (a whole number 0 … 2³²−1, the API's range) or {error}. */
export function readSeed(text) {
  const { value, error } = readNumber(text);
  const range = `the seed must be a whole number from 0 to ${maxSeed()}`;
  if (error) return { error: `${error}: ${range}` };
  return Number.isInteger(value) && value >= 0 && value <= maxSeed() ? { value } : { error: range };
}
