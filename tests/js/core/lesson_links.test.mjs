import assert from "node:assert/strict";
import { test } from "node:test";
import { CONTROLS, parseLesson } from "../../../static/js/core/lesson.js";

const NAMES = ["seed-neuron", "mazur-2-2-2"];

test("a lesson link picks a preset, locks editing and hides chosen controls", () => {
  const lesson = parseLesson("?preset=seed-neuron&lock=1&hide=play,speed", NAMES);
  assert.equal(lesson.preset, "seed-neuron");
  assert.equal(lesson.lock, true);
  for (const name of ["play", "speed", "editor", "preset", "import"]) assert.ok(lesson.hide.includes(name), name);
  assert.deepEqual(lesson.notes, []);
});

test("no options means an ordinary page", () => {
  assert.deepEqual(parseLesson("", NAMES), { preset: null, lock: false, projector: false, hide: [], notes: [] });
});

test("unknown options, presets, controls and lock values are ignored with a note each", () => {
  const lesson = parseLesson("?preset=nope&lock=maybe&hide=play,<script>&colour=red", NAMES);
  assert.equal(lesson.preset, null);
  assert.equal(lesson.lock, false);
  assert.deepEqual(lesson.hide, ["play"]);
  assert.equal(lesson.notes.length, 4);
  assert.ok(lesson.notes.some((n) => n.includes("colour")));
});

test("every hideable control name is a plain word", () => {
  for (const name of CONTROLS) assert.match(name, /^[a-z]+$/);
});
