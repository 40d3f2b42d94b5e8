// POST /api/graph and POST /api/gradcheck. Same conventions as api.js: URLs relative to the
// page (works under a root path), a 4xx becomes an ApiError carrying the API's `detail`.

import { ApiError, detailMessage } from "./api.js";

async function post(path, body) {
  let response;
  try {
    response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError("the server cannot be reached; is it still running?");
  }
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(data && data.detail ? detailMessage(data.detail) : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

/** The fields of the state that both endpoints take. */
export const problemOf = (state) => ({ network: state.network, inputs: state.inputs, targets: state.targets, loss: state.loss });

/** The step as scalar operations (or a note when the network or batch is too large for it). */
export const postGraph = (state) => post("api/graph", problemOf(state));

/** Every weight's and bias's analytic gradient beside its central-difference estimate. */
export const postGradcheck = (state) => post("api/gradcheck", problemOf(state));
