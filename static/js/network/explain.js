// The Explanation panel (a region named "Explanation", aria-live polite): the current sub-step
// in words, its symbolic equation and the same equation with numbers, then the chain rule of
// the selected weight or bias. Implements the panel interface mount(root, store).

import { PHASE_NAMES } from "./config.js";
import { el, renderTex } from "../core/dom.js";
import { chainRule, explainEntry } from "./equations.js";
import { notation, textbookOf } from "./notation.js";
import { formatNumber as fmt } from "../core/format.js";
import { networkWidths } from "../core/state.js";
import { deltaEntry, findEntry } from "./trace.js";

/** Context the equations need: notation, activations, loss, batch, the sample's entries, textbook names. */
export function equationContext(state, entries = [], presets = []) {
  return {
    n: notation(networkWidths(state.network)),
    activations: state.network.layers.map((l) => l.activation),
    loss: state.loss,
    samples: state.inputs.length,
    sample: state.view?.sample ?? 0,
    entries,
    textbook: textbookOf(state, presets),
  };
}

function introText(app) {
  const preset = app.presets.find((p) => p.name === app.state.preset);
  const intro = "Press “Step forward” (or →) to walk through one training step: forward, loss, backward, update.";
  return preset ? `${preset.title}. ${preset.teaches} ${intro}` : intro;
}

function doneText(step) {
  return `Step complete: the loss was ${fmt(step.loss)}; with the new weights it is ${fmt(step.loss_after)}. Press “Step forward” again to keep the new weights and take the next step.`;
}

/** Why there is no trace for the current state, and what the learner can do about it. */
export function noTraceText(app) {
  if (app.busy) return "Asking the server for this network's step…";
  if (app.step && app.step.trace_note) return `The server computed the step but sent no trace: ${app.step.trace_note}.`;
  const why = app.error ? `the request for this network failed (${app.error})` : "no answer from the server yet";
  return `No trace: ${why}, so no numbers are shown. Fix the cause, or press “Step forward” or “Reset” to ask the server again.`;
}

export function mount(root, store) {
  const phase = el("p", { class: "phase-name" });
  const words = el("p", { class: "words" });
  const symbolic = el("div", { class: "eq symbolic", "aria-label": "Equation" });
  const numbers = el("div", { class: "eq numbers", "aria-label": "Equation with numbers" });
  const chainTitle = el("h3", { class: "chain-title" });
  const chainSymbolic = el("div", { class: "eq symbolic" });
  const chainNumbers = el("div", { class: "eq numbers" });
  const chain = el("div", { class: "chain", hidden: true }, [chainTitle, chainSymbolic, chainNumbers]);
  root.append(el("h2", { text: "Explanation" }), phase, words, symbolic, numbers, chain);
  let last = { step: null, view: "", presets: 0 };

  function showEntry(app, entries, ctx) {
    const position = Math.min(app.state.view.position, entries.length);
    const entry = position > 0 ? entries[position - 1] : null;
    phase.textContent = entry ? `${PHASE_NAMES[entry.phase]} · sub-step ${position} of ${entries.length}` : `Ready · ${entries.length} sub-steps`;
    if (!entry) {
      words.textContent = introText(app);
      symbolic.replaceChildren();
      numbers.replaceChildren();
      return;
    }
    const text = explainEntry(entry, ctx);
    words.textContent = position === entries.length ? `${text.words} ${doneText(app.step)}` : text.words;
    renderTex(symbolic, text.symbolic, { display: false });
    renderTex(numbers, text.numbers, { display: false });
  }

  function showChain(app, entries, ctx) {
    const s = app.state.view.selected;
    const isParam = s && (s.kind === "weight" || s.kind === "bias");
    const rule = isParam && chainRule(s, deltaEntry(entries, s.layer, s.neuron), findEntry(entries, `${s.kind}_gradient`, s.layer, s.neuron, s.kind === "weight" ? s.input : undefined), ctx);
    chain.hidden = !rule;
    if (!rule) return;
    chainTitle.textContent = rule.title;
    renderTex(chainSymbolic, rule.symbolic, { display: false });
    renderTex(chainNumbers, rule.numbers, { display: false });
  }

  /** No trace for this state: say so and why, and clear every number of an earlier trace. */
  function showNoTrace(app) {
    phase.textContent = app.busy ? "Waiting for the server" : "No trace";
    words.textContent = noTraceText(app);
    for (const node of [symbolic, numbers, chainSymbolic, chainNumbers]) node.replaceChildren();
    chain.hidden = true;
  }

  store.subscribe((app) => {
    const { state, step } = app;
    if (!state.network) return;
    const now = { step, view: JSON.stringify([state.view, state.preset]), presets: app.presets.length, error: app.error, busy: app.busy };
    if (!step || !step.trace) {
      if (now.step !== last.step || now.error !== last.error || now.busy !== last.busy) showNoTrace(app);
      last = now;
      return;
    }
    if (now.step === last.step && now.view === last.view && now.presets === last.presets) return; // keep aria-live quiet
    last = now;
    const entries = store.actions.entries();
    const ctx = equationContext(state, entries, app.presets);
    showEntry(app, entries, ctx);
    showChain(app, entries, ctx);
  });
}
