// The training lab's run: Train starts /api/train in a loop (loop.js) on the lab's data, every
// answer goes into the record and on screen, Pause stops and keeps the trained network as the
// page's network (session.js stepThrough hands it to the explainer). While it trains, the run's network and optimizer state go
// into the saved session about once a second, so a reload keeps the weights.

import { PHASES } from "../core/state.js";
import { wordStopped } from "./api.js";
import { KEEP_RUN_EVERY_MS, STALL } from "./config.js";
import { createTrainer } from "./loop.js";
import { addChunk, stalled, syncHistory } from "./record.js";
import { renderLab } from "./render.js";
import { defaultSetup, describeNetwork, fits, installDefault, runFields, trainBody } from "./session.js";

export const PAUSED = "Paused at epoch";
/** The start of the page's note when leaving the lab paused a run (dropped when a new run starts). */
export const LEFT_PAUSED = "Training paused at epoch";

/**
 * A lab's run = {trainer, network, start, kept, keptAt}: the loop of the run (loop.js); the
 * network the state holds during this run (another one there means an edit elsewhere); the
 * network Train started from; the run's network last saved (keepRun) and when.
 * The lab = {store, ui, record, source, messages, draw, preview, setRunning} (view.js).
 */
const running = (run) => Boolean(run.trainer && run.trainer.running);

/**
 * Saves the state with the run's latest network and optimizer state (localStorage), so a reload
 * or a closed tab keeps the weights. The store itself keeps the network the explainer's trace
 * belongs to until Pause makes the run's network the page's: the explainer never shows one
 * network's numbers over another's weights. Skipped once the run has stopped or the network was
 * edited elsewhere (that edit stays).
 */
function keepRun(lab, run) {
  const { store } = lab;
  if (!running(run) || store.state.network !== run.network) return;
  const fields = runFields(run.trainer.current, store.state);
  run.keptAt = performance.now();
  if (fields.network === run.kept) return;
  run.kept = fields.network;
  store.actions.save({ ...store.state, ...fields });
}

function onChunk(lab, run, answer) {
  addChunk(lab.record, answer);
  if (answer.stopped) {
    const { text, detail } = wordStopped(answer, lab.store.state.train.epochs_per_chunk);
    lab.messages.say(`${text[0].toUpperCase()}${text.slice(1)}.`, detail);
  }
  if (!run.hinted && stalled(lab.record.history, answer.final.train_accuracy, STALL)) {
    run.hinted = true;
    lab.messages.say(stuckHint(lab, answer.final.train_accuracy));
  }
  if (performance.now() - run.keptAt >= KEEP_RUN_EVERY_MS) keepRun(lab, run);
  lab.draw();
}

/** What to try when the run is stuck: the network "New network for this data" would load, a smaller learning rate, more neurons. */
function stuckHint(lab, accuracy) {
  const { data } = lab.record;
  const setup = defaultSetup(data);
  const proposal = `${setup.widths.join("-")} (${setup.activations[0]} hidden layers, learning rate ${setup.optimizer.learning_rate})`;
  return (
    `Stuck: over the last ${STALL.window} epochs the train loss has hardly fallen and the train accuracy is ${(100 * accuracy).toFixed(1)}%. ` +
    `This network may be too small for ${data.label}, or its units saturated. Pause, then try "New network for this data" (${proposal}), a smaller learning rate, or more neurons per layer.`
  );
}

/** What each request reads from the state afresh: chunk size, batch size, loss and optimizer (the editor may change them mid-run). */
function nextChunk(store) {
  const { train, loss, optimizer } = store.state;
  return { epochs: train.epochs_per_chunk, batch_size: train.batch_size, loss, optimizer };
}

async function onError(lab, run, error) {
  const { store } = lab;
  lab.messages.failTraining(error, { prefix: `training stopped at epoch ${lab.record.epochs}: ` });
  lab.setRunning(false);
  // The weights trained so far go into the state with their trace, unless the network was edited elsewhere meanwhile.
  const fields = runFields(run.trainer.current, store.state);
  const ours = store.state.network === run.network;
  if (ours && fields.network !== run.start) await store.actions.edit(fields);
}

/** Drops the page's note of an earlier pause: a new run starts. */
function clearPausedNotes(store) {
  const notes = store.get().notes.filter((n) => !n.startsWith(LEFT_PAUSED));
  if (notes.length !== store.get().notes.length) store.update({ notes }, "notes");
}

async function train(lab, run) {
  const { store } = lab;
  if (running(run)) return;
  lab.preview.cancel(); // an answer to a preview still in flight is dropped
  lab.messages.fail(null);
  clearPausedNotes(store);
  lab.setRunning(true);
  try {
    const data = await lab.source.current();
    lab.messages.say(fits(store.state.network, data) ? null : await installDefault(store, data));
    lab.ui.showNetwork(describeNetwork(store.state, data, null));
    syncHistory(lab.record, data, store.state.network);
    run.network = run.start = store.state.network;
    run.hinted = false;
    run.trainer = createTrainer({
      body: trainBody(store.state, data),
      nextChunk: () => nextChunk(store),
      onChunk: (answer) => onChunk(lab, run, answer),
      onError: (error) => onError(lab, run, error),
      epochsPerSecond: () => store.state.train.epochs_per_second,
    });
    run.trainer.start();
  } catch (error) {
    lab.messages.failTraining(error);
    lab.setRunning(false);
  }
}

/**
 * Stops after the request in flight and stays where the learner is. The trained weights and the
 * optimizer's state become the page's network (the explainer, the gradient check, a reload and a
 * Share link all hold what the lab shows), so Train goes on from here. Leaving the lab while
 * training (`left`) pauses too, and says so in the page's note: the lab's own line is out of sight.
 */
async function pause(lab, run, { left = false } = {}) {
  if (!running(run)) return;
  const focused = document.activeElement === lab.ui.pauseButton; // it disables itself: the focus goes to Train
  lab.ui.pauseButton.disabled = true;
  const current = await run.trainer.stop();
  lab.setRunning(false);
  if (focused) lab.ui.trainButton.focus();
  renderLab(lab.ui, lab.record);
  const { store } = lab;
  const text = `${PAUSED} ${lab.record.epochs}.`;
  lab.messages.say(`${text} Train goes on from here; “Step through one update” shows the next update of these weights in the explainer.`);
  if (store.state.network !== run.network) return; // edited elsewhere meanwhile: that edit stays
  await store.actions.edit({ ...runFields(current, store.state), view: { ...store.state.view, position: 0, phase: PHASES[0] } }, { keepNotes: true });
  run.network = store.state.network;
  const note = `${LEFT_PAUSED} ${lab.record.epochs} when the Training view was left: the network holds the weights trained so far`;
  if (left) store.update({ notes: [...store.get().notes, note] }, "notes");
}

/** The network was edited elsewhere mid-run: stop, keep the edit, say so. */
async function stopForEdit(lab, run) {
  await run.trainer.stop();
  lab.setRunning(false);
  lab.messages.say(`Training stopped at epoch ${lab.record.epochs}: the network was changed elsewhere. Train starts a new run from the changed network.`);
}

/** The lab's run: Train, Pause, keepRun, and what to do when the state's network changes mid-run. */
export function createRunner(lab) {
  const run = { trainer: null, network: null, start: null, kept: null, keptAt: 0, hinted: false };
  return {
    get running() {
      return running(run);
    },
    train: () => train(lab, run),
    pause: (options) => pause(lab, run, options),
    keepRun: () => keepRun(lab, run),
    /** Stops the run when the state's network is no longer the one it trains (an edit elsewhere). */
    onNetwork(network) {
      if (running(run) && network !== run.network) stopForEdit(lab, run);
    },
  };
}
