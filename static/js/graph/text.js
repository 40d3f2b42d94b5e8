// The words of the graph view: what one step of the graph walk computed, in the learner's
// notation, with the server's numbers. Pure: strings in, strings out; no arithmetic on them.

import { formatNumber as fmt } from "../core/format.js";

/** A label ready to follow ∂: "z" stays, "y − t" becomes "(y − t)". */
export function wrap(label) {
  if (/^\(.*\)²?$/.test(label) && !/\).*\(/.test(label)) return label;
  return /[\s·+−]/.test(label) ? `(${label})` : label;
}

/** A number inside a sum or product: negatives in parentheses. */
const term = (x) => (x < 0 ? `(${fmt(x)})` : fmt(x));

/** ∂L/∂label */
export const dL = (label) => `∂L/∂${wrap(label)}`;

/** The lines of a forward step: the formula, its inputs' values, the result. */
export function forwardLines(node, byId) {
  const inputs = node.inputs.map((i) => byId.get(i)).map((n) => `${n.label} = ${fmt(n.value)}`);
  return [`${node.label} = ${node.formula}`, `with ${inputs.join(", ")}`, `${node.label} = ${fmt(node.value)}`];
}

/** The line of one backward term: local derivative × upstream gradient = contribution. */
export function termLine(t, label) {
  return `∂${wrap(t.consumer_label)}/∂${wrap(label)} × ${dL(t.consumer_label)} = ${t.local_rule} × ${dL(t.consumer_label)} = ${term(t.local_derivative)} × ${term(t.upstream_gradient)} = ${fmt(t.contribution)}`;
}

/**
 * The lines of a backward visit, as the server gives it: the seed ∂L/∂L = 1; one consumer →
 * local derivative × upstream gradient; several consumers → each contribution, then their sum.
 */
export function backwardLines(visit) {
  if (visit.seed) return [`${dL(visit.label)} = 1: the backward pass starts at the loss.`];
  if (!visit.terms.length) return [`${dL(visit.label)} = ${fmt(visit.grad)}: nothing uses ${visit.label}.`];
  if (visit.terms.length === 1) {
    return ["local derivative × upstream gradient = this gradient", termLine(visit.terms[0], visit.label)];
  }
  const contributions = visit.terms.map((t) => term(t.contribution)).join(" + ");
  return [
    `${visit.label} feeds ${visit.terms.length} nodes, so its gradient is the sum of ${visit.terms.length} contributions (local derivative × upstream gradient each):`,
    ...visit.terms.map((t) => `via ${t.consumer_label}: ${termLine(t, visit.label)}`),
    `sum: ${dL(visit.label)} = ${contributions} = ${fmt(visit.grad)}`,
  ];
}

/** Title and lines for step `count` of the walk (count = steps revealed; 0 = nothing yet). */
export function describe(graph, steps, count) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const forward = steps.filter((s) => s.phase === "forward").length;
  if (count <= 0) {
    return {
      title: `Ready · ${forward} operations forward, ${steps.length - forward} visits backward`,
      lines: ["Leaves (inputs, weights, biases, targets) are known. Step to compute each operation, then walk back from L."],
    };
  }
  const step = steps[Math.min(count, steps.length) - 1];
  const node = byId.get(step.node);
  const sample = graph.sample_count > 1 && node.sample !== null ? ` (sample ${node.sample + 1})` : "";
  if (step.phase === "forward") {
    return { title: `Forward · operation ${count} of ${forward}: ${node.label}${sample}`, lines: forwardLines(node, byId) };
  }
  const k = count - forward;
  return { title: `Backward · visit ${k} of ${steps.length - forward}: ${dL(node.label)}${sample}`, lines: backwardLines(step.visit) };
}
