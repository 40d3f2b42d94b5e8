// Pure helpers that read the API's trace for stepping: which entries the learner steps through
// for the chosen sample, where each phase starts, the phase at a position, and the bounded
// history of steps taken that Step back goes through. Every view steps
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

/** The most steps kept for Step back, and about the most trace entries in all (each entry is ~0.3–0.7 KB). */
export const HISTORY_STEPS = 50;
export const HISTORY_ENTRIES = 20000; // Mazur's step has 33, a 16-neuron 8-layer network's with 16 samples ~8,500

/**
 * `history` (steps taken, oldest first, each {…, step: the /api/step answer}) with `finished`
 * added and the oldest dropped past the bounds; the newest is always kept.
 */
export function withStep(history, finished) {
  const kept = [...history, finished].slice(-HISTORY_STEPS);
  let entries = kept.reduce((sum, h) => sum + h.step.trace.length, 0);
  while (kept.length > 1 && entries > HISTORY_ENTRIES) entries -= kept.shift().step.trace.length;
  return kept;
}
