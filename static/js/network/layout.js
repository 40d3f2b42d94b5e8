// Pure layout: layer widths → coordinates of every node, bias node and edge (SVG units).
// No DOM, no numbers of the network: only its shape. Tested by tests/js/layout.test.mjs.

import { SIZES } from "./config.js";

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/** Vertical distance between neurons and node radius, shrinking as the widest layer grows. */
export function rowMetrics(maxNeurons) {
  const rowGap = clamp(600 / Math.max(maxNeurons, 1), SIZES.min_row_gap, SIZES.row_gap);
  const radius = clamp(rowGap * 0.36, SIZES.min_radius, SIZES.max_radius);
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
  const height = bodyTop + bodyHeight + radius + SIZES.margin;
  return { width, height, radius, columns, edges, bias_edges: biasEdges, loss };
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

/** Where an edge's label may sit, best first: {x, y, anchor} ("end": the text ends at x). */
export function labelCandidates(edge, kind, radius) {
  if (kind === "bias") {
    const y = edge.y2 - radius - 4;
    const along = [0.55, 0.35, 0.75].flatMap((t) => ["start", "end"].map((anchor) => ({ ...pointAlong(edge, t), anchor })));
    return [{ x: edge.x2 + 0.6 * radius, y, anchor: "start" }, { x: edge.x2 - 0.6 * radius, y, anchor: "end" }, ...along];
  }
  // along the edge, just above it then just below it, from near the target towards the source
  return [0.8, 0.7, 0.6, 0.5, 0.4, 0.9, 0.3].flatMap((t) => {
    const p = pointAlong(edge, t);
    return [{ x: p.x, y: p.y - 3, anchor: "end" }, { x: p.x, y: p.y + 12, anchor: "end" }];
  });
}

/** The box of a text of `width` × `font` set at a candidate {x, y, anchor}. */
export function labelBox(at, width, font) {
  const left = at.anchor === "end" ? at.x - width : at.x;
  return { left, right: left + width, top: at.y - 0.95 * font, bottom: at.y + 0.3 * font };
}

function overlapArea(a, b) {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy placement of labels [{candidates, width, font}], in order: each takes its first
 * candidate that overlaps no label placed before it, else the one that overlaps least.
 * Returns the chosen candidate of each label.
 */
export function placeLabels(labels) {
  const placed = [];
  return labels.map(({ candidates, width, font }) => {
    let best = null;
    for (const at of candidates) {
      const box = labelBox(at, width, font);
      const cost = placed.reduce((sum, other) => sum + overlapArea(box, other), 0);
      if (!best || cost < best.cost) best = { at, box, cost };
      if (cost === 0) break;
    }
    placed.push(best.box);
    return best.at;
  });
}
