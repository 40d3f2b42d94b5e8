import assert from "node:assert/strict";
import { test } from "node:test";
import { HISTORY_ENTRIES, HISTORY_STEPS, withStep } from "../../../static/js/core/steps.js";

const taken = (n, entries) => ({ n, step: { trace: new Array(entries).fill({}) } });

test("the history keeps the steps taken, oldest first, up to HISTORY_STEPS", () => {
  let history = [];
  for (let n = 0; n < HISTORY_STEPS + 5; n++) history = withStep(history, taken(n, 33));
  assert.equal(history.length, HISTORY_STEPS);
  assert.equal(history[0].n, 5);
  assert.equal(history.at(-1).n, HISTORY_STEPS + 4);
});

test("big traces drop the oldest steps past HISTORY_ENTRIES, but the newest is always kept", () => {
  let history = [];
  for (let n = 0; n < 5; n++) history = withStep(history, taken(n, 8449));
  assert.deepEqual(history.map((h) => h.n), [3, 4]);
  assert.equal(withStep([], taken(0, HISTORY_ENTRIES * 2)).length, 1);
});
