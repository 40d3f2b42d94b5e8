// SVG drawing of the scalar graph: renderGraph() builds the nodes and edges once per graph,
// paintGraph() fills in the values and gradients revealed so far and marks the current step.
// Text goes in with textContent; every number is the server's, formatted by format.js.

import { formatNumber as fmt } from "../core/format.js";
import { svgEl } from "../core/svg.js";
import { GRAPH_SIZES as S } from "./config.js";
import { edgePath } from "./layout.js";
import { dL } from "./text.js";

const LEAF_WORDS = { input: "input", weight: "weight", bias: "bias", target: "target" };

/** The small line above a node: its kind (leaf) or label (operation), and its sample when there are several. */
function topLine(node, manySamples) {
  const text = node.kind === "leaf" ? LEAF_WORDS[node.op] : node.label;
  return manySamples && node.sample !== null ? `${text} · n=${node.sample + 1}` : text;
}

function drawNode(parent, node, at, manySamples) {
  const leaf = node.kind === "leaf";
  const g = svgEl("g", { class: `graph-node ${leaf ? `leaf ${node.op}` : "operation"}`, role: "img", "data-id": node.id, "data-op": node.op, "data-kind": node.kind, transform: `translate(${at.x},${at.y})` }, parent);
  const title = svgEl("title", {}, g);
  const [w, h] = [S.node_width, S.node_height];
  svgEl("rect", { x: -w / 2, y: -h / 2, width: w, height: h, rx: leaf ? 4 : 14, class: "box" }, g);
  svgEl("text", { y: -h / 2 + 15, class: "node-label" }, g, topLine(node, manySamples));
  svgEl("text", { y: 1, class: leaf ? "node-symbol leaf-name" : "node-symbol" }, g, node.symbol);
  const value = svgEl("text", { y: h / 2 - 24, class: "node-value" }, g, "");
  const grad = svgEl("text", { y: h / 2 - 8, class: "node-grad" }, g, "");
  return { g, title, value, grad };
}

/** Builds the picture of `graph` at `layout`'s positions; returns handles for paintGraph. */
export function renderGraph(svg, graph, layout) {
  svg.replaceChildren();
  svg.setAttribute("viewBox", `0 0 ${layout.width} ${layout.height}`);
  const defs = svgEl("defs", {}, svg);
  const marker = svgEl("marker", { id: "graph-arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, defs);
  svgEl("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }, marker);
  const edgeGroup = svgEl("g", { class: "graph-edges" }, svg);
  const nodeGroup = svgEl("g", { class: "graph-nodes" }, svg);
  const edges = new Map();
  for (const edge of graph.edges) {
    const from = layout.position.get(edge.source);
    const to = layout.position.get(edge.target);
    const path = svgEl("path", { d: edgePath(from, to), class: "graph-edge", "marker-end": "url(#graph-arrow)", "data-source": edge.source, "data-target": edge.target }, edgeGroup);
    edges.set(edge.id, { edge, path });
  }
  const nodes = new Map();
  const manySamples = graph.sample_count > 1;
  for (const node of graph.nodes) nodes.set(node.id, { node, ...drawNode(nodeGroup, node, layout.position.get(node.id), manySamples) });
  return { nodes, edges };
}

function paintNodes(handles, seen) {
  const current = seen.current ? seen.current.node : null;
  for (const [id, h] of handles.nodes) {
    const known = seen.values.has(id);
    const visited = seen.grads.has(id);
    h.value.textContent = known ? fmt(h.node.value) : "?";
    h.grad.textContent = visited ? `∂ ${fmt(h.node.grad)}` : "";
    h.g.classList.toggle("known", known);
    h.g.classList.toggle("visited", visited);
    h.g.classList.toggle("current", id === current);
    h.g.classList.toggle("shared", visited && h.node.consumers.length > 1);
    const parts = [`${h.node.label} = ${known ? fmt(h.node.value) : "not computed yet"}`];
    if (h.node.formula) parts.push(`computed as ${h.node.formula}`);
    parts.push(visited ? `${dL(h.node.label)} = ${fmt(h.node.grad)}` : "gradient not reached yet");
    h.title.textContent = parts.join("; ");
    h.g.setAttribute("aria-label", h.title.textContent);
  }
}

/** Shows the values and gradients in `seen` (graph_steps.revealedAt) and highlights the current step's edges. */
export function paintGraph(handles, seen) {
  paintNodes(handles, seen);
  const current = seen.current;
  const terms = current && current.phase === "backward" ? new Set(current.visit.terms.map((t) => t.id)) : new Set();
  for (const [id, h] of handles.edges) {
    const forward = current && current.phase === "forward" && h.edge.target === current.node;
    h.path.classList.toggle("current", forward || terms.has(id));
    h.path.classList.toggle("backward", terms.has(id));
  }
}
