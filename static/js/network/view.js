// The "Network" view: the diagram, its legend, hover/focus tooltips, and clicking a weight or
// bias to select it and type a new value. Implements the view interface mount(root, store).

import { COLORS } from "./config.js";
import { animateEntry, cancelAll } from "./animate.js";
import { el, numberInput, showFieldError } from "../core/dom.js";
import { svgEl } from "../core/svg.js";
import { currentParts, paint, render } from "./draw.js";
import { layout } from "./layout.js";
import { plainBiasName, plainWeightName } from "../core/format.js";
import { networkWidths } from "../core/state.js";
import { revealed } from "./trace.js";
import { placeTooltip, tooltipLines } from "./tooltip.js";
import { pinnedEquation } from "./pinned.js";
import { scrollCues } from "./frame.js";

function legend() {
  const item = (color, text, shape = "line") => el("li", {}, [el("span", { class: `swatch ${shape}`, style: `background:${color}` }), el("span", { text })]);
  return el("ul", { class: "legend", "aria-label": "Legend", "data-control": "legend" }, [
    item(COLORS.positive, "weight > 0"),
    item(COLORS.negative, "weight < 0"),
    el("li", { text: "thickness ∝ |weight|" }),
    item(COLORS.value, "value, forward", "dot"),
    item(COLORS.gradient, "gradient ∂, backward", "dot"),
    item(COLORS.update, "old → new, update", "dot"),
    el("li", { text: "keys in the diagram: ↑ ↓ move, ← → step, Enter selects" }),
  ]);
}

/** The selected weight's or bias's value in `network`, or undefined when the network has no such parameter. */
function selectedValue(network, s) {
  const layer = network.layers[s.layer];
  if (!layer) return undefined;
  return s.kind === "weight" ? layer.weights[s.neuron]?.[s.input] : layer.biases[s.neuron];
}

function selectionEditor(store) {
  const box = el("div", { class: "selection", hidden: true });
  const title = el("span", { class: "selection-title" });
  const input = numberInput({ id: "selected-value" }, (x) => {
    const s = store.state.view.selected;
    if (!s || selectedValue(store.state.network, s) === undefined) return;
    const network = structuredClone(store.state.network);
    if (s.kind === "weight") network.layers[s.layer].weights[s.neuron][s.input] = x;
    else network.layers[s.layer].biases[s.neuron] = x;
    store.actions.edit({ network });
  });
  const label = el("label", { for: "selected-value", class: "field", "data-control": "editor" }, [title, input]);
  const close = el("button", { type: "button", text: "Deselect", onclick: () => store.actions.edit({ view: { selected: null } }) });
  box.append(label, close);
  let shownKey = null; // the parameter shown: a bad value typed stays until corrected or another one is selected
  function show(state) {
    const s = state.view.selected;
    const value = s && (s.kind === "weight" || s.kind === "bias") ? selectedValue(state.network, s) : undefined;
    box.hidden = value === undefined; // nothing editable selected, or a parameter this network lacks
    if (value === undefined) return;
    const name = s.kind === "weight" ? plainWeightName(s.layer, s.neuron, s.input) : plainBiasName(s.layer, s.neuron);
    title.textContent = `Value of ${name}`;
    const key = JSON.stringify(s);
    if (key !== shownKey) showFieldError(input, null);
    shownKey = key;
    if (document.activeElement !== input && input.getAttribute("aria-invalid") !== "true") input.value = String(value);
  }
  return { box, input, show };
}

/** Scrolls the diagram's frame, never the page, by the least amount that brings `parts` into view. */
function keepInSight(scroller, parts) {
  const boxes = parts.filter(Boolean).map((p) => p.getBoundingClientRect()).filter((b) => b.width || b.height);
  if (!boxes.length) return;
  const frame = scroller.getBoundingClientRect();
  const margin = 8;
  const shift = (lo, hi, start, size) => {
    if (lo < start + margin) return lo - start - margin;
    if (hi > start + size - margin) return Math.min(hi - (start + size - margin), lo - start - margin);
    return 0;
  };
  const lo = (k) => Math.min(...boxes.map((b) => b[k]));
  const hi = (k) => Math.max(...boxes.map((b) => b[k]));
  scroller.scrollLeft += shift(lo("left"), hi("right"), frame.left + scroller.clientLeft, scroller.clientWidth);
  scroller.scrollTop += shift(lo("top"), hi("bottom"), frame.top + scroller.clientTop, scroller.clientHeight);
}

/** Makes `g` the diagram's one tab stop (roving tabindex) and, when asked, focuses it in sight. */
function rove(d, scroller, g, focus) {
  for (const other of d.order) if (other !== g && other.getAttribute("tabindex") === "0") other.setAttribute("tabindex", "-1");
  g.setAttribute("tabindex", "0");
  if (!focus) return;
  g.focus({ preventScroll: true });
  keepInSight(scroller, [g]);
}

const MOVES = { ArrowDown: 1, ArrowUp: -1 };

/** The element of d.order a navigation key leads to from `from`, or null for other keys. */
function keyTarget(d, from, key) {
  const last = d.order.length - 1;
  if (key === "Home") return d.order[0];
  if (key === "End") return d.order[last];
  if (!(key in MOVES)) return null;
  const i = d.order.indexOf(from);
  if (i < 0) return d.order.find((g) => g.getAttribute("tabindex") === "0") || d.order[0];
  return d.order[Math.min(last, Math.max(0, i + MOVES[key]))];
}

/**
 * The diagram's keys: it is one tab stop, ↑ ↓ Home End move among its elements (roving
 * tabindex), Enter and space select; ← → step through the page's own keys (controls.js).
 */
function bindKeys(svg, scroller, diagram, select) {
  svg.addEventListener("focusin", (event) => {
    const g = event.target.closest("[data-kind]");
    if (g && diagram()) rove(diagram(), scroller, g, false);
  });
  svg.addEventListener("keydown", (event) => {
    const d = diagram();
    if (event.altKey || event.ctrlKey || event.metaKey || !d) return;
    const next = keyTarget(d, event.target.closest("[data-kind]"), event.key);
    if (next) rove(d, scroller, next, true);
    else if ((event.key === "Enter" || event.key === " ") && event.target.closest("[data-kind]")) select(event);
    else return; // ← →, or space on the diagram's background: the page's own keys (controls.js) take them
    event.preventDefault();
    event.stopPropagation();
  });
}

/** What clicking a diagram element selects: {kind, layer, neuron[, input]}, or null. */
function selectionOf(target) {
  const { kind } = target.dataset;
  const [layer, neuron, input] = ["layer", "neuron", "input"].map((k) => Number(target.dataset[k]));
  if (kind === "weight") return { kind, layer, neuron, input };
  if (kind === "bias" || kind === "neuron") return { kind, layer, neuron };
  return null;
}

function diagramSvg() {
  // tabindex -1: Chromium would make the <svg> itself a second tab stop
  return svgEl("svg", { class: "diagram", role: "group", "aria-label": "Network diagram", tabindex: "-1" });
}

export function mount(root, store) {
  const svg = diagramSvg();
  const tooltip = el("div", { class: "tooltip", role: "tooltip", id: "diagram-tooltip", hidden: true });
  const editor = selectionEditor(store);
  // On a narrow screen the diagram keeps a readable size and scrolls inside its frame, never the page.
  const scroller = el("div", { class: "diagram-scroll" }, svg);
  const frame = el("div", { class: "diagram-frame" }, [scroller, tooltip]);
  const refreshCues = scrollCues(frame, scroller);
  const pinned = pinnedEquation(store);
  root.append(frame, pinned.box, editor.box, legend());
  let d = null;
  let shape = "";
  let seen = revealed([], 0);
  let shownPosition = -1;

  function update(app, reason) {
    const { state } = app;
    const widths = networkWidths(state.network);
    if (!widths || !state.inputs) return;
    const key = JSON.stringify([widths, state.network.layers.map((l) => l.activation)]);
    if (key !== shape) {
      cancelAll();
      d = render(svg, layout(widths), state.network);
      shape = key;
      shownPosition = -1;
      refreshCues();
    }
    pinned.show(app);
    const entries = store.actions.entries();
    const position = Math.min(state.view.position, entries.length);
    seen = revealed(entries, position);
    const current = position > 0 ? entries[position - 1] : null;
    const inputRow = state.inputs[state.view.sample] || state.inputs[0];
    paint(d, { network: state.network, input_row: inputRow, seen, current, selected: state.view.selected });
    editor.show(state);
    if (position !== shownPosition) followStep(currentParts(d, current));
    shownPosition = position;
    if (reason === "animate" && app.animating) animateEntry(d, app.animating, state.speed);
  }

  /** Each step brings what it concerns into the frame; a keyboard focus on one of the diagram's
   * elements follows it (a focus on its background stays there, so space still pauses Play). */
  function followStep(parts) {
    const onElement = svg.contains(document.activeElement) && document.activeElement.closest("[data-kind]");
    if (parts.length && onElement) rove(d, scroller, parts[0], true);
    keepInSight(scroller, parts);
  }

  function showTooltip(event) {
    const target = event.target.closest("[data-kind]");
    if (target && svg.contains(target)) placeTooltip(tooltip, frame, target, tooltipLines(target, store.get(), seen, { locked: Boolean(store.lesson && store.lesson.lock) }));
  }

  function select(event) {
    const target = event.target.closest("[data-kind]");
    const selected = target && svg.contains(target) ? selectionOf(target) : null;
    if (!selected) return;
    store.update({ state: { view: { selected } } }, "select");
    store.actions.save();
    if (selected.kind !== "neuron") editor.input.focus();
  }

  svg.addEventListener("pointerover", showTooltip);
  svg.addEventListener("focusin", showTooltip);
  svg.addEventListener("pointerout", () => (tooltip.hidden = true));
  svg.addEventListener("focusout", () => (tooltip.hidden = true));
  svg.addEventListener("click", select);
  bindKeys(svg, scroller, () => d, select);
  store.subscribe(update);
  update(store.get(), "mount");
}
