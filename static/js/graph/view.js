// The "Graph" view: the step as scalar operations (POST /api/graph), inputs, weights, biases and
// targets as leaves, laid out left → right. Values appear as the forward walk reaches each
// operation, gradients as the backward walk visits each node in the server's order, and the
// "Chain rule" area writes local derivative × upstream gradient = this gradient with the numbers.
// The page's Step forward / Step back move it too (a trace entry maps to a place in the walk);
// "Previous operation" / "Next operation" walk it one node at a time. mount(root, store).

import { el } from "../core/dom.js";
import { svgEl } from "../core/svg.js";
import { problemOf } from "../core/api.js";
import { postGraph } from "./api.js";
import { paintGraph, renderGraph } from "./draw.js";
import { GRAPH_SIZES } from "./config.js";
import { layoutGraph } from "./layout.js";
import { graphSteps, positionFor, revealedAt } from "./steps.js";
import { describe } from "./text.js";

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

/** The view's elements: intro, note, walk buttons, the drawing's frame, legend and chain-rule area. */
function buildView(root, move) {
  const svg = svgEl("svg", { class: "graph-diagram", role: "group", "aria-label": "Computational graph" });
  const dom = {
    svg,
    frame: el("div", { class: "graph-frame" }, svg),
    note: el("p", { class: "graph-note", role: "status" }),
    where: el("span", { class: "graph-where" }),
    previous: el("button", { type: "button", text: "Previous operation", onclick: () => move(-1) }),
    next: el("button", { type: "button", text: "Next operation", onclick: () => move(1) }),
    chain: chainArea(),
  };
  const walk = el("div", { class: "toolbar graph-walk", role: "toolbar", "aria-label": "Graph walk" }, [dom.previous, dom.next, dom.where]);
  dom.body = el("div", { class: "graph-body", hidden: true }, [walk, dom.frame, legend(), dom.chain.region]);
  const intro = el("p", { class: "graph-intro", text: "One training step as scalar operations: values flow left → right, gradients flow back right → left." });
  root.append(intro, dom.note, dom.body);
  return dom;
}

/** The drawn graph and the place in its walk: show() a new /api/graph answer, go() to a step. */
function createWalk(dom) {
  const walk = { graph: null, steps: [], layout: null, handles: null, count: 0 };
  walk.paint = () => {
    if (!walk.graph || !walk.handles) return;
    const { graph, steps } = walk;
    walk.count = Math.max(0, Math.min(walk.count, steps.length));
    const seen = revealedAt(graph, steps, walk.count);
    paintGraph(walk.handles, seen);
    dom.chain.show(describe(graph, steps, walk.count));
    dom.where.textContent = `${walk.count} of ${steps.length}`;
    dom.previous.disabled = walk.count <= 0;
    dom.next.disabled = walk.count >= steps.length;
    if (seen.current) keepInSight(dom.frame, dom.svg, walk.layout, walk.layout.position.get(seen.current.node));
  };
  walk.go = (count) => {
    walk.count = count;
    walk.paint();
  };
  walk.show = (response) => {
    walk.graph = response;
    walk.steps = graphSteps(response);
    dom.body.hidden = !walk.steps.length;
    dom.note.textContent = response.note ? `${response.note}. The Network view shows every number of this step.` : "";
    if (!walk.steps.length) return;
    walk.layout = layoutGraph(response);
    dom.svg.style.maxWidth = `${walk.layout.width}px`;
    dom.svg.style.minWidth = `${Math.round(walk.layout.width * GRAPH_SIZES.min_scale)}px`;
    walk.handles = renderGraph(dom.svg, response, walk.layout);
  };
  walk.fail = (message) => {
    walk.graph = null;
    dom.body.hidden = true;
    dom.note.textContent = `The graph could not be built: ${message}`;
  };
  return walk;
}

export function mount(root, store) {
  const dom = buildView(root, (delta) => walk.go(walk.count + delta));
  const walk = createWalk(dom);
  let loadedKey = "";
  let pageKey = "";
  let requestId = 0;

  /** Follows the page's position (Step forward / back, phases, sample) into the walk. */
  function follow(force = false) {
    if (!walk.steps.length) return;
    const { view } = store.state;
    const key = JSON.stringify([view.position, view.sample, store.get().step && store.get().step.loss]);
    if (key === pageKey && !force) return;
    pageKey = key;
    walk.go(positionFor(store.actions.entries(), view.position, walk.graph, walk.steps));
  }

  /** Fetches the graph when the view is shown and the problem changed (or, on `retry`, failed before). */
  async function load({ retry = false } = {}) {
    const { state } = store.get();
    if (root.hidden || !state.network || !state.inputs) return;
    const key = JSON.stringify(problemOf(state));
    if (key === loadedKey && !(retry && !walk.graph)) return;
    loadedKey = key;
    const id = ++requestId;
    dom.frame.setAttribute("aria-busy", "true");
    try {
      const response = await postGraph(state);
      if (id !== requestId) return;
      walk.show(response);
      follow(true);
    } catch (error) {
      if (id === requestId) walk.fail(error.message);
    } finally {
      if (id === requestId) dom.frame.removeAttribute("aria-busy");
    }
  }

  store.subscribe(() => {
    load();
    follow();
  });
  new MutationObserver(() => load({ retry: true })).observe(root, { attributes: true, attributeFilter: ["hidden"] });
  load();
}
