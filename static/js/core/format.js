// Number formatting for everything the learner reads. Pure: no DOM.

const FIXED_DIGITS = 4;

/** 0.75136507 → "0.7514"; tiny or huge numbers in scientific notation ("4.385e-4"). */
export function formatNumber(x) {
  if (x === null || x === undefined) return "–";
  if (typeof x !== "number" || Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "∞" : "-∞";
  const size = Math.abs(x);
  if (size !== 0 && (size < 5e-4 || size >= 1e5)) return x.toExponential(3);
  const text = x.toFixed(FIXED_DIGITS);
  return /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

/** A number for TeX: scientific notation as a·10^{b}, negatives in parentheses when asked. */
export function texNumber(x, { parens = false } = {}) {
  const text = formatNumber(x);
  const match = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  const tex = match ? `${match[1]}\\cdot 10^{${match[2] === "-" ? "-" : ""}${match[3]}}` : text;
  return parens && x < 0 ? `(${tex})` : tex;
}

/** Plain-text names for labels and tooltips (no TeX). */
export function plainWeightName(layer, neuron, input) {
  return `w${layer + 1}[${neuron + 1},${input + 1}]`;
}

export function plainBiasName(layer, neuron) {
  return `b${layer + 1}[${neuron + 1}]`;
}
