// The learner's notation, one name per quantity everywhere (diagram, tooltips, Explanation,
// table): z⁽ˡ⁾ⱼ the pre-activation, a⁽ˡ⁾ⱼ the activation (x the inputs, y the outputs, t the
// targets), w⁽ˡ⁾ⱼᵢ, b⁽ˡ⁾ⱼ, δ⁽ˡ⁾ⱼ = ∂ℓ/∂z; L the batch loss, ℓ one sample's. A preset may carry a
// textbook's own names (GET /api/presets: `textbook`), shown beside these: "w⁽²⁾₁₁ (w5 in Mazur's post)".

import { plainSymbol, texSymbol } from "../core/format.js";
import { networkWidths } from "../core/state.js";

/** Names in TeX for a network of `widths` (layer l is 0-based; l = −1 are the inputs). */
export function notation(widths) {
  const L = widths.length - 1;
  return {
    L,
    a: (l, j) => (l < 0 ? texSymbol("x", null, j) : l === L - 1 ? texSymbol("y", null, j) : texSymbol("a", l, j)),
    z: (l, j) => texSymbol("z", l, j),
    w: (l, j, i) => texSymbol("w", l, j, i),
    b: (l, j) => texSymbol("b", l, j),
    t: (j) => texSymbol("t", null, j),
    delta: (l, j) => texSymbol("\\delta", l, j),
  };
}

const PLAIN = {
  x: (l, j) => plainSymbol("x", null, j),
  y: (l, j) => plainSymbol("y", null, j),
  a: (l, j, L) => (l === L - 1 ? plainSymbol("y", null, j) : plainSymbol("a", l, j)),
  z: (l, j) => plainSymbol("z", l, j),
  delta: (l, j) => plainSymbol("δ", l, j),
  w: (l, j, L, i) => plainSymbol("w", l, j, i),
  b: (l, j) => plainSymbol("b", l, j),
};

/** The textbook's name of a quantity, or "" (kind: w, b, z, a). */
export function textbookName(textbook, kind, l, j, i) {
  if (!textbook) return "";
  const table = { w: textbook.weights, b: textbook.biases, z: textbook.z, a: textbook.a, y: textbook.a }[kind];
  const name = table?.[l]?.[j];
  return (kind === "w" ? name?.[i] : name) || "";
}

/** A quantity's name in plain text, with the preset's textbook name beside it when it has one. */
export function plainName(kind, l, j, ctx, i) {
  const ours = PLAIN[kind](l, j, ctx.n.L, i);
  const theirs = textbookName(ctx.textbook, kind, l, j, i);
  return theirs ? `${ours} (${theirs} in ${ctx.textbook.source})` : ours;
}

/** A preset's textbook names, when the network is still that preset's (same widths), else null. */
export function textbookOf(state, presets = []) {
  const preset = presets.find((p) => p.name === state.preset);
  if (!preset?.textbook || JSON.stringify(preset.widths) !== JSON.stringify(networkWidths(state.network))) return null;
  return preset.textbook;
}
