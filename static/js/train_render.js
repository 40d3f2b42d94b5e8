// Puts the lab's latest numbers on screen: epoch counter, metrics, loss chart, and the heatmap
// (or the 1-D curve). Data attributes mirror the API's numbers for tests and benchmarks.

import { drawChart, drawCurve, drawHeatmap, drawPointsLayer } from "./train_draw.js";
import { valueDomain } from "./train_layout.js";

function renderGrid(ui, lab, grid, data) {
  lab.updates += 1;
  const stamp = { updates: String(lab.updates), epoch: String(lab.epochs) };
  if (!grid.x2) {
    drawCurve(ui.curve, grid, data);
    Object.assign(ui.curve.dataset, stamp, { first: String(grid.values[0]) });
    return;
  }
  const domain = valueDomain(data.kind, data.targets);
  drawHeatmap(ui.heatmap, grid, domain);
  // The points only move when the data or the grid's range does: their layer is redrawn then.
  const pointsKey = JSON.stringify([data.key, grid.x1[0], grid.x1.at(-1), grid.x2[0], grid.x2.at(-1)]);
  if (pointsKey !== lab.pointsKey) {
    lab.pointsKey = pointsKey;
    drawPointsLayer(ui.pointsLayer, grid, data, domain);
  }
  ui.setRanges(grid);
  Object.assign(ui.heatmap.dataset, stamp, { corner: String(grid.values[0][0]) });
}

/** Draws everything from `lab` = {epochs, history, answer (the last /api/train answer), data}. */
export function renderLab(ui, lab) {
  const { answer, data } = lab;
  ui.epoch.textContent = String(lab.epochs);
  ui.section.dataset.epoch = String(lab.epochs);
  ui.showMetrics(answer && answer.final);
  drawChart(ui.chart, lab.history);
  ui.chart.dataset.points = String(lab.history.train_loss.length);
  ui.chart.dataset.lastTrainLoss = String(lab.history.train_loss.at(-1) ?? "");
  const grid = answer && answer.grid;
  ui.heatmapFigure.hidden = !(grid && grid.x2);
  ui.curveFigure.hidden = !(grid && !grid.x2);
  ui.noGrid.hidden = Boolean(grid) || !data || data.input_width <= 2;
  if (grid && data) renderGrid(ui, lab, grid, data);
}
