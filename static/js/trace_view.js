// Pure helpers that read the API's trace for display: which entries the learner steps through
// for the chosen sample, where each phase starts, and what has been revealed so far.
// Nothing here computes a number; it only looks numbers up.

import { PHASES } from "./config.js";

/** The entries of one sample (forward neurons, deltas) plus the batch-level ones. */
export function visibleEntries(trace, sample) {
  if (!Array.isArray(trace)) return [];
  return trace.filter((e) => e.sample === undefined || e.sample === sample);
}

/** Index of the first entry of each phase, e.g. {forward: 0, loss: 3, backward: 4, update: 7}. */
export function phaseStarts(entries) {
  const starts = {};
  entries.forEach((e, i) => {
    if (!(e.phase in starts)) starts[e.phase] = i;
  });
  return starts;
}

/** The phase the learner is in at a position (position = number of entries revealed). */
export function phaseAt(entries, position) {
  if (position <= 0 || !entries.length) return PHASES[0];
  return entries[Math.min(position, entries.length) - 1].phase;
}

export const keyOf = {
  neuron: (l, j) => `${l}:${j}`,
  weight: (l, j, i) => `${l}:${j}:${i}`,
};

/** What the first `position` entries reveal, keyed for the diagram and the tooltips. */
export function revealed(entries, position) {
  const seen = { neurons: {}, loss: null, deltas: {}, weight_grads: {}, bias_grads: {}, weight_updates: {}, bias_updates: {} };
  for (const e of entries.slice(0, Math.max(0, position))) {
    const n = keyOf.neuron(e.layer, e.neuron);
    if (e.kind === "neuron") seen.neurons[n] = e;
    else if (e.kind === "loss") seen.loss = e;
    else if (e.kind === "output_delta" || e.kind === "hidden_delta") seen.deltas[n] = e;
    else if (e.kind === "weight_gradient") seen.weight_grads[keyOf.weight(e.layer, e.neuron, e.input)] = e;
    else if (e.kind === "bias_gradient") seen.bias_grads[n] = e;
    else if (e.kind === "weight_update") seen.weight_updates[keyOf.weight(e.layer, e.neuron, e.input)] = e;
    else if (e.kind === "bias_update") seen.bias_updates[n] = e;
  }
  return seen;
}

/** The entry of a kind for one parameter or neuron (and sample), or null. */
export function findEntry(entries, kind, layer, neuron, input) {
  return (
    entries.find(
      (e) => e.kind === kind && e.layer === layer && e.neuron === neuron && (input === undefined || e.input === input),
    ) || null
  );
}

/** The delta entry (output or hidden) of a neuron for the shown sample. */
export function deltaEntry(entries, layer, neuron) {
  return entries.find((e) => (e.kind === "output_delta" || e.kind === "hidden_delta") && e.layer === layer && e.neuron === neuron) || null;
}
