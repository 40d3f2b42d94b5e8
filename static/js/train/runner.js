// The training lab's run: Train starts /api/train in a loop (loop.js) on the lab's data, every
// answer goes into the record and on screen, Pause hands the trained network and one training
// sample to the step-through explainer. While it trains, the run's network and optimizer state go
// into the saved session about once a second, so a reload keeps the weights.

import { wordStopped } from "./api.js";
import { KEEP_RUN_EVERY_MS } from "./config.js";
import { createTrainer } from "./loop.js";
import { addChunk, syncHistory } from "./record.js";
import { renderLab } from "./render.js";
import { bridgeToExplainer, describeNetwork, fits, installDefault, runFields, trainBody } from "./session.js";

export const PAUSED = "Paused at epoch";

/**
 * The run of a lab = {store, ui, record, source, messages, draw, preview, setRunning, locked}
 * (view.js). runNetwork: the network the state holds during this run (another one there means an
 * edit elsewhere); runStart: the network Train started from; keptNetwork, keptAt: the run's
 * network last saved (keepRun) and when.
 */
export function createRunner(lab) {
  const { store, record } = lab;
  let trainer = null;
  let runNetwork = null;
  let runStart = null;
  let keptNetwork = null;
  let keptAt = 0;
  const running = () => Boolean(trainer && trainer.running);

  /**
   * Saves the state with the run's latest network and optimizer state (localStorage), so a reload
   * or a closed tab keeps the weights. The store itself keeps the network the explainer's trace
   * belongs to until Pause hands the run over (bridgeToExplainer): the explainer never shows one
   * network's numbers over another's weights. Skipped once the run has stopped or the network was
   * edited elsewhere (that edit stays).
   */
  function keepRun() {
    if (!running() || store.state.network !== runNetwork) return;
    const fields = runFields(trainer.current, store.state);
    keptAt = performance.now();
    if (fields.network === keptNetwork) return;
    keptNetwork = fields.network;
    store.actions.save({ ...store.state, ...fields });
  }

  function onChunk(answer) {
    addChunk(record, answer);
    if (answer.stopped) {
      const { text, detail } = wordStopped(answer, store.state.train.epochs_per_chunk);
      lab.messages.say(`${text[0].toUpperCase()}${text.slice(1)}.`, detail);
    }
    if (performance.now() - keptAt >= KEEP_RUN_EVERY_MS) keepRun();
    lab.draw();
  }

  /** What each request reads from the state afresh: chunk size, batch size, loss and optimizer (the editor may change them mid-run). */
  function nextChunk() {
    const { train, loss, optimizer } = store.state;
    return { epochs: train.epochs_per_chunk, batch_size: train.batch_size, loss, optimizer };
  }

  async function onError(error) {
    lab.messages.failTraining(error, { prefix: `training stopped at epoch ${record.epochs}: ` });
    lab.setRunning(false);
    // The weights trained so far go into the state with their trace, unless the network was edited elsewhere meanwhile.
    const fields = runFields(trainer.current, store.state);
    const ours = store.state.network === runNetwork;
    if (ours && fields.network !== runStart) await store.actions.edit(fields);
  }

  /** Drops the notes of an earlier pause: a new run starts. */
  function clearPausedNotes() {
    const notes = store.get().notes.filter((n) => !n.startsWith(PAUSED));
    if (notes.length !== store.get().notes.length) store.update({ notes }, "notes");
  }

  async function train() {
    if (running()) return;
    lab.preview.cancel(); // an answer to a preview still in flight is dropped
    lab.messages.fail(null);
    clearPausedNotes();
    lab.setRunning(true);
    try {
      const data = await lab.source.current();
      lab.messages.say(fits(store.state.network, data) ? null : await installDefault(store, data));
      lab.ui.showNetwork(describeNetwork(store.state, data, null, lab.locked));
      syncHistory(record, data, store.state.network);
      runNetwork = runStart = store.state.network;
      trainer = createTrainer({ body: trainBody(store.state, data), nextChunk, onChunk, onError });
      trainer.start();
    } catch (error) {
      lab.messages.failTraining(error);
      lab.setRunning(false);
    }
  }

  /** Stops after the request in flight and hands network, optimizer state and sample 1 to the explainer. */
  async function pause({ showNetwork = true } = {}) {
    if (!running()) return;
    const focused = lab.ui.section.contains(document.activeElement); // the Network view replaces this one: the focus follows
    lab.ui.pauseButton.disabled = true;
    const current = await trainer.stop();
    lab.setRunning(false);
    renderLab(lab.ui, record);
    const k = 0;
    const text = `${PAUSED} ${record.epochs}: stepping through sample ${k + 1} with the current weights — the explainer shows how the next step would change them.`;
    lab.messages.say(text);
    store.update({ notes: [text] }, "notes");
    await bridgeToExplainer(store, current, record.data, k, { showNetwork });
    if (showNetwork && focused) document.getElementById("step-forward")?.focus();
  }

  /** The network was edited elsewhere mid-run: stop, keep the edit, say so. */
  async function stopForEdit() {
    await trainer.stop();
    lab.setRunning(false);
    lab.messages.say(`Training stopped at epoch ${record.epochs}: the network was changed elsewhere. Train starts a new run from the changed network.`);
  }

  /** Whether the state's network is no longer the one this run trains (an edit elsewhere). */
  const editedElsewhere = (network) => running() && network !== runNetwork;

  return { get running() { return running(); }, train, pause, stopForEdit, keepRun, editedElsewhere };
}
