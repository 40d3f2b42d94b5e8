// The view shown travels with the state; typed numbers and seeds are read with a reason when bad.
import assert from "node:assert/strict";
import test from "node:test";

import { defaultState, maxSeed, parseState, readNumber, readSeed, registerShownView } from "../../../static/js/core/state.js";
import { fromFragment, toFragment } from "../../../static/js/core/storage.js";
import "./catalog.mjs";

registerShownView("training"); // as train/feature.js does on the page

test("the view shown round-trips through a link", () => {
  const state = { ...defaultState(), view: { ...defaultState().view, shown: "training" } };
  const { state: back, notes } = fromFragment(`#${toFragment(state)}`);
  assert.equal(back.view.shown, "training");
  assert.ok(!notes.some((n) => n.includes("shown")), notes.join("; "));
});

test("an unknown view shown is ignored with a note", () => {
  const { state, notes } = parseState({ view: { shown: "<script>" } });
  assert.equal(state.view.shown, undefined);
  assert.ok(notes.some((n) => n.includes("view.shown")));
});

test("a number too large for a double is refused with a reason, not read as Infinity", () => {
  assert.match(readNumber("1e999").error, /too large/);
  assert.match(readNumber("").error, /enter a number/);
  assert.match(readNumber("abc").error, /not a number/);
  assert.deepEqual(readNumber(" -2.5e3 "), { value: -2500 });
});

test("a seed outside 0 … 2³²−1 or not whole is refused; an empty seed is not 0", () => {
  for (const text of ["-1", "1.5", "", String(maxSeed() + 1), "1e999"]) assert.match(readSeed(text).error, /whole number from 0 to 4294967295/, text);
  assert.deepEqual(readSeed("0"), { value: 0 });
  assert.deepEqual(readSeed(String(maxSeed())), { value: maxSeed() });
});
