// What the controls can do, in one place: every change to the state goes through edit() so the
// trace is fetched again from /api/step and the state is saved. Panels reach these through
// store.actions (see main.js).
//
// Answers can come back late and out of order (a slow network, a learner pressing ↓ through the
// presets): each kind of request keeps a counter, and an answer to anything but the latest
// request is dropped, so the last choice wins. A failed request leaves no trace (step: null);
// "Step forward" and "Reset" then ask the server again, so the page recovers without a reload.
//
// Step back crosses a finished step: each update taken keeps the step it finished (store
// `history`: the network, optimizer state and trace, newest last) so the learner can review it;
// a change to the problem (an edit, a preset) starts a new history. Bounded (steps.js withStep).
//
// Replacing a network the learner changed (a preset chosen, Reset, an import) offers Undo
// (store `undo`): the state as it was, until the learner's next change to the network.

import { getPreset, postStep } from "./api.js";
import { PHASES } from "./state.js";
import { sessionKey } from "./lesson.js";
import { fitView } from "./state.js";
import { saveLocal, STORAGE_KEY } from "./storage.js";
import { phaseAt, phaseStarts, visibleEntries, withStep } from "./steps.js";

const PRESET_FIELDS = ["network", "inputs", "targets", "loss", "optimizer"];
/** What a preset sets: two states with the same content hold the same problem and weights. */
const content = (state) => JSON.stringify(PRESET_FIELDS.map((key) => state[key]));

/**
 * Replacing the problem (a preset, a file) and the Undo it offers when the learner's work would go:
 * `loaded` is content() of the state as last loaded (a preset, a file, an undo); null: not known.
 */
function createReplacing(store, { apply, choose }) {
  let loaded = null;

  /**
   * The Undo offer for replacing the current state by `what` (a preset's title, "The imported
   * file"): the state as it is, when the learner changed it since it was loaded; else the offer
   * already made (choosing presets one after the other keeps the way back to the learner's work).
   */
  function undoOffer(what) {
    const { state } = store;
    const changed = state.network && (loaded === null || content(state) !== loaded);
    if (!changed) return store.get().undo;
    return { note: `${what} replaced your changed network.`, state: structuredClone(state), loaded, history: store.get().history };
  }

  /** Replaces the state by `patch` (a whole problem: PRESET_FIELDS), offering Undo when work would be lost. */
  async function replace(patch, what) {
    const undo = undoOffer(what);
    loaded = content({ ...store.state, ...patch });
    store.update({ undo, history: [] }, "history");
    await apply(patch);
  }

  /** Back to the state the last replacement threw away, with its history. */
  async function undoReplace() {
    const { undo } = store.get();
    if (!undo) return;
    choose();
    loaded = undo.loaded;
    store.update({ undo: null, notes: [], history: undo.history }, "history");
    const { shown } = store.state.view; // the view the learner is in stays shown
    await apply({ ...undo.state, view: shown ? { ...undo.state.view, shown } : undo.state.view });
  }

  /** A state read from a file becomes the page's (Undo offered when it replaces the learner's work). */
  async function importState(state) {
    choose();
    store.update({ notes: [] }, "notes");
    await replace(state, "The imported file");
  }

  return { replace, undoReplace, importState };
}

/** The learner's moves through the trace of the current step: the entries, a position, a phase. */
function createStepping(store, { refresh, edit, save, dropPending }) {
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
    const finished = { network: store.state.network, optimizer_state: store.state.optimizer_state, step };
    const history = withStep(store.get().history, finished);
    await edit({ network: step.network, optimizer_state: step.optimizer_state, view: { position: 0, phase: PHASES[0] } }, { keepNotes: true, history });
  }

  /** The previous sub-step; from a step's start, the end of the step taken before it (no request). */
  function stepBack() {
    if (shownWalker()?.back()) return;
    const { history } = store.get();
    if (store.state.view.position > 0 || !history.length) return goTo(store.state.view.position - 1);
    const { network, optimizer_state, step } = history.at(-1);
    dropPending(); // the answer for the later network, if still on its way, is no longer wanted
    const end = visibleEntries(step.trace, store.state.view.sample);
    const view = { position: end.length, phase: phaseAt(end, end.length) };
    store.update({ state: { network, optimizer_state, view }, step, history: history.slice(0, -1), busy: false, error: null }, "step");
    save();
  }

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
  let replacing = null; // createReplacing's: a preset or a file in place of the state, and Undo

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
  async function edit(patch, { keepNotes = false, history = [] } = {}) {
    choice++; // a preset still on its way must not overwrite this edit (apply clears `choosing`)
    if (!keepNotes && store.get().notes.length) store.update({ notes: [] }, "notes");
    if (PRESET_FIELDS.some((key) => key in patch)) store.update({ undo: null, history }, "history"); // a new change: the old state stays replaced
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
      const title = (store.get().presets.find((p) => p.name === name) || { title: name }).title;
      await replacing.replace(patch, `“${title}”`);
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

  stepping = createStepping(store, { refresh, edit, save, dropPending: () => stepRequest++ });
  replacing = createReplacing(store, { apply, choose: () => choice++ });
  const { entries, goTo, stepForward, stepBack, jumpToPhase, takeSteps } = stepping;
  const { undoReplace, importState } = replacing;
  return { refresh, edit, goTo, stepForward, stepBack, jumpToPhase, loadPreset, reset, importState, undoReplace, entries, save, takeSteps };
}
