// The tree's rule: core/ imports no feature, and a feature imports only core/ and itself.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

const JS = new URL("../../../static/js/", import.meta.url);
const FEATURES = readdirSync(JS, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== "core").map((d) => d.name);

/** The folders (relative to static/js) the modules of `folder` import from. */
function importedFolders(folder) {
  const found = new Set();
  for (const file of readdirSync(new URL(`${folder}/`, JS)).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(new URL(`${folder}/${file}`, JS), "utf8");
    for (const [, spec] of text.matchAll(/(?:from\s+|import\s*\(\s*)"([^"]+)"/g)) {
      found.add(spec.startsWith("../") ? spec.split("/")[1] : folder);
    }
  }
  return found;
}

test("nothing in core/ imports a feature", () => {
  assert.deepEqual([...importedFolders("core")], ["core"]);
});

test("each feature imports only core/ and its own modules", () => {
  assert.ok(FEATURES.length >= 4, FEATURES.join(", "));
  for (const feature of FEATURES) {
    for (const folder of importedFolders(feature)) assert.ok(["core", feature].includes(folder), `${feature} imports ${folder}`);
  }
});
