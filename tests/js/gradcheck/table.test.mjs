import assert from "node:assert/strict";
import { test } from "node:test";
import { DEFAULT_SORT, errorNumber, nextSort, preciseNumber, sortRows, verdictText } from "../../../static/js/gradcheck/table.js";

// Rows shaped like /api/gradcheck's, numbers from its answer for mazur-2-2-2 (trimmed to four).
const ROWS = [
  { label: "w⁽¹⁾₁₁", analytic: 0.00043856773447434685, numeric: 0.0004385677293550216, relative_error: 1.1672826938549367e-8 },
  { label: "w⁽¹⁾₁₂", analytic: 0.0008771354689486937, numeric: 0.0008771354698122734, relative_error: 9.84545426871117e-10 },
  { label: "w⁽²⁾₁₁", analytic: 0.08216704056423078, numeric: 0.0821670405631858, relative_error: 1.2717794592148501e-11 },
  { label: "b⁽²⁾₂", analytic: -0.03809823651655623, numeric: -0.038098236515571315, relative_error: 2.5851945645475878e-11 },
];
const RESULT = { parameters: ROWS, worst: 0, max_relative_error: 1.1672826938549367e-8, verdict: "pass", thresholds: { pass: 1e-6, warn: 1e-3 } };

test("the default order is worst first: largest relative error on top", () => {
  assert.deepEqual(DEFAULT_SORT, { key: "relative_error", direction: "descending" });
  assert.deepEqual(sortRows(ROWS, DEFAULT_SORT), [0, 1, 3, 2]);
});

test("sorting by parameter is the network's order; numbers sort by value, ties keep network order", () => {
  assert.deepEqual(sortRows(ROWS, { key: "label", direction: "ascending" }), [0, 1, 2, 3]);
  assert.deepEqual(sortRows(ROWS, { key: "label", direction: "descending" }), [3, 2, 1, 0]);
  assert.deepEqual(sortRows(ROWS, { key: "analytic", direction: "ascending" }), [3, 0, 1, 2]);
  const tied = [{ numeric: 1 }, { numeric: 2 }, { numeric: 1 }];
  assert.deepEqual(sortRows(tied, { key: "numeric", direction: "descending" }), [1, 0, 2]);
});

test("clicking the sorted column reverses it; another column starts in its own first direction", () => {
  assert.deepEqual(nextSort(DEFAULT_SORT, "relative_error"), { key: "relative_error", direction: "ascending" });
  assert.deepEqual(nextSort(DEFAULT_SORT, "label"), { key: "label", direction: "ascending" });
  assert.deepEqual(nextSort({ key: "label", direction: "ascending" }, "analytic"), { key: "analytic", direction: "descending" });
});

test("gradients show 7 significant digits, so analytic and numeric can be compared by eye", () => {
  assert.equal(preciseNumber(0.08216704056423078), "0.08216704");
  assert.equal(preciseNumber(-0.03809823651655623), "-0.03809824");
  assert.equal(preciseNumber(0.00043856773447434685), "4.385677e-4");
  assert.equal(preciseNumber(0), "0");
  assert.equal(errorNumber(1.1672826938549367e-8), "1.17e-8");
  assert.equal(errorNumber(0), "0");
});

test("the verdict names the largest error, its parameter and the server's verdict", () => {
  assert.equal(verdictText(RESULT), "Max relative error 1.17e-8 (w⁽¹⁾₁₁) — pass: every gradient agrees with its estimate (≤ 1e-6).");
  assert.match(verdictText({ ...RESULT, verdict: "fail", max_relative_error: 1 }), /^Max relative error 1\.00e\+0 .* fail: /);
});
