// The "Gradient check" panel: "Check gradients" sends the current network, inputs, targets and
// loss to POST /api/gradcheck and shows, for every weight and bias, backprop's gradient beside
// the central-difference estimate and their relative error — sortable, worst first — with the
// server's verdict and kink note. Edit a weight (Network view) and check again. mount(root, store).

import { el } from "../core/dom.js";
import { problemOf } from "../core/api.js";
import { postGradcheck } from "./api.js";
import { COLUMNS, DEFAULT_SORT, errorNumber, nextSort, preciseNumber, sortRows, verdictText } from "./table.js";

const ARIA_SORT = { ascending: "ascending", descending: "descending" };

function header(column, sort, onSort) {
  const th = el("th", { scope: "col" }, el("button", { type: "button", class: "sort", text: column.name, onclick: () => onSort(column.key) }));
  if (sort.key === column.key) th.setAttribute("aria-sort", ARIA_SORT[sort.direction]);
  return th;
}

function row(r) {
  return el("tr", { class: `verdict-${r.verdict}`, "data-label": r.label }, [
    el("th", { scope: "row", text: r.label }),
    el("td", { class: "num", text: preciseNumber(r.analytic) }),
    el("td", { class: "num", text: preciseNumber(r.numeric) }),
    el("td", { class: "num", text: errorNumber(r.relative_error) }),
  ]);
}

function buildPanel(root) {
  const dom = {
    button: el("button", { type: "button", class: "primary", text: "Check gradients" }),
    status: el("p", { class: "gradcheck-status", role: "status" }),
    verdict: el("p", { class: "gradcheck-verdict" }),
    kinks: el("p", { class: "gradcheck-kinks", hidden: true }),
    stale: el("p", { class: "gradcheck-stale", hidden: true, text: "The network or data changed since this check: press “Check gradients” again." }),
    table: el("table", { class: "gradcheck-table" }),
  };
  dom.wrap = el("div", { class: "table-wrap", hidden: true }, dom.table);
  const intro = "Is backprop right? For every weight and bias p, compare its gradient with the estimate (L(p + ε) − L(p − ε)) / 2ε.";
  root.append(el("h2", { text: "Gradient check" }), el("p", { class: "gradcheck-intro", text: intro }), dom.button, dom.status, dom.verdict, dom.kinks, dom.stale, dom.wrap);
  return dom;
}

/** The table of a /api/gradcheck answer in the order of `sort`, headers that re-sort on click. */
function drawTable(table, result, sort, onSort) {
  const head = el("tr", {}, COLUMNS.map((c) => header(c, sort, onSort)));
  const body = sortRows(result.parameters, sort).map((k) => row(result.parameters[k]));
  const caption = `${result.parameters.length} parameters. Analytic: ∂L/∂p from backprop. Numeric: the central difference with ε = ${result.epsilon}. Relative error = ${result.relative_error_rule}.`;
  table.replaceChildren(el("caption", { text: caption }), el("thead", {}, head), el("tbody", {}, body));
}

export function mount(root, store) {
  const dom = buildPanel(root);
  let result = null;
  let checkedKey = "";
  let sort = { ...DEFAULT_SORT };

  function onSort(key) {
    sort = nextSort(sort, key);
    drawTable(dom.table, result, sort, onSort);
    dom.table.querySelector("th[aria-sort] button")?.focus();
  }

  function showResult(response) {
    result = response;
    dom.verdict.textContent = verdictText(result);
    dom.verdict.className = `gradcheck-verdict verdict-${result.verdict}`;
    dom.kinks.hidden = !result.note;
    dom.kinks.textContent = result.note ? `Kink: ${result.note}.` : "";
    dom.wrap.hidden = false;
    drawTable(dom.table, result, sort, onSort);
  }

  function markStale() {
    const changed = result !== null && JSON.stringify(problemOf(store.state)) !== checkedKey;
    dom.stale.hidden = !changed;
    dom.wrap.classList.toggle("stale", changed);
  }

  async function check() {
    const { state } = store.get();
    if (!state.network || !state.inputs) return;
    dom.button.disabled = true;
    dom.status.textContent = "Checking…";
    const key = JSON.stringify(problemOf(state));
    try {
      const response = await postGradcheck(state);
      checkedKey = key;
      showResult(response);
      dom.status.textContent = `Checked ${response.parameters.length} parameters.`;
    } catch (error) {
      dom.status.textContent = `The check could not run: ${error.message}`;
    } finally {
      dom.button.disabled = false;
      markStale();
    }
  }

  dom.button.addEventListener("click", check);
  store.subscribe(markStale);
}
