import assert from "node:assert/strict";
import { test } from "node:test";
import { bandAround, columnGap, edgeWidth, layout, pointAlong, rowMetrics } from "../../../static/js/network/layout.js";
import { SIZES } from "../../../static/js/network/config.js";

test("a 2-2-2 network has one column per layer, every edge and a bias edge per neuron", () => {
  const g = layout([2, 2, 2]);
  assert.equal(g.columns.length, 3);
  assert.deepEqual(g.columns.map((c) => c.nodes.length), [2, 2, 2]);
  assert.equal(g.edges.length, 8);
  assert.equal(g.bias_edges.length, 4);
  assert.equal(g.columns[2].bias, null);
});

test("edges go from column l to column l + 1 and are indexed like weights[neuron][input]", () => {
  const g = layout([3, 2]);
  const e = g.edges.find((x) => x.neuron === 1 && x.input === 2);
  assert.equal(e.layer, 0);
  assert.deepEqual([e.x1, e.y1], [g.columns[0].nodes[2].x, g.columns[0].nodes[2].y]);
  assert.deepEqual([e.x2, e.y2], [g.columns[1].nodes[1].x, g.columns[1].nodes[1].y]);
});

test("columns are left to right and neurons top to bottom, the loss right of the output", () => {
  const g = layout([2, 4, 1]);
  const xs = g.columns.map((c) => c.x);
  assert.deepEqual(xs, [...xs].sort((a, b) => a - b));
  const ys = g.columns[1].nodes.map((n) => n.y);
  assert.deepEqual(ys, [...ys].sort((a, b) => a - b));
  assert.ok(g.loss.x > xs.at(-1));
  assert.ok(g.width > g.loss.x);
});

test("the 1-1-1 network and an 8-layer × 16-neuron network both fit with nodes that do not overlap", () => {
  for (const widths of [[1, 1, 1], [16, 16, 16, 16, 16, 16, 16, 16, 16]]) {
    const g = layout(widths);
    for (const col of g.columns) {
      for (let j = 1; j < col.nodes.length; j += 1) assert.ok(col.nodes[j].y - col.nodes[j - 1].y >= 2 * g.radius);
      for (const n of col.nodes) assert.ok(n.y + g.radius <= g.height && n.y - g.radius >= 0);
    }
    assert.ok(g.columns[1].x - g.columns[0].x >= 2 * g.radius);
    assert.ok(Number.isFinite(g.width) && g.width < 2000, `width ${g.width}`);
  }
});

test("bigger layers get smaller rows and radius, within the configured bounds", () => {
  const small = rowMetrics(2);
  const big = rowMetrics(16);
  assert.ok(big.rowGap < small.rowGap && big.radius <= small.radius);
  assert.ok(big.rowGap >= SIZES.min_row_gap && big.radius >= SIZES.min_radius);
  assert.ok(columnGap(9) < columnGap(3));
});

test("edge width grows with |w| and stays within its bounds", () => {
  assert.equal(edgeWidth(0, 1), SIZES.edge_min_width);
  assert.equal(edgeWidth(-2, 2), SIZES.edge_max_width);
  assert.ok(edgeWidth(0.5, 1) < edgeWidth(-0.9, 1));
  assert.equal(edgeWidth(1, 0), SIZES.edge_min_width);
});

test("pointAlong and bandAround follow the edge", () => {
  const edge = { x1: 0, y1: 0, x2: 10, y2: 0 };
  assert.deepEqual(pointAlong(edge, 0.5), { x: 5, y: 0 });
  const band = bandAround(edge, 2);
  assert.deepEqual(band.map(([, y]) => Math.abs(y)), [2, 2, 2, 2]);
});
