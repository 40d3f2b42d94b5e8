// What the controls can do, in one place: every change to the state goes through edit() so the
// trace is fetched again from /api/step and the state is saved. Panels reach these through
// store.actions (see main.js).

import { getPreset, postStep } from "./api.js";
import { PHASES } from "./config.js";
import { saveLocal } from "./state.js";
import { phaseAt, phaseStarts, visibleEntries } from "./trace_view.js";

export function createActions(store) {
  let requestId = 0;

  /** The entries the learner steps through for the shown sample. */
  const entries = () => visibleEntries(store.get().step && store.get().step.trace, store.state.view.sample);

  async function refresh() {
    const { state } = store.get();
    if (!state.network || !state.inputs) return;
    const id = ++requestId;
    store.update({ busy: true }, "busy");
    try {
      const step = await postStep(state);
      if (id !== requestId) return;
      store.update({ step, error: step.trace ? null : step.trace_note, busy: false }, "step");
      clampPosition();
    } catch (error) {
      if (id !== requestId) return;
      store.update({ step: null, error: error.message, busy: false }, "error");
    }
  }

  function save() {
    saveLocal(store.state);
  }

  function clampPosition() {
    const { view } = store.state;
    const max = entries().length;
    if (view.position > max) store.update({ state: { view: { position: max, phase: phaseAt(entries(), max) } } }, "view");
  }

  /** Changes the state (network, inputs, loss, …) and fetches the new trace. */
  async function edit(patch) {
    store.update({ state: patch }, "edit");
    save();
    await refresh();
  }

  function goTo(position, { animate = false } = {}) {
    const list = entries();
    const clamped = Math.max(0, Math.min(position, list.length));
    const animating = animate && clamped > 0 ? list[clamped - 1] : null;
    store.update({ state: { view: { position: clamped, phase: phaseAt(list, clamped) } }, animating }, animating ? "animate" : "view");
    save();
  }

  /** The next sub-step; past the last one, the updated network becomes the current one. */
  async function stepForward() {
    const { position } = store.state.view;
    const { step } = store.get();
    if (!step || !step.trace) return;
    if (position < entries().length) return goTo(position + 1, { animate: true });
    await edit({ network: step.network, optimizer_state: step.optimizer_state, view: { position: 0, phase: PHASES[0] } });
  }

  const stepBack = () => goTo(store.state.view.position - 1);

  /** Jump to just after the first entry of a phase. */
  function jumpToPhase(phase) {
    const start = phaseStarts(entries())[phase];
    if (start !== undefined) goTo(start + 1, { animate: true });
  }

  async function loadPreset(name) {
    try {
      const preset = await getPreset(name);
      const patch = { preset: name, optimizer_state: null, view: { position: 0, phase: PHASES[0], sample: 0, selected: null } };
      for (const key of ["network", "inputs", "targets", "loss", "optimizer"]) patch[key] = preset[key];
      await edit(patch);
    } catch (error) {
      store.update({ error: error.message }, "error");
    }
  }

  /** Back to the preset as it was loaded (or to the start of the step for a custom network). */
  async function reset() {
    const { preset } = store.state;
    if (preset) return loadPreset(preset);
    return goTo(0);
  }

  return { refresh, edit, goTo, stepForward, stepBack, jumpToPhase, loadPreset, reset, entries, save };
}
