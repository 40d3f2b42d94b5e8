// Pure helpers that read the API's trace for stepping: which entries the learner steps through
// for the chosen sample, where each phase starts, and the phase at a position. Every view steps
// with them (store.actions); nothing here computes a number.

import { PHASES } from "./state.js";

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
