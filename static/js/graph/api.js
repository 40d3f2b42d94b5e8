// POST /api/graph, through core/api.js's client: URLs relative to the page, a 4xx becomes an
// ApiError carrying the API's `detail`.

import { post, problemOf } from "../core/api.js";

/** The step as scalar operations (or a note when the network or batch is too large for it). */
export const postGraph = (state) => post("api/graph", problemOf(state));
