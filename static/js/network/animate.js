// Animations with the Web Animations API: values travel forward along edges, gradients travel
// backward in their own colour, updated labels flash. Purely visual: the numbers are already
// painted by draw.paint(); an animation only shows where they came from.

import { COLORS, DURATIONS, SIZES } from "./config.js";
import { svgEl } from "../core/svg.js";
import { keyOf } from "./trace.js";

const running = new Set();

const reducedMotion = () => globalThis.matchMedia && globalThis.matchMedia("(prefers-reduced-motion: reduce)").matches;

export function cancelAll() {
  for (const a of running) a.cancel();
  running.clear();
}

function track(animation, cleanup) {
  running.add(animation);
  const done = () => {
    running.delete(animation);
    if (cleanup) cleanup();
  };
  animation.onfinish = done;
  animation.oncancel = done;
}

/** A dot travelling from (x1, y1) to (x2, y2). */
function travel(d, from, to, color, speed) {
  const dot = svgEl("circle", { r: SIZES.dot_radius, cx: 0, cy: 0, fill: color, class: "dot" }, d.groups.dots);
  const frames = [{ transform: `translate(${from.x}px, ${from.y}px)` }, { transform: `translate(${to.x}px, ${to.y}px)` }];
  track(dot.animate(frames, { duration: DURATIONS.travel_ms / speed, easing: "ease-in-out", fill: "forwards" }), () => dot.remove());
}

function flash(el, speed) {
  if (!el) return;
  const frames = [{ opacity: 0.2 }, { opacity: 1 }];
  track(el.animate(frames, { duration: DURATIONS.flash_ms / speed, easing: "ease-out" }));
}

const start = (edge) => ({ x: edge.x1, y: edge.y1 });
const end = (edge) => ({ x: edge.x2, y: edge.y2 });

function forwardDots(d, entry, speed) {
  entry.weights.forEach((_, i) => {
    const item = d.weights[keyOf.weight(entry.layer, entry.neuron, i)];
    if (item) travel(d, start(item.edge), end(item.edge), COLORS.value, speed);
  });
  const bias = d.biases[keyOf.neuron(entry.layer, entry.neuron)];
  if (bias) travel(d, start(bias.edge), end(bias.edge), COLORS.value, speed);
}

function outputNodes(d) {
  const last = d.geom.columns[d.geom.columns.length - 1];
  return last.nodes;
}

function deltaDots(d, entry, speed) {
  if (entry.kind === "output_delta") {
    const node = outputNodes(d)[entry.neuron];
    if (node) travel(d, d.geom.loss, node, COLORS.gradient, speed);
    return;
  }
  entry.next_weights.forEach((_, k) => {
    const item = d.weights[keyOf.weight(entry.layer + 1, k, entry.neuron)];
    if (item) travel(d, end(item.edge), start(item.edge), COLORS.gradient, speed);
  });
}

/** Animates one trace entry on the diagram `d` at a speed multiplier. */
export function animateEntry(d, entry, speed = 1) {
  if (!d || !entry || reducedMotion() || typeof Element.prototype.animate !== "function") return;
  if (entry.kind === "neuron") forwardDots(d, entry, speed);
  else if (entry.kind === "loss") outputNodes(d).forEach((node) => travel(d, node, d.geom.loss, COLORS.value, speed));
  else if (entry.kind === "output_delta" || entry.kind === "hidden_delta") deltaDots(d, entry, speed);
  else if (entry.kind === "weight_gradient" || entry.kind === "weight_update") {
    const item = d.weights[keyOf.weight(entry.layer, entry.neuron, entry.input)];
    if (item && entry.kind === "weight_gradient") travel(d, end(item.edge), start(item.edge), COLORS.gradient, speed);
    if (item) flash(item.label, speed);
  } else if (entry.kind === "bias_gradient" || entry.kind === "bias_update") {
    const item = d.biases[keyOf.neuron(entry.layer, entry.neuron)];
    if (item && entry.kind === "bias_gradient") travel(d, end(item.edge), start(item.edge), COLORS.gradient, speed);
    if (item) flash(item.label, speed);
  }
}
