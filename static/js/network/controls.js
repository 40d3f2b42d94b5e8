// Stepping controls: "Step back", "Play"/"Pause", "Step forward", "Reset", the speed, the
// sample shown, the phase indicator (which also jumps to a phase) and the keys → ← PageDown PageUp space.
// Implements the panel interface mount(root, store).

import { PHASES, SPEEDS } from "../core/state.js";
import { DURATIONS, PHASE_NAMES } from "./config.js";
import { el } from "../core/dom.js";
import { phaseStarts } from "../core/steps.js";

// Space activates a focused button or link itself (and selects a focused diagram element), so
// it plays only from elsewhere. The stepping keys (← →, and a presenter remote's PageDown /
// PageUp) step wherever the focus is not in a text field: on the preset or sample picker or the
// speed slider, where a mouse choice leaves the focus, they step instead of changing it (↑ ↓
// still do that).
const isTyping = (target) => target instanceof Element && target.closest("input, select, textarea, button, [role=button], summary, a");
const NOT_TEXT = ["range", "checkbox", "radio", "button", "submit", "reset", "file", "color", "image"];
const isTextField = (target) => {
  if (!(target instanceof Element)) return false;
  if (target.closest("textarea, [contenteditable]:not([contenteditable=false])")) return true;
  return target instanceof HTMLInputElement && !NOT_TEXT.includes(target.type);
};
/** The keys that step, and which way. */
const STEP_KEYS = { ArrowRight: 1, PageDown: 1, ArrowLeft: -1, PageUp: -1 };

/** Play/Pause: one sub-step every DURATIONS.step_ms / speed; the button's name follows. */
function createPlayer(store, button) {
  let timer = null;
  function tick() {
    const { state, step } = store.get();
    if (!step || !step.trace) return stop();
    store.actions.stepForward();
    timer = setTimeout(tick, DURATIONS.step_ms / state.speed);
  }
  function stop() {
    clearTimeout(timer);
    timer = null;
    button.textContent = "Play";
    button.setAttribute("aria-pressed", "false");
  }
  function start() {
    button.textContent = "Pause";
    button.setAttribute("aria-pressed", "true");
    tick();
  }
  const toggle = () => (timer ? stop() : start());
  button.addEventListener("click", toggle);
  return { toggle, stop };
}

function bindKeys(store, player, playButton) {
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const way = STEP_KEYS[event.key];
    if (way ? isTextField(event.target) : isTyping(event.target)) return;
    if (way === 1) store.actions.stepForward();
    else if (way === -1) store.actions.stepBack();
    else if (event.key === " " && !playButton.closest(".lesson-hidden")) player.toggle(); // a lesson may hide Play
    else return;
    event.preventDefault();
  });
}

/** The controls' elements, with their actions wired. */
function build(store) {
  const button = (text, attrs) => el("button", { type: "button", text, ...attrs });
  const ui = {
    play: button("Play", { class: "primary", "aria-pressed": "false", "aria-keyshortcuts": "Space", "data-control": "play" }),
    back: button("Step back", { "aria-keyshortcuts": "ArrowLeft PageUp", onclick: () => store.actions.stepBack() }),
    forward: button("Step forward", { id: "step-forward", class: "primary", "aria-keyshortcuts": "ArrowRight PageDown", onclick: () => store.actions.stepForward() }),
    speed: el("input", { type: "range", min: 0, max: SPEEDS.length - 1, step: 1, id: "speed", "aria-valuetext": "1×" }),
    speedOut: el("output", { for: "speed" }),
    sample: el("select", { id: "sample" }),
    phaseButtons: PHASES.map((p) => button(PHASE_NAMES[p], { class: "phase", "data-phase": p, onclick: () => store.actions.jumpToPhase(p) })),
  };
  ui.player = createPlayer(store, ui.play);
  ui.reset = button("Reset", { "data-control": "reset", onclick: () => { ui.player.stop(); store.actions.reset(); } });
  ui.speed.addEventListener("input", () => {
    store.update({ state: { speed: SPEEDS[Number(ui.speed.value)] } }, "speed"); // no new trace needed
    store.actions.save();
  });
  ui.sample.addEventListener("change", () => {
    store.update({ state: { view: { sample: Number(ui.sample.value), position: 0, phase: PHASES[0] } } }, "view");
    store.actions.save();
  });
  ui.sampleField = el("span", { class: "field sample-field", "data-control": "sample" }, [el("label", { for: "sample", text: "Sample" }), ui.sample]);
  return ui;
}

function render(ui, app, entries) {
  const { state, step } = app;
  // A view that steps its own walk (the Graph view) publishes where it is: app.walk = {view,
  // count, phase, phases}; while it is shown the phase buttons and Step back follow it.
  const walk = app.walk && app.walk.view === state.view.shown ? app.walk : null;
  const starts = walk ? Object.fromEntries(walk.phases.map((p) => [p, 0])) : phaseStarts(entries);
  const current = walk ? walk.phase : state.view.position > 0 && step && step.trace ? state.view.phase : null; // no trace, no phase
  for (const b of ui.phaseButtons) {
    const here = b.dataset.phase === current;
    b.classList.toggle("current", here);
    if (here) b.setAttribute("aria-current", "step");
    else b.removeAttribute("aria-current");
    b.disabled = starts[b.dataset.phase] === undefined;
  }
  // at a step's start: back into the step taken before it, when there is one
  ui.back.disabled = (walk ? walk.count : state.view.position) <= 0 && !app.history.length;
  ui.forward.disabled = !!step && !step.trace; // with no step at all (a failed request) it asks again
  ui.speed.value = String(Math.max(0, SPEEDS.indexOf(state.speed)));
  ui.speedOut.textContent = `${state.speed}×`;
  ui.speed.setAttribute("aria-valuetext", `${state.speed}×`);
  const n = state.inputs ? state.inputs.length : 1;
  if (ui.sample.options.length !== n) ui.sample.replaceChildren(...Array.from({ length: n }, (_, i) => el("option", { value: i, text: `${i + 1} of ${n}` })));
  ui.sample.value = String(state.view.sample);
  ui.sampleField.hidden = n <= 1;
}

export function mount(root, store) {
  const ui = build(store);
  const arrows = ui.phaseButtons.flatMap((b, i) => (i ? [el("span", { class: "arrow", "aria-hidden": "true", text: "→" }), b] : [b]));
  root.append(
    el("nav", { class: "phases", "aria-label": "Phase", "data-control": "phases" }, arrows),
    el("div", { class: "toolbar", role: "toolbar", "aria-label": "Stepping" }, [ui.back, ui.play, ui.forward, ui.reset]),
    el("div", { class: "toolbar secondary" }, [
      el("label", { for: "speed", class: "field", "data-control": "speed" }, [el("span", { text: "Speed" }), ui.speed, ui.speedOut]),
      ui.sampleField,
    ]),
  );
  bindKeys(store, ui.player, ui.play);
  store.subscribe((app) => render(ui, app, store.actions.entries()));
}
