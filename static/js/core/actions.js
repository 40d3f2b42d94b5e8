// What the controls can do, in one place: every change to the state goes through edit() so the
// trace is fetched again from /api/step and the state is saved. Panels reach these through
// store.actions (see main.js).
//
// Answers can come back late and out of order (a slow network, a learner pressing ↓ through the
// presets): each kind of request keeps a counter, and an answer to anything but the latest
// request is dropped, so the last choice wins. A failed request leaves no trace (step: null);
// "Step forward" and "Reset" then ask the server again, so the page recovers without a reload.

import { getPreset, postStep } from "./api.js";
import { PHASES } from "./state.js";
import { sessionKey } from "./lesson.js";
import { fitView } from "./state.js";
import { saveLocal, STORAGE_KEY } from "./storage.js";
import { phaseAt, phaseStarts, visibleEntries } from "./steps.js";

const PRESET_FIELDS = ["network", "inputs", "targets", "loss", "optimizer"];

/** The learner's moves through the trace of the current step: the entries, a position, a phase. */
function createStepping(store, { refresh, edit, save }) {
  const walkers = new Map(); // view id → the walk that view steps itself (see takeSteps)

  /** The entries the learner steps through for the shown sample. */
  const entries = () => visibleEntries(store.get().step && store.get().step.trace, store.state.view.sample);

  function clampPosition() {
    const { view } = store.state;
    const max = entries().length;
    if (view.position > max) store.update({ state: { view: { position: max, phase: phaseAt(entries(), max) } } }, "view");
  }

  function goTo(position, { animate = false } = {}) {
    const list = entries();
    const clamped = Math.max(0, Math.min(position, list.length));
    const animating = animate && clamped > 0 ? list[clamped - 1] : null;
    store.update({ state: { view: { position: clamped, phase: phaseAt(list, clamped) } }, animating }, animating ? "animate" : "view");
    save();
  }

  /**
   * A view that walks the step its own way (the Graph view, one operation at a time) takes Step
   * forward / back, Play, the phase buttons and the keys while it is shown: `walker` is
   * {forward(), back(), toPhase(phase)}, each answering true when it made the move; on false
   * (the walk's end or start, no walk drawn) the page's own stepping below goes on.
   */
  function takeSteps(viewId, walker) {
    walkers.set(viewId, walker);
  }

  const shownWalker = () => walkers.get(store.state.view.shown);

  /**
   * The next sub-step; past the last one, the updated network becomes the current one. With no
   * step at all (the last request failed) it asks the server again for the current state.
   */
  async function stepForward() {
    if (shownWalker()?.forward()) return;
    const { position } = store.state.view;
    const { step, busy } = store.get();
    if (!step) return busy ? undefined : refresh();
    if (!step.trace) return;
    if (position < entries().length) return goTo(position + 1, { animate: true });
    await edit({ network: step.network, optimizer_state: step.optimizer_state, view: { position: 0, phase: PHASES[0] } }, { keepNotes: true });
  }

  const stepBack = () => shownWalker()?.back() || goTo(store.state.view.position - 1);

  /** Jump to just after the first entry of a phase. */
  function jumpToPhase(phase) {
    if (shownWalker()?.toPhase(phase)) return;
    const start = phaseStarts(entries())[phase];
    if (start !== undefined) goTo(start + 1, { animate: true });
  }

  return { entries, clampPosition, goTo, stepForward, stepBack, jumpToPhase, takeSteps };
}

export function createActions(store) {
  let stepRequest = 0; // the latest /api/step request; older answers are dropped
  let choice = 0; // the learner's latest choice (a preset or an edit); a late preset is dropped
  let stepping = null; // createStepping's moves, made below: they step with refresh and edit

  async function refresh() {
    const { state } = store.get();
    if (!state.network || !state.inputs) return;
    const id = ++stepRequest;
    store.update({ busy: true }, "busy");
    try {
      const step = await postStep(state);
      if (id !== stepRequest) return;
      store.update({ step, error: step.trace ? null : step.trace_note, busy: false }, "step");
      stepping.clampPosition();
    } catch (error) {
      if (id !== stepRequest) return;
      store.update({ step: null, error: error.message, busy: false }, "error");
    }
  }

  /** Saves `state` (by default the store's) as this page's session: none for a locked lesson. */
  function save(state = store.state) {
    const key = store.lesson ? sessionKey(store.lesson) : STORAGE_KEY;
    if (key) saveLocal(state, undefined, key);
  }

  /** Drops a selection or sample the new network or batch does not have, with a note. */
  function fitSelection() {
    const { view, notes } = fitView(store.state);
    if (notes.length) store.update({ state: { view }, notes: [...store.get().notes, ...notes] }, "notes");
  }

  async function apply(patch) {
    store.update({ state: patch, choosing: null }, "edit");
    fitSelection();
    save();
    await refresh();
  }

  /**
   * Changes the state (network, inputs, loss, …) and fetches the new trace. The notes about an
   * earlier moment (a load, an import, "Paused at epoch N") go, unless `keepNotes`: the step's own
   * update and Pause's hand-over keep them.
   */
  async function edit(patch, { keepNotes = false } = {}) {
    choice++; // a preset still on its way must not overwrite this edit (apply clears `choosing`)
    if (!keepNotes && store.get().notes.length) store.update({ notes: [] }, "notes");
    await apply(patch);
  }

  /** Loads a preset as published; when the learner chose again meanwhile, this answer is dropped. */
  async function loadPreset(name) {
    const id = ++choice;
    store.update({ choosing: name }, "choosing"); // the picker keeps showing it while it loads
    try {
      const preset = await getPreset(name);
      if (id !== choice) return;
      const patch = { preset: name, optimizer_state: null, view: { position: 0, phase: PHASES[0], sample: 0, selected: null } };
      for (const key of PRESET_FIELDS) patch[key] = preset[key];
      await apply(patch);
    } catch (error) {
      if (id === choice) store.update({ error: error.message, choosing: null }, "error");
    }
  }

  /**
   * Back to the preset as published; for a network made in the lab, back to the start of the
   * step, fetching the step again (which also recovers from a failed request).
   */
  async function reset() {
    const { preset } = store.state;
    if (preset) return loadPreset(preset);
    stepping.goTo(0);
    await refresh();
  }

  stepping = createStepping(store, { refresh, edit, save });
  const { entries, goTo, stepForward, stepBack, jumpToPhase, takeSteps } = stepping;
  return { refresh, edit, goTo, stepForward, stepBack, jumpToPhase, loadPreset, reset, entries, save, takeSteps };
}
