// The training lab's DOM: settings, buttons, counter, messages and the three plots, built with
// createElement (dom.js). No behaviour here beyond calling the handlers it is given.

import { catalog } from "../core/catalog.js";
import { el, numberField, selectField } from "../core/dom.js";
import { formatNumber as fmt } from "../core/format.js";
import { svgEl } from "../core/svg.js";
import { TRAIN_COLORS, TRAIN_SPEEDS } from "./config.js";
import { trainLimits } from "./state.js";

/** [field, label, step of the box's arrows]; the box's min and max are the setting's bounds (state.js trainLimits). */
const NUMBER_FIELDS = [
  ["samples", "Samples", 1],
  ["noise", "Noise", 0.05],
  ["test_fraction", "Test share", 0.05],
  ["seed", "Data seed", 1],
  ["batch_size", "Batch size", 1],
  ["epochs_per_chunk", "Epochs per update", 1],
];
const DATA_FIELDS = ["samples", "noise", "test_fraction", "seed"];

const swatch = (color, text, shape = "block") => el("li", {}, [el("span", { class: `swatch ${shape}`, style: `background:${color}` }), el("span", { text })]);
const rgb = (c) => `rgb(${c.join(",")})`;

/** "Training speed": [value, text] per speed; the <select>'s values are strings ("" for no limit). */
const SPEED_OPTIONS = TRAIN_SPEEDS.map((v) => [v === null ? "" : String(v), v === null ? "As fast as it goes" : `${v} epoch${v === 1 ? "" : "s"}/s`]);

function plots(handlers) {
  const heatmap = el("canvas", { class: "heatmap", role: "img", "aria-label": "Decision boundary: the network's prediction over x1 (left to right) and x2 (bottom to top), with the data points" });
  const pointsLayer = el("canvas", { class: "points-layer", "aria-hidden": "true" });
  const ranges = el("p", { class: "plot-ranges" });
  const heatmapFigure = el("figure", { class: "train-figure" }, [
    el("figcaption", { text: "Decision boundary" }),
    el("div", { class: "heatmap-box" }, [heatmap, pointsLayer]),
    ranges,
    el("ul", { class: "legend" }, [
      swatch(rgb(TRAIN_COLORS.class0), "predicts 0"),
      swatch("#fff", "0.5: the boundary"),
      swatch(rgb(TRAIN_COLORS.class1), "predicts 1"),
      el("li", { text: "dots with a white rim: training points; with a dark centre: test points" }),
    ]),
  ]);
  const curve = svgEl("svg", { class: "curve-plot", role: "img", "aria-label": "Fitted curve: the network's output over x1, with the data points" });
  const curveFigure = el("figure", { class: "train-figure", hidden: true }, [
    el("figcaption", { text: "Fitted curve" }),
    curve,
    el("ul", { class: "legend" }, [swatch(TRAIN_COLORS.curve, "network output y", "line"), el("li", { text: "● training point, ○ test point" })]),
  ]);
  const chart = svgEl("svg", { class: "loss-chart", role: "img", "aria-label": "Loss per epoch: train and test" });
  const logInput = el("input", { type: "checkbox", onchange: (e) => handlers.onLogScale(e.target.checked) });
  const chartFigure = el("figure", { class: "train-figure" }, [
    el("figcaption", { class: "chart-caption" }, [el("span", { text: "Loss" }), el("label", { class: "log-scale" }, [logInput, el("span", { text: "Log scale" })])]),
    chart,
    el("ul", { class: "legend" }, [swatch(TRAIN_COLORS.train_loss, "train loss", "line"), swatch(TRAIN_COLORS.test_loss, "test loss", "line")]),
  ]);
  const noGrid = el("p", { class: "muted", hidden: true, text: "No heatmap: the data has more than 2 inputs. The loss chart still shows training." });
  return { heatmap, pointsLayer, ranges, heatmapFigure, curve, curveFigure, chart, chartFigure, logInput, noGrid };
}

function settings(store, handlers) {
  const datasetField = selectField("Dataset", catalog().datasets.map((d) => [d.name, d.title]), store.state.train.dataset, handlers.onDataset);
  const datasetSelect = datasetField.querySelector("select");
  datasetSelect.dataset.label = "Dataset";
  const inputs = {};
  const limits = trainLimits();
  const fields = NUMBER_FIELDS.map(([field, label, step]) => {
    let input;
    const [min, max] = limits[field];
    const node = numberField(label, store.state.train[field], (value) => handlers.onSetting(field, value, input), { step, min, max });
    input = node.querySelector("input");
    input.dataset.label = label;
    inputs[field] = input;
    return node;
  });
  const speedField = selectField("Training speed", SPEED_OPTIONS, String(store.state.train.epochs_per_second ?? ""), (v) => handlers.onSpeed(v === "" ? null : Number(v)));
  const speedSelect = speedField.querySelector("select");
  const fileInput = el("input", { type: "file", accept: ".csv,text/csv,text/plain", id: "train-csv" });
  fileInput.addEventListener("change", () => {
    const file = fileInput.files[0];
    if (file) handlers.onCsv(file).finally(() => (fileInput.value = ""));
  });
  const upload = el("label", { class: "field upload", for: "train-csv" }, [el("span", { text: "Upload CSV" }), fileInput]);
  return { datasetField, datasetSelect, inputs, fields, speedField, speedSelect, upload, fileInput };
}

/**
 * Shows `text` in a message element (hidden when there is none); `detail`, the server's own
 * line when `text` words it for the learner, stays one click away in a closed <details>.
 */
export function showMessage(node, text, detail = null) {
  node.replaceChildren();
  node.hidden = !text;
  if (!text) return;
  node.append(el("span", { class: "message-text", text }));
  if (detail) node.append(el("details", { class: "server-detail" }, [el("summary", { text: "The server's message" }), el("code", { text: detail })]));
}

/** Builds the view; returns the elements the panel updates and a few small setters. */
export function buildDom(store, handlers) {
  const s = settings(store, handlers);
  const p = plots(handlers);
  const trainButton = el("button", { type: "button", class: "primary", text: "Train", onclick: handlers.onTrain });
  const pauseButton = el("button", { type: "button", text: "Pause", onclick: handlers.onPause });
  const stepButton = el("button", { type: "button", text: "Step through one update", onclick: handlers.onStepThrough });
  const freshButton = el("button", { type: "button", text: "New network for this data", onclick: handlers.onFresh });
  const epoch = el("strong", { class: "epoch-value", text: "0" });
  const metrics = el("p", { class: "train-metrics" });
  const network = el("p", { class: "train-network muted" });
  const note = el("div", { class: "train-note", role: "status", hidden: true });
  const error = el("div", { class: "train-error", role: "alert", hidden: true });
  const section = el("section", { class: "train-lab", "aria-label": "Training lab" }, [
    el("h2", { text: "Training lab" }),
    el("p", { class: "muted", text: "Many steps at once: the same forward → loss → backward → update, over mini-batches of the dataset." }),
    el("fieldset", { class: "train-settings" }, [el("legend", { text: "Data and training" }), s.datasetField, ...s.fields, s.speedField, s.upload]),
    el("div", { class: "toolbar train-toolbar", role: "toolbar", "aria-label": "Training" }, [trainButton, pauseButton, stepButton, freshButton, el("p", { class: "epoch-counter" }, ["Epoch ", epoch])]),
    network,
    error,
    note,
    metrics,
    el("div", { class: "train-plots" }, [p.heatmapFigure, p.curveFigure, p.chartFigure, p.noGrid]),
  ]);

  function setCsvOption(text) {
    const old = s.datasetSelect.querySelector("option[value=csv]");
    if (old) old.remove();
    if (!text) return;
    s.datasetSelect.append(el("option", { value: "csv", text }));
    s.datasetSelect.value = "csv";
  }

  function syncSettings(train) {
    if (s.datasetSelect.value !== "csv") s.datasetSelect.value = train.dataset;
    s.speedSelect.value = String(train.epochs_per_second ?? "");
    p.logInput.checked = train.log_loss;
    for (const [field, input] of Object.entries(s.inputs)) {
      if (document.activeElement !== input && input.getAttribute("aria-invalid") !== "true") input.value = String(train[field]);
    }
  }

  function showMetrics(final) {
    if (!final) return (metrics.textContent = "");
    const parts = [`train loss ${fmt(final.train_loss)}`];
    if (final.test_loss !== null) parts.push(`test loss ${fmt(final.test_loss)}`);
    if (final.train_accuracy !== null) parts.push(`train accuracy ${(100 * final.train_accuracy).toFixed(1)}%`);
    if (final.test_accuracy !== null) parts.push(`test accuracy ${(100 * final.test_accuracy).toFixed(1)}%`);
    metrics.textContent = parts.join(" · ");
  }

  const showNetwork = (text) => (network.textContent = text);

  function setRanges(grid) {
    p.ranges.textContent = `x1 from ${fmt(grid.x1[0])} to ${fmt(grid.x1.at(-1))} (left → right), x2 from ${fmt(grid.x2[0])} to ${fmt(grid.x2.at(-1))} (bottom → top)`;
  }

  const dataInputs = [s.datasetSelect, s.fileInput, ...DATA_FIELDS.map((f) => s.inputs[f])];
  return { section, ...p, ...s, trainButton, pauseButton, stepButton, freshButton, epoch, note, error, dataInputs, setCsvOption, syncSettings, showMetrics, setRanges, showNetwork };
}
