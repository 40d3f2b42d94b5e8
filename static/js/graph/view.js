// The "Graph" view: the step as scalar operations (POST /api/graph), inputs, weights, biases and
// targets as leaves, laid out left → right. Values appear as the forward walk reaches each
// operation, gradients as the backward walk visits each node in the server's order, and the
// "Chain rule" area writes local derivative × upstream gradient = this gradient with the numbers.
// While it is shown, the page's Step forward / back, Play, the phase buttons and ← → walk it one
// operation at a time (store.actions.takeSteps); the page's trace position follows (walk.js), so
// the Network view opens at the same place. Steps taken in the Network view move it too.
// mount(root, store).

import { el } from "../core/dom.js";
import { svgEl } from "../core/svg.js";
import { problemOf } from "../core/api.js";
import { postGraph } from "./api.js";
import { paintGraph, renderGraph } from "./draw.js";
import { GRAPH_SIZES } from "./config.js";
import { layoutGraph } from "./layout.js";
import { scrollCues } from "./scroll.js";
import { graphSteps, positionFor, revealedAt } from "./steps.js";
import { describe } from "./text.js";
import { tracePositionAt, walkPhases } from "./walk.js";

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

/** The view's elements: intro, note, where the walk is, the drawing's frame, legend and chain-rule area. */
function buildView(root) {
  const svg = svgEl("svg", { class: "graph-diagram", role: "group", "aria-label": "Computational graph" });
  const frame = el("div", { class: "graph-frame" }, svg);
  const dom = {
    svg,
    frame,
    cues: scrollCues(frame),
    note: el("p", { class: "graph-note", role: "status" }),
    where: el("span", { class: "graph-where" }),
    chain: chainArea(),
  };
  const walk = el("p", { class: "graph-walk" }, [dom.where, el("span", { class: "graph-keys", text: " · Step forward, Play and ← → walk it one operation at a time" })]);
  dom.body = el("div", { class: "graph-body", hidden: true }, [walk, dom.cues.root, legend(), dom.chain.region]);
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
    dom.where.textContent = `Step ${walk.count} of ${steps.length}`;
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
    dom.cues.update();
  };
  walk.fail = (message) => {
    walk.graph = null;
    walk.steps = [];
    dom.body.hidden = true;
    dom.note.textContent = `The graph could not be built: ${message}`;
  };
  return walk;
}

/** What the page's controls show while the graph is walked: where it is and which phases it has. */
function walkStatus(walk) {
  if (!walk.graph || !walk.steps.length) return null;
  const { phase, starts } = walkPhases(walk.graph, walk.steps, walk.count);
  return { view: "graph", count: walk.count, total: walk.steps.length, phase, phases: Object.keys(starts) };
}

export function mount(root, store) {
  const dom = buildView(root);
  const walk = createWalk(dom);
  let loadedKey = "";
  let pageKey = "";
  let requestId = 0;
  let loading = false;
  let steering = false; // the page's position is being set from the walk: follow() must not echo it

  const publish = () => store.update({ walk: walkStatus(walk) }, "walk");

  /** Follows the page's position (Step forward / back in the Network view, Reset, sample) into the walk. */
  function follow(force = false) {
    if (!walk.steps.length) return;
    const { view } = store.state;
    const key = JSON.stringify([view.position, view.sample, store.get().step && store.get().step.loss]);
    if (key === pageKey && !force) return;
    pageKey = key;
    if (steering) return;
    walk.go(positionFor(store.actions.entries(), view.position, walk.graph, walk.steps));
    publish();
  }

  /** Moves the walk to `count` and the page's trace position with it. */
  function steer(count) {
    walk.go(count);
    const position = tracePositionAt(store.actions.entries(), walk.count, walk.graph, walk.steps);
    steering = true;
    try {
      if (position !== store.state.view.position) store.actions.goTo(position);
    } finally {
      steering = false;
    }
    publish();
  }

  /** The walk drawn is the one of the page's current problem (not a stale one, not a note). */
  const current = () => walk.steps.length > 0 && loadedKey === JSON.stringify(problemOf(store.state));
  store.actions.takeSteps("graph", {
    // while a new graph is on its way (after an edit or an update) a step waits for it
    forward: () => loading || (current() && walk.count < walk.steps.length && (steer(walk.count + 1), true)),
    back: () => loading || (current() && walk.count > 0 && (steer(walk.count - 1), true)),
    toPhase(phase) {
      if (loading || !current()) return loading;
      const { starts } = walkPhases(walk.graph, walk.steps, walk.count);
      if (phase in starts) steer(starts[phase]);
      return true; // the walk has no update phase: its button is disabled here
    },
  });

  /** Fetches the graph when the view is shown and the problem changed (or, on `retry`, failed before). */
  async function load({ retry = false } = {}) {
    const { state } = store.get();
    if (root.hidden || !state.network || !state.inputs) return;
    const key = JSON.stringify(problemOf(state));
    if (key === loadedKey && !(retry && !walk.graph)) return;
    loadedKey = key;
    const id = ++requestId;
    loading = true;
    dom.frame.setAttribute("aria-busy", "true");
    try {
      const response = await postGraph(state);
      if (id !== requestId) return;
      walk.show(response);
      follow(true);
    } catch (error) {
      if (id === requestId) walk.fail(error.message);
    } finally {
      if (id === requestId) {
        loading = false;
        dom.frame.removeAttribute("aria-busy");
        publish();
      }
    }
  }

  store.subscribe((app, reason) => {
    if (reason === "walk") return;
    load();
    follow();
  });
  new MutationObserver(() => {
    load({ retry: true });
    dom.cues.update();
  }).observe(root, { attributes: true, attributeFilter: ["hidden"] });
  load();
}
