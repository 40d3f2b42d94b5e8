// Pure layout: layer widths → coordinates of every node, bias node and edge (SVG units).
// No DOM, no numbers of the network: only its shape. Tested by tests/js/layout.test.mjs.

import { SIZES } from "./config.js";

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/** Vertical distance between neurons and node radius, shrinking as the widest layer grows. */
export function rowMetrics(maxNeurons) {
  const rowGap = clamp(600 / Math.max(maxNeurons, 1), SIZES.min_row_gap, SIZES.row_gap);
  const radius = clamp(rowGap * 0.42, SIZES.min_radius, SIZES.max_radius);
  return { rowGap, radius };
}

/** Horizontal distance between columns, shrinking so deep networks stay a sane width. */
export function columnGap(columns) {
  if (columns <= 1) return SIZES.column_gap;
  return clamp(1000 / (columns - 1), 96, SIZES.column_gap);
}

/**
 * widths = [n_in, n_1, …, n_L]. Column 0 holds the inputs; column l + 1 holds the neurons of
 * network.layers[l]. Every column but the last has a bias node on top feeding the next one.
 * Returns {width, height, radius, columns, edges, bias_edges, loss}.
 */
export function layout(widths) {
  const maxNeurons = Math.max(...widths);
  const { rowGap, radius } = rowMetrics(maxNeurons);
  const gap = columnGap(widths.length);
  const top = SIZES.margin + radius; // y of the bias nodes
  const bodyTop = top + SIZES.bias_gap;
  const bodyHeight = (maxNeurons - 1) * rowGap;
  const centerY = bodyTop + bodyHeight / 2;
  const columns = widths.map((n, c) => {
    const x = SIZES.margin + radius + c * gap;
    const first = centerY - ((n - 1) * rowGap) / 2;
    const nodes = Array.from({ length: n }, (_, j) => ({ x, y: first + j * rowGap }));
    const bias = c < widths.length - 1 ? { x, y: top } : null;
    return { x, nodes, bias };
  });
  const edges = [];
  const biasEdges = [];
  for (let layer = 0; layer < widths.length - 1; layer += 1) {
    const from = columns[layer];
    const to = columns[layer + 1];
    to.nodes.forEach((target, neuron) => {
      from.nodes.forEach((source, input) => {
        edges.push({ layer, neuron, input, x1: source.x, y1: source.y, x2: target.x, y2: target.y });
      });
      biasEdges.push({ layer, neuron, x1: from.bias.x, y1: from.bias.y, x2: target.x, y2: target.y });
    });
  }
  const last = columns[columns.length - 1];
  const loss = { x: last.x + SIZES.loss_gap, y: centerY };
  const width = loss.x + SIZES.margin + 30;
  // below the lowest neuron: its δ label, then the column titles
  const titleY = bodyTop + bodyHeight + radius + SIZES.label_font + SIZES.title_gap;
  const height = titleY + SIZES.margin / 2;
  return { width, height, radius, rowGap, titleY, columns, edges, bias_edges: biasEdges, loss };
}

/** The point a fraction t of the way along an edge (t = 0 at its source). */
export function pointAlong(edge, t) {
  return { x: edge.x1 + t * (edge.x2 - edge.x1), y: edge.y1 + t * (edge.y2 - edge.y1) };
}

/** Stroke width for a weight: grows with |w| relative to the largest |w| in the network. */
export function edgeWidth(weight, largest) {
  const scale = largest > 0 ? Math.min(Math.abs(weight) / largest, 1) : 0;
  return SIZES.edge_min_width + scale * (SIZES.edge_max_width - SIZES.edge_min_width);
}

/** Corners of a band of half-width h around an edge: a click target with a real area. */
export function bandAround(edge, h) {
  const length = Math.hypot(edge.x2 - edge.x1, edge.y2 - edge.y1) || 1;
  const nx = (-(edge.y2 - edge.y1) / length) * h;
  const ny = ((edge.x2 - edge.x1) / length) * h;
  return [
    [edge.x1 + nx, edge.y1 + ny],
    [edge.x2 + nx, edge.y2 + ny],
    [edge.x2 - nx, edge.y2 - ny],
    [edge.x1 - nx, edge.y1 - ny],
  ];
}

/** The smallest text the diagram may render, in CSS px: below it the diagram scrolls instead of shrinking. */
export const MIN_FONT_PX = 10;

// Advance widths in em, generous enough for the bold sans-serif fonts browsers pick for
// system-ui (DejaVu Sans Bold's digits are 0.70 em): an estimate must never be too narrow.
const WIDE = "−→×+=≈";
const NARROW = ".,:;!|il'";
const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺";

function charEm(ch) {
  if (WIDE.includes(ch)) return 0.84;
  if (SUPERSCRIPT.includes(ch)) return 0.46;
  if (NARROW.includes(ch)) return 0.38;
  if (ch === " ") return 0.35;
  if (ch === "-") return 0.45;
  return 0.72;
}

/** The width of `text` set at `font` (SVG units), estimated from its characters without rendering it. */
export function textWidth(text, font) {
  return [...text].reduce((w, ch) => w + charEm(ch) * font, 0);
}

/** The font (≤ `font`) at which `text` fits a width of `room`. */
export function fitFont(text, font, room) {
  const width = textWidth(text, font);
  return width > room ? (font * room) / width : font;
}

/** Where an edge's label may sit, best first: {x, y, anchor} (anchor "middle": centred on x). */
export function labelCandidates(edge, kind, radius) {
  const along = [0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8, 0.15, 0.85];
  // on the edge, just above its line then just below it, from its middle outwards
  const onEdge = along.flatMap((t) => {
    const p = pointAlong(edge, t);
    return [{ x: p.x, y: p.y - 4, anchor: "middle" }, { x: p.x, y: p.y + 13, anchor: "middle" }];
  });
  // then a line further from the edge, still beside it
  const nearEdge = along.flatMap((t) => {
    const p = pointAlong(edge, t);
    return [{ x: p.x, y: p.y - 15, anchor: "middle" }, { x: p.x, y: p.y + 24, anchor: "middle" }];
  });
  if (kind !== "bias") return [...onEdge, ...nearEdge];
  const y = edge.y2 - radius - 4;
  return [{ x: edge.x2 + 0.6 * radius, y, anchor: "start" }, { x: edge.x2 - 0.6 * radius, y, anchor: "end" }, ...onEdge, ...nearEdge];
}

/** The box of a text of `width` × `font` set at a candidate {x, y, anchor}, with `pad` around it. */
export function labelBox(at, width, font, pad = 0) {
  const left = at.anchor === "end" ? at.x - width : at.anchor === "middle" ? at.x - width / 2 : at.x;
  return { left: left - pad, right: left + width + pad, top: at.y - 0.95 * font - pad, bottom: at.y + 0.3 * font + pad };
}

/** The square around a circle, or the box of a rectangle: what a label must not cover. */
export const circleBox = (x, y, r, pad = 0) => ({ left: x - r - pad, right: x + r + pad, top: y - r - pad, bottom: y + r + pad });

function overlapArea(a, b) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/** How much of a box lies outside the bounds {left, right, top, bottom}. */
function outside(box, bounds) {
  if (!bounds) return 0;
  const area = (box.right - box.left) * (box.bottom - box.top);
  return area - overlapArea(box, bounds);
}

/**
 * Placement of labels [{candidates, width, font}]: each takes its first candidate that overlaps
 * nothing — no other label, none of the `obstacles` (boxes of nodes and of texts that do not
 * move), and nothing outside `bounds` — else the one that overlaps least (covering an obstacle or
 * leaving the bounds costs ten times more than covering a label). A greedy pass in order, then a
 * few passes that move each label still overlapping to its best place among all the others.
 * Returns the chosen candidate of each label.
 */
export function placeLabels(labels, obstacles = [], bounds = null, pad = 1.5) {
  const boxes = [];
  const cost = (box, skip) =>
    obstacles.reduce((sum, other) => sum + 10 * overlapArea(box, other), 10 * outside(box, bounds)) +
    boxes.reduce((sum, other, k) => (k === skip || !other ? sum : sum + overlapArea(box, other)), 0);
  const best = ({ candidates, width, font }, skip) => {
    let found = null;
    for (const at of candidates) {
      const box = labelBox(at, width, font, pad);
      const c = cost(box, skip);
      if (!found || c < found.cost) found = { at, box, cost: c };
      if (c === 0) break;
    }
    return found;
  };
  const chosen = labels.map((label, i) => {
    const found = best(label, i);
    boxes[i] = found.box;
    return found;
  });
  for (let pass = 0; pass < 3 && chosen.some((c) => c.cost > 0); pass += 1) {
    labels.forEach((label, i) => {
      if (cost(boxes[i], i) === 0) return;
      chosen[i] = best(label, i);
      boxes[i] = chosen[i].box;
    });
  }
  return chosen.map((c) => c.at);
}
