// What the server offers, learned once from GET /api/catalog before the page starts: activation,
// loss and optimizer names with their titles and defaults, the built-in datasets with theirs, the
// server's limits and the explainer editor's smaller ones. The browser keeps no copy of these.

import { request } from "./api.js";

let current = null;

/** Fetches the catalog (main.js, once, before anything reads it). */
export async function loadCatalog() {
  current = await request("api/catalog");
  return current;
}

/** Sets the catalog without fetching it (the JS unit tests use the server's own answer). */
export function setCatalog(catalog) {
  current = catalog;
}

/** The catalog: {activations, losses, optimizers, datasets, limits, editor_limits}. */
export function catalog() {
  if (!current) throw new Error("the catalog is not loaded yet (main.js loads it first)");
  return current;
}

/** The names of one list ("activations", "losses", "optimizers", "datasets"), in the server's order. */
export const namesOf = (list) => catalog()[list].map((entry) => entry.name);

/** The entry of `name` in one list, or undefined. */
export const entryOf = (list, name) => catalog()[list].find((entry) => entry.name === name);

/** What the page shows for `name` of one list (its name when the server has no such entry). */
export const titleOf = (list, name) => entryOf(list, name)?.title ?? name;
