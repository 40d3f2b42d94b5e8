// The "Table" view: the whole training step as a worked example — every z, a, the loss, every δ,
// every ∂L/∂w and ∂L/∂b, every old → new — in the order of the walk, one row per number, the
// current sub-step highlighted; clicking a row goes to its sub-step; copy as CSV or Markdown.
// On a preset from a textbook (Mazur's) a column gives the textbook's own names.

import { PHASE_NAMES } from "./config.js";
import { el } from "../core/dom.js";
import { formatNumber as fmt } from "../core/format.js";
import { networkWidths } from "../core/state.js";
import { equationContext } from "./explain.js";
import { plainName, textbookName } from "./notation.js";

const plain = (kind, e, ctx) => plainName(kind, e.layer, e.neuron, { ...ctx, textbook: null }, e.input);

/** The textbook's name of a row's quantity ("" when it has none): net_h1, E_total, ∂E_total/∂w5, w5⁺. */
function theirs(kind, e, ctx) {
  const tb = ctx.textbook;
  if (!tb) return "";
  const loss = tb.loss || "L";
  if (kind === "loss") return loss;
  const [base, form] = { delta: ["z", "d"], grad_w: ["w", "d"], grad_b: ["b", "d"], new_w: ["w", "+"], new_b: ["b", "+"] }[kind] || [kind, ""];
  const name = textbookName(tb, base, e.layer, e.neuron, e.input);
  if (!name || !form) return name;
  return form === "d" ? `∂${loss}/∂${name}` : `${name}⁺`;
}

/** One row per number of the step: {position, phase, name, textbook, value, next?} (value old, next new for updates). */
export function tableRows(entries, ctx) {
  const rows = [];
  const add = (position, e, name, kind, value, next) => rows.push({ position, phase: e.phase, name, textbook: theirs(kind, e, ctx), value, next });
  entries.forEach((e, index) => {
    const position = index + 1;
    const w = e.input !== undefined;
    if (e.kind === "neuron") {
      add(position, e, plain("z", e, ctx), "z", e.z);
      add(position, e, plain("a", e, ctx), "a", e.a);
    } else if (e.kind === "loss") add(position, e, ctx.samples > 1 ? "L (batch mean)" : "L", "loss", e.value);
    else if (e.kind === "output_delta" || e.kind === "hidden_delta") add(position, e, `${plain("delta", e, ctx)} = ∂ℓ/∂${plain("z", e, ctx)}`, "delta", e.delta);
    else if (e.kind === "weight_gradient" || e.kind === "bias_gradient") add(position, e, `∂L/∂${plain(w ? "w" : "b", e, ctx)}`, w ? "grad_w" : "grad_b", e.grad);
    else add(position, e, plain(w ? "w" : "b", e, ctx), w ? "new_w" : "new_b", e.old, e.new);
  });
  return rows;
}

const shown = (row) => (row.next === undefined ? fmt(row.value) : `${fmt(row.value)} → ${fmt(row.next)}`);

/** The rows as CSV, with the server's full-precision numbers (for a spreadsheet). */
export function toCsv(rows, textbook) {
  const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const head = ["sub_step", "phase", "quantity", ...(textbook ? ["textbook_name"] : []), "value", "new_value"];
  const line = (r) => [r.position, r.phase, r.name, ...(textbook ? [r.textbook] : []), r.value, r.next ?? ""].map((v) => quote(String(v)));
  return [head, ...rows.map(line)].map((cells) => cells.join(",")).join("\n") + "\n";
}

/** The rows as a Markdown table, numbers as the page shows them. */
export function toMarkdown(rows, textbook) {
  const head = ["Sub-step", "Phase", "Quantity", "Value", ...(textbook ? [`In ${textbook.source}`] : [])];
  const line = (r) => [r.position, PHASE_NAMES[r.phase], r.name, shown(r), ...(textbook ? [r.textbook] : [])];
  const cells = (list) => `| ${list.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  return [cells(head), cells(head.map(() => "---")), ...rows.map((r) => cells(line(r)))].join("\n") + "\n";
}

export function mount(root, store) {
  const caption = el("p", { class: "table-note", id: "step-table-note" }); // outside the table: it wraps on a phone
  const headRow = el("tr");
  const body = el("tbody");
  const table = el("table", { class: "step-table", "aria-label": "The whole step", "aria-describedby": "step-table-note" }, [el("thead", {}, headRow), body]);
  const status = el("span", { class: "copy-status", role: "status" });
  const copyArea = el("textarea", { class: "copy-area", readonly: true, hidden: true, "aria-label": "Copied text" });
  let rows = [];
  let ctx = null;
  const copy = async (text, what) => {
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = `Copied ${rows.length} rows as ${what}.`;
      copyArea.hidden = true;
    } catch {
      copyArea.value = text; // no clipboard (an http page, a refusal): select the text by hand
      copyArea.hidden = false;
      copyArea.select();
      status.textContent = `Your browser did not allow copying: the ${what} is selected below.`;
    }
  };
  const buttons = el("div", { class: "table-actions" }, [
    el("button", { type: "button", text: "Copy as CSV", title: "Full-precision numbers, one row per quantity", onclick: () => copy(toCsv(rows, ctx.textbook), "CSV") }),
    el("button", { type: "button", text: "Copy as Markdown", title: "Numbers as shown, for notes and slides", onclick: () => copy(toMarkdown(rows, ctx.textbook), "Markdown") }),
    status,
  ]);
  root.append(el("h2", { class: "table-title", text: "The whole step" }), caption, buttons, el("div", { class: "table-wrap step-table-wrap" }, table), copyArea);
  let lastKey = "";
  let lastStep = null;

  function rebuild(app, entries) {
    ctx = equationContext(app.state, entries, app.presets);
    rows = tableRows(entries, ctx);
    const textbook = ctx.textbook;
    const samples = ctx.samples > 1 ? ` Forward and δ rows are sample ${app.state.view.sample + 1} of ${ctx.samples}; gradients and updates average the batch.` : "";
    caption.textContent = `Every number of one training step, in the order of the walk. Click a row to go to its sub-step.${samples}`;
    const heads = [["Sub-step"], ["Phase", "phase"], ["Quantity"], ["Value", "num"], ...(textbook ? [[`In ${textbook.source}`]] : [])];
    headRow.replaceChildren(...heads.map(([text, css]) => el("th", { scope: "col", class: css, text })));
    body.replaceChildren(
      ...rows.map((r) => {
        const go = el("button", { type: "button", class: "row-go", text: String(r.position), "aria-label": `Go to sub-step ${r.position}: ${r.name}` });
        const cells = [
          el("td", {}, go),
          el("td", { class: "phase", text: PHASE_NAMES[r.phase] }),
          el("th", { scope: "row", text: r.name }),
          el("td", { class: "num", text: shown(r) }),
          ...(textbook ? [el("td", { text: r.textbook })] : []),
        ];
        return el("tr", { "data-position": r.position, class: `phase-${r.phase}` }, cells);
      }),
    );
  }

  function highlight(position) {
    for (const tr of body.rows) {
      const current = Number(tr.dataset.position) === position;
      tr.classList.toggle("current", current);
      if (current) tr.setAttribute("aria-current", "step");
      else tr.removeAttribute("aria-current");
    }
  }

  body.addEventListener("click", (event) => {
    const tr = event.target.closest("tr[data-position]");
    if (tr) store.actions.goTo(Number(tr.dataset.position));
  });

  function update(app) {
    const { state, step } = app;
    if (!state.network || !step || !step.trace) {
      body.replaceChildren();
      caption.textContent = "No step to show yet.";
      rows = [];
      lastKey = "";
      return;
    }
    const entries = store.actions.entries();
    const key = JSON.stringify([networkWidths(state.network), state.view.sample, state.preset, app.presets.length]);
    if (step !== lastStep || key !== lastKey) rebuild(app, entries);
    lastStep = step;
    lastKey = key;
    highlight(Math.min(state.view.position, entries.length));
  }

  store.subscribe(update);
  update(store.get());
}
