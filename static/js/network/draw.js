// SVG drawing of the network: render() builds the elements once per shape, paint() sets
// colours, widths and texts from the numbers revealed so far. Text goes in with textContent.

import { COLORS, SIZES } from "./config.js";
import { MIN_FONT_PX, bandAround, circleBox, edgeWidth, fitFont, labelBox, labelCandidates, placeLabels, textWidth } from "./layout.js";
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

/** Where a neuron's δ label goes: below it, or beside it when its layer is too dense for that. */
function deltaSpot(geom, node) {
  const { radius: r, rowGap } = geom;
  if (rowGap - 2 * r >= SIZES.label_font + 10) return { x: node.x, y: node.y + r + 13, anchor: "middle" };
  return { x: node.x + r + 4, y: node.y + 4, anchor: "start" };
}

function drawNode(d, node, cls, data, label) {
  const g = svgEl("g", { class: `node ${cls}` }, d.groups.nodes);
  svgEl("circle", { cx: node.x, cy: node.y, r: d.geom.radius }, g);
  const value = textEl(g, { x: node.x, y: node.y + 4, class: "node-value" }, "");
  const spot = deltaSpot(d.geom, node);
  const below = textEl(d.groups.labels, { x: spot.x, y: spot.y, class: "node-delta" }, "");
  below.style.textAnchor = spot.anchor;
  d.fixed.push(circleBox(node.x, node.y, d.geom.radius, 1));
  focusable(g, cls, data, label);
  return { g, value, below, spot };
}

function drawColumnTitles(d, network) {
  const y = d.geom.titleY;
  const title = (x, text) => {
    textEl(d.groups.titles, { x, y, class: "column-title" }, text);
    d.fixed.push(labelBox({ x, y, anchor: "middle" }, textWidth(text, SIZES.title_font), SIZES.title_font));
  };
  d.geom.columns.forEach((col, c) => {
    title(col.x, c === 0 ? "inputs" : `${c === d.geom.columns.length - 1 ? "output" : `layer ${c}`} · ${network.layers[c - 1].activation}`);
  });
  title(d.geom.loss.x, "loss");
}

const LOSS_BOX = { width: 68, height: 36 };

/** Builds every element for a network's shape. Returns the diagram handle paint() uses. */
export function render(svg, geom, network) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${geom.width} ${geom.height}`);
  // node values fit inside their circle: a typical value at this size, a longer one smaller (fitValue)
  const nodeFont = fitFont("-0.0000", SIZES.label_font, 2 * (geom.radius - SIZES.node_pad));
  // Small networks stay small and fit 70% of the screen's height, but no text renders under
  // MIN_FONT_PX: a big network (or a phone) scrolls inside the frame instead of shrinking.
  const minScale = (1.01 * MIN_FONT_PX) / Math.min(nodeFont, SIZES.label_font); // 1%: pixel rounding
  // (projector mode raises --diagram-min-font: app.css body.projector)
  svg.style.maxWidth = `min(${Math.round(geom.width * 1.5)}px, calc(70vh * ${(geom.width / geom.height).toFixed(4)}))`;
  svg.style.minWidth = `calc(var(--diagram-min-font, ${MIN_FONT_PX}px) * ${((geom.width * minScale) / MIN_FONT_PX).toFixed(3)})`;
  svg.style.setProperty("--node-font", `${nodeFont.toFixed(1)}px`);
  const groups = {};
  for (const name of ["titles", "bias", "edges", "dots", "nodes", "labels"]) groups[name] = svgEl("g", { class: name }, svg);
  // fixed: boxes of what labels must never cover (nodes, titles); bounds: the drawing, so nothing is clipped
  const d = { svg, geom, groups, nodeFont, weights: {}, biases: {}, inputs: [], neurons: {}, biasNodes: [], order: [], fixed: [] };
  d.bounds = { left: 0, top: 0, right: geom.width, bottom: geom.height };
  drawColumnTitles(d, network);
  for (const e of geom.edges) d.weights[keyOf.weight(e.layer, e.neuron, e.input)] = drawEdge(d, e, "weight");
  for (const e of geom.bias_edges) d.biases[keyOf.neuron(e.layer, e.neuron)] = drawEdge(d, e, "bias");
  geom.columns.forEach((col, c) => {
    if (col.bias) {
      const g = svgEl("g", { class: "bias-node" }, groups.nodes);
      const s = geom.radius * 0.8;
      svgEl("rect", { x: col.bias.x - s, y: col.bias.y - s, width: 2 * s, height: 2 * s, rx: 3 }, g);
      d.fixed.push(circleBox(col.bias.x, col.bias.y, s, 1));
      textEl(g, { x: col.bias.x, y: col.bias.y + 4, class: "node-value" }, "+1");
    }
    col.nodes.forEach((node, j) => {
      if (c === 0) d.inputs.push(drawNode(d, node, "input", { neuron: j }, `input x${j + 1}`));
      else d.neurons[keyOf.neuron(c - 1, j)] = drawNode(d, node, "neuron", { layer: c - 1, neuron: j }, `neuron ${j + 1} of layer ${c}`);
    });
  });
  const { loss } = geom;
  const lossG = svgEl("g", { class: "loss-node" }, groups.nodes);
  svgEl("rect", { x: loss.x - LOSS_BOX.width / 2, y: loss.y - LOSS_BOX.height / 2, ...LOSS_BOX, rx: 6 }, lossG);
  d.fixed.push(labelBox({ x: loss.x, y: loss.y + LOSS_BOX.height / 2, anchor: "middle" }, LOSS_BOX.width + 2, LOSS_BOX.height / 1.25));
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

/** Sets a node's number, shrunk when it is too long for its node (e.g. 4.386 × 10⁻⁴). */
function fitValue(node, text, font, room) {
  setText(node, text);
  const fitted = fitFont(text, font, room);
  const size = fitted < font ? `${fitted.toFixed(2)}px` : "";
  if (node.style.fontSize !== size) node.style.fontSize = size;
}

/**
 * Moves each shown weight or bias label to the first of its places on its edge where it covers
 * no node, no title, no δ and no other label, inside the drawing.
 */
function arrangeLabels(d) {
  const font = SIZES.label_font;
  const deltas = Object.values(d.neurons).filter((item) => item.below.textContent)
    .map((item) => labelBox(item.spot, textWidth(item.below.textContent, font), font, 1));
  // the current one first (it gets the best place), then biases: they have the fewest places to go
  const all = [...Object.values(d.biases), ...Object.values(d.weights)].filter((item) => item.label.textContent);
  const shown = [...all.filter((item) => item.g.classList.contains("current")), ...all.filter((item) => !item.g.classList.contains("current"))];
  const labels = shown.map((item) => ({ candidates: item.candidates, width: textWidth(item.label.textContent, font), font }));
  const spots = placeLabels(labels, [...d.fixed, ...deltas], d.bounds);
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

/** Colours an edge by its parameter and says its number: the current update "old → new", an earlier one its new value. */
function paintParameter(item, p, largest, showLabel) {
  const { value, grad, upd, active } = p;
  const color = value > 0 ? COLORS.positive : value < 0 ? COLORS.negative : COLORS.zero;
  setAttr(item.line, "stroke", color);
  setAttr(item.line, "stroke-width", edgeWidth(value, largest).toFixed(2));
  let text = fmt(value);
  let cls = "edge-label";
  if (upd) [text, cls] = [active ? `${fmt(upd.old)} → ${fmt(upd.new)}` : fmt(upd.new), "edge-label update"];
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
    const p = { value: network.layers[layer].weights[neuron][input], grad: seen.weight_grads[key], upd: seen.weight_updates[key], active };
    paintParameter(item, p, largest, !manyEdges || active || chosen);
    item.g.classList.toggle("current", active);
    item.g.classList.toggle("selected", !!chosen);
  }
  for (const [key, item] of Object.entries(d.biases)) {
    const { layer, neuron } = item.edge;
    const active = isCurrent(current, ["bias_gradient", "bias_update"], layer, neuron);
    const chosen = selected && selected.kind === "bias" && selected.layer === layer && selected.neuron === neuron;
    const p = { value: network.layers[layer].biases[neuron], grad: seen.bias_grads[key], upd: seen.bias_updates[key], active };
    paintParameter(item, p, largest, !manyEdges || active || chosen);
    item.g.classList.toggle("current", active);
    item.g.classList.toggle("selected", !!chosen);
  }
  const room = 2 * (d.geom.radius - SIZES.node_pad);
  d.inputs.forEach((item, i) => fitValue(item.value, fmt(model.input_row[i]), d.nodeFont, room));
  for (const [key, item] of Object.entries(d.neurons)) {
    const [layer, neuron] = key.split(":").map(Number);
    const value = seen.neurons[key];
    const delta = seen.deltas[key];
    fitValue(item.value, value ? fmt(value.a) : "", d.nodeFont, room);
    setText(item.below, delta ? `δ ${fmt(delta.delta)}` : "");
    item.g.classList.toggle("current", isCurrent(current, ["neuron", "output_delta", "hidden_delta"], layer, neuron));
    item.g.classList.toggle("selected", !!selected && selected.kind === "neuron" && selected.layer === layer && selected.neuron === neuron);
  }
  arrangeLabels(d);
  fitValue(d.lossText, seen.loss ? `L ${fmt(seen.loss.value)}` : "L", d.nodeFont, LOSS_BOX.width - 2 * SIZES.node_pad);
  d.lossText.parentNode.classList.toggle("current", !!current && current.kind === "loss");
}
