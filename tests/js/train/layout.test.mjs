import assert from "node:assert/strict";
import { test } from "node:test";
import { TRAIN_COLORS, TRAIN_SIZES } from "../../../static/js/train/config.js";
import { chartLayout, curveLayout, extent, heatColor, linearScale, niceTicks, plotScales, pointsLayout, thinnedIndices, valueDomain } from "../../../static/js/train/layout.js";
import "../core/catalog.mjs";

const pairs = (points) => points.split(" ").map((p) => p.split(",").map(Number));

test("niceTicks gives round steps of 1, 2 or 5 × 10^k covering the range", () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(1, 100, 5), [20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(0, 0.037, 4), [0, 0.01, 0.02, 0.03]);
  assert.deepEqual(niceTicks(2, 2), [2]);
  assert.deepEqual(niceTicks(0, Number.NaN), []);
});

test("linearScale maps the domain's ends to the range's ends, and a flat domain to the middle", () => {
  const s = linearScale([0, 2], [100, 0]);
  assert.equal(s(0), 100);
  assert.equal(s(2), 0);
  assert.equal(s(1), 50);
  assert.equal(linearScale([3, 3], [0, 10])(3), 5);
});

test("extent skips non-finite values and falls back to [0, 1] when nothing is finite", () => {
  assert.deepEqual(extent([3, Number.NaN, -1], [Infinity, 2]), [-1, 3]);
  assert.deepEqual(extent([]), [0, 1]);
});

test("the loss chart puts epoch 1 at the left edge, the last epoch at the right and loss 0 at the bottom", () => {
  const history = { train_loss: [0.8, 0.4, 0.2, 0.1], test_loss: [0.9, 0.5, 0.3, 0.2] };
  const layout = chartLayout(history, 400, 200);
  const train = pairs(layout.train);
  const test = pairs(layout.test);
  assert.equal(train.length, 4);
  assert.equal(test.length, 4);
  assert.equal(train[0][0], layout.plot.left);
  assert.equal(train[3][0], layout.plot.right);
  const zero = layout.y_ticks.find((t) => t.value === 0);
  assert.equal(zero.at, layout.plot.bottom);
  assert.ok(train.every(([, y], i) => i === 0 || y > train[i - 1][1]), "falling loss → rising y coordinate (SVG y points down)");
  assert.ok(test[0][1] < train[0][1], "the larger test loss is drawn higher");
  assert.ok(layout.y_ticks.at(-1).value >= 0.9, "the y axis reaches the largest loss");
});

test("an empty history draws no lines but keeps its axes", () => {
  const layout = chartLayout({ train_loss: [], test_loss: [] });
  assert.equal(layout.train, "");
  assert.equal(layout.test, "");
  assert.ok(layout.y_ticks.length > 0);
});

test("long histories are thinned for drawing but keep the first and last epoch", () => {
  const n = 5000;
  const picked = thinnedIndices(n, TRAIN_SIZES.max_chart_points);
  assert.ok(picked.length <= TRAIN_SIZES.max_chart_points + 1);
  assert.equal(picked[0], 0);
  assert.equal(picked.at(-1), n - 1);
  const history = { train_loss: Array.from({ length: n }, (_, i) => 1 / (i + 1)), test_loss: [] };
  assert.equal(pairs(chartLayout(history).train).length, picked.length);
});

test("heatColor: class 0 orange, 0.5 white, class 1 blue, clamped outside the domain", () => {
  assert.deepEqual(heatColor(0, [0, 1]), TRAIN_COLORS.class0);
  assert.deepEqual(heatColor(0.5, [0, 1]), TRAIN_COLORS.middle);
  assert.deepEqual(heatColor(1, [0, 1]), TRAIN_COLORS.class1);
  assert.deepEqual(heatColor(7, [0, 1]), TRAIN_COLORS.class1);
  assert.deepEqual(heatColor(-2, [-2, 2]), TRAIN_COLORS.class0);
});

test("points land where the grid's range puts them: x1 left → right, x2 bottom → top", () => {
  const grid = { x1: [-1, 0, 1], x2: [-2, 0, 2], values: [[0, 0, 0], [0, 0, 0], [0, 0, 0]] };
  const scales = plotScales(grid, 300);
  const points = pointsLayout([[-1, -2], [1, 2], [0, 0]], [[0], [1], [1]], 1, scales);
  assert.deepEqual(points.map((p) => [p.cx, p.cy]), [[0, 300], [300, 0], [150, 150]]);
  assert.deepEqual(points.map((p) => p.test), [false, false, true], "the last test_count rows are the test set");
});

test("the 1-D plot draws one curve point per grid value and scales to targets and predictions together", () => {
  const grid = { x1: [-1, 0, 1], x2: null, values: [-2, 0, 2] };
  const layout = curveLayout(grid, [[-1], [1]], [[-1], [1]], 1, 300, 200);
  const curve = pairs(layout.curve);
  assert.equal(curve.length, 3);
  assert.equal(curve[0][1], layout.plot.bottom, "the lowest prediction sits on the bottom edge");
  assert.equal(curve[2][1], layout.plot.top);
  assert.deepEqual(layout.points.map((p) => p.test), [false, true]);
});

test("valueDomain is [0, 1] for classes and the targets' extent for regression", () => {
  assert.deepEqual(valueDomain("classification", [[1], [0]]), [0, 1]);
  assert.deepEqual(valueDomain("regression", [[3], [-1], [2]]), [-1, 3]);
});

test("on a log scale the loss axis spans whole decades, labelled 10⁻ⁿ, and a loss falling tenfold per epoch is a straight line", () => {
  const history = { train_loss: [0.5, 0.05, 0.005, 0.0005], test_loss: [0.6, 0.06, 0, 0.0006] };
  const layout = chartLayout(history, 400, 200, { log: true });
  assert.deepEqual(layout.y_ticks.map((t) => t.label), ["10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "1"]);
  assert.equal(layout.y_ticks[0].at, layout.plot.bottom);
  assert.equal(layout.y_ticks.at(-1).at, layout.plot.top);
  const train = pairs(layout.train);
  const drops = train.slice(1).map(([, y], i) => y - train[i][1]);
  for (const d of drops) assert.ok(Math.abs(d - drops[0]) < 0.2, `equal steps: ${drops}`);
  assert.equal(pairs(layout.test).length, 3, "a loss of 0 has no place on a log axis");
});
