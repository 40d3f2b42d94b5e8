// Editing the network and its data: inputs and targets, loss, optimizer and learning rate,
// layers, neurons and activations, and "Randomize" from a seed. Every edit goes through
// store.actions.edit(), which fetches the new trace. Implements mount(root, store).

import { postRandomNetwork } from "../core/api.js";
import { catalog } from "../core/catalog.js";
import { el, numberInput, selectField, showFieldError } from "../core/dom.js";
import { networkWidths, readSeed } from "../core/state.js";

const resizeRow = (row, n) => Array.from({ length: n }, (_, i) => (i < row.length ? row[i] : 0));

/** Same weights where the shapes overlap, zeros for new ones: the fallback when the API cannot randomize. */
export function reshapeNetwork(network, widths, activations) {
  const layers = widths.slice(1).map((n, l) => {
    const old = network.layers[l] || { weights: [], biases: [] };
    const weights = Array.from({ length: n }, (_, j) => resizeRow(old.weights[j] || [], widths[l]));
    return { weights, biases: resizeRow(old.biases, n), activation: activations[l] };
  });
  return { layers };
}

/** Fits the batch to new input and output widths (new columns are 0). */
export function reshapeBatch(rows, width) {
  return rows.map((row) => resizeRow(row, width));
}

async function newNetwork(store, widths, activations, seed) {
  try {
    return { network: (await postRandomNetwork(widths, activations, seed)).network, note: null };
  } catch (error) {
    if (error.status !== 404 && error.status !== 405) throw error;
    return { network: reshapeNetwork(store.state.network, widths, activations), note: "new weights are 0: the server has no /api/networks/random" };
  }
}

/** Changes the architecture: new weights from the seed (the API's Glorot-uniform), batch resized. */
async function reshape(store, widths, activations, seed = store.state.seed) {
  try {
    const { network, note } = await newNetwork(store, widths, activations, seed);
    const { inputs, targets } = store.state;
    await store.actions.edit({
      network, seed, preset: null, optimizer_state: null,
      inputs: reshapeBatch(inputs, widths[0]), targets: reshapeBatch(targets, widths.at(-1)),
      view: { position: 0, phase: "forward", selected: null },
    });
    store.update({ notes: note ? [note] : [] }, "notes");
  } catch (error) {
    store.update({ error: error.message }, "error");
  }
}

let pending = Promise.resolve(); // architecture changes run one after the other

/**
 * Queues an architecture change: `change(widths, activations)` reads the network as the changes
 * before it left it, so five quick clicks on "+" add five neurons; it returns null when the
 * change no longer applies (a limit reached, the layer gone).
 */
function queueReshape(store, change, seed) {
  pending = pending.then(() => {
    const widths = networkWidths(store.state.network);
    const next = widths && change(widths, store.state.network.layers.map((l) => l.activation));
    return next ? reshape(store, next.widths, next.activations, seed) : undefined;
  });
  return pending;
}

/** What the editor lets a learner build: the server's editor_limits. */
const limits = () => catalog().editor_limits;
/** The options of a catalog list ("activations", "losses", "optimizers"): [name, title] in the server's order. */
const options = (list) => catalog()[list].map((entry) => [entry.name, entry.title]);

const fits = (widths) => widths.every((n) => n >= 1 && n <= limits().max_neurons) && widths.length - 1 <= limits().max_layers;

/** Width of layer `c` (0 = inputs) changed by `by`; null past the limits. */
const resizeLayer = (c, by) => (widths, activations) => {
  const next = widths.map((w, k) => (k === c ? w + by : w));
  return fits(next) ? { widths: next, activations } : null;
};

/** A hidden layer (sigmoid) added before the output layer; null at the limit. */
const addLayer = (widths, activations) => {
  const next = [...widths.slice(0, -1), widths.at(-2), widths.at(-1)];
  return fits(next) ? { widths: next, activations: [...activations.slice(0, -1), "sigmoid", activations.at(-1)] } : null;
};

/** Hidden layer `c` removed; null when it is no longer a hidden layer. */
const removeLayer = (c) => (widths, activations) =>
  c > 0 && c < widths.length - 1 ? { widths: widths.filter((_, k) => k !== c), activations: activations.filter((_, k) => k !== c - 1) } : null;

function seedRow(store, state) {
  const input = numberInput({ value: state.seed, id: "seed" }, () => {}, readSeed);
  const randomize = el("button", {
    type: "button", text: "Randomize",
    onclick: () => {
      const { value, error } = readSeed(input.value);
      showFieldError(input, error || null);
      if (!error) queueReshape(store, (w, activations) => ({ widths: w, activations }), value);
    },
  });
  const seed = el("label", { class: "field" }, [el("span", { text: "Seed" }), input]);
  return el("div", { class: "row" }, [seed, randomize]);
}

function architecture(store, state) {
  const widths = networkWidths(state.network);
  const activations = state.network.layers.map((l) => l.activation);
  const rows = widths.map((n, c) => {
    const label = c === 0 ? "Inputs" : c === widths.length - 1 ? "Output layer" : `Hidden layer ${c}`;
    const parts = [
      el("span", { class: "arch-name", text: `${label}: ${n}` }),
      el("button", { type: "button", text: "−", "aria-label": `Remove a neuron from ${label.toLowerCase()}`, disabled: n <= 1, onclick: () => queueReshape(store, resizeLayer(c, -1)) }),
      el("button", { type: "button", text: "+", "aria-label": `Add a neuron to ${label.toLowerCase()}`, disabled: n >= limits().max_neurons, onclick: () => queueReshape(store, resizeLayer(c, 1)) }),
    ];
    if (c > 0) {
      parts.push(selectField(`Activation of ${label.toLowerCase()}`, options("activations"), activations[c - 1], (a) => {
        const network = structuredClone(state.network);
        network.layers[c - 1].activation = a;
        store.actions.edit({ network, preset: null, view: { selected: null } });
      }));
    }
    if (c > 0 && c < widths.length - 1) {
      parts.push(el("button", { type: "button", text: "Remove layer", "aria-label": `Remove ${label.toLowerCase()}`, onclick: () => queueReshape(store, removeLayer(c)) }));
    }
    return el("li", { class: "arch-row" }, parts);
  });
  const add = el("button", { type: "button", text: "Add hidden layer", disabled: widths.length - 1 >= limits().max_layers, onclick: () => queueReshape(store, addLayer) });
  return el("fieldset", {}, [el("legend", { text: "Architecture" }), el("ul", { class: "arch" }, rows), add, seedRow(store, state)]);
}

function batchTable(store, state) {
  const setCell = (field, n, k) => (x) => {
    const rows = structuredClone(state[field]);
    rows[n][k] = x;
    store.actions.edit({ [field]: rows, preset: state.preset });
  };
  const head = el("tr", {}, [el("th", { text: "Sample" }), ...state.inputs[0].map((_, i) => el("th", { text: `x${i + 1}` })), ...state.targets[0].map((_, k) => el("th", { text: `t${k + 1}` }))]);
  const cell = (field, n, k, v, name) => el("td", {}, numberInput({ value: v, "aria-label": `${name}${k + 1} of sample ${n + 1}` }, setCell(field, n, k)));
  const body = state.inputs.map((row, n) => el("tr", {}, [el("th", { text: String(n + 1) }), ...row.map((v, k) => cell("inputs", n, k, v, "x")), ...state.targets[n].map((v, k) => cell("targets", n, k, v, "t"))]));
  const add = el("button", { type: "button", text: "Add sample", disabled: state.inputs.length >= limits().max_samples, onclick: () => store.actions.edit({ inputs: [...state.inputs, state.inputs.at(-1)], targets: [...state.targets, state.targets.at(-1)] }) });
  const remove = el("button", { type: "button", text: "Remove last sample", disabled: state.inputs.length <= 1, onclick: () => store.actions.edit({ inputs: state.inputs.slice(0, -1), targets: state.targets.slice(0, -1), view: { sample: 0, position: 0, phase: "forward" } }) });
  return el("fieldset", {}, [el("legend", { text: "Inputs and targets" }), el("div", { class: "table-wrap" }, el("table", { class: "batch" }, [el("thead", {}, head), el("tbody", {}, body)])), el("div", { class: "row" }, [add, remove])]);
}

function training(store, state) {
  const opt = state.optimizer;
  const setOptimizer = (name) => store.actions.edit({ optimizer: { name, learning_rate: opt.learning_rate }, optimizer_state: null });
  return el("fieldset", {}, [
    el("legend", { text: "Training" }),
    selectField("Loss", options("losses"), state.loss, (loss) => store.actions.edit({ loss })),
    selectField("Optimizer", options("optimizers"), opt.name, setOptimizer),
    el("label", { class: "field" }, [
      el("span", { text: "Learning rate η" }),
      numberInput({ value: opt.learning_rate, id: "learning-rate" }, (x) => store.actions.edit({ optimizer: { ...opt, learning_rate: x } })),
    ]),
  ]);
}

const controls = (root) => [...root.querySelectorAll("input, select, button")];
/** What names a control across rebuilds: its id, else its aria-label, else its label's or button's text. */
const identity = (c) => c.id || c.getAttribute("aria-label") || (c.labels && c.labels[0] ? c.labels[0] : c).textContent.trim();

/** The focused control of the editor, as {name, index}; null when the focus is elsewhere. */
function focusedControl(root) {
  const index = controls(root).indexOf(document.activeElement);
  return index < 0 ? null : { name: identity(document.activeElement), index };
}

/** Rebuilding replaces the controls: focus the one with the same identity, else the one at the same place. */
function restoreFocus(root, focused) {
  if (!focused) return;
  const all = controls(root);
  (all.find((c) => focused.name && identity(c) === focused.name) || all[focused.index])?.focus();
}

export function mount(root, store) {
  let last = null;
  store.subscribe((app) => {
    const { state } = app;
    if (!state.network || !state.inputs) return;
    const key = JSON.stringify([networkWidths(state.network), state.network.layers.map((l) => l.activation), state.inputs, state.targets, state.loss, state.optimizer, state.seed]);
    if (key === last) return;
    last = key;
    const focused = focusedControl(root);
    root.replaceChildren(el("h2", { text: "Edit" }), training(store, state), batchTable(store, state), architecture(store, state));
    restoreFocus(root, focused);
  });
}
