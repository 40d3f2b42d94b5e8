import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLesson } from "../../../static/js/core/lesson.js";

test("projector=1 opens projector mode; 0 or absent does not; another value is ignored with a note", () => {
  assert.equal(parseLesson("?projector=1").projector, true);
  assert.equal(parseLesson("?preset=mazur-2-2-2&projector=yes").projector, true);
  assert.equal(parseLesson("?projector=0").projector, false);
  assert.equal(parseLesson("").projector, false);
  const odd = parseLesson("?projector=big");
  assert.equal(odd.projector, false);
  assert.deepEqual(odd.notes, ["projector=big is not 1 or 0; ignored"]);
});
