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

// KaTeX (~290 KB of the page's JS + CSS) is fetched the first time an equation is shown, not with
// the page: a learner sees the diagram sooner, and a page that never shows an equation never loads it.
const KATEX = new URL("../../vendor/katex/", import.meta.url);
const waiting = new Map(); // target element → [tex, options]: the latest equation asked of it
let katexLoad = null;
let katexMissing = false; // it could not be fetched: equations show their TeX source

function loadKatex() {
  katexLoad ??= new Promise((resolve) => {
    document.head.append(el("link", { rel: "stylesheet", href: new URL("katex.min.css", KATEX).href }));
    const script = el("script", { src: new URL("katex.min.js", KATEX).href });
    script.addEventListener("load", resolve);
    script.addEventListener("error", () => resolve((katexMissing = true)));
    document.head.append(script);
  }).then(() => {
    for (const [target, [tex, options]] of waiting) if (target.isConnected) renderTex(target, tex, options);
    waiting.clear();
  });
  return katexLoad;
}

/** Renders TeX with the vendored KaTeX (fetched on first use), or shows the TeX source when it is unavailable. */
export function renderTex(target, tex, options = {}) {
  const katex = globalThis.katex;
  if (katex) {
    waiting.delete(target);
    katex.render(tex, target, { throwOnError: false, displayMode: !!options.display, output: "htmlAndMathml" });
  } else if (katexMissing) {
    target.textContent = tex;
  } else {
    target.textContent = "";
    waiting.set(target, [tex, options]);
    loadKatex();
  }
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
