// The "Graph" view: the step as scalar operations (POST /api/graph), inputs, weights, biases and
// targets as leaves, laid out left → right. Values appear as the forward walk reaches each
// operation, gradients as the backward walk visits each node in the server's order, and the
// "Chain rule" area writes local derivative × upstream gradient = this gradient with the numbers.
// The page's Step forward / Step back move it too (a trace entry maps to a place in the walk);
// "Previous operation" / "Next operation" walk it one node at a time. mount(root, store).

import { el } from "./dom.js";
import { postGraph, problemOf } from "./graph_api.js";
import { paintGraph, renderGraph } from "./graph_draw.js";
import { GRAPH_SIZES, layoutGraph } from "./graph_layout.js";
import { graphSteps, positionFor, revealedAt } from "./graph_steps.js";
import { describe } from "./graph_text.js";

function legend() {
  const item = (cls, text) => el("li", {}, [el("span", { class: `graph-swatch ${cls}`, "aria-hidden": "true" }), el("span", { text })]);
  return el("ul", { class: "legend graph-legend", "aria-label": "Graph legend" }, [
    item("leaf", "leaf: input, weight, bias, target"),
    item("operation", "operation: ×, +, σ, −, (·)², ½, mean"),
    item("value", "value (forward)"),
    item("gradient", "∂ gradient ∂L/∂node (backward)"),
    item("shared", "feeds several nodes: its gradient is a sum"),
  ]);
}

function chainArea() {
  const title = el("p", { class: "graph-chain-title" });
  const lines = el("ol", { class: "graph-chain-lines" });
  const region = el("section", { class: "graph-chain", role: "region", "aria-label": "Chain rule", "aria-live": "polite" }, [
    el("h3", { text: "Chain rule, one operation at a time" }),
    title,
    lines,
  ]);
  function show(text) {
    title.textContent = text.title;
    lines.replaceChildren(...text.lines.map((line) => el("li", { text: line })));
  }
  return { region, show };
}

/** Scrolls the frame so that the node at (x, y) of the drawing is in sight. */
function keepInSight(frame, svg, layout, at) {
  const scale = svg.getBoundingClientRect().width / layout.width || 1;
  const [x, y] = [at.x * scale, at.y * scale];
  const margin = GRAPH_SIZES.node_width * scale;
  if (x < frame.scrollLeft + margin || x > frame.scrollLeft + frame.clientWidth - margin) frame.scrollLeft = x - frame.clientWidth / 2;
  if (y < frame.scrollTop + margin || y > frame.scrollTop + frame.clientHeight - margin) frame.scrollTop = y - frame.clientHeight / 2;
}

export function mount(root, store) {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("class", "graph-diagram");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Computational graph");
  const frame = el("div", { class: "graph-frame" }, svg);
  const note = el("p", { class: "graph-note", role: "status" });
  const where = el("span", { class: "graph-where" });
  const previous = el("button", { type: "button", text: "Previous operation", onclick: () => move(-1) });
  const next = el("button", { type: "button", text: "Next operation", onclick: () => move(1) });
  const walk = el("div", { class: "toolbar graph-walk", role: "toolbar", "aria-label": "Graph walk" }, [previous, next, where]);
  const chain = chainArea();
  const intro = el("p", { class: "graph-intro", text: "One training step as scalar operations: values flow left → right, gradients flow back right → left." });
  const body = el("div", { class: "graph-body", hidden: true }, [walk, frame, legend(), chain.region]);
  root.append(intro, note, body);

  let graph = null;
  let steps = [];
  let layout = null;
  let handles = null;
  let count = 0;
  let loadedKey = "";
  let pageKey = "";
  let requestId = 0;

  function paint() {
    if (!graph || !handles) return;
    count = Math.max(0, Math.min(count, steps.length));
    const seen = revealedAt(graph, steps, count);
    paintGraph(handles, seen);
    chain.show(describe(graph, steps, count));
    where.textContent = `${count} of ${steps.length}`;
    previous.disabled = count <= 0;
    next.disabled = count >= steps.length;
    if (seen.current) keepInSight(frame, svg, layout, layout.position.get(seen.current.node));
  }

  function move(delta) {
    count += delta;
    paint();
  }

  /** Follows the page's position (Step forward / back, phases, sample) into the walk. */
  function follow(force = false) {
    if (!graph || !steps.length) return;
    const { view } = store.state;
    const key = JSON.stringify([view.position, view.sample, store.get().step && store.get().step.loss]);
    if (key === pageKey && !force) return;
    pageKey = key;
    count = positionFor(store.actions.entries(), view.position, graph, steps);
    paint();
  }

  function show(response) {
    graph = response;
    steps = graphSteps(graph);
    body.hidden = !steps.length;
    note.textContent = graph.note ? `${graph.note}. The Network view shows every number of this step.` : "";
    if (!steps.length) return;
    layout = layoutGraph(graph);
    svg.style.maxWidth = `${layout.width}px`;
    svg.style.minWidth = `${Math.round(layout.width * GRAPH_SIZES.min_scale)}px`;
    handles = renderGraph(svg, graph, layout);
    follow(true);
  }

  /** Fetches the graph when the view is shown and the problem changed (or, on `retry`, failed before). */
  async function load({ retry = false } = {}) {
    const { state } = store.get();
    if (root.hidden || !state.network || !state.inputs) return;
    const key = JSON.stringify(problemOf(state));
    if (key === loadedKey && !(retry && !graph)) return;
    loadedKey = key;
    const id = ++requestId;
    frame.setAttribute("aria-busy", "true");
    try {
      const response = await postGraph(state);
      if (id === requestId) show(response);
    } catch (error) {
      if (id !== requestId) return;
      graph = null;
      body.hidden = true;
      note.textContent = `The graph could not be built: ${error.message}`;
    } finally {
      if (id === requestId) frame.removeAttribute("aria-busy");
    }
  }

  store.subscribe(() => {
    load();
    follow();
  });
  new MutationObserver(() => load({ retry: true })).observe(root, { attributes: true, attributeFilter: ["hidden"] });
  load();
}
