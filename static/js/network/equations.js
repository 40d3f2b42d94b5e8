// Turns one trace entry into words, a symbolic equation and the same equation with its numbers
// (TeX for KaTeX). Pure: it writes numbers the API computed, and computes none. The numeric form
// is the symbolic one with each symbol replaced by its number, then the result, so it can be
// checked as written (tests/browser/network/test_equations_evaluate.py evaluates every one).

import { texNumber as num } from "../core/format.js";
import { plainName } from "./notation.js";

const F = { sigmoid: "\\sigma", tanh: "\\tanh", relu: "\\mathrm{ReLU}", leaky_relu: "\\mathrm{LReLU}", linear: "\\mathrm{id}", softmax: "\\mathrm{softmax}" };
const WORDS = { sigmoid: "the sigmoid σ", tanh: "tanh", relu: "ReLU", leaky_relu: "leaky ReLU", linear: "the identity", softmax: "softmax" };
const neg = (x) => num(x, { parens: true }); // a number as a factor or after a minus: (−0.5000)

/** f′(s) in TeX for an element-wise activation, as one factor; `s` is a symbol or a number. */
export function derivativeTex(activation, s) {
  return {
    sigmoid: `\\sigma(${s})(1-\\sigma(${s}))`,
    tanh: `(1-\\tanh^2(${s}))`,
    relu: `\\mathbb{1}[${s}>0]`,
    leaky_relu: `(\\mathbb{1}[${s}>0] + 0.01\\,\\mathbb{1}[${s}\\le 0])`,
    linear: "1",
  }[activation] || `f'(${s})`;
}

const sampleWords = (e, ctx) => (ctx.samples > 1 && e.sample !== undefined ? ` (sample ${e.sample + 1} of ${ctx.samples})` : "");

/** Sum of products in TeX, with at most `max` terms before an ellipsis. */
function sumOf(terms, max = 4) {
  if (terms.length <= max) return terms.join(" + ");
  return `${terms.slice(0, max - 1).join(" + ")} + \\cdots + ${terms.at(-1)}`;
}

/** The other entries of this kind in the same layer and sample (softmax mixes its neurons). */
const siblings = (e, ctx) => (ctx.entries || []).filter((o) => o.kind === e.kind && o.layer === e.layer && o.sample === e.sample);

function neuron(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const f = F[e.activation];
  const sym = sumOf(e.weights.map((_, i) => `${n.w(l, j, i)}\\,${n.a(l - 1, i)}`)) + ` + ${n.b(l, j)}`;
  const nums = sumOf(e.weights.map((w, i) => `${neg(w)}\\cdot ${neg(e.inputs[i])}`)) + ` + ${neg(e.bias)}`;
  let symAct = `${f}(${n.z(l, j)})`;
  let act = `${f}(${num(e.z)})`;
  if (e.activation === "softmax") {
    const zs = siblings(e, ctx).map((o) => `\\exp(${num(o.z)})`);
    symAct = `\\frac{\\exp(${n.z(l, j)})}{\\sum_k \\exp(${n.z(l, "k")})}`;
    act = zs.length ? `\\frac{\\exp(${num(e.z)})}{${sumOf(zs)}}` : symAct;
  }
  return {
    words: `Forward, ${plainName("a", l, j, ctx)}${sampleWords(e, ctx)}: multiply each input by its weight, add the bias, then apply ${WORDS[e.activation]}.`,
    symbolic: `${n.z(l, j)} = ${sym}, \\quad ${n.a(l, j)} = ${symAct}`,
    numbers: `${n.z(l, j)} = ${nums} = ${num(e.z)}, \\quad ${n.a(l, j)} = ${act} = ${num(e.a)}`,
  };
}

/** One sample's ℓ in TeX: from symbols (y, t) or from that sample's numbers. */
const PER_SAMPLE = {
  mse: (y, t) => `\\tfrac{1}{2}\\big[${sumOf(y.map((yk, k) => `(${yk} - ${t[k]})^2`))}\\big]`,
  binary_cross_entropy: (y, t) => `-\\big[${sumOf(y.map((yk, k) => `${t[k]}\\log(${yk}) + (1 - ${t[k]})\\log(1 - ${yk})`))}\\big]`,
  cross_entropy: (y, t) => `-\\big[${sumOf(y.map((yk, k) => `${t[k]}\\log(${yk})`))}\\big]`,
};

function loss(e, ctx) {
  const n = ctx.n;
  const N = e.per_sample.length;
  const K = e.outputs[0].length;
  const ks = [...Array(K).keys()];
  const s = N > 1 ? Math.min(ctx.sample || 0, N - 1) : 0;
  const ell = N > 1 ? `\\ell_{${s + 1}}` : "L";
  const perSample = PER_SAMPLE[e.loss](ks.map((k) => n.a(n.L - 1, k)), ks.map((k) => n.t(k)));
  const shown = `${ell} = ${PER_SAMPLE[e.loss](e.outputs[s].map((y) => num(y)), e.targets[s].map(neg))} = ${num(e.per_sample[s])}`;
  const symbolic = N > 1 ? `L = \\tfrac{1}{N}\\sum_{n=1}^{N} \\ell_n, \\quad \\ell_n = ${perSample}` : `L = ${perSample}`;
  const mean = `L = \\tfrac{1}{${N}}\\big(${sumOf(e.per_sample.map((v) => num(v)), 5)}\\big) = ${num(e.value)}`;
  return {
    words: `Loss: compare the outputs with the targets: L is the ${e.loss.replace(/_/g, " ")}${N > 1 ? `, the mean of the ${N} samples' ℓ` : ""}.`,
    symbolic,
    numbers: N > 1 ? `${shown}, \\quad ${mean}` : shown,
  };
}

/** Softmax: δⱼ = aⱼ(∂ℓ/∂aⱼ − Σᵢ ∂ℓ/∂aᵢ aᵢ), from the layer's own entries. */
function softmaxDelta(e, ctx, words) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const dl = (i) => `\\tfrac{\\partial \\ell}{\\partial ${n.a(l, i)}}`;
  const all = siblings(e, ctx);
  const symbolic = `${n.delta(l, j)} = ${n.a(l, j)}\\big(${dl(j)} - \\sum_i ${dl("i")}\\,${n.a(l, "i")}\\big)`;
  const sum = sumOf(all.map((o) => `${neg(o.dl_da)}\\cdot ${num(o.a)}`));
  return { words, symbolic, numbers: `${n.delta(l, j)} = ${num(e.a)}\\big(${neg(e.dl_da)} - (${sum})\\big) = ${num(e.delta)}` };
}

function outputDelta(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const d = n.delta(l, j);
  const words = `Backward, output ${plainName("y", l, j, ctx)}${sampleWords(e, ctx)}: how much the loss changes with this neuron's input ${plainName("z", l, j, ctx)}, its δ.`;
  if (e.rule.replace(/\s/g, "") === "δ=y−t") {
    return { words, symbolic: `${d} = ${n.a(l, j)} - ${n.t(j)}`, numbers: `${d} = ${num(e.a)} - ${neg(e.target)} = ${num(e.delta)}` };
  }
  if (e.da_dz === null) return softmaxDelta(e, ctx, words);
  const mse = ctx.loss === "mse";
  const dl = mse ? `(${n.a(l, j)} - ${n.t(j)})` : `\\frac{\\partial \\ell}{\\partial ${n.a(l, j)}}`;
  const dlNum = mse ? `(${num(e.a)} - ${neg(e.target)})` : neg(e.dl_da);
  return {
    words,
    symbolic: `${d} = \\frac{\\partial \\ell}{\\partial ${n.a(l, j)}} \\cdot \\frac{\\partial ${n.a(l, j)}}{\\partial ${n.z(l, j)}} = ${dl} \\cdot ${derivativeTex(ctx.activations[l], n.z(l, j))}`,
    numbers: `${d} = ${dlNum} \\cdot ${derivativeTex(ctx.activations[l], num(e.z))} = ${neg(e.dl_da)} \\cdot ${neg(e.da_dz)} = ${num(e.delta)}`,
  };
}

/** Σₖ w⁽ˡ⁺¹⁾ₖⱼ δ⁽ˡ⁺¹⁾ₖ of a hidden delta entry: symbolic and with its numbers. */
function backSum(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  return {
    sym: sumOf(e.next_weights.map((_, k) => `${n.w(l + 1, k, j)}\\,${n.delta(l + 1, k)}`)),
    nums: sumOf(e.next_weights.map((w, k) => `${neg(w)}\\cdot ${neg(e.next_deltas[k])}`)),
  };
}

function hiddenDelta(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const { sym, nums } = backSum(e, ctx);
  const words = `Backward, ${plainName("a", l, j, ctx)}${sampleWords(e, ctx)}: the δs of the next layer flow back through their weights, scaled by this neuron's slope.`;
  const dlda = `\\frac{\\partial \\ell}{\\partial ${n.a(l, j)}}`;
  if (e.da_dz === null) {
    const soft = softmaxDelta(e, ctx, words);
    return { words, symbolic: `${dlda} = ${sym}, \\quad ${soft.symbolic}`, numbers: `${dlda} = ${nums} = ${num(e.dl_da)}, \\quad ${soft.numbers}` };
  }
  const slope = (s) => derivativeTex(ctx.activations[l], s);
  return {
    words,
    symbolic: `${n.delta(l, j)} = \\Big(${sym}\\Big) \\cdot ${slope(n.z(l, j))}`,
    numbers: `${n.delta(l, j)} = \\big(${nums}\\big) \\cdot ${slope(num(e.z))} = ${neg(e.dl_da)} \\cdot ${neg(e.da_dz)} = ${num(e.delta)}`,
  };
}

function gradient(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const isWeight = e.kind === "weight_gradient";
  const p = isWeight ? n.w(l, j, e.input) : n.b(l, j);
  const N = e.deltas.length;
  const factor = isWeight ? `\\,${n.a(l - 1, e.input)}` : "";
  const term = (k) => (isWeight ? `${neg(e.deltas[k])}\\cdot ${neg(e.inputs[k])}` : neg(e.deltas[k]));
  const symbolic = N > 1 ? `\\frac{\\partial L}{\\partial ${p}} = \\frac{1}{N}\\sum_n ${n.delta(l, j)}${factor}` : `\\frac{\\partial L}{\\partial ${p}} = ${n.delta(l, j)}${factor}`;
  const sum = N > 1 ? `\\tfrac{1}{${N}}\\big(${sumOf(e.deltas.map((_, k) => term(k)))}\\big)` : term(0);
  const name = isWeight ? plainName("w", l, j, ctx, e.input) : plainName("b", l, j, ctx);
  return {
    words: isWeight
      ? `Gradient of ${name}: the neuron's δ times the input that weight multiplied${N > 1 ? ", averaged over the batch" : ""}.`
      : `Gradient of ${name}: the neuron's δ (a bias multiplies 1)${N > 1 ? ", averaged over the batch" : ""}.`,
    symbolic,
    numbers: `\\frac{\\partial L}{\\partial ${p}} = ${sum} = ${num(e.grad)}`,
  };
}

function update(e, ctx) {
  const n = ctx.n;
  const { layer: l, neuron: j } = e;
  const isWeight = e.kind === "weight_update";
  const p = isWeight ? n.w(l, j, e.input) : n.b(l, j);
  const g = `\\frac{\\partial L}{\\partial ${p}}`;
  const eta = num(e.learning_rate);
  const name = isWeight ? plainName("w", l, j, ctx, e.input) : plainName("b", l, j, ctx);
  const words = `Update ${name} with ${e.optimizer}: step against the gradient.`;
  if (e.optimizer === "momentum") {
    return { words, symbolic: `v := \\mu v + ${g}, \\quad ${p} := ${p} - \\eta\\, v`, numbers: `v = ${num(e.velocity)}, \\quad ${p} := ${num(e.old)} - ${eta}\\cdot ${neg(e.velocity)} = ${num(e.new)}` };
  }
  if (e.optimizer === "adam") {
    return { words, symbolic: `m := \\beta_1 m + (1-\\beta_1) g,\\; v := \\beta_2 v + (1-\\beta_2) g^2,\\; ${p} := ${p} - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v}+\\epsilon}`, numbers: `g = ${num(e.grad)},\\; \\hat m = ${num(e.m_hat)},\\; \\hat v = ${num(e.v_hat)},\\; ${p} := ${num(e.old)} - ${eta}\\cdot\\frac{${num(e.m_hat)}}{\\sqrt{${num(e.v_hat)}}+${num(e.epsilon)}} = ${num(e.new)}` };
  }
  return { words, symbolic: `${p} := ${p} - \\eta\\, ${g}`, numbers: `${p} := ${num(e.old)} - ${eta}\\cdot ${neg(e.grad)} = ${num(e.new)}` };
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
  const x = isWeight ? grad.inputs[delta.sample] : 1;
  const d = (top, bottom) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;
  const N = ctx.samples;
  const ell = N > 1 ? `\\ell_{${delta.sample + 1}}` : "L";
  const mean = `${d("L", p)} = ${gradient(grad, ctx).numbers.split(" = ").slice(1).join(" = ")}`;
  const title = `Chain rule for ${isWeight ? plainName("w", l, j, ctx, selected.input) : plainName("b", l, j, ctx)}${N > 1 ? ` (sample ${delta.sample + 1})` : ""}`;
  const act = ctx.activations[l];
  if (act === "softmax" || delta.da_dz === null || delta.rule.replace(/\s/g, "") === "δ=y−t") {
    const symbolic = `${d(ell, p)} = ${d(ell, z)} \\cdot ${d(z, p)} = ${n.delta(l, j)} \\cdot ${dzdp}`;
    const numbers = N > 1 ? `${d(ell, p)} = ${neg(delta.delta)} \\cdot ${neg(x)}, \\quad ${mean}` : `${d("L", p)} = ${neg(delta.delta)} \\cdot ${neg(x)} = ${num(grad.grad)}`;
    return { title, symbolic, numbers };
  }
  const out = delta.kind === "output_delta";
  const back = out ? null : backSum(delta, ctx);
  const mse = out && ctx.loss === "mse";
  const dl = out ? (mse ? `(${a} - ${n.t(j)})` : d("\\ell", a)) : `\\Big(\\sum_k ${n.w(l + 1, "k", j)}\\,${n.delta(l + 1, "k")}\\Big)`;
  const dlNum = out ? (mse ? `(${num(delta.a)} - ${neg(delta.target)})` : neg(delta.dl_da)) : `\\big(${back.nums}\\big)`;
  const symbolic = `${d(ell, p)} = ${d(ell, a)} \\cdot ${d(a, z)} \\cdot ${d(z, p)} = ${dl} \\cdot ${derivativeTex(act, z)} \\cdot ${dzdp}`;
  const slopeNum = derivativeTex(act, num(delta.z));
  const numbers = N > 1
    ? `${n.delta(l, j)} = ${dlNum} \\cdot ${slopeNum} = ${num(delta.delta)}, \\quad ${mean}`
    : `${d("L", p)} = ${dlNum} \\cdot ${slopeNum} \\cdot ${neg(x)} = ${neg(delta.dl_da)} \\cdot ${neg(delta.da_dz)} \\cdot ${neg(x)} = ${num(grad.grad)}`;
  return { title, symbolic, numbers };
}

const BUILDERS = { neuron, loss, output_delta: outputDelta, hidden_delta: hiddenDelta, weight_gradient: gradient, bias_gradient: gradient, weight_update: update, bias_update: update };

/** {words, symbolic, numbers} for an entry. ctx = equationContext(…) of explain.js. */
export function explainEntry(entry, ctx) {
  return BUILDERS[entry.kind](entry, ctx);
}
