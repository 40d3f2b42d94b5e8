// POST /api/graph and POST /api/gradcheck. Through api.js's client: URLs relative to the page,
// a 4xx becomes an ApiError carrying the API's `detail`.

import { post } from "./api.js";

/** The fields of the state that both endpoints take. */
export const problemOf = (state) => ({ network: state.network, inputs: state.inputs, targets: state.targets, loss: state.loss });

/** The step as scalar operations (or a note when the network or batch is too large for it). */
export const postGraph = (state) => post("api/graph", problemOf(state));

/** Every weight's and bias's analytic gradient beside its central-difference estimate. */
export const postGradcheck = (state) => post("api/gradcheck", problemOf(state));
