import assert from "node:assert/strict";
import { test } from "node:test";
import { GRAPH_SIZES } from "../../../static/js/graph/config.js";
import { columnsOf, edgePath, layoutGraph } from "../../../static/js/graph/layout.js";
import { seedNeuron, twoTwoOne } from "./fixtures.mjs";

test("seed-neuron's operations get one column each, left to right: × + σ − (·)² ½", () => {
  const g = seedNeuron();
  const column = columnsOf(g);
  const ops = g.nodes.filter((n) => n.kind === "operation");
  assert.deepEqual(ops.map((n) => column.get(n.id)), [1, 2, 3, 4, 5, 6]);
});

test("a leaf sits just left of its first consumer: w beside ×, b beside +, t beside −", () => {
  const g = seedNeuron();
  const column = columnsOf(g);
  for (const [leaf, consumer] of [[0, 2], [1, 2], [3, 4], [6, 7]]) {
    assert.equal(column.get(leaf), column.get(consumer) - 1, `${g.nodes[leaf].label} before ${g.nodes[consumer].label}`);
  }
});

test("every edge runs left to right, also where a value feeds several nodes", () => {
  for (const g of [seedNeuron(), twoTwoOne()]) {
    const { position } = layoutGraph(g);
    for (const e of g.edges) assert.ok(position.get(e.source).x < position.get(e.target).x, `edge ${e.source} → ${e.target}`);
  }
});

test("the chain of operations of seed-neuron is one straight horizontal line", () => {
  const g = seedNeuron();
  const { position } = layoutGraph(g);
  const ys = g.nodes.filter((n) => n.kind === "operation").map((n) => position.get(n.id).y);
  assert.ok(ys.every((y) => Math.abs(y - ys[0]) < 1e-9), `ys ${ys}`);
});

test("nodes of one column never overlap and everything is inside the drawing", () => {
  for (const g of [seedNeuron(), twoTwoOne()]) {
    const { position, columns, width, height } = layoutGraph(g);
    for (const ids of columns) {
      const ys = ids.map((id) => position.get(id).y);
      for (let k = 1; k < ys.length; k++) assert.ok(ys[k] - ys[k - 1] >= GRAPH_SIZES.row_gap - 1e-9, `gap ${ys[k] - ys[k - 1]}`);
    }
    for (const { x, y } of position.values()) {
      assert.ok(x - GRAPH_SIZES.node_width / 2 >= 0 && x + GRAPH_SIZES.node_width / 2 <= width);
      assert.ok(y - GRAPH_SIZES.node_height / 2 >= 0 && y + GRAPH_SIZES.node_height / 2 <= height);
    }
  }
});

test("every node is placed exactly once and the layout is deterministic", () => {
  const g = twoTwoOne();
  const a = layoutGraph(g);
  assert.equal(a.position.size, g.nodes.length);
  assert.equal(a.columns.flat().length, g.nodes.length);
  assert.deepEqual([...layoutGraph(twoTwoOne()).position], [...a.position]);
});

test("the 2-2-1 graph keeps hidden neurons apart: z1 and z2 share a column, in order", () => {
  const g = twoTwoOne();
  const { position } = layoutGraph(g);
  const z1 = position.get(7);
  const z2 = position.get(14);
  assert.equal(z1.x, z2.x);
  assert.ok(z1.y < z2.y);
});

test("an empty graph (the note for large networks) lays out to an empty drawing", () => {
  const { position, columns } = layoutGraph({ nodes: [], edges: [], forward_order: [] });
  assert.equal(position.size, 0);
  assert.equal(columns.length, 0);
});

test("an edge path leaves the source's right side and enters the target's left side", () => {
  const from = { x: 100, y: 50 };
  const to = { x: 400, y: 150 };
  const d = edgePath(from, to);
  assert.match(d, new RegExp(`^M${100 + GRAPH_SIZES.node_width / 2},50 C`));
  assert.match(d, new RegExp(` ${400 - GRAPH_SIZES.node_width / 2},150$`));
});
