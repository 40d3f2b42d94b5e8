// The "Training" view: dataset and training settings, "Upload CSV", "Train" / "Pause", the
// epoch counter, the live loss chart and the decision-boundary heatmap (or the fitted curve for
// 1-D data). Pause hands the trained network and one training sample to the step-through
// explainer. While it trains, the run's network and optimizer state go into the saved session
// about once a second (and when the page is hidden or closed), so a reload keeps the weights.
// Implements the view interface mount(root, store); every number shown comes from /api/train or
// /api/datasets.

import { networkWidths } from "./state.js";
import { postCsv, postTrain, wordStopped, wordTrainError } from "./train_api.js";
import { INTEGER_FIELDS, KEEP_RUN_EVERY_MS, TRAIN_LIMITS } from "./train_config.js";
import { createTrainer } from "./train_loop.js";
import { renderLab } from "./train_render.js";
import { bridgeToExplainer, defaultNetwork, describeNetwork, fits, installDefault, loadData, runFields, trainBody } from "./train_session.js";
import { validTrainValue } from "./train_state.js";
import { buildDom, showMessage } from "./train_view.js";

const PREVIEW_DELAY_MS = 150;
const PAUSED = "Paused at epoch";
const emptyHistory = () => ({ train_loss: [], test_loss: [] });

/** The lab's working memory besides the one state: the data's rows, the run so far, the last answer. */
class TrainingLab {
  constructor(root, store) {
    // run: the data and the network the loss history belongs to (the network its last answer gave).
    Object.assign(this, { root, store, data: null, csv: null, csvUploads: 0, history: emptyHistory(), epochs: 0, run: { dataKey: null, network: null } });
    Object.assign(this, { answer: null, trainer: null, updates: 0, drawPending: false, previewTimer: null, previewId: 0 });
    // errorSource: who showed the error; runNetwork: the network the state holds during this run
    // (another one there means an edit elsewhere); keptNetwork, keptAt: the run's network last
    // saved (keepRun) and when; pointsKey: what the heatmap's points layer shows (train_render.js);
    // locked: by a lesson link; runStart: the network Train started from.
    Object.assign(this, { errorSource: null, runNetwork: null, runStart: null, keptNetwork: null, keptAt: 0, pointsKey: null, locked: false });
    this.ui = buildDom(store, {
      onSetting: (f, v, input) => this.setSetting(f, v, input),
      onDataset: (name) => this.chooseDataset(name),
      onCsv: (file) => this.uploadCsv(file),
      onTrain: () => this.train(),
      onPause: () => this.pause(),
      onFresh: () => this.fresh(),
    });
    root.append(this.ui.section);
  }

  get running() {
    return Boolean(this.trainer && this.trainer.running);
  }

  /** Shows a note (or clears it with null); `detail`: the server's own words, when `text` rewords them. */
  say(text, detail = null) {
    showMessage(this.ui.note, text, detail);
  }

  /** Shows an error (or clears it with null); `source` lets a later preview clear only its own. */
  fail(text, source = "lab", detail = null) {
    showMessage(this.ui.error, text && `Error: ${text}`, detail);
    this.errorSource = text ? source : null;
  }

  /** Shows an /api/train error in the learner's words (train_api.js), after `prefix`. */
  failTraining(error, { prefix = "", source = "lab", loss = this.store.state.loss } = {}) {
    const { text, detail } = wordTrainError(error, { data: this.data, train: this.store.state.train, loss });
    this.fail(prefix + text, source, detail);
  }

  setSetting(field, value, input) {
    const ok = validTrainValue(field, value);
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    if (!ok) {
      const [low, high] = TRAIN_LIMITS[field];
      return this.fail(`${input.dataset.label} must be a ${INTEGER_FIELDS.includes(field) ? "whole " : ""}number from ${low} to ${high}`);
    }
    this.fail(null);
    this.store.update({ state: { train: { ...this.store.state.train, [field]: value } } }, "train");
    this.store.actions.save();
    this.schedulePreview();
  }

  chooseDataset(name) {
    if (name === "csv") return;
    this.csv = null;
    this.ui.setCsvOption(null);
    this.setSetting("dataset", name, this.ui.datasetSelect);
  }

  /** A run goes on only on the same data from the network it stopped at: other data or another network (a new one, an edit) start a new run. */
  syncHistory(data, network) {
    if (data.key === this.run.dataKey && network === this.run.network) return;
    Object.assign(this, { run: { dataKey: data.key, network }, history: emptyHistory(), epochs: 0 });
  }

  scheduleDraw() {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      this.drawPending = false;
      renderLab(this.ui, this);
    });
  }

  setRunning(running) {
    if (this.locked) return;
    const { ui } = this;
    // The button pressed disables itself: the keyboard focus moves to the other one, not to the page.
    const focused = [ui.trainButton, ui.pauseButton].includes(document.activeElement);
    ui.trainButton.disabled = running;
    ui.pauseButton.disabled = !running;
    ui.freshButton.disabled = running;
    for (const input of ui.dataInputs) input.disabled = running;
    ui.section.dataset.running = String(running);
    if (focused) (running ? ui.pauseButton : ui.trainButton).focus();
  }

  async currentData() {
    this.data = await loadData(this.store.state.train, this.csv, this.data);
    return this.data;
  }

  /** Without training: the current network's (or the proposed one's) predictions, via /api/train with 0 epochs. */
  async preview() {
    if (this.root.hidden || this.running) return;
    const id = ++this.previewId;
    let { loss } = this.store.state; // the loss of the request, for wording its error
    try {
      const data = await this.currentData();
      const { state } = this.store;
      const setup = fits(state.network, data) ? null : await defaultNetwork(data, state.seed);
      if (setup) loss = setup.loss;
      this.ui.showNetwork(describeNetwork(state, data, setup, this.locked));
      const body = { ...trainBody(state, data, setup ? setup.network : state.network, setup || state), epochs: 0 };
      const answer = await postTrain(body);
      if (id !== this.previewId || this.running) return;
      this.syncHistory(data, body.network);
      this.answer = answer;
      if (this.errorSource === "preview") this.fail(null);
      this.scheduleDraw();
    } catch (error) {
      if (id === this.previewId) this.failTraining(error, { source: "preview", loss });
    }
  }

  schedulePreview() {
    clearTimeout(this.previewTimer);
    if (this.root.hidden || this.running) return;
    this.previewTimer = setTimeout(() => this.preview(), PREVIEW_DELAY_MS);
  }

  onChunk(answer) {
    this.epochs += answer.epochs_done;
    this.history.train_loss.push(...answer.history.train_loss);
    this.history.test_loss.push(...answer.history.test_loss);
    this.run.network = answer.network;
    this.answer = answer;
    if (answer.stopped) {
      const { text, detail } = wordStopped(answer, this.store.state.train.epochs_per_chunk);
      this.say(`${text[0].toUpperCase()}${text.slice(1)}.`, detail);
    }
    if (performance.now() - this.keptAt >= KEEP_RUN_EVERY_MS) this.keepRun();
    this.scheduleDraw();
  }

  /**
   * Saves the state with the run's latest network and optimizer state (localStorage), so a reload
   * or a closed tab keeps the weights. The store itself keeps the network the explainer's trace
   * belongs to until Pause hands the run over (bridgeToExplainer): the explainer never shows one
   * network's numbers over another's weights. Skipped once the run has stopped or the network was
   * edited elsewhere (that edit stays).
   */
  keepRun() {
    if (!this.running || this.store.state.network !== this.runNetwork) return;
    const fields = runFields(this.trainer.current, this.store.state);
    this.keptAt = performance.now();
    if (fields.network === this.keptNetwork) return;
    this.keptNetwork = fields.network;
    this.store.actions.save({ ...this.store.state, ...fields });
  }

  /** What each request reads from the state afresh: chunk size, batch size, loss and optimizer (the editor may change them mid-run). */
  nextChunk() {
    const { train, loss, optimizer } = this.store.state;
    return { epochs: train.epochs_per_chunk, batch_size: train.batch_size, loss, optimizer };
  }

  async onError(error) {
    this.failTraining(error, { prefix: `training stopped at epoch ${this.epochs}: ` });
    this.setRunning(false);
    // The weights trained so far go into the state with their trace, unless the network was edited elsewhere meanwhile.
    const fields = runFields(this.trainer.current, this.store.state);
    const ours = this.store.state.network === this.runNetwork;
    if (ours && fields.network !== this.runStart) await this.store.actions.edit(fields);
  }

  async train() {
    if (this.running) return;
    const { store } = this;
    this.previewId += 1; // an answer to a preview still in flight is dropped
    this.fail(null);
    const notes = store.get().notes.filter((n) => !n.startsWith(PAUSED));
    if (notes.length !== store.get().notes.length) store.update({ notes }, "notes");
    this.setRunning(true);
    try {
      const data = await this.currentData();
      this.say(fits(store.state.network, data) ? null : await installDefault(store, data));
      this.ui.showNetwork(describeNetwork(store.state, data, null, this.locked));
      this.syncHistory(data, store.state.network);
      Object.assign(this, { runNetwork: store.state.network, runStart: store.state.network });
      this.trainer = createTrainer({
        body: trainBody(store.state, data),
        nextChunk: () => this.nextChunk(),
        onChunk: (answer) => this.onChunk(answer),
        onError: (error) => this.onError(error),
      });
      this.trainer.start();
    } catch (error) {
      this.failTraining(error);
      this.setRunning(false);
    }
  }

  /** Stops after the request in flight and hands network, optimizer state and sample 1 to the explainer. */
  async pause({ showNetwork = true } = {}) {
    if (!this.running) return;
    const focused = this.ui.section.contains(document.activeElement); // the Network view replaces this one: the focus follows
    this.ui.pauseButton.disabled = true;
    const current = await this.trainer.stop();
    this.setRunning(false);
    renderLab(this.ui, this);
    const k = 0;
    const text = `${PAUSED} ${this.epochs}: stepping through sample ${k + 1} with the current weights — the explainer shows how the next step would change them.`;
    this.say(text);
    this.store.update({ notes: [text] }, "notes");
    await bridgeToExplainer(this.store, current, this.data, k, { showNetwork });
    if (showNetwork && focused) document.getElementById("step-forward")?.focus();
  }

  /** The network was edited elsewhere mid-run: stop, keep the edit, say so. */
  async stopForEdit() {
    await this.trainer.stop();
    this.setRunning(false);
    this.say(`Training stopped at epoch ${this.epochs}: the network was changed elsewhere. Train starts a new run from the changed network.`);
  }

  /** "New network for this data": a fresh network in the state, and a new run (epoch 0, empty loss chart). */
  async fresh() {
    this.fail(null);
    try {
      const data = await this.currentData();
      this.say(await installDefault(this.store, data));
      this.syncHistory(data, this.store.state.network);
      this.scheduleDraw();
      this.schedulePreview();
    } catch (error) {
      this.fail(error.message);
    }
  }

  async uploadCsv(file) {
    this.fail(null);
    const widths = networkWidths(this.store.state.network);
    try {
      const rows = await postCsv(await file.text(), widths ? widths[0] : undefined);
      this.csvUploads += 1;
      this.csv = { source: "csv", upload: this.csvUploads, name: file.name, label: `your CSV (${file.name})`, input_width: rows.inputs[0].length, ...rows };
      this.ui.setCsvOption(`Your CSV: ${file.name} (${rows.inputs.length} rows)`);
      const columns = rows.header ? ` (columns ${rows.header.join(", ")})` : "";
      this.say(`Loaded ${rows.inputs.length} rows of ${file.name}${columns}: ${rows.kind}.`);
      this.schedulePreview();
    } catch (error) {
      const hint = /the network takes/.test(error.message) ? " Change the network's inputs in the editor (Architecture), then upload again." : "";
      this.fail(`${file.name} was not loaded: ${error.message.replace(/\.$/, "")}.${hint}`);
    }
  }

  /** A locked lesson link fixes the network: the lab shows it but cannot train or replace it. */
  lock() {
    this.locked = true;
    for (const node of [this.ui.trainButton, this.ui.pauseButton, this.ui.freshButton, this.ui.fileInput]) node.disabled = true;
    this.say("This lesson link is locked to its network: the training lab only shows it.");
  }

  /** Preview when the view is shown or the state's network changes; leaving the view while training pauses it. */
  watch() {
    new MutationObserver(() => {
      if (this.root.hidden && this.running) this.pause({ showNetwork: false });
      else this.schedulePreview();
    }).observe(this.root, { attributes: true, attributeFilter: ["hidden"] });
    // A reload, a closed tab or a tab sent to the background (a phone may never fire pagehide)
    // while training: the last answer's weights go into the saved state.
    addEventListener("pagehide", () => this.keepRun());
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && this.keepRun());
    let shownNetwork = this.store.state.network;
    this.store.subscribe((app) => {
      this.ui.syncSettings(app.state.train);
      if (this.running && app.state.network !== this.runNetwork) this.stopForEdit();
      if (app.state.network !== shownNetwork) {
        shownNetwork = app.state.network;
        this.schedulePreview();
      }
    });
  }
}

export function mount(root, store) {
  const lab = new TrainingLab(root, store);
  lab.ui.syncSettings(store.state.train);
  lab.setRunning(false);
  if (store.lesson && store.lesson.lock) lab.lock();
  lab.watch();
  lab.schedulePreview();
}
