// Pure layout of the scalar graph that POST /api/graph returns: nodes → columns, left → right,
// and a y for each node so that chains run straight and leaves sit beside their consumers.
// No DOM, no numbers of the step: only the graph's shape (ids, inputs, consumers, kind).

import { GRAPH_SIZES } from "./config.js";

/** The nodes in forward (topological) order; every input comes before the nodes that use it. */
function inForwardOrder(graph) {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const order = graph.forward_order && graph.forward_order.length ? graph.forward_order : graph.nodes.map((n) => n.id);
  return { byId, ordered: order.map((id) => byId.get(id)) };
}

/**
 * The column of every node: an operation sits one column right of its furthest input; a leaf
 * (input, weight, bias, target) sits just left of its first consumer, so w joins at the × that
 * uses it and t joins at the − instead of all leaves piling up in column 0.
 */
export function columnsOf(graph) {
  const { ordered } = inForwardOrder(graph);
  const column = new Map();
  for (const node of ordered) {
    column.set(node.id, node.inputs.length ? 1 + Math.max(...node.inputs.map((i) => column.get(i))) : 0);
  }
  for (const node of ordered) {
    if (node.inputs.length || !node.consumers.length) continue;
    column.set(node.id, Math.min(...node.consumers.map((c) => column.get(c))) - 1);
  }
  return column;
}

/** The nodes a node's y follows: an operation its operation inputs (else its leaves), a leaf its consumers. */
function anchorsOf(node, byId) {
  if (!node.inputs.length) return node.consumers;
  const operations = node.inputs.filter((i) => byId.get(i).inputs.length);
  return operations.length ? operations : node.inputs;
}

const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Places one column: each node wants the mean y of its anchors; nodes are sorted by that wish,
 * pushed apart to at least row_gap, then the column is shifted to honour the operations' wishes
 * (leaves give way, so the chain of operations stays straight).
 */
function placeColumn(ids, byId, y, sizes) {
  const wishes = ids.map((id) => {
    const node = byId.get(id);
    const anchors = anchorsOf(node, byId).filter((a) => y.has(a));
    const want = anchors.length ? mean(anchors.map((a) => y.get(a))) : y.get(id);
    return { id, want, operation: node.inputs.length > 0 };
  });
  const hasOperations = wishes.some((w) => w.operation);
  for (const w of wishes) w.weight = w.operation || !hasOperations ? 1 : 0;
  wishes.sort((a, b) => a.want - b.want || a.id - b.id);
  let previous = -Infinity;
  for (const w of wishes) {
    w.y = Math.max(w.want, previous + sizes.row_gap);
    previous = w.y;
  }
  const total = wishes.reduce((s, w) => s + w.weight, 0);
  const shift = wishes.reduce((s, w) => s + w.weight * (w.want - w.y), 0) / total;
  for (const w of wishes) y.set(w.id, w.y + shift);
  return wishes.map((w) => w.id);
}

/**
 * Where every node goes: {width, height, columns: [[id, …] top to bottom], position: Map id →
 * {x, y, column}} with (x, y) the node's centre. Deterministic: the same graph, the same picture.
 */
export function layoutGraph(graph, sizes = GRAPH_SIZES) {
  const { byId, ordered } = inForwardOrder(graph);
  const column = columnsOf(graph);
  let columns = [];
  for (const node of ordered) (columns[column.get(node.id)] ||= []).push(node.id);
  columns = Array.from(columns, (ids) => ids || []);
  const y = new Map();
  columns.forEach((ids) => ids.forEach((id, k) => y.set(id, (k - (ids.length - 1) / 2) * sizes.row_gap)));
  for (let pass = 0; pass < sizes.passes; pass++) {
    columns = columns.map((ids) => placeColumn(ids, byId, y, sizes));
  }
  const ys = [...y.values()];
  const top = ys.length ? Math.min(...ys) : 0;
  const bottom = ys.length ? Math.max(...ys) : 0;
  const position = new Map();
  columns.forEach((ids, c) => {
    for (const id of ids) {
      const x = sizes.margin + sizes.node_width / 2 + c * sizes.column_gap;
      position.set(id, { x, y: sizes.margin + sizes.node_height / 2 + (y.get(id) - top), column: c });
    }
  });
  const width = 2 * sizes.margin + sizes.node_width + Math.max(0, columns.length - 1) * sizes.column_gap;
  const height = 2 * sizes.margin + sizes.node_height + (bottom - top);
  return { width, height, columns, position };
}

/** An SVG path from the right side of `from` to the left side of `to`, a smooth S between them. */
export function edgePath(from, to, sizes = GRAPH_SIZES) {
  const x1 = from.x + sizes.node_width / 2;
  const x2 = to.x - sizes.node_width / 2;
  const bend = Math.max(12, (x2 - x1) / 2);
  const r = (v) => Math.round(v * 10) / 10;
  return `M${r(x1)},${r(from.y)} C${r(x1 + bend)},${r(from.y)} ${r(x2 - bend)},${r(to.y)} ${r(x2)},${r(to.y)}`;
}
