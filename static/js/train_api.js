// The training lab's calls to the API: datasets, CSV parsing and /api/train. Errors become
// ApiError with the API's `detail` as one readable line (api.js's detailMessage).

import { ApiError, detailMessage } from "./api.js";

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
  } catch {
    throw new ApiError("the server cannot be reached; is it still running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new ApiError(body && body.detail ? detailMessage(body.detail) : `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return body;
}

const post = (path, body) => request(path, { method: "POST", body: JSON.stringify(body) });

/** The built-in datasets: name, title, kind, input_width, defaults. */
export const listDatasets = () => request("api/datasets");

/** {inputs, targets, kind, test_count} of a built-in dataset, the same rows /api/train uses. */
export function getDataset({ dataset, samples, noise, seed, test_fraction }) {
  const query = new URLSearchParams({ samples, noise, seed, test_fraction });
  return request(`api/datasets/${encodeURIComponent(dataset)}?${query}`);
}

/** The learner's CSV text → {inputs, targets, header, kind}, checked against the network's n_in. */
export const postCsv = (csv, inputWidth) => post("api/datasets/csv", { csv, input_width: inputWidth });

/** Some epochs of mini-batch training: {network, optimizer_state, history, epochs_done, final, grid, …}. */
export const postTrain = (body) => post("api/train", body);
