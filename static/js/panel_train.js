// The "Training" view: dataset and training settings, "Upload CSV", "Train" / "Pause", the
// epoch counter, the live loss chart and the decision-boundary heatmap (or the fitted curve for
// 1-D data). Pause hands the trained network and one training sample to the step-through
// explainer. Implements the view interface mount(root, store); every number shown comes from
// /api/train or /api/datasets.

import { postCsv, postTrain } from "./train_api.js";
import { INTEGER_FIELDS, TRAIN_LIMITS } from "./train_config.js";
import { drawChart, drawCurve, drawHeatmap, drawPointsLayer } from "./train_draw.js";
import { valueDomain } from "./train_layout.js";
import { createTrainer } from "./train_loop.js";
import { bridgeToExplainer, defaultNetwork, describeNetwork, fits, installDefault, loadData, trainBody } from "./train_session.js";
import { validTrainValue } from "./train_state.js";
import { networkWidths } from "./state.js";
import { buildDom } from "./train_view.js";

const PREVIEW_DELAY_MS = 150;
const emptyHistory = () => ({ train_loss: [], test_loss: [] });

export function mount(root, store) {
  const ui = buildDom(store, { onSetting: setSetting, onCsv: uploadCsv, onTrain: train, onPause: pause, onFresh: fresh, onDataset: chooseDataset });
  root.append(ui.section);
  // What the lab holds besides the state: the data's rows, the run so far, the last answer.
  const lab = { data: null, csv: null, history: emptyHistory(), epochs: 0, historyKey: null, answer: null, trainer: null, updates: 0, drawPending: false, previewTimer: null, previewId: 0 };

  function say(text) {
    ui.note.textContent = text || "";
    ui.note.hidden = !text;
  }
  /** Shows an error (or clears it with null); `source` lets a later preview clear only its own. */
  function fail(text, source = "lab") {
    ui.error.textContent = text ? `Error: ${text}` : "";
    ui.error.hidden = !text;
    lab.errorSource = text ? source : null;
  }

  function setSetting(field, value, input) {
    const ok = validTrainValue(field, value);
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    if (!ok) {
      const [low, high] = TRAIN_LIMITS[field];
      return fail(`${input.dataset.label} must be a ${INTEGER_FIELDS.includes(field) ? "whole " : ""}number from ${low} to ${high}`);
    }
    fail(null);
    store.update({ state: { train: { ...store.state.train, [field]: value } } }, "train");
    store.actions.save();
    schedulePreview();
  }

  function chooseDataset(name) {
    if (name === "csv") return;
    lab.csv = null;
    ui.setCsvOption(null);
    setSetting("dataset", name, ui.datasetSelect);
  }

  /** Forgets the run so far when the data or the network's shape changed. */
  function syncHistory(data, network) {
    const key = JSON.stringify([data.key, networkWidths(network)]);
    if (key === lab.historyKey) return;
    lab.historyKey = key;
    lab.history = emptyHistory();
    lab.epochs = 0;
  }

  function scheduleDraw() {
    if (lab.drawPending) return;
    lab.drawPending = true;
    requestAnimationFrame(() => {
      lab.drawPending = false;
      draw();
    });
  }

  function draw() {
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
    if (!grid || !data) return;
    lab.updates += 1;
    if (grid.x2) {
      const domain = valueDomain(data.kind, data.targets);
      drawHeatmap(ui.heatmap, grid, domain);
      const pointsKey = JSON.stringify([data.key, grid.x1[0], grid.x1.at(-1), grid.x2[0], grid.x2.at(-1)]);
      if (pointsKey !== lab.pointsKey) {
        lab.pointsKey = pointsKey;
        drawPointsLayer(ui.pointsLayer, grid, data, domain);
      }
      ui.setRanges(grid);
      Object.assign(ui.heatmap.dataset, { updates: String(lab.updates), epoch: String(lab.epochs), corner: String(grid.values[0][0]) });
    } else {
      drawCurve(ui.curve, grid, data);
      Object.assign(ui.curve.dataset, { updates: String(lab.updates), epoch: String(lab.epochs), first: String(grid.values[0]) });
    }
  }

  function setRunning(running) {
    ui.trainButton.disabled = running;
    ui.pauseButton.disabled = !running;
    ui.freshButton.disabled = running;
    for (const input of ui.dataInputs) input.disabled = running;
    ui.section.dataset.running = String(running);
  }

  async function currentData() {
    lab.data = await loadData(store.state.train, lab.csv, lab.data);
    return lab.data;
  }

  /** Without training: the current network's (or the proposed one's) predictions, via /api/train with 0 epochs. */
  async function preview() {
    if (root.hidden || (lab.trainer && lab.trainer.running)) return;
    const id = ++lab.previewId;
    try {
      const data = await currentData();
      const state = store.state;
      const setup = fits(state.network, data) ? null : await defaultNetwork(data, state.seed);
      ui.showNetwork(describeNetwork(state, data, setup));
      const body = { ...trainBody(state, data, setup ? setup.network : state.network, setup || state), epochs: 0 };
      const answer = await postTrain(body);
      if (id !== lab.previewId || (lab.trainer && lab.trainer.running)) return;
      syncHistory(data, body.network);
      lab.answer = answer;
      if (lab.errorSource === "preview") fail(null);
      scheduleDraw();
    } catch (error) {
      if (id === lab.previewId) fail(error.message, "preview");
    }
  }

  function schedulePreview() {
    clearTimeout(lab.previewTimer);
    if (root.hidden || (lab.trainer && lab.trainer.running)) return;
    lab.previewTimer = setTimeout(preview, PREVIEW_DELAY_MS);
  }

  function onChunk(answer) {
    lab.epochs += answer.epochs_done;
    lab.history.train_loss.push(...answer.history.train_loss);
    lab.history.test_loss.push(...answer.history.test_loss);
    lab.answer = answer;
    if (answer.stopped) say(`The server cut a request short: ${answer.stopped}. Lower "Epochs per update".`);
    scheduleDraw();
  }

  /** What each request reads from the state afresh: chunk size, batch size, loss and optimizer (the editor may change them mid-run). */
  function nextChunk() {
    const { train, loss, optimizer } = store.state;
    const fields = { epochs: train.epochs_per_chunk, batch_size: train.batch_size, loss, optimizer };
    if (optimizer.name !== lab.optimizerName) {
      lab.optimizerName = optimizer.name;
      fields.fresh_optimizer_state = true; // another optimizer's slots would not fit
    }
    return fields;
  }

  async function onError(error) {
    fail(`training stopped at epoch ${lab.epochs}: ${error.message}`);
    setRunning(false);
    const { network, optimizer_state } = lab.trainer.current;
    if (network !== store.state.network) await store.actions.edit({ network, optimizer_state });
  }

  async function train() {
    if (lab.trainer && lab.trainer.running) return;
    lab.previewId += 1; // an answer to a preview still in flight is dropped
    fail(null);
    const notes = store.get().notes.filter((n) => !n.startsWith("Paused at epoch"));
    if (notes.length !== store.get().notes.length) store.update({ notes }, "notes");
    setRunning(true);
    try {
      const data = await currentData();
      if (!fits(store.state.network, data)) say(await installDefault(store, data));
      else say(null);
      ui.showNetwork(describeNetwork(store.state, data, null));
      syncHistory(data, store.state.network);
      lab.runNetwork = store.state.network;
      lab.optimizerName = store.state.optimizer.name;
      lab.trainer = createTrainer({
        body: trainBody(store.state, data),
        nextChunk,
        onChunk,
        onError,
      });
      lab.trainer.start();
    } catch (error) {
      fail(error.message);
      setRunning(false);
    }
  }

  /** Stops after the request in flight and hands network, optimizer state and sample 1 to the explainer. */
  async function pause({ showNetwork = true } = {}) {
    if (!lab.trainer || !lab.trainer.running) return;
    ui.pauseButton.disabled = true;
    const current = await lab.trainer.stop();
    setRunning(false);
    draw();
    const k = 0;
    const text = `Paused at epoch ${lab.epochs}: stepping through sample ${k + 1} with the current weights — the explainer shows how the next step would change them.`;
    say(text);
    store.update({ notes: [text] }, "notes");
    await bridgeToExplainer(store, current, lab.data, k, { showNetwork });
  }

  /** The network was edited elsewhere mid-run: stop, keep the edit, say so. */
  async function stopForEdit() {
    await lab.trainer.stop();
    setRunning(false);
    say(`Training stopped at epoch ${lab.epochs}: the network was changed elsewhere. Train continues with the changed network.`);
  }

  async function fresh() {
    fail(null);
    try {
      const data = await currentData();
      say(await installDefault(store, data));
      schedulePreview();
    } catch (error) {
      fail(error.message);
    }
  }

  async function uploadCsv(file) {
    fail(null);
    const widths = networkWidths(store.state.network);
    try {
      const rows = await postCsv(await file.text(), widths ? widths[0] : undefined);
      lab.csv = { source: "csv", name: file.name, label: `your CSV (${file.name})`, input_width: rows.inputs[0].length, ...rows };
      ui.setCsvOption(`Your CSV: ${file.name} (${rows.inputs.length} rows)`);
      say(`Loaded ${rows.inputs.length} rows of ${file.name}${rows.header ? ` (columns ${rows.header.join(", ")})` : ""}: ${rows.kind}.`);
      schedulePreview();
    } catch (error) {
      fail(`${file.name} was not loaded: ${error.message}`);
    }
  }

  // Preview when the view is shown and when the state's network changes while it is shown.
  // Leaving the view while training pauses it (into the view the learner picked).
  new MutationObserver(() => {
    if (root.hidden && lab.trainer && lab.trainer.running) pause({ showNetwork: false });
    else schedulePreview();
  }).observe(root, { attributes: true, attributeFilter: ["hidden"] });
  let shownNetwork = store.state.network;
  store.subscribe((app) => {
    ui.syncSettings(app.state.train);
    const running = lab.trainer && lab.trainer.running;
    if (running && app.state.network !== lab.runNetwork && !ui.pauseButton.disabled) stopForEdit();
    if (app.state.network !== shownNetwork) {
      shownNetwork = app.state.network;
      schedulePreview();
    }
  });
  ui.syncSettings(store.state.train);
  setRunning(false);
  schedulePreview();
}
