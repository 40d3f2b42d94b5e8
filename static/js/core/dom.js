// Small DOM helpers: every element is built with createElement and textContent, never innerHTML.

import { readNumber } from "./state.js";

export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") node.textContent = v;
    else if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of [].concat(children)) if (child) node.append(child);
  return node;
}

/** Renders TeX with the vendored KaTeX, or shows the TeX source when KaTeX is unavailable. */
export function renderTex(target, tex, { display = false } = {}) {
  const katex = globalThis.katex;
  if (katex) katex.render(tex, target, { throwOnError: false, displayMode: display, output: "htmlAndMathml" });
  else target.textContent = tex;
}

/** A labelled <select> of options [value, text]. */
export function selectField(label, options, value, onchange) {
  const select = el("select", { onchange: (e) => onchange(e.target.value) });
  for (const [v, text] of options) select.append(el("option", { value: v, text, selected: v === value }));
  return el("label", { class: "field" }, [el("span", { text: label }), select]);
}

/** A labelled number input with its step arrows; calls onchange with a finite number, else says why next to it. */
export function numberField(label, value, onchange, attrs = {}) {
  const input = numberInput({ type: "number", step: "any", value, ...attrs }, onchange);
  return el("label", { class: "field" }, [el("span", { text: label }), input]);
}

let errorIds = 0;

/**
 * Marks `input` invalid with a short message next to it (linked by aria-describedby), or
 * clears both with error = null. The input keeps what the learner typed.
 */
export function showFieldError(input, error) {
  input.setAttribute("aria-invalid", error ? "true" : "false");
  const anchor = input.closest("label") || input; // outside the label: the message is a description, not the name
  let note = anchor.nextElementSibling?.classList.contains("field-error") ? anchor.nextElementSibling : null;
  if (!error) {
    note?.remove();
    input.removeAttribute("aria-describedby");
    return;
  }
  if (!note) {
    note = el("span", { class: "field-error", id: `field-error-${++errorIds}`, "aria-live": "polite" });
    anchor.after(note);
  }
  note.textContent = error;
  input.setAttribute("aria-describedby", note.id);
}

/**
 * A text box for a number: onvalue gets finite numbers only. Not type=number, which reads
 * "1e999" as "" (what was typed could not be told from nothing), and not inputmode=decimal,
 * whose phone keypads have no minus sign.
 */
export function numberInput(attrs, onvalue, read = readNumber) {
  const input = el("input", { type: "text", class: "number-box", autocomplete: "off", spellcheck: "false", ...attrs });
  input.addEventListener("change", () => {
    const { value, error } = read(input.value);
    showFieldError(input, error || null);
    if (!error) onvalue(value, input);
  });
  return input;
}
