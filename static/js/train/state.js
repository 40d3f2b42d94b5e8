// The training lab's part of the one serializable state (state.train), its defaults and bounds,
// and how it is read from untrusted JSON (a shared URL, a file, localStorage): good fields are
// kept, bad ones are replaced by defaults and named in notes. Pure: no DOM, no fetch. Dataset
// names, their defaults and the server's limits come from the catalog.

import { catalog, entryOf } from "../core/catalog.js";
import { maxSeed } from "../core/state.js";
import { INTEGER_FIELDS, LAB_DEFAULTS, LAB_MAX, TRAIN_SPEEDS } from "./config.js";

/** The training settings of the one state (state.train): the server's first dataset at its defaults. */
export function defaultTrain() {
  const [dataset] = catalog().datasets;
  const { samples, noise, test_fraction, seed } = dataset.defaults;
  return {
    dataset: dataset.name, // name of a built-in dataset
    samples, // N, rows drawn
    noise, // std of the jitter
    test_fraction, // share of rows held out (the last ones)
    seed, // seed of the dataset's rows and of the mini-batch shuffles
    batch_size: LAB_DEFAULTS.batch_size, // samples per update
    epochs_per_chunk: LAB_DEFAULTS.epochs_per_chunk, // epochs per /api/train request: one heatmap update each
    epochs_per_second: LAB_DEFAULTS.epochs_per_second, // the most epochs a second to train (TRAIN_SPEEDS); null: no limit
    log_loss: LAB_DEFAULTS.log_loss, // the loss chart's y axis on a log scale
  };
}

/** [low, high] of each number setting, which the panel and a shared URL must respect: the server's limits, the lab's bounds within them. */
export function trainLimits() {
  const { datasets, limits } = catalog();
  return {
    samples: [1, Math.min(...datasets.map((d) => d.max_samples))],
    noise: [0, Math.min(...datasets.map((d) => d.max_noise))],
    test_fraction: [0, LAB_MAX.test_fraction],
    seed: [0, maxSeed()],
    batch_size: [1, limits.max_samples],
    epochs_per_chunk: [1, Math.min(LAB_MAX.epochs_per_chunk, limits.max_epochs)],
  };
}

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

/** Is `value` acceptable for the training setting `field`? */
export function validTrainValue(field, value) {
  if (field === "dataset") return entryOf("datasets", value) !== undefined;
  if (field === "epochs_per_second") return TRAIN_SPEEDS.includes(value);
  if (field === "log_loss") return typeof value === "boolean";
  const bounds = trainLimits()[field];
  if (!bounds || typeof value !== "number" || !Number.isFinite(value)) return false;
  if (INTEGER_FIELDS.includes(field) && !Number.isInteger(value)) return false;
  return value >= bounds[0] && value <= bounds[1];
}

/** {train, notes}: the settings read from `raw`, defaults where a value is missing or bad. */
export function parseTrain(raw) {
  const train = defaultTrain();
  if (raw === undefined) return { train, notes: [] };
  if (!isObject(raw)) return { train, notes: ["ignored train: not an object"] };
  const notes = [];
  for (const field of Object.keys(train)) {
    if (!(field in raw)) continue;
    if (validTrainValue(field, raw[field])) train[field] = raw[field];
    else notes.push(`ignored train.${field}: not a valid value`);
  }
  return { train, notes };
}

/** The state's `train` slice, registered with the entry module (train/feature.js). */
export const trainSlice = {
  name: "train",
  defaults: defaultTrain,
  parse(raw) {
    const { train, notes } = parseTrain(raw);
    return { value: train, notes };
  },
};
