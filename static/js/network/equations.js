// Turns one trace entry into words, a symbolic equation and the same equation with its numbers
// (TeX for KaTeX). Pure: it writes numbers the API computed, and computes none.

import { formatNumber as fmt, texNumber as num } from "../core/format.js";

const F = { sigmoid: "\\sigma", tanh: "\\tanh", relu: "\\mathrm{ReLU}", leaky_relu: "\\mathrm{LReLU}", linear: "\\mathrm{id}", softmax: "\\mathrm{softmax}" };
const WORDS = { sigmoid: "the sigmoid σ", tanh: "tanh", relu: "ReLU", leaky_relu: "leaky ReLU", linear: "the identity", softmax: "softmax" };

/** f′(s) in TeX for an element-wise activation, s the pre-activation's symbol. */
export function derivativeTex(activation, s) {
  return {
    sigmoid: `\\sigma(${s})(1-\\sigma(${s}))`,
    tanh: `1-\\tanh^2(${s})`,
    relu: `\\mathbb{1}[${s}>0]`,
    leaky_relu: `(\\mathbb{1}[${s}>0] + 0.01\\,\\mathbb{1}[${s}\\le 0])`,
    linear: "1",
  }[activation] || `f'(${s})`;
}

/**
 * Names in the learner's notation for a network of `widths`. Subscripts are dropped for a
 * column of one neuron and layer superscripts for a one-layer network, so the seed neuron
 * reads x, w, b, h, y, t. `pre` is the pre-activation's letter (h for the seed presets).
 */
export function notation(widths, pre = "z") {
  const L = widths.length - 1;
  const sup = (l) => (L > 1 ? `^{(${l + 1})}` : "");
  const ix = (i) => (typeof i === "string" ? i : i + 1); // "k" stays a letter
  const sub = (j, width) => (width > 1 ? `_{${ix(j)}}` : "");
  return {
    L,
    a: (l, j) => (l < 0 ? `x${sub(j, widths[0])}` : l === L - 1 ? `y${sub(j, widths[L])}` : `a${sup(l)}${sub(j, widths[l + 1])}`),
    z: (l, j) => `${pre}${sup(l)}${sub(j, widths[l + 1])}`,
    w: (l, j, i) => `w${sup(l)}${widths[l + 1] * widths[l] > 1 ? `_{${ix(j)}${ix(i)}}` : ""}`,
    b: (l, j) => `b${sup(l)}${sub(j, widths[l + 1])}`,
    t: (j) => `t${sub(j, widths[L])}`,
    delta: (l, j) => `\\delta${sup(l)}${sub(j, widths[l + 1])}`,
  };
}

const where = (n, l, j) => `layer ${l + 1}, neuron ${j + 1}`;
const sampleWords = (e, ctx) => (ctx.samples > 1 && e.sample !== undefined ? ` (sample ${e.sample + 1} of ${ctx.samples})` : "");

/** Sum of products in TeX, with at most `max` terms before an ellipsis. */
function sumOf(terms, max = 4) {
  if (terms.length <= max) return terms.join(" + ");
  return `${terms.slice(0, max - 1).join(" + ")} + \\cdots + ${terms.at(-1)}`;
}

function neuron(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const f = F[e.activation];
  const sym = sumOf(e.weights.map((_, i) => `${n.w(l, j, i)}\\,${n.a(l - 1, i)}`)) + ` + ${n.b(l, j)}`;
  const nums = sumOf(e.weights.map((w, i) => `${num(w, { parens: true })}\\cdot ${num(e.inputs[i], { parens: true })}`)) + ` + ${num(e.bias, { parens: true })}`;
  const act = e.activation === "softmax" ? `${f}(${n.z(l, "k")})_{${j + 1}}` : `${f}(${num(e.z)})`;
  return {
    words: `Forward, ${where(n, l, j)}${sampleWords(e, ctx)}: multiply each input by its weight, add the bias, then apply ${WORDS[e.activation]}.`,
    symbolic: `${n.z(l, j)} = ${sym}, \\quad ${n.a(l, j)} = ${f}(${n.z(l, j)})`,
    numbers: `${n.z(l, j)} = ${nums} = ${num(e.z)}, \\quad ${n.a(l, j)} = ${act} = ${num(e.a)}`,
  };
}

const LOSS_TEX = {
  mse: (n, K) => (K > 1 ? `\\tfrac{1}{2}\\sum_k (y_k - t_k)^2` : `\\tfrac{1}{2}(y - t)^2`),
  binary_cross_entropy: () => `-\\sum_k \\big[t_k \\log y_k + (1-t_k)\\log(1-y_k)\\big]`,
  cross_entropy: () => `-\\sum_k t_k \\log y_k`,
};

function loss(e, ctx) {
  const N = e.per_sample.length;
  const K = e.outputs[0].length;
  const perSample = LOSS_TEX[e.loss](ctx.n, K);
  const symbolic = N > 1 ? `L = \\frac{1}{N}\\sum_{n=1}^{N} \\ell_n, \\quad \\ell_n = ${perSample}` : `L = ${perSample}`;
  let numbers;
  if (N === 1 && e.loss === "mse") {
    const terms = e.outputs[0].map((y, k) => `(${num(y)} - ${num(e.targets[0][k], { parens: true })})^2`);
    numbers = `L = \\tfrac{1}{2}\\big[${sumOf(terms)}\\big] = ${num(e.value)}`;
  } else if (N === 1) {
    numbers = `L = ${num(e.value)}`;
  } else {
    numbers = `L = \\tfrac{1}{${N}}\\big(${sumOf(e.per_sample.map((v) => num(v)), 5)}\\big) = ${num(e.value)}`;
  }
  return {
    words: `Loss: compare the outputs with the targets (${e.loss.replace(/_/g, " ")}${N > 1 ? `, averaged over ${N} samples` : ""}).`,
    symbolic,
    numbers,
  };
}

function outputDelta(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const d = n.delta(l, j);
  const words = `Backward, output neuron ${j + 1}${sampleWords(e, ctx)}: how much the loss changes with this neuron's input z — its δ.`;
  if (e.rule.replace(/\s/g, "") === "δ=y−t") {
    return { words, symbolic: `${d} = ${n.a(l, j)} - ${n.t(j)}`, numbers: `${d} = ${num(e.a)} - ${num(e.target, { parens: true })} = ${num(e.delta)}` };
  }
  if (e.da_dz === null) {
    return { words, symbolic: `${d} = ${n.a(l, j)}\\,\\big(\\tfrac{\\partial \\ell}{\\partial ${n.a(l, j)}} - \\sum_k \\tfrac{\\partial \\ell}{\\partial y_k} y_k\\big)`, numbers: `\\tfrac{\\partial \\ell}{\\partial ${n.a(l, j)}} = ${num(e.dl_da)}, \\quad ${d} = ${num(e.delta)}` };
  }
  const dl = ctx.loss === "mse" ? `(${n.a(l, j)} - ${n.t(j)})` : `\\tfrac{\\partial \\ell}{\\partial ${n.a(l, j)}}`;
  const dlNum = ctx.loss === "mse" ? `(${num(e.a)} - ${num(e.target, { parens: true })})` : num(e.dl_da, { parens: true });
  return {
    words,
    symbolic: `${d} = \\frac{\\partial \\ell}{\\partial ${n.a(l, j)}} \\cdot \\frac{\\partial ${n.a(l, j)}}{\\partial ${n.z(l, j)}} = ${dl} \\cdot ${derivativeTex(ctx.activations[l], n.z(l, j))}`,
    numbers: `${d} = ${dlNum} \\cdot ${num(e.da_dz)} = ${num(e.dl_da, { parens: true })} \\cdot ${num(e.da_dz)} = ${num(e.delta)}`,
  };
}

function hiddenDelta(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const sumSym = sumOf(e.next_weights.map((_, k) => `${n.w(l + 1, k, j)}\\,${n.delta(l + 1, k)}`));
  const sumNum = sumOf(e.next_weights.map((w, k) => `${num(w, { parens: true })}\\cdot ${num(e.next_deltas[k], { parens: true })}`));
  const words = `Backward, ${where(n, l, j)}${sampleWords(e, ctx)}: the δs of the next layer flow back through their weights, scaled by this neuron's slope.`;
  const dlda = `\\frac{\\partial \\ell}{\\partial ${n.a(l, j)}}`;
  if (e.da_dz === null) {
    return { words, symbolic: `${dlda} = ${sumSym}`, numbers: `${dlda} = ${sumNum} = ${num(e.dl_da)}, \\quad ${n.delta(l, j)} = ${num(e.delta)}` };
  }
  return {
    words,
    symbolic: `${n.delta(l, j)} = \\Big(${sumSym}\\Big) \\cdot ${derivativeTex(ctx.activations[l], n.z(l, j))}`,
    numbers: `${n.delta(l, j)} = \\big(${sumNum}\\big) \\cdot ${num(e.da_dz)} = ${num(e.dl_da, { parens: true })} \\cdot ${num(e.da_dz)} = ${num(e.delta)}`,
  };
}

function gradient(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const isWeight = e.kind === "weight_gradient";
  const p = isWeight ? n.w(l, j, e.input) : n.b(l, j);
  const N = e.deltas.length;
  const factor = isWeight ? `\\,${n.a(l - 1, e.input)}` : "";
  const term = (k) => (isWeight ? `${num(e.deltas[k], { parens: true })}\\cdot ${num(e.inputs[k], { parens: true })}` : num(e.deltas[k], { parens: true }));
  const symbolic = N > 1 ? `\\frac{\\partial L}{\\partial ${p}} = \\frac{1}{N}\\sum_n ${n.delta(l, j)}${factor}` : `\\frac{\\partial L}{\\partial ${p}} = ${n.delta(l, j)}${factor}`;
  const sum = N > 1 ? `\\tfrac{1}{${N}}\\big(${sumOf(e.deltas.map((_, k) => term(k)))}\\big)` : term(0);
  return {
    words: isWeight
      ? `Gradient of weight ${j + 1}←${e.input + 1} in layer ${l + 1}: the neuron's δ times the input that weight multiplied.`
      : `Gradient of bias ${j + 1} in layer ${l + 1}: the neuron's δ (a bias multiplies 1).`,
    symbolic,
    numbers: `\\frac{\\partial L}{\\partial ${p}} = ${sum} = ${num(e.grad)}`,
  };
}

function update(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const p = e.kind === "weight_update" ? n.w(l, j, e.input) : n.b(l, j);
  const g = `\\frac{\\partial L}{\\partial ${p}}`;
  const eta = num(e.learning_rate);
  const words = `Update ${e.kind === "weight_update" ? `weight ${j + 1}←${e.input + 1}` : `bias ${j + 1}`} of layer ${l + 1} with ${e.optimizer}: step against the gradient.`;
  if (e.optimizer === "momentum") {
    return { words, symbolic: `v := \\mu v + ${g}, \\quad ${p} := ${p} - \\eta\\, v`, numbers: `v = ${num(e.velocity)}, \\quad ${p} := ${num(e.old)} - ${eta}\\cdot ${num(e.velocity, { parens: true })} = ${num(e.new)}` };
  }
  if (e.optimizer === "adam") {
    return { words, symbolic: `m := \\beta_1 m + (1-\\beta_1) g,\\; v := \\beta_2 v + (1-\\beta_2) g^2,\\; ${p} := ${p} - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon}`, numbers: `g = ${num(e.grad)},\\; \\hat m = ${num(e.m_hat)},\\; \\hat v = ${num(e.v_hat)},\\; ${p} := ${num(e.old)} - ${eta}\\cdot\\frac{${num(e.m_hat)}}{\\sqrt{${num(e.v_hat)}}+${num(e.epsilon)}} = ${num(e.new)}` };
  }
  return { words, symbolic: `${p} := ${p} - \\eta\\, ${g}`, numbers: `${p} := ${num(e.old)} - ${eta}\\cdot ${num(e.grad, { parens: true })} = ${num(e.new)}` };
}

/** The local slope ∂a/∂z in TeX for a layer, or null for softmax (no per-neuron slope). */
function slopeTex(ctx, l, j) {
  const act = ctx.activations[l];
  return act === "softmax" ? null : derivativeTex(act, ctx.n.z(l, j));
}

/**
 * The whole chain rule of one weight or bias, for the shown sample:
 * ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w, each factor with its number from the trace.
 * delta = the neuron's delta entry, grad = its weight_gradient / bias_gradient entry.
 */
export function chainRule(selected, delta, grad, ctx) {
  if (!delta || !grad) return null;
  const n = ctx.n;
  const { layer: l, neuron: j } = selected;
  const isWeight = selected.kind === "weight";
  const p = isWeight ? n.w(l, j, selected.input) : n.b(l, j);
  const [a, z] = [n.a(l, j), n.z(l, j)];
  const dzdp = isWeight ? n.a(l - 1, selected.input) : "1";
  const sample = ctx.samples > 1 ? ` (sample ${delta.sample + 1})` : "";
  const x = isWeight ? grad.inputs[delta.sample] : 1;
  const dl = delta.kind === "output_delta" ? (ctx.loss === "mse" ? `(${a} - ${n.t(j)})` : `\\frac{\\partial \\ell}{\\partial ${a}}`) : `\\sum_k ${n.w(l + 1, "k", j)}\\,${n.delta(l + 1, "k")}`;
  const slope = slopeTex(ctx, l, j);
  const d = (top, bottom) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
  let symbolic;
  let numbers;
  if (slope === null || delta.da_dz === null) {
    symbolic = `${d("L", p)} = ${d("L", z)} \\cdot ${d(z, p)} = ${n.delta(l, j)} \\cdot ${dzdp}`;
    numbers = `${num(delta.delta, { parens: true })} \\cdot ${num(x, { parens: true })}`;
  } else {
    symbolic = `${d("L", p)} = ${d("L", a)} \\cdot ${d(a, z)} \\cdot ${d(z, p)} = ${dl} \\cdot ${slope} \\cdot ${dzdp}`;
    const dlNum = delta.kind === "output_delta" && ctx.loss === "mse" ? `(${num(delta.a)} - ${num(delta.target, { parens: true })})` : num(delta.dl_da, { parens: true });
    numbers = `${dlNum} \\cdot ${num(delta.da_dz)} \\cdot ${num(x, { parens: true })}`;
  }
  numbers = ctx.samples > 1
    ? `\\text{sample ${delta.sample + 1}: } ${numbers}, \\quad ${d("L", p)} = \\tfrac{1}{${ctx.samples}}\\textstyle\\sum_n \\delta_n ${isWeight ? "a_n" : ""} = ${num(grad.grad)}`
    : `${d("L", p)} = ${numbers} = ${num(grad.grad)}`;
  return { title: `Chain rule for ${isWeight ? "weight" : "bias"}${sample}`, symbolic, numbers };
}

const BUILDERS = { neuron, loss, output_delta: outputDelta, hidden_delta: hiddenDelta, weight_gradient: gradient, bias_gradient: gradient, weight_update: update, bias_update: update };

/** {words, symbolic, numbers} for an entry. ctx = {n: notation(...), activations, loss, samples}. */
export function explainEntry(entry, ctx) {
  return BUILDERS[entry.kind](entry, ctx);
}

export { fmt };
