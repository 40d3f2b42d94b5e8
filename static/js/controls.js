// Stepping controls: "Step back", "Play"/"Pause", "Step forward", "Reset", the speed, the
// sample shown, the phase indicator (which also jumps to a phase) and the keys → ← space.
// Implements the panel interface mount(root, store).

import { DURATIONS, PHASES, PHASE_NAMES, SPEEDS } from "./config.js";
import { el } from "./dom.js";
import { phaseStarts } from "./trace_view.js";

const isTyping = (target) => target instanceof Element && target.closest("input, select, textarea, button, [role=button], summary, a");

export function mount(root, store) {
  let timer = null;
  const play = el("button", { type: "button", class: "primary", text: "Play", "aria-pressed": "false", "data-control": "play" });
  const back = el("button", { type: "button", text: "Step back", "aria-keyshortcuts": "ArrowLeft", onclick: () => store.actions.stepBack() });
  const forward = el("button", { type: "button", class: "primary", text: "Step forward", "aria-keyshortcuts": "ArrowRight", onclick: () => store.actions.stepForward() });
  const reset = el("button", { type: "button", text: "Reset", "data-control": "reset", onclick: () => { stop(); store.actions.reset(); } });
  play.setAttribute("aria-keyshortcuts", "Space");
  const speed = el("input", { type: "range", min: 0, max: SPEEDS.length - 1, step: 1, id: "speed", "aria-valuetext": "1×" });
  const speedOut = el("output", { for: "speed" });
  speed.addEventListener("input", () => store.actions.edit({ speed: SPEEDS[Number(speed.value)] }));
  const sample = el("select", { id: "sample" });
  sample.addEventListener("change", () => {
    store.update({ state: { view: { sample: Number(sample.value), position: 0, phase: PHASES[0] } } }, "view");
    store.actions.save();
  });
  const sampleField = el("label", { class: "field sample-field", "data-control": "sample" }, [el("span", { text: "Sample" }), sample]);
  const phaseButtons = PHASES.map((p) => el("button", { type: "button", class: "phase", "data-phase": p, text: PHASE_NAMES[p], onclick: () => store.actions.jumpToPhase(p) }));
  const phases = el("nav", { class: "phases", "aria-label": "Phase", "data-control": "phases" }, phaseButtons.flatMap((b, i) => (i ? [el("span", { class: "arrow", "aria-hidden": "true", text: "→" }), b] : [b])));
  root.append(
    phases,
    el("div", { class: "toolbar", role: "toolbar", "aria-label": "Stepping" }, [back, play, forward, reset]),
    el("div", { class: "toolbar secondary" }, [el("label", { for: "speed", class: "field", "data-control": "speed" }, [el("span", { text: "Speed" }), speed, speedOut]), sampleField]),
  );

  function tick() {
    const { state, step } = store.get();
    if (!step || !step.trace) return stop();
    store.actions.stepForward();
    timer = setTimeout(tick, DURATIONS.step_ms / state.speed);
  }
  function start() {
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    tick();
  }
  function stop() {
    clearTimeout(timer);
    timer = null;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
  }
  const toggle = () => (timer ? stop() : start());
  play.addEventListener("click", toggle);

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    if (event.key === "ArrowRight") store.actions.stepForward();
    else if (event.key === "ArrowLeft") store.actions.stepBack();
    else if (event.key === " ") toggle();
    else return;
    event.preventDefault();
  });

  store.subscribe((app) => {
    const { state, step } = app;
    const entries = store.actions.entries();
    const starts = phaseStarts(entries);
    const current = state.view.position > 0 ? state.view.phase : null;
    for (const b of phaseButtons) {
      const here = b.dataset.phase === current;
      b.classList.toggle("current", here);
      if (here) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
      b.disabled = starts[b.dataset.phase] === undefined;
    }
    back.disabled = state.view.position <= 0;
    forward.disabled = !step || !step.trace;
    speed.value = String(Math.max(0, SPEEDS.indexOf(state.speed)));
    speedOut.textContent = `${state.speed}×`;
    speed.setAttribute("aria-valuetext", `${state.speed}×`);
    const n = state.inputs ? state.inputs.length : 1;
    if (sample.options.length !== n) sample.replaceChildren(...Array.from({ length: n }, (_, i) => el("option", { value: i, text: `${i + 1} of ${n}` })));
    sample.value = String(state.view.sample);
    sampleField.hidden = n <= 1;
  });
}
