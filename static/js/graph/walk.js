// Pure helpers for stepping the graph walk with the page's own controls (Step forward / back,
// Play, the phase buttons, ← →): the phase of each step of the walk, where each phase starts,
// and the page's trace position that matches a place in the walk. No DOM, no numbers.

import { coverOf } from "./steps.js";

/**
 * The page's phase of one step of the walk: an operation of the network is "forward", an
 * operation after the last layer (−t, (·)², ½, mean, the loss itself) is "loss", a visit "backward".
 * The walk has no "update": the update comes after it.
 */
export function phaseOfStep(step, byId) {
  if (step.phase === "backward") return "backward";
  return byId.get(step.node).layer === null ? "loss" : "forward";
}

/** The phase at `count` steps walked (none at 0), and the count that starts each phase: {forward: 1, loss: 7, …}. */
export function walkPhases(graph, steps, count) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const starts = {};
  steps.forEach((step, k) => {
    const phase = phaseOfStep(step, byId);
    if (!(phase in starts)) starts[phase] = k + 1;
  });
  const phase = count > 0 && steps.length ? phaseOfStep(steps[Math.min(count, steps.length) - 1], byId) : null;
  return { phase, starts };
}

/**
 * The page's trace position for `count` steps of the walk: the most trace entries whose places
 * in the walk (coverOf) all lie within those `count` steps. Going back from the graph to the
 * Network view then shows no sub-step the graph has not reached yet.
 */
export function tracePositionAt(entries, count, graph, steps) {
  let position = 0;
  for (const entry of entries) {
    if (coverOf(entry, graph, steps) > count) break;
    position++;
  }
  return position;
}
