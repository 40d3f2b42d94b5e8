// The current sub-step's equation with its numbers, pinned under the diagram where the
// Explanation panel is not beside it (a phone, projector mode): what a number is made of stays
// in sight with the number. The Explanation panel is what screen readers hear; this copy is hidden from them.

import { el, renderTex } from "../core/dom.js";
import { explainEntry } from "./equations.js";
import { equationContext } from "./explain.js";

/** Where the Explanation panel falls below the diagram (app.css uses the same width). */
const NARROW = "(max-width: 900px)";

/** Whether the pinned equation is shown: a narrow screen or projector mode (app.css agrees). */
function wanted(app) {
  return !!app.projector || (globalThis.matchMedia && globalThis.matchMedia(NARROW).matches);
}

export function pinnedEquation(store) {
  const box = el("div", { class: "pinned-equation", "aria-hidden": "true", hidden: true });
  let shown = null;

  function show(app) {
    const { state, step } = app;
    const entries = step && step.trace && state.network && state.inputs ? store.actions.entries() : [];
    const position = Math.min(state.view.position, entries.length);
    const entry = wanted(app) && position > 0 ? entries[position - 1] : null;
    const key = entry && JSON.stringify([position, state.view.sample, state.preset, state.loss]);
    if (entry && key === shown && step === show.step) return;
    [shown, show.step] = [key, step];
    box.hidden = !entry;
    if (entry) renderTex(box, explainEntry(entry, equationContext(state)).numbers, { display: false });
    else box.replaceChildren();
  }

  if (globalThis.matchMedia) globalThis.matchMedia(NARROW).addEventListener("change", () => show(store.get()));
  return { box, show };
}
