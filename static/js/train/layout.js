// Layout of the training lab's plots, pure: API numbers in, coordinates and colours out.
// No DOM here, so node can test it (tests/js/train_layout.test.mjs).

import { TRAIN_COLORS, TRAIN_SIZES } from "./config.js";

/** A linear map from [d0, d1] to [r0, r1]; a flat domain maps to the middle of the range. */
export function linearScale([d0, d1], [r0, r1]) {
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** A round step (1, 2 or 5 × 10^k) that cuts [lo, hi] into about `count` parts. */
export function niceStep(lo, hi, count = 5) {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
}

/** Every multiple of `step` in [lo, hi]. */
function multiples(lo, hi, step) {
  const ticks = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** About `count` round tick values (1, 2 or 5 × 10^k apart) within [lo, hi]. */
export function niceTicks(lo, hi, count = 5) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (hi <= lo) return [lo];
  return multiples(lo, hi, niceStep(lo, hi, count));
}

/** The smallest and largest finite number of one or more lists. */
export function extent(...lists) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const list of lists) {
    for (const v of list) {
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

/** Every k-th index of a list of length n so that at most `max` remain (the last one always kept). */
export function thinnedIndices(n, max = TRAIN_SIZES.max_chart_points) {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const every = Math.ceil(n / max);
  const picked = [];
  for (let i = 0; i < n; i += every) picked.push(i);
  if (picked.at(-1) !== n - 1) picked.push(n - 1);
  return picked;
}

function polyline(values, x, y, log = false) {
  return thinnedIndices(values.length)
    .filter((i) => Number.isFinite(values[i]) && (!log || values[i] > 0))
    .map((i) => `${x(i + 1).toFixed(1)},${y(values[i]).toFixed(1)}`)
    .join(" ");
}

const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹" };

/** "1", "10", else 10 with its power in superscript: "10⁻³". */
export function decadeLabel(power) {
  if (power === 0 || power === 1) return String(10 ** power);
  return `10${[...String(power)].map((c) => SUPERSCRIPT[c]).join("")}`;
}

/** The loss axis from 0 to the first round tick at or above the largest loss. */
function linearLossAxis(history, range) {
  const top = Math.max(extent(history.train_loss, history.test_loss)[1], 0) || 1;
  const step = niceStep(0, top, 4);
  const yMax = Math.ceil(top / step - 1e-9) * step;
  const y = linearScale([0, yMax], range);
  return { y, ticks: multiples(0, yMax, step).map((v) => ({ value: v, at: y(v) })) };
}

/** The loss axis on a log scale, from the decade below the smallest positive loss to the one above the largest. */
function logLossAxis(history, range) {
  const positive = (list) => list.filter((v) => v > 0);
  const [lo, hi] = extent(positive(history.train_loss), positive(history.test_loss));
  const low = Math.floor(Math.log10(lo));
  const high = Math.max(Math.ceil(Math.log10(hi)), low + 1);
  const scale = linearScale([low, high], range);
  const y = (v) => scale(Math.log10(v));
  const every = Math.ceil((high - low) / 6); // at most ~6 labelled decades
  const ticks = [];
  for (let p = low; p <= high; p += every) ticks.push({ value: 10 ** p, label: decadeLabel(p), at: scale(p) });
  return { y, ticks };
}

/**
 * The loss chart: epochs 1…n on x, loss on y from 0 to the largest loss, or (`log`) on a log
 * scale over whole decades, where a loss that keeps falling by the same factor is a straight line.
 * history = {train_loss: [...], test_loss: [...]} as accumulated from /api/train's answers.
 */
export function chartLayout(history, width = TRAIN_SIZES.chart_width, height = TRAIN_SIZES.chart_height, { log = false } = {}) {
  const m = TRAIN_SIZES.chart_margin;
  const n = Math.max(history.train_loss.length, history.test_loss.length);
  const axis = (log ? logLossAxis : linearLossAxis)(history, [height - m.bottom, m.top]);
  const xTicks = niceTicks(1, Math.max(n, 2), 5).filter(Number.isInteger);
  const x = linearScale([1, Math.max(n, 2)], [m.left, width - m.right]);
  const { y } = axis;
  return {
    width,
    height,
    plot: { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom },
    train: polyline(history.train_loss, x, y, log),
    test: polyline(history.test_loss, x, y, log),
    x_ticks: xTicks.map((v) => ({ value: v, at: x(v) })),
    y_ticks: axis.ticks,
  };
}

const mix = (a, b, s) => a.map((v, i) => Math.round(v + (b[i] - v) * s));

/** The heatmap colour of a prediction: orange at the domain's low end, white in the middle, blue at the high end. */
export function heatColor(value, [lo, hi]) {
  const s = hi > lo ? Math.min(1, Math.max(0, (value - lo) / (hi - lo))) : 0.5;
  const { class0, middle, class1 } = TRAIN_COLORS;
  return s < 0.5 ? mix(class0, middle, s * 2) : mix(middle, class1, (s - 0.5) * 2);
}

/**
 * Where the grid and the data points go in a square plot of `size` pixels: x1 left → right,
 * x2 bottom → top, over the grid's own range (the API's data range plus a margin).
 */
export function plotScales(grid, size) {
  const x = linearScale([grid.x1[0], grid.x1.at(-1)], [0, size]);
  const y = grid.x2 ? linearScale([grid.x2[0], grid.x2.at(-1)], [size, 0]) : null;
  return { x, y };
}

/** Data points in plot coordinates: {cx, cy, value, test} per row; the last `testCount` rows are the test set. */
export function pointsLayout(inputs, targets, testCount, scales) {
  const firstTest = inputs.length - testCount;
  return inputs.map((row, i) => ({ cx: scales.x(row[0]), cy: scales.y(row[1]), value: targets[i][0], test: i >= firstTest }));
}

/** The value domain of the colours: [0, 1] for class labels, else the targets' extent. */
export function valueDomain(kind, targets) {
  return kind === "classification" ? [0, 1] : extent(targets.map((t) => t[0]));
}

/**
 * The 1-D plot (sine, or a 1-input CSV): the fitted curve over x1 and the data points, both
 * scaled to the extent of the targets and the predictions together.
 */
export function curveLayout(grid, inputs, targets, testCount, width = TRAIN_SIZES.plot, height = TRAIN_SIZES.plot * 0.7) {
  const m = TRAIN_SIZES.chart_margin;
  const [lo, hi] = extent(targets.map((t) => t[0]), grid.values);
  const x = linearScale([grid.x1[0], grid.x1.at(-1)], [m.left, width - m.right]);
  const y = linearScale([lo, hi], [height - m.bottom, m.top]);
  const firstTest = inputs.length - testCount;
  return {
    width,
    height,
    plot: { left: m.left, right: width - m.right, top: m.top, bottom: height - m.bottom },
    curve: grid.x1.map((v, i) => `${x(v).toFixed(1)},${y(grid.values[i]).toFixed(1)}`).join(" "),
    points: inputs.map((row, i) => ({ cx: x(row[0]), cy: y(targets[i][0]), test: i >= firstTest })),
    x_ticks: niceTicks(grid.x1[0], grid.x1.at(-1), 4).map((v) => ({ value: v, at: x(v) })),
    y_ticks: niceTicks(lo, hi, 4).map((v) => ({ value: v, at: y(v) })),
  };
}
