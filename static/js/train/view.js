// The "Training" view: dataset and training settings, "Upload CSV", "Train" / "Pause" / "Step
// through one update", the epoch counter, the live loss chart and the decision-boundary heatmap
// (or the fitted curve for 1-D data). This module wires the lab's parts together: its DOM (dom.js), its data (data.js,
// record.js), its run loop (runner.js, loop.js), its preview (preview.js) and its drawing
// (render.js). Implements the view interface mount(root, store); every number shown comes from
// /api/train or /api/datasets.

import { el } from "../core/dom.js";
import { networkWidths } from "../core/state.js";
import { wordTrainError } from "./api.js";
import { INTEGER_FIELDS } from "./config.js";
import { createDataSource } from "./data.js";
import { buildDom, showMessage } from "./dom.js";
import { createPreview } from "./preview.js";
import { createRecord, syncHistory } from "./record.js";
import { createPainter } from "./render.js";
import { createRunner } from "./runner.js";
import { fits, installDefault, stepThrough } from "./session.js";
import { trainLimits, validTrainValue } from "./state.js";

/** The lab's note and error lines; `source` lets a later preview clear only its own error. */
function createMessages(lab) {
  let errorSource = null;
  const messages = {
    /** Shows a note (or clears it with null); `detail`: the server's own words, when `text` rewords them. */
    say: (text, detail = null) => showMessage(lab.ui.note, text, detail),
    /** Shows an error (or clears it with null). */
    fail(text, source = "lab", detail = null) {
      showMessage(lab.ui.error, text && `Error: ${text}`, detail);
      errorSource = text ? source : null;
    },
    /** Clears the error when `source` showed it. */
    clear: (source) => errorSource === source && messages.fail(null),
    /** Shows an /api/train error in the learner's words (api.js), after `prefix`. */
    failTraining(error, { prefix = "", source = "lab", loss = lab.store.state.loss } = {}) {
      const { text, detail } = wordTrainError(error, { data: lab.record.data, train: lab.store.state.train, loss });
      messages.fail(prefix + text, source, detail);
    },
  };
  return messages;
}

/** A training setting typed or chosen by the learner: into the state when valid, else said next to the settings. */
function setSetting(lab, field, value, input) {
  const ok = validTrainValue(field, value);
  input.setAttribute("aria-invalid", ok ? "false" : "true");
  if (!ok) {
    const [low, high] = trainLimits()[field];
    return lab.messages.fail(`${input.dataset.label} must be a ${INTEGER_FIELDS.includes(field) ? "whole " : ""}number from ${low} to ${high}`);
  }
  lab.messages.fail(null);
  lab.store.update({ state: { train: { ...lab.store.state.train, [field]: value } } }, "train");
  lab.store.actions.save();
  lab.preview.schedule();
}

/** A lab setting that changes no data: into the state (and the saved session). */
function setView(lab, field, value) {
  lab.store.update({ state: { train: { ...lab.store.state.train, [field]: value } } }, "train");
  lab.store.actions.save();
}

function chooseDataset(lab, name) {
  if (name === "csv") return;
  lab.source.forgetCsv();
  lab.ui.setCsvOption(null);
  setSetting(lab, "dataset", name, lab.ui.datasetSelect);
}

async function uploadCsv(lab, file) {
  lab.messages.fail(null);
  const widths = networkWidths(lab.store.state.network);
  try {
    const rows = await lab.source.upload(file, widths ? widths[0] : undefined);
    lab.ui.setCsvOption(`Your CSV: ${file.name} (${rows.inputs.length} rows)`);
    const columns = rows.header ? ` (columns ${rows.header.join(", ")})` : "";
    lab.messages.say(`Loaded ${rows.inputs.length} rows of ${file.name}${columns}: ${rows.kind}.`);
    lab.preview.schedule();
  } catch (error) {
    const hint = /the network takes/.test(error.message) ? " Change the network's inputs in the editor (Architecture), then upload again." : "";
    lab.messages.fail(`${file.name} was not loaded: ${error.message.replace(/\.$/, "")}.${hint}`);
  }
}

/** "New network for this data": a fresh network in the state, and a new run (epoch 0, empty loss chart). */
async function fresh(lab) {
  lab.messages.fail(null);
  try {
    const data = await lab.source.current();
    lab.messages.say(await installDefault(lab.store, data));
    syncHistory(lab.record, data, lab.store.state.network);
    lab.draw();
    lab.preview.schedule();
  } catch (error) {
    lab.messages.fail(error.message);
  }
}

/** "Step through one update": the explainer on the first training sample, with the network the lab holds (once it fits the data). */
async function stepThroughOne(lab) {
  lab.messages.fail(null);
  try {
    const data = await lab.source.current();
    if (!fits(lab.store.state.network, data)) return lab.messages.fail(`the network does not fit ${data.label}: Train (or "New network for this data") loads one that does`);
    await stepThrough(lab.store, data, lab.record.epochs);
    document.getElementById("step-forward")?.focus();
  } catch (error) {
    lab.messages.fail(error.message);
  }
}

/** Train / Pause / New network and the data settings as a run starts or stops. */
function setRunning(lab, running) {
  const { ui } = lab;
  // The button pressed disables itself: the keyboard focus moves to the other one, not to the page.
  const focused = [ui.trainButton, ui.pauseButton].includes(document.activeElement);
  ui.trainButton.disabled = running;
  ui.pauseButton.disabled = !running;
  ui.freshButton.disabled = running;
  ui.stepButton.disabled = running;
  for (const input of ui.dataInputs) input.disabled = running;
  ui.section.dataset.running = String(running);
  if (focused) (running ? ui.pauseButton : ui.trainButton).focus();
}

/**
 * A locked lesson link fixes its network, and training would change it: the lab says so and
 * offers nothing else (no settings, no Train, no other network's boundary).
 */
function mountLocked(root) {
  root.append(
    el("section", { class: "train-lab", "aria-label": "Training lab" }, [
      el("h2", { text: "Training lab" }),
      el("p", { class: "train-note", text: "This lesson is locked to its network, and training would change the network: the training lab is off in this lesson. Step through the network in the Network view; the page without the lesson link can train one." }),
    ]),
  );
}

/** Preview when the view is shown or the state's network changes; leaving the view while training pauses it. */
function watch(lab) {
  const { root, store, runner } = lab;
  new MutationObserver(() => {
    if (root.hidden && runner.running) runner.pause({ left: true });
    else lab.preview.schedule();
  }).observe(root, { attributes: true, attributeFilter: ["hidden"] });
  // A reload, a closed tab or a tab sent to the background (a phone may never fire pagehide)
  // while training: the last answer's weights go into the saved state.
  addEventListener("pagehide", () => runner.keepRun());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && runner.keepRun());
  let shownNetwork = store.state.network;
  store.subscribe((app) => {
    lab.ui.syncSettings(app.state.train);
    runner.onNetwork(app.state.network);
    if (app.state.network !== shownNetwork) {
      shownNetwork = app.state.network;
      lab.preview.schedule();
    }
  });
}

export function mount(root, store) {
  if (store.lesson && store.lesson.lock) return mountLocked(root);
  const lab = { root, store, record: createRecord() };
  lab.source = createDataSource(store, lab.record);
  lab.messages = createMessages(lab);
  lab.setRunning = (running) => setRunning(lab, running);
  lab.ui = buildDom(store, {
    onSetting: (field, value, input) => setSetting(lab, field, value, input),
    onDataset: (name) => chooseDataset(lab, name),
    onCsv: (file) => uploadCsv(lab, file),
    onTrain: () => lab.runner.train(),
    onPause: () => lab.runner.pause(),
    onFresh: () => fresh(lab),
    onSpeed: (value) => setView(lab, "epochs_per_second", value),
    onLogScale: (on) => {
      setView(lab, "log_loss", on);
      lab.draw();
    },
    onStepThrough: () => stepThroughOne(lab),
  });
  root.append(lab.ui.section);
  lab.draw = createPainter(lab.ui, lab.record);
  lab.runner = createRunner(lab);
  lab.preview = createPreview(lab);
  lab.ui.syncSettings(store.state.train);
  setRunning(lab, false);
  watch(lab);
  lab.preview.schedule();
}
