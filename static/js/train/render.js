// Puts the lab's latest numbers on screen: epoch counter, metrics, loss chart, and the heatmap
// (or the 1-D curve). Data attributes mirror the API's numbers for tests and benchmarks.

import { drawChart, drawCurve, drawHeatmap, drawPointsLayer } from "./draw.js";
import { valueDomain } from "./layout.js";

function renderGrid(ui, record, grid, data) {
  record.updates += 1;
  const stamp = { updates: String(record.updates), epoch: String(record.epochs) };
  if (!grid.x2) {
    drawCurve(ui.curve, grid, data);
    Object.assign(ui.curve.dataset, stamp, { first: String(grid.values[0]) });
    return;
  }
  const domain = valueDomain(data.kind, data.targets);
  drawHeatmap(ui.heatmap, grid, domain);
  // The points only move when the data or the grid's range does: their layer is redrawn then.
  const pointsKey = JSON.stringify([data.key, grid.x1[0], grid.x1.at(-1), grid.x2[0], grid.x2.at(-1)]);
  if (pointsKey !== record.pointsKey) {
    record.pointsKey = pointsKey;
    drawPointsLayer(ui.pointsLayer, grid, data, domain);
  }
  ui.setRanges(grid);
  Object.assign(ui.heatmap.dataset, stamp, { corner: String(grid.values[0][0]) });
}

/** Draws everything from the record (record.js): {epochs, history, answer (the last /api/train answer), data}. */
export function renderLab(ui, record) {
  const { answer, data } = record;
  ui.epoch.textContent = String(record.epochs);
  ui.section.dataset.epoch = String(record.epochs);
  ui.showMetrics(answer && answer.final);
  drawChart(ui.chart, record.history, ui.logInput.checked);
  ui.chart.dataset.points = String(record.history.train_loss.length);
  ui.chart.dataset.lastTrainLoss = String(record.history.train_loss.at(-1) ?? "");
  const grid = answer && answer.grid;
  ui.heatmapFigure.hidden = !(grid && grid.x2);
  ui.curveFigure.hidden = !(grid && !grid.x2);
  ui.noGrid.hidden = Boolean(grid) || !data || data.input_width <= 2;
  if (grid && data) renderGrid(ui, record, grid, data);
}

/** Draws the record at the next animation frame, once however often it is asked for before then. */
export function createPainter(ui, record) {
  let pending = false;
  return function scheduleDraw() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      renderLab(ui, record);
    });
  };
}
