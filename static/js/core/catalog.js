// Names, defaults and limits the server offers (interim copy until GET /api/catalog exists).

export const ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky_relu", "linear", "softmax"];
export const LOSSES = ["mse", "binary_cross_entropy", "cross_entropy"];
export const OPTIMIZERS = ["sgd", "momentum", "adam"];

// What the editor lets a learner build (the API enforces its own limits too).
export const LIMITS = { max_layers: 8, max_neurons: 16, max_samples: 16 };
