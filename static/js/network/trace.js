// Pure helpers that read the API's trace for the diagram and the explanation: what the entries
// revealed so far show, and the entry of one neuron or parameter. Nothing here computes a
// number; it only looks numbers up. (Which entries the learner steps through: core/steps.js.)

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
