// Pure helpers for walking the scalar graph of POST /api/graph: the walk (every operation in the
// server's forward order, then every backward visit in the server's backward order), what a
// position in the walk reveals, and which position matches the page's trace position.
// Nothing here computes a number of the step; it only looks the server's numbers up.

import { namesOf } from "../core/catalog.js";

/** The walk: [{phase: "forward", node}, …, {phase: "backward", node, visit}, …]. */
export function graphSteps(graph) {
  if (!graph || !graph.nodes || !graph.nodes.length) return [];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const forward = graph.forward_order
    .filter((id) => byId.get(id).kind === "operation")
    .map((id) => ({ phase: "forward", node: id }));
  const backward = graph.backward.map((visit) => ({ phase: "backward", node: visit.node, visit }));
  return [...forward, ...backward];
}

/** How many steps of the walk are forward ones. */
export const forwardCount = (steps) => steps.filter((s) => s.phase === "forward").length;

/**
 * What the first `count` steps reveal: `values` (ids whose forward value is known — leaves from
 * the start, operations once computed), `grads` (ids whose gradient is known) and `current`.
 */
export function revealedAt(graph, steps, count) {
  const values = new Set(graph.nodes.filter((n) => n.kind === "leaf").map((n) => n.id));
  const grads = new Set();
  const shown = steps.slice(0, Math.max(0, Math.min(count, steps.length)));
  for (const step of shown) (step.phase === "forward" ? values : grads).add(step.node);
  return { values, grads, current: shown.length ? shown.at(-1) : null };
}

/** Index+1 of the last step that satisfies `match`, or 0. */
function through(steps, match) {
  for (let k = steps.length - 1; k >= 0; k--) if (match(steps[k])) return k + 1;
  return 0;
}

/** How far into the walk one trace entry of /api/step takes the learner. */
export function coverOf(entry, graph, steps) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const node = (s) => byId.get(s.node);
  const same = (n, ...keys) => keys.every((k) => n[k] === entry[k]);
  switch (entry.kind) {
    case "neuron":
      return through(steps, (s) => s.phase === "forward" && namesOf("activations").includes(node(s).op) && same(node(s), "layer", "neuron", "sample"));
    case "loss":
      return forwardCount(steps);
    case "output_delta":
    case "hidden_delta":
      return through(steps, (s) => s.phase === "backward" && node(s).op === "add" && same(node(s), "layer", "neuron", "sample"));
    case "weight_gradient":
      return through(steps, (s) => s.phase === "backward" && node(s).op === "weight" && same(node(s), "layer", "neuron", "input"));
    case "bias_gradient":
      return through(steps, (s) => s.phase === "backward" && node(s).op === "bias" && same(node(s), "layer", "neuron"));
    case "weight_update":
    case "bias_update":
      return steps.length;
    default:
      return 0;
  }
}

/**
 * The walk position matching the page's: the furthest any of the first `position` trace entries
 * reaches (a neuron reveals its ×, + and activation; the loss every loss node; a δ the backward
 * visits down to that neuron's z; a weight's gradient the visit of that weight; an update all).
 */
export function positionFor(entries, position, graph, steps) {
  let furthest = 0;
  for (const entry of entries.slice(0, Math.max(0, position))) furthest = Math.max(furthest, coverOf(entry, graph, steps));
  return furthest;
}
