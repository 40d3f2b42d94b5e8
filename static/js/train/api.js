// The training lab's calls to the API: datasets, CSV parsing and /api/train. Errors become
// ApiError with the API's `detail` as one readable line (api.js's detailMessage) and the list
// itself, so the lab can word the ones a learner meets for the learner (wordTrainError) and
// still show the server's own line beside it.

import { post, request } from "../core/api.js";
import { titleOf } from "../core/catalog.js";
import { DEFAULT_SETUP } from "./config.js";

/** {inputs, targets, kind, test_count} of a built-in dataset, the same rows /api/train uses. */
export function getDataset({ dataset, samples, noise, seed, test_fraction }) {
  const query = new URLSearchParams({ samples, noise, seed, test_fraction });
  return request(`api/datasets/${encodeURIComponent(dataset)}?${query}`);
}

/**
 * The learner's CSV text → {inputs, targets, header, kind, test_count}, checked against the
 * network's n_in; test_count: the last rows /api/train would hold out at `testFraction`.
 */
export const postCsv = (csv, inputWidth, testFraction) => post("api/datasets/csv", { csv, input_width: inputWidth, test_fraction: testFraction });

/** Some epochs of mini-batch training: {network, optimizer_state, history, epochs_done, final, grid, …}. A 4xx throws an ApiError with `.detail`. */
export const postTrain = (body) => post("api/train", body);

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "binary cross-entropy loss needs targets between 0 and 1 …": which loss suits the data instead (from the API's kind). */
function lossMismatch({ data, loss }) {
  const suits = DEFAULT_SETUP[data.kind] && DEFAULT_SETUP[data.kind].loss !== loss ? DEFAULT_SETUP[data.kind] : DEFAULT_SETUP.regression;
  return (
    `${titleOf("losses", loss)} loss needs targets between 0 and 1, and ${data.label} has targets outside that range (${data.kind} targets): ` +
    `they need ${titleOf("losses", suits.loss)} loss (${suits.loss}). "New network for this data" loads a network with a ${suits.output} output and that loss`
  );
}

/** A limit the request ran into, said in the learner's settings (samples, batch size, epochs per update). */
function limitText(item, { data, train }) {
  const where = item.loc.filter((p) => p !== "body").join(".");
  const rows = plural(data.source === "csv" ? data.inputs.length : train.samples, "sample");
  const setting = (/the limit (max_\w+) is/.exec(item.msg) || [])[1]; // a setting's own maximum, not the work budget
  if (where === "epochs" && setting) return `${plural(train.epochs_per_chunk, "epoch")} per update are more than this server allows: lower "Epochs per update"`;
  if (where.startsWith("network")) return "the network is larger than this server allows: make it smaller in the editor (Architecture)";
  if (where === "grid.resolution") return "drawing the heatmap for a network this large is too much work for one request: use a smaller network";
  if (setting === "max_samples") return `${rows} are more than this server allows: use fewer samples`;
  if (where === "batch_size" || where === "epochs") return `one epoch of ${rows} in batches of ${train.batch_size} is too much work for one request: use a larger batch size or fewer samples`;
  if (["dataset.samples", "inputs", "test_inputs"].includes(where)) return `evaluating the network on ${rows} is too much work for one request: use fewer samples or a smaller network`;
  return "this request is more work than the server allows: use fewer samples or a smaller network";
}

/**
 * {text, detail}: an /api/train error in the learner's words, with the server's own line as
 * `detail` (null when the server's line is shown as it is). `context` = {data, train, loss}:
 * the data, the training settings and the loss of the request.
 */
export function wordTrainError(error, context) {
  const item = Array.isArray(error.detail) && error.detail[0];
  let text = null;
  if (item && context.data && /^targets for '.*' must lie between 0 and 1/.test(item.msg)) text = lossMismatch(context);
  else if (item && context.data && item.type === "limit_exceeded") text = limitText(item, context);
  return text ? { text, detail: error.message } : { text: error.message, detail: null };
}

/** {text, detail}: why a chunk ran fewer epochs than asked (answer.stopped), in the learner's words. */
export function wordStopped(answer, asked) {
  const text = `each update asks for ${plural(asked, "epoch")}, but only ${answer.epochs_done} fit in one request's work limit: lower "Epochs per update"`;
  return { text, detail: answer.stopped };
}
