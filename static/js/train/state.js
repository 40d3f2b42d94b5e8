// The training lab's part of the one serializable state (state.train) and how it is read from
// untrusted JSON (a shared URL, a file, localStorage): good fields are kept, bad ones are
// replaced by defaults and named in notes. Pure: no DOM, no fetch.

import { DATASETS, INTEGER_FIELDS, TRAIN_LIMITS, defaultTrain } from "./config.js";

const isObject = (x) => x !== null && typeof x === "object" && !Array.isArray(x);

/** Is `value` acceptable for the training setting `field`? */
export function validTrainValue(field, value) {
  if (field === "dataset") return DATASETS.some((d) => d.name === value);
  const bounds = TRAIN_LIMITS[field];
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

/** The dataset entry of a name (input width, kind), or undefined. */
export const datasetInfo = (name) => DATASETS.find((d) => d.name === name);
