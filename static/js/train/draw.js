// Drawing of the training lab: the decision-boundary heatmap (canvas, redrawn up to 20+ times a
// second), the fitted curve for 1-D data and the loss chart (SVG). Positions and colours come
// from layout.js; the numbers come from /api/train and /api/datasets.

import { TRAIN_COLORS, TRAIN_SIZES } from "./config.js";
import { svgEl } from "../core/svg.js";
import { chartLayout, curveLayout, heatColor, plotScales, pointsLayout } from "./layout.js";

const HEAT_ALPHA = Math.round(255 * TRAIN_SIZES.heatmap_alpha); // over the box's white background

const tickText = (v) => String(Number(v.toPrecision(4)));

/** Fills an R × R image with the grid's colours; values[i][j] is at (x1[j], x2[i]), x2 upwards. */
function gridImage(grid, domain) {
  const rows = grid.values.length;
  const cols = grid.values[0].length;
  const image = new ImageData(cols, rows);
  for (let i = 0; i < rows; i++) {
    const line = grid.values[i];
    const offset = (rows - 1 - i) * cols;
    for (let j = 0; j < cols; j++) {
      const [r, g, b] = heatColor(line[j], domain);
      const p = (offset + j) * 4;
      image.data[p] = r;
      image.data[p + 1] = g;
      image.data[p + 2] = b;
      image.data[p + 3] = HEAT_ALPHA;
    }
  }
  return image;
}

function drawPoints(ctx, points, domain, scale) {
  const radius = TRAIN_SIZES.point_radius * scale;
  for (const p of points) {
    const color = `rgb(${heatColor(p.value, domain).join(",")})`;
    ctx.beginPath();
    ctx.arc(p.cx, p.cy, radius, 0, 2 * Math.PI);
    ctx.fillStyle = p.test ? TRAIN_COLORS.test_fill : color;
    ctx.strokeStyle = p.test ? color : TRAIN_COLORS.point_stroke;
    ctx.lineWidth = (p.test ? 2.4 : 1.4) * scale;
    ctx.fill();
    ctx.stroke();
  }
}

/**
 * The decision boundary: one canvas pixel per grid prediction (R × R), which CSS stretches over
 * the plot with smoothing — the cheap part that changes with every answer.
 */
export function drawHeatmap(canvas, grid, domain) {
  const rows = grid.values.length;
  const cols = grid.values[0].length;
  if (canvas.width !== cols || canvas.height !== rows) Object.assign(canvas, { width: cols, height: rows });
  canvas.getContext("2d").putImageData(gridImage(grid, domain), 0, 0);
}

/**
 * The data points over the heatmap (training points filled with a white rim, test points with a
 * dark centre), on their own canvas: redrawn only when the data or the grid's range changes.
 */
export function drawPointsLayer(canvas, grid, data, domain) {
  const scale = Math.max(1, Math.round(globalThis.devicePixelRatio || 1));
  const size = TRAIN_SIZES.plot * scale;
  if (canvas.width !== size) canvas.width = canvas.height = size;
  const ctx = canvas.getContext("2d");
  ctx.clearRect(0, 0, size, size);
  drawPoints(ctx, pointsLayout(data.inputs, data.targets, data.test_count, plotScales(grid, size)), domain, scale);
}

function axes(svg, layout, xLabel, yLabel) {
  const { plot } = layout;
  const group = svgEl("g", { class: "axes" });
  group.append(
    svgEl("line", { x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom }),
    svgEl("line", { x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom }),
  );
  for (const t of layout.x_ticks) {
    group.append(svgEl("line", { x1: t.at, y1: plot.bottom, x2: t.at, y2: plot.bottom + 4 }));
    group.append(svgEl("text", { x: t.at, y: plot.bottom + 15, class: "tick x" }, null, tickText(t.value)));
  }
  for (const t of layout.y_ticks) {
    group.append(svgEl("line", { x1: plot.left - 4, y1: t.at, x2: plot.left, y2: t.at }));
    group.append(svgEl("text", { x: plot.left - 6, y: t.at + 4, class: "tick y" }, null, t.label ?? tickText(t.value)));
  }
  const middleY = (plot.top + plot.bottom) / 2;
  group.append(
    svgEl("text", { x: (plot.left + plot.right) / 2, y: layout.height - 4, class: "axis-label" }, null, xLabel),
    svgEl("text", { x: 12, y: middleY, class: "axis-label", transform: `rotate(-90 12 ${middleY})` }, null, yLabel),
  );
  return group;
}

/** The loss chart: train and test loss per epoch as two lines, with labelled axes; `log`: a log-scale loss axis. */
export function drawChart(svg, history, log = false) {
  const layout = chartLayout(history, undefined, undefined, { log });
  svg.dataset.scale = log ? "log" : "linear";
  svg.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);
  const lines = [
    svgEl("polyline", { class: "loss-line train", points: layout.train, stroke: TRAIN_COLORS.train_loss }),
    svgEl("polyline", { class: "loss-line test", points: layout.test, stroke: TRAIN_COLORS.test_loss }),
  ];
  svg.replaceChildren(axes(svg, layout, "epoch", log ? "loss L (log scale)" : "loss L"), ...lines);
}

/** The 1-D plot: the data points (t over x) and the network's fitted curve over the grid. */
export function drawCurve(svg, grid, data) {
  const layout = curveLayout(grid, data.inputs, data.targets, data.test_count);
  svg.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);
  const dots = layout.points.map((p) =>
    svgEl("circle", { cx: p.cx.toFixed(1), cy: p.cy.toFixed(1), r: TRAIN_SIZES.point_radius, class: p.test ? "point test" : "point" }),
  );
  const curve = svgEl("polyline", { class: "fit-line", points: layout.curve, stroke: TRAIN_COLORS.curve });
  svg.replaceChildren(axes(svg, layout, "x1", "target t / prediction y"), ...dots, curve);
}
