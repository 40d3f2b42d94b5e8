// Small DOM helpers: every element is built with createElement and textContent, never innerHTML.

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

/** A labelled number input; calls onchange with a finite number, or marks itself invalid. */
export function numberField(label, value, onchange, attrs = {}) {
  const input = el("input", { type: "number", step: "any", value, ...attrs });
  input.addEventListener("change", () => {
    const x = Number(input.value);
    const ok = input.value.trim() !== "" && Number.isFinite(x);
    input.setAttribute("aria-invalid", ok ? "false" : "true");
    if (ok) onchange(x);
  });
  return el("label", { class: "field" }, [el("span", { text: label }), input]);
}
