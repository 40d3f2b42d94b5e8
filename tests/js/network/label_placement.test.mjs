import assert from "node:assert/strict";
import { test } from "node:test";
import { labelBox, labelCandidates, layout, placeLabels } from "../../../static/js/network/layout.js";

const FONT = 11;
const LONGEST = 116; // "-0.9895 → -0.9544" as draw.js estimates it, in SVG units

/** Every bias then weight label of a shape (draw.js's order), placed as the Update phase shows them (all long). */
function placedBoxes(widths) {
  const g = layout(widths);
  const labels = [...g.bias_edges.map((e) => [e, "bias"]), ...g.edges.map((e) => [e, "weight"])].map(([e, kind]) => ({
    candidates: labelCandidates(e, kind, g.radius),
    width: LONGEST,
    font: FONT,
  }));
  return placeLabels(labels).map((at) => labelBox(at, LONGEST, FONT));
}

const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

for (const widths of [[1, 1], [1, 1, 1], [2, 2, 2], [2, 2, 1], [2, 3, 3], [2, 4, 1]]) {
  test(`no two update labels of a ${widths.join("-")} network overlap`, () => {
    const boxes = placedBoxes(widths);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) assert.ok(!overlap(boxes[i], boxes[j]), `labels ${i} and ${j}`);
    }
  });
}

test("a label keeps its first place when nothing is in the way", () => {
  const [a, b] = [{ x: 0, y: 0, anchor: "end" }, { x: 0, y: 50, anchor: "end" }];
  assert.deepEqual(placeLabels([{ candidates: [a, b], width: 40, font: FONT }]), [a]);
  const far = { x: 500, y: 500, anchor: "end" };
  assert.deepEqual(placeLabels([{ candidates: [a], width: 40, font: FONT }, { candidates: [a, far], width: 40, font: FONT }]), [a, far]);
});
