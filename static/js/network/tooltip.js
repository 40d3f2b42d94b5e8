// The diagram's tooltip: what it says about the weight, bias, input, neuron or loss under the
// pointer or the focus (the numbers revealed so far, from the API's trace), and where it goes.

import { el } from "../core/dom.js";
import { formatNumber as fmt, plainSymbol } from "../core/format.js";
import { networkWidths } from "../core/state.js";
import { visibleEntries } from "../core/steps.js";
import { notation, plainName, textbookOf } from "./notation.js";
import { findEntry, keyOf } from "./trace.js";

/** Is the weight or bias (kind, l, j, i) the one selected? */
function isSelected(selected, kind, l, j, i) {
  return Boolean(selected) && selected.kind === kind && selected.layer === l && selected.neuron === j && (kind !== "weight" || selected.input === i);
}

/**
 * The gradient line of a weight or bias: its value once the walk has reached it; for the selected
 * one at once, as its chain rule in the Explanation shows it.
 */
function gradientLine(app, seenGrad, kind, l, j, i) {
  const name = `∂L/∂${plainSymbol(kind === "weight" ? "w" : "b", l, j, ...(kind === "weight" ? [i] : []))}`;
  if (seenGrad) return `gradient ${name} = ${fmt(seenGrad.grad)}`;
  if (isSelected(app.state.view.selected, kind, l, j, i)) {
    const entries = visibleEntries(app.step && app.step.trace, app.state.view.sample);
    const entry = findEntry(entries, `${kind}_gradient`, l, j, kind === "weight" ? i : undefined);
    if (entry) return `gradient ${name} = ${fmt(entry.grad)} (its chain rule: in the Explanation)`;
  }
  return "gradient: reached in the backward phase";
}

/**
 * The tooltip's lines for a diagram element (its data-kind, data-layer, …), from the state and the
 * entries revealed; `locked` (a locked lesson link): clicking selects, nothing can be edited.
 */
export function tooltipLines(target, app, seen, { locked = false } = {}) {
  const { kind } = target.dataset;
  const [l, j, i] = ["layer", "neuron", "input"].map((k) => Number(target.dataset[k]));
  const network = app.state.network;
  const ctx = { n: notation(networkWidths(network)), textbook: textbookOf(app.state, app.presets) }; // names as the Explanation says them
  if (kind === "weight" || kind === "bias") {
    const isW = kind === "weight";
    const key = isW ? keyOf.weight(l, j, i) : keyOf.neuron(l, j);
    const grad = (isW ? seen.weight_grads : seen.bias_grads)[key];
    const upd = (isW ? seen.weight_updates : seen.bias_updates)[key];
    const value = isW ? network.layers[l].weights[j][i] : network.layers[l].biases[j];
    return [
      `${plainName(isW ? "w" : "b", l, j, ctx, i)} = ${fmt(value)}`,
      gradientLine(app, grad, kind, l, j, i),
      upd ? `update: ${fmt(upd.old)} → ${fmt(upd.new)}` : "update: not yet applied",
      locked ? "click to select: its chain rule in the Explanation" : "click to select and edit",
    ];
  }
  if (kind === "input") return [`input ${plainSymbol("x", null, j)} = ${fmt(app.state.inputs[app.state.view.sample]?.[j])}`];
  if (kind === "neuron") {
    const v = seen.neurons[keyOf.neuron(l, j)];
    const d = seen.deltas[keyOf.neuron(l, j)];
    return [
      `layer ${l + 1}, neuron ${j + 1} (${network.layers[l].activation})`,
      v ? `${plainName("z", l, j, ctx)} = ${fmt(v.z)}, ${plainName("a", l, j, ctx)} = ${fmt(v.a)}` : "value: not yet computed",
      d ? `${plainSymbol("δ", l, j)} = ∂ℓ/∂${plainSymbol("z", l, j)} = ${fmt(d.delta)}` : "gradient δ: not yet computed",
    ];
  }
  if (kind === "loss") return [seen.loss ? `loss L = ${fmt(seen.loss.value)}` : "loss: not yet computed"];
  return [];
}

/**
 * Shows the tooltip's lines just below the hovered or focused element, or above it when the
 * frame (which clips what overflows it) has no room below: always inside the visible frame.
 */
export function placeTooltip(tooltip, frame, target, lines) {
  tooltip.replaceChildren(...lines.map((t) => el("div", { text: t })));
  tooltip.hidden = false;
  tooltip.style.left = "0px"; // measured at its natural width, not squeezed by the frame's right edge
  const box = target.getBoundingClientRect();
  const frameBox = frame.getBoundingClientRect();
  const [x0, y0, width, height] = [frameBox.left + frame.clientLeft, frameBox.top + frame.clientTop, frame.clientWidth, frame.clientHeight]; // inside the border
  const size = tooltip.getBoundingClientRect();
  const gap = 6;
  const left = Math.min(Math.max(0, box.left - x0 + box.width / 2 - size.width / 2), Math.max(0, width - size.width));
  const below = box.bottom - y0 + gap;
  const above = box.top - y0 - gap - size.height;
  const fitsBelow = below + size.height <= height;
  const top = fitsBelow || above < 0 ? Math.max(0, Math.min(below, height - size.height)) : above;
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${top}px`;
}
