import assert from "node:assert/strict";
import { test } from "node:test";
import { formatNumber, plainBiasName, plainWeightName, texNumber } from "../../../static/js/core/format.js";

test("formatNumber rounds to four decimals the way the tests read the API", () => {
  assert.equal(formatNumber(0.75136507), "0.7514");
  assert.equal(formatNumber(0.772928465), "0.7729");
  assert.equal(formatNumber(-0.0381), "-0.0381");
  assert.equal(formatNumber(1.5), "1.5000");
});

test("formatNumber never shows a negative zero", () => {
  assert.equal(formatNumber(-0), "0.0000");
  assert.equal(formatNumber(-0.00004), "-4.000e-5");
  assert.equal(formatNumber(-0.00051), "-0.0005");
});

test("formatNumber switches to scientific notation for tiny and huge numbers", () => {
  assert.equal(formatNumber(0.00043856773), "4.386e-4");
  assert.equal(formatNumber(123456.7), "1.235e+5");
  assert.equal(formatNumber(0), "0.0000");
});

test("formatNumber names missing and non-finite values instead of printing NaN digits", () => {
  assert.equal(formatNumber(null), "–");
  assert.equal(formatNumber(undefined), "–");
  assert.equal(formatNumber(Infinity), "∞");
  assert.equal(formatNumber(Number.NaN), "NaN");
});

test("texNumber writes powers of ten for KaTeX and brackets negatives on request", () => {
  assert.equal(texNumber(0.00043856773), "4.386\\cdot 10^{-4}");
  assert.equal(texNumber(123456.7), "1.235\\cdot 10^{5}");
  assert.equal(texNumber(-0.5, { parens: true }), "(-0.5000)");
  assert.equal(texNumber(0.5, { parens: true }), "0.5000");
});

test("parameter names are 1-based in the learner's notation", () => {
  assert.equal(plainWeightName(0, 1, 0), "w1[2,1]");
  assert.equal(plainBiasName(1, 0), "b2[1]");
});
