// POST /api/gradcheck, through core/api.js's client: a 4xx becomes an ApiError carrying the API's `detail`.

import { post, problemOf } from "../core/api.js";

/** Every weight's and bias's analytic gradient beside its central-difference estimate. */
export const postGradcheck = (state) => post("api/gradcheck", problemOf(state));
