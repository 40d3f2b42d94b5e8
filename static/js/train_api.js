// The training lab's calls to the API: datasets, CSV parsing and /api/train. Errors become
// ApiError with the API's `detail` as one readable line (api.js's detailMessage).

import { post, request } from "./api.js";

/** {inputs, targets, kind, test_count} of a built-in dataset, the same rows /api/train uses. */
export function getDataset({ dataset, samples, noise, seed, test_fraction }) {
  const query = new URLSearchParams({ samples, noise, seed, test_fraction });
  return request(`api/datasets/${encodeURIComponent(dataset)}?${query}`);
}

/** The learner's CSV text → {inputs, targets, header, kind}, checked against the network's n_in. */
export const postCsv = (csv, inputWidth) => post("api/datasets/csv", { csv, input_width: inputWidth });

/** Some epochs of mini-batch training: {network, optimizer_state, history, epochs_done, final, grid, …}. */
export const postTrain = (body) => post("api/train", body);
