// SVG drawing of the network: render() builds the elements once per shape, paint() sets
// colours, widths and texts from the numbers revealed so far. Text goes in with textContent.

import { COLORS, SIZES } from "./config.js";
import { MIN_FONT_PX, bandAround, edgeWidth, labelCandidates, placeLabels } from "./layout.js";
import { formatNumber as fmt, plainBiasName, plainWeightName } from "../core/format.js";
import { svgEl } from "../core/svg.js";
import { keyOf } from "./trace.js";

/** Sets an attribute only when it changes: paint() runs on every sub-step. */
function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function textEl(parent, attrs, text) {
  const el = svgEl("text", attrs, parent);
  el.textContent = text;
  return el;
}

/** A diagram element keyboard users reach with the arrow keys: the diagram is one tab stop (roving tabindex). */
function focusable(g, kind, data, label) {
  g.setAttribute("tabindex", "-1");
  g.setAttribute("role", "button");
  g.setAttribute("aria-label", label);
  g.dataset.kind = kind;
  for (const [k, v] of Object.entries(data)) g.dataset[k] = String(v);
}

function drawEdge(d, edge, kind) {
  const g = svgEl("g", { class: `edge ${kind}` }, kind === "bias" ? d.groups.bias : d.groups.edges);
  const coords = { x1: edge.x1, y1: edge.y1, x2: edge.x2, y2: edge.y2 };
  const band = bandAround(edge, 6).map((p) => p.map((v) => v.toFixed(1)).join(",")).join(" ");
  svgEl("polygon", { points: band, class: "hit" }, g);
  const line = svgEl("line", { ...coords, class: "wire" }, g);
  // A weight's label sits on its edge near the target; a bias's label above-right of its neuron;
  // paint() moves a label to another of its candidates when the first would cover another label.
  const candidates = labelCandidates(edge, kind, d.geom.radius);
  const label = textEl(d.groups.labels, { x: candidates[0].x, y: candidates[0].y, class: kind === "bias" ? "edge-label bias-label" : "edge-label" }, "");
  const name = kind === "bias" ? plainBiasName(edge.layer, edge.neuron) : plainWeightName(edge.layer, edge.neuron, edge.input);
  const data = { layer: edge.layer, neuron: edge.neuron };
  if (kind === "weight") data.input = edge.input;
  focusable(g, kind, data, name);
  return { g, line, label, edge, name, candidates };
}

function drawNode(d, node, cls, data, label) {
  const g = svgEl("g", { class: `node ${cls}` }, d.groups.nodes);
  svgEl("circle", { cx: node.x, cy: node.y, r: d.geom.radius }, g);
  const value = textEl(g, { x: node.x, y: node.y + 4, class: "node-value" }, "");
  const below = textEl(d.groups.labels, { x: node.x, y: node.y + d.geom.radius + 13, class: "node-delta" }, "");
  focusable(g, cls, data, label);
  return { g, value, below };
}

function drawColumnTitles(d, network) {
  const y = d.geom.height - 10;
  d.geom.columns.forEach((col, c) => {
    const title = c === 0 ? "inputs" : `${c === d.geom.columns.length - 1 ? "output" : `layer ${c}`} · ${network.layers[c - 1].activation}`;
    textEl(d.groups.titles, { x: col.x, y, class: "column-title" }, title);
  });
  textEl(d.groups.titles, { x: d.geom.loss.x, y, class: "column-title" }, "loss");
}

/** Builds every element for a network's shape. Returns the diagram handle paint() uses. */
export function render(svg, geom, network) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${geom.width} ${geom.height}`);
  const nodeFont = Math.max(7, geom.radius * 0.5);
  // Small networks stay small and fit 70% of the screen's height, but no text renders under
  // MIN_FONT_PX: a big network (or a phone) scrolls inside the frame instead of shrinking.
  const minScale = MIN_FONT_PX / Math.min(nodeFont, SIZES.label_font);
  const minWidth = Math.max(Math.min(geom.width, SIZES.min_diagram_px), geom.width * minScale);
  svg.style.maxWidth = `min(${Math.round(geom.width * 1.5)}px, calc(70vh * ${(geom.width / geom.height).toFixed(4)}))`;
  svg.style.minWidth = `${Math.round(minWidth)}px`;
  svg.style.setProperty("--node-font", `${nodeFont.toFixed(1)}px`);
  const groups = {};
  for (const name of ["titles", "bias", "edges", "dots", "nodes", "labels"]) groups[name] = svgEl("g", { class: name }, svg);
  const d = { svg, geom, groups, weights: {}, biases: {}, inputs: [], neurons: {}, biasNodes: [], order: [] };
  drawColumnTitles(d, network);
  for (const e of geom.edges) d.weights[keyOf.weight(e.layer, e.neuron, e.input)] = drawEdge(d, e, "weight");
  for (const e of geom.bias_edges) d.biases[keyOf.neuron(e.layer, e.neuron)] = drawEdge(d, e, "bias");
  geom.columns.forEach((col, c) => {
    if (col.bias) {
      const g = svgEl("g", { class: "bias-node" }, groups.nodes);
      const s = geom.radius * 0.8;
      svgEl("rect", { x: col.bias.x - s, y: col.bias.y - s, width: 2 * s, height: 2 * s, rx: 3 }, g);
      textEl(g, { x: col.bias.x, y: col.bias.y + 4, class: "node-value" }, "+1");
    }
    col.nodes.forEach((node, j) => {
      if (c === 0) d.inputs.push(drawNode(d, node, "input", { neuron: j }, `input x${j + 1}`));
      else d.neurons[keyOf.neuron(c - 1, j)] = drawNode(d, node, "neuron", { layer: c - 1, neuron: j }, `neuron ${j + 1} of layer ${c}`);
    });
  });
  const { loss } = geom;
  const lossG = svgEl("g", { class: "loss-node" }, groups.nodes);
  svgEl("rect", { x: loss.x - 34, y: loss.y - 18, width: 68, height: 36, rx: 6 }, lossG);
  d.lossText = textEl(lossG, { x: loss.x, y: loss.y + 4, class: "node-value" }, "L");
  focusable(lossG, "loss", {}, "loss");
  d.lossG = lossG;
  d.order = keyboardOrder(d, geom);
  d.order[0].setAttribute("tabindex", "0");
  return d;
}

/** The arrow keys' order, the order of the computation: inputs, then per neuron its weights, bias and itself, then the loss. */
function keyboardOrder(d, geom) {
  const order = d.inputs.map((item) => item.g);
  for (let c = 1; c < geom.columns.length; c += 1) {
    geom.columns[c].nodes.forEach((_, j) => {
      geom.columns[c - 1].nodes.forEach((_, i) => order.push(d.weights[keyOf.weight(c - 1, j, i)].g));
      order.push(d.biases[keyOf.neuron(c - 1, j)].g, d.neurons[keyOf.neuron(c - 1, j)].g);
    });
  }
  return [...order, d.lossG];
}

/** The elements a trace entry concerns (a neuron and its δ label, an edge and its label, the loss), or []. */
export function currentParts(d, current) {
  if (!current) return [];
  if (current.kind === "loss") return [d.lossG];
  if (current.kind.startsWith("weight_")) {
    const item = d.weights[keyOf.weight(current.layer, current.neuron, current.input)];
    return item ? [item.g, item.label] : [];
  }
  const item = (current.kind.startsWith("bias_") ? d.biases : d.neurons)[keyOf.neuron(current.layer, current.neuron)];
  return item ? [item.g, item.label || item.below] : [];
}

const charWidth = (ch) => (ch === "→" ? 1 : ch === " " ? 0.3 : 0.62);

/** A label's width in SVG units, estimated from its characters (layout must not wait for rendering). */
function labelWidth(text) {
  return [...text].reduce((w, ch) => w + charWidth(ch) * SIZES.label_font, 2);
}

/** Moves each shown weight or bias label to the first of its places where it covers no other label. */
function arrangeLabels(d) {
  // biases first: they have the fewest places to go
  const shown = [...Object.values(d.biases), ...Object.values(d.weights)].filter((item) => item.label.textContent);
  const spots = placeLabels(shown.map((item) => ({ candidates: item.candidates, width: labelWidth(item.label.textContent), font: SIZES.label_font })));
  shown.forEach((item, k) => {
    setAttr(item.label, "x", String(spots[k].x));
    setAttr(item.label, "y", String(spots[k].y));
    if (item.label.style.textAnchor !== spots[k].anchor) item.label.style.textAnchor = spots[k].anchor;
  });
}

function largestWeight(network) {
  let largest = 0;
  for (const layer of network.layers) {
    for (const row of layer.weights) for (const w of row) largest = Math.max(largest, Math.abs(w));
    for (const b of layer.biases) largest = Math.max(largest, Math.abs(b));
  }
  return largest;
}

function paintParameter(item, value, grad, upd, largest, showLabel) {
  const color = value > 0 ? COLORS.positive : value < 0 ? COLORS.negative : COLORS.zero;
  setAttr(item.line, "stroke", color);
  setAttr(item.line, "stroke-width", edgeWidth(value, largest).toFixed(2));
  let text = fmt(value);
  let cls = "edge-label";
  if (upd) [text, cls] = [`${fmt(upd.old)} → ${fmt(upd.new)}`, "edge-label update"];
  else if (grad) [text, cls] = [`∂ ${fmt(grad.grad)}`, "edge-label gradient"];
  setText(item.label, showLabel ? text : "");
  setAttr(item.label, "class", item.edge.input === undefined ? `${cls} bias-label` : cls);
  setAttr(item.g, "aria-label", `${item.name} = ${fmt(value)}${grad ? `, gradient ${fmt(grad.grad)}` : ""}${upd ? `, updated ${fmt(upd.old)} → ${fmt(upd.new)}` : ""}`);
}

function isCurrent(current, kinds, layer, neuron, input) {
  return !!current && kinds.includes(current.kind) && current.layer === layer && current.neuron === neuron &&
    (input === undefined || current.input === input);
}

/**
 * Sets what the numbers say. model = {network, input_row, seen (trace.js revealed),
 * current (entry or null), selected (state.view.selected)}.
 */
export function paint(d, model) {
  const { network, seen, current, selected } = model;
  const largest = largestWeight(network);
  const manyEdges = d.geom.edges.length + d.geom.bias_edges.length > SIZES.max_edge_labels;
  for (const [key, item] of Object.entries(d.weights)) {
    const { layer, neuron, input } = item.edge;
    const active = isCurrent(current, ["weight_gradient", "weight_update"], layer, neuron, input);
    const chosen = selected && selected.kind === "weight" && selected.layer === layer && selected.neuron === neuron && selected.input === input;
    paintParameter(item, network.layers[layer].weights[neuron][input], seen.weight_grads[key], seen.weight_updates[key], largest, !manyEdges || active || chosen);
    item.g.classList.toggle("current", active);
    item.g.classList.toggle("selected", !!chosen);
  }
  for (const [key, item] of Object.entries(d.biases)) {
    const { layer, neuron } = item.edge;
    const active = isCurrent(current, ["bias_gradient", "bias_update"], layer, neuron);
    const chosen = selected && selected.kind === "bias" && selected.layer === layer && selected.neuron === neuron;
    paintParameter(item, network.layers[layer].biases[neuron], seen.bias_grads[key], seen.bias_updates[key], largest, !manyEdges || active || chosen);
    item.g.classList.toggle("current", active);
    item.g.classList.toggle("selected", !!chosen);
  }
  d.inputs.forEach((item, i) => {
    setText(item.value, fmt(model.input_row[i]));
  });
  for (const [key, item] of Object.entries(d.neurons)) {
    const [layer, neuron] = key.split(":").map(Number);
    const value = seen.neurons[key];
    const delta = seen.deltas[key];
    setText(item.value, value ? fmt(value.a) : "");
    setText(item.below, delta ? `δ ${fmt(delta.delta)}` : "");
    item.g.classList.toggle("current", isCurrent(current, ["neuron", "output_delta", "hidden_delta"], layer, neuron));
    item.g.classList.toggle("selected", !!selected && selected.kind === "neuron" && selected.layer === layer && selected.neuron === neuron);
  }
  arrangeLabels(d);
  setText(d.lossText, seen.loss ? `L ${fmt(seen.loss.value)}` : "L");
  d.lossText.parentNode.classList.toggle("current", !!current && current.kind === "loss");
}
