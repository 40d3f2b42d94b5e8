// The server's catalog (GET /api/catalog at the default settings, saved in catalog.json) for the
// modules that read names, defaults and limits from it. Importing this module sets it, as
// core/main.js does on the page. tests/browser/core/test_catalog_fixture.py checks the file against the API.
import { readFileSync } from "node:fs";
import { setCatalog } from "../../../static/js/core/catalog.js";

export const CATALOG = JSON.parse(readFileSync(new URL("./catalog.json", import.meta.url), "utf8"));
setCatalog(CATALOG);
