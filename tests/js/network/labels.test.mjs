import assert from "node:assert/strict";
import { test } from "node:test";
import { fitFont, labelBox, placeLabels, textWidth } from "../../../static/js/network/layout.js";

test("a label avoids an obstacle and the drawing's edge when it has a free place", () => {
  const [onNode, offEdge, free] = [{ x: 0, y: 0, anchor: "middle" }, { x: 195, y: 50, anchor: "middle" }, { x: 100, y: 50, anchor: "middle" }];
  const node = { left: -20, right: 20, top: -20, bottom: 20 };
  const bounds = { left: -100, right: 200, top: -100, bottom: 200 };
  assert.deepEqual(placeLabels([{ candidates: [onNode, offEdge, free], width: 40, font: 11 }], [node], bounds), [free]);
});

test("a label left overlapping after the first pass moves when another place frees up", () => {
  const a = { x: 0, y: 0, anchor: "middle" };
  const b = { x: 0, y: 40, anchor: "middle" };
  // the first label takes a; the second only has a; the next pass moves the first to b
  const placed = placeLabels([{ candidates: [a, b], width: 30, font: 11 }, { candidates: [a], width: 30, font: 11 }]);
  assert.deepEqual(placed, [b, a]);
});

test("text widths grow with the text, and a long number gets a smaller font to fit its room", () => {
  assert.ok(textWidth("−1.0000", 11) > textWidth("0.5000", 11));
  assert.equal(fitFont("0.5", 11, 100), 11);
  const font = fitFont("4.386 × 10⁻⁴", 11, 40);
  assert.ok(font < 11 && Math.abs(textWidth("4.386 × 10⁻⁴", font) - 40) < 1e-9);
  assert.deepEqual(labelBox({ x: 10, y: 0, anchor: "middle" }, 20, 10), { left: 0, right: 20, top: -9.5, bottom: 3 });
});
