import assert from "node:assert/strict";
import { test } from "node:test";
import { formatNumber, plainBiasName, plainWeightName, texNumber, texSymbol } from "../../../static/js/core/format.js";

test("formatNumber shows four significant digits", () => {
  assert.equal(formatNumber(0.75136507), "0.7514");
  assert.equal(formatNumber(0.772928465), "0.7729");
  assert.equal(formatNumber(-0.0381), "-0.03810");
  assert.equal(formatNumber(1.5), "1.500");
  assert.equal(formatNumber(1234.56), "1235");
  assert.equal(formatNumber(0.001), "0.001000");
});

test("formatNumber never shows a negative zero", () => {
  assert.equal(formatNumber(-0), "0");
  assert.equal(formatNumber(0), "0");
  assert.equal(formatNumber(-0.00004), "-4.000 × 10⁻⁵");
});

test("formatNumber writes tiny and huge numbers as a power of ten, as on paper", () => {
  assert.equal(formatNumber(0.00043856773), "4.386 × 10⁻⁴");
  assert.equal(formatNumber(123456.7), "1.235 × 10⁵");
  assert.equal(formatNumber(9999.7), "1.000 × 10⁴");
  assert.equal(formatNumber(1e-12), "1.000 × 10⁻¹²");
});

test("formatNumber names missing and non-finite values instead of printing NaN digits", () => {
  assert.equal(formatNumber(null), "–");
  assert.equal(formatNumber(undefined), "–");
  assert.equal(formatNumber(Infinity), "∞");
  assert.equal(formatNumber(Number.NaN), "NaN");
});

test("texNumber writes the same digits and power of ten for KaTeX and brackets negatives on request", () => {
  assert.equal(texNumber(0.00043856773), "4.386 \\times 10^{-4}");
  assert.equal(texNumber(123456.7), "1.235 \\times 10^{5}");
  assert.equal(texNumber(-0.5, { parens: true }), "(-0.5000)");
  assert.equal(texNumber(0.5, { parens: true }), "0.5000");
});

test("parameter names are w⁽ˡ⁾ⱼᵢ, 1-based, in plain text and in TeX", () => {
  assert.equal(plainWeightName(0, 1, 0), "w⁽¹⁾₂₁");
  assert.equal(plainBiasName(1, 0), "b⁽²⁾₁");
  assert.equal(plainWeightName(0, 9, 2), "w⁽¹⁾₁₀,₃");
  assert.equal(texSymbol("w", 0, 1, 0), "w^{(1)}_{21}");
});
