// Number and name formatting for everything the learner reads. Pure: no DOM.
// One rule for numbers everywhere on screen: 4 significant digits; below 0.001 or from 10 000
// on, scientific notation written as on paper, 4.386 × 10⁻⁴ (in TeX 4.386 \times 10^{-4}).

const DIGITS = 4;
const SUPERSCRIPT = { "-": "⁻", 0: "⁰", 1: "¹", 2: "²", 3: "³", 4: "⁴", 5: "⁵", 6: "⁶", 7: "⁷", 8: "⁸", 9: "⁹", "(": "⁽", ")": "⁾" };
const SUBSCRIPT = { 0: "₀", 1: "₁", 2: "₂", 3: "₃", 4: "₄", 5: "₅", 6: "₆", 7: "₇", 8: "₈", 9: "₉" };
const script = (table, text) => [...String(text)].map((c) => table[c] ?? c).join("");

/** A finite number as [mantissa, exponent]: exponent null when it is written out in full. */
function parts(x) {
  if (x === 0) return ["0", null];
  const size = Math.abs(x);
  if (size >= 1e-3 && size < 1e4) {
    const text = x.toPrecision(DIGITS);
    if (!text.includes("e")) return [text, null]; // 9999.7 rounds to 1.000e+4: written as a power below
  }
  const [mantissa, exponent] = x.toExponential(DIGITS - 1).split("e");
  return [mantissa, Number(exponent)];
}

/** 0.75136507 → "0.7514", 1.5 → "1.500", 0.00043856773 → "4.386 × 10⁻⁴"; missing "–". */
export function formatNumber(x) {
  if (x === null || x === undefined) return "–";
  if (typeof x !== "number" || Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const [mantissa, exponent] = parts(x);
  return exponent === null ? mantissa : `${mantissa} × 10${script(SUPERSCRIPT, exponent)}`;
}

/** The same number for TeX (4.386 \times 10^{-4}); negatives in parentheses when asked. */
export function texNumber(x, { parens = false } = {}) {
  let tex;
  if (typeof x !== "number" || !Number.isFinite(x)) tex = formatNumber(x).replace("∞", "\\infty ").replace("–", "\\text{–}");
  else {
    const [mantissa, exponent] = parts(x);
    tex = exponent === null ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
  }
  return parens && x < 0 ? `(${tex})` : tex;
}

/** Indices of a name, 1-based; joined by a comma only when one has two digits (w₁₀,₃). */
function indices(...list) {
  const shown = list.map((i) => (typeof i === "number" ? i + 1 : i));
  return shown.join(shown.some((i) => String(i).length > 1) ? "," : "");
}

/** A name of the learner's notation in plain text: symbol⁽layer⁾index (layer 1-based, or none). */
export function plainSymbol(symbol, layer, ...index) {
  const sup = layer === null ? "" : script(SUPERSCRIPT, `(${layer + 1})`);
  return `${symbol}${sup}${script(SUBSCRIPT, indices(...index))}`;
}

/** The same name in TeX: symbol^{(layer)}_{index}. */
export function texSymbol(symbol, layer, ...index) {
  const sup = layer === null ? "" : `^{(${layer + 1})}`;
  return `${symbol}${sup}_{${indices(...index)}}`;
}

/** w⁽ˡ⁾ⱼᵢ: the weight of layer `layer` (0-based) from input i into neuron j, as the diagram, tooltips and table say it. */
export function plainWeightName(layer, neuron, input) {
  return plainSymbol("w", layer, neuron, input);
}

export function plainBiasName(layer, neuron) {
  return plainSymbol("b", layer, neuron);
}
