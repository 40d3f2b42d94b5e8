// Animations with the Web Animations API: values travel forward along edges, gradients travel
// backward in their own colour, and the number a flow carries appears where it lands only when
// it arrives (cause before effect). Purely visual: the numbers are already painted by
// draw.paint(); an animation only hides the new one until its flow gets there. With
// prefers-reduced-motion nothing moves and every number shows at once.

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

/** How long a flow takes to cross its edge, and then to fade, at a speed multiplier (ms). */
const timing = (speed) => ({ travel: DURATIONS.travel_ms / speed, fade: DURATIONS.fade_ms / speed });

/**
 * A flow from (x1, y1) to (x2, y2): a bold stroke drawn along the edge with a dot at its head,
 * then faded once it has arrived.
 */
function travel(d, from, to, color, speed) {
  const { travel: ms, fade } = timing(speed);
  const arrive = ms / (ms + fade);
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const trail = svgEl("line", { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: color, class: "flow", "stroke-dasharray": `${length} ${length}` }, d.groups.dots);
  const drawn = [
    { strokeDashoffset: length, opacity: 0.85, easing: "ease-in-out" },
    { strokeDashoffset: 0, opacity: 0.85, offset: arrive },
    { strokeDashoffset: 0, opacity: 0 },
  ];
  track(trail.animate(drawn, { duration: ms + fade, fill: "forwards" }), () => trail.remove());
  const dot = svgEl("circle", { r: SIZES.dot_radius, cx: 0, cy: 0, fill: color, class: "dot" }, d.groups.dots);
  const moved = [
    { transform: `translate(${from.x}px, ${from.y}px)`, opacity: 1, easing: "ease-in-out" },
    { transform: `translate(${to.x}px, ${to.y}px)`, opacity: 1, offset: arrive },
    { transform: `translate(${to.x}px, ${to.y}px)`, opacity: 0 },
  ];
  track(dot.animate(moved, { duration: ms + fade, fill: "forwards" }), () => dot.remove());
}

/** Keeps a just-painted number hidden until the flows that carry it arrive, then fades it in. */
function revealOnArrival(el, speed) {
  if (!el) return;
  const { travel: ms, fade } = timing(speed);
  const frames = [{ opacity: 0 }, { opacity: 0, offset: ms / (ms + fade) }, { opacity: 1 }];
  track(el.animate(frames, { duration: ms + fade }));
}

function flash(el, speed) {
  if (!el) return;
  const frames = [{ opacity: 0.2 }, { opacity: 1 }];
  track(el.animate(frames, { duration: DURATIONS.flash_ms / speed, easing: "ease-out" }));
}

const start = (edge) => ({ x: edge.x1, y: edge.y1 });
const end = (edge) => ({ x: edge.x2, y: edge.y2 });

function forwardFlows(d, entry, speed) {
  entry.weights.forEach((_, i) => {
    const item = d.weights[keyOf.weight(entry.layer, entry.neuron, i)];
    if (item) travel(d, start(item.edge), end(item.edge), COLORS.value, speed);
  });
  const bias = d.biases[keyOf.neuron(entry.layer, entry.neuron)];
  if (bias) travel(d, start(bias.edge), end(bias.edge), COLORS.value, speed);
  revealOnArrival(d.neurons[keyOf.neuron(entry.layer, entry.neuron)]?.value, speed);
}

function outputNodes(d) {
  const last = d.geom.columns[d.geom.columns.length - 1];
  return last.nodes;
}

function deltaFlows(d, entry, speed) {
  if (entry.kind === "output_delta") {
    const node = outputNodes(d)[entry.neuron];
    if (node) travel(d, d.geom.loss, node, COLORS.gradient, speed);
  } else {
    entry.next_weights.forEach((_, k) => {
      const item = d.weights[keyOf.weight(entry.layer + 1, k, entry.neuron)];
      if (item) travel(d, end(item.edge), start(item.edge), COLORS.gradient, speed);
    });
  }
  revealOnArrival(d.neurons[keyOf.neuron(entry.layer, entry.neuron)]?.below, speed);
}

/** A gradient flows back along its edge and its label appears on arrival; an update flashes its label. */
function parameterFlow(d, item, isGradient, speed) {
  if (!item) return;
  if (!isGradient) return flash(item.label, speed);
  travel(d, end(item.edge), start(item.edge), COLORS.gradient, speed);
  revealOnArrival(item.label, speed);
}

/** Animates one trace entry on the diagram `d` at a speed multiplier. */
export function animateEntry(d, entry, speed = 1) {
  if (!d || !entry || reducedMotion() || typeof Element.prototype.animate !== "function") return;
  if (entry.kind === "neuron") forwardFlows(d, entry, speed);
  else if (entry.kind === "loss") {
    outputNodes(d).forEach((node) => travel(d, node, d.geom.loss, COLORS.value, speed));
    revealOnArrival(d.lossText, speed);
  } else if (entry.kind === "output_delta" || entry.kind === "hidden_delta") deltaFlows(d, entry, speed);
  else if (entry.kind === "weight_gradient" || entry.kind === "weight_update") {
    parameterFlow(d, d.weights[keyOf.weight(entry.layer, entry.neuron, entry.input)], entry.kind === "weight_gradient", speed);
  } else if (entry.kind === "bias_gradient" || entry.kind === "bias_update") {
    parameterFlow(d, d.biases[keyOf.neuron(entry.layer, entry.neuron)], entry.kind === "bias_gradient", speed);
  }
}
