// Every constant of the training lab in one place: the defaults and bounds of its own settings,
// the network it proposes when the current one does not fit the data, and its colours and sizes.
// Colours are Okabe–Ito, as in network/config.js: orange for class 0 (t = 0), blue for class 1 (t = 1).

/**
 * The lab's own settings, which the API leaves to its caller: the batch size and epochs per
 * request it starts with, and how far its boxes go (the server's limits cap them: train/state.js).
 * The datasets, their defaults and the server's limits come from the catalog (core/catalog.js).
 */
export const LAB_DEFAULTS = { batch_size: 10, epochs_per_chunk: 1, epochs_per_second: null, log_loss: false };
export const LAB_MAX = { test_fraction: 0.9, epochs_per_chunk: 100 };

/** The training speeds offered, in epochs per second; null: as fast as the server answers. */
export const TRAIN_SPEEDS = [null, 20, 10, 5, 2, 1];

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

/**
 * A built-in dataset the default network cannot learn in reasonable time gets its own proposal.
 * Measured with /api/train (batch 10, 200 samples, data seed 0, network seeds 1–4): on the spiral
 * 2-8-8-1 tanh with Adam 0.03 stayed at 57–61 % train accuracy for 300 epochs, 60–67 % at 600
 * (two of four still ≤ 81 % at 1000); 2-16-16-1 ReLU with Adam 0.01 reached 98–99 % train and
 * 92–98 % test accuracy within 100 epochs, 99 % and 98–100 % at 300.
 */
export const DATASET_SETUP = {
  spiral: { hidden: [16, 16], hidden_activation: "relu", optimizer: { name: "adam", learning_rate: 0.01 } },
};

/** A run is stuck when after this many epochs the train loss fell by less than STALL_DROP over the last STALL_WINDOW epochs, below STALL_ACCURACY. */
export const STALL = { min_epochs: 200, window: 100, drop: 0.1, accuracy: 0.9 };

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
