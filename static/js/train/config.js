// Every constant of the training lab in one place: the datasets it offers, the defaults and
// bounds of its settings, the network it proposes when the current one does not fit the data,
// and its colours and sizes. Colours are Okabe–Ito, as in config.js: orange for class 0 (t = 0),
// blue for class 1 (t = 1).

/** The built-in datasets of /api/datasets, with the input width each needs. */
export const DATASETS = [
  { name: "xor", title: "XOR", input_width: 2, kind: "classification" },
  { name: "circle", title: "Circle", input_width: 2, kind: "classification" },
  { name: "gaussians", title: "Two Gaussians", input_width: 2, kind: "classification" },
  { name: "spiral", title: "Spiral", input_width: 2, kind: "classification" },
  { name: "sine", title: "Sine (1-D regression)", input_width: 1, kind: "regression" },
];

/** The training settings of the one state (state.train). */
export function defaultTrain() {
  return {
    dataset: "xor", // name of a built-in dataset
    samples: 200, // N, rows drawn
    noise: 0, // std of the jitter
    test_fraction: 0.2, // share of rows held out (the last ones)
    seed: 0, // seed of the dataset's rows and of the mini-batch shuffles
    batch_size: 10, // samples per update
    epochs_per_chunk: 1, // epochs per /api/train request: one heatmap update each
  };
}

/** Bounds the panel and a shared URL must respect; the API checks its own limits too. */
export const TRAIN_LIMITS = {
  samples: [1, 2000],
  noise: [0, 1],
  test_fraction: [0, 0.9],
  seed: [0, 2 ** 32 - 1],
  batch_size: [1, 2000],
  epochs_per_chunk: [1, 100],
};

/** Fields that must be whole numbers. */
export const INTEGER_FIELDS = ["samples", "seed", "batch_size", "epochs_per_chunk"];

/** What Train loads when the state's network does not fit the data: n_in-8-8-1. */
export const DEFAULT_HIDDEN = [8, 8];
export const DEFAULT_SETUP = {
  classification: { output: "sigmoid", loss: "binary_cross_entropy" },
  regression: { output: "linear", loss: "mse" },
  hidden_activation: "tanh",
  optimizer: { name: "adam", learning_rate: 0.03 },
};

/** The names the lab writes for the API's loss and optimizer names. */
export const LOSS_NAMES = { mse: "mean squared error", binary_cross_entropy: "binary cross-entropy", cross_entropy: "cross-entropy" };
export const OPTIMIZER_NAMES = { sgd: "SGD", momentum: "momentum", adam: "Adam" };

/** While training, the run's network and optimizer state go into the saved state at most this often (ms). */
export const KEEP_RUN_EVERY_MS = 1000;

export const GRID_RESOLUTION = 50; // R: the heatmap is R × R predictions

export const TRAIN_COLORS = {
  class0: [230, 159, 0], // orange, prediction 0
  class1: [0, 114, 178], // blue, prediction 1
  middle: [255, 255, 255], // prediction 0.5: the decision boundary
  train_loss: "#0072B2",
  test_loss: "#D55E00",
  curve: "#0072B2",
  point_stroke: "#ffffff", // training points: class colour, white rim
  test_fill: "#1d1d1f", // test points: dark centre, class-coloured ring
  axis: "#5f6368",
};

export const TRAIN_SIZES = {
  plot: 360, // heatmap / curve plot, CSS pixels (square)
  chart_width: 360,
  chart_height: 180,
  chart_margin: { top: 10, right: 12, bottom: 34, left: 52 },
  point_radius: 3.5,
  max_chart_points: 400, // longer histories are thinned for drawing
  heatmap_alpha: 0.85,
};
