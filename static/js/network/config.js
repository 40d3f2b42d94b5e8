// Every visual constant of the explainer in one place: colours, sizes, durations.
// Colours come from the Okabe–Ito palette, which stays distinct under the common colour-vision
// deficiencies: blue for positive weights, orange for negative ones, vermillion for gradients.

export const COLORS = {
  positive: "#0072B2", // blue: weight > 0
  negative: "#E69F00", // orange: weight < 0
  zero: "#999999",
  value: "#009E73", // bluish green: values travelling forward
  gradient: "#D55E00", // vermillion: gradients travelling backward
  update: "#CC79A7", // reddish purple: old → new
  node: "#ffffff",
  nodeStroke: "#333333",
  active: "#000000",
  bias: "#f0f0f0",
};

export const SIZES = {
  column_gap: 210, // horizontal distance between layers (SVG units): room for an 'old → new' label between two neurons
  row_gap: 110, // vertical distance between neurons at the largest readable size
  min_row_gap: 26, // the closest neurons may get (16 neurons in a layer)
  max_radius: 26, // a value such as −0.0000 fits inside at the label font
  min_radius: 10,
  margin: 36,
  bias_gap: 44, // distance from a column's bias node to its first neuron
  loss_gap: 110, // distance from the output column to the loss box
  edge_min_width: 0.75,
  edge_max_width: 7,
  label_font: 11,
  title_font: 12, // the column titles (app.css .column-title)
  title_gap: 20, // from a neuron's δ label down to its column's title
  node_pad: 2, // room kept between a node's value and its outline
  max_edge_labels: 24, // more edges than this: label only the current or selected edge
  dot_radius: 7, // a flow's head: big enough to follow on a projector
};

export const DURATIONS = {
  step_ms: 900, // one sub-step at speed 1
  travel_ms: 650, // a value or gradient travelling along an edge at speed 1
  fade_ms: 150, // a flow fading once it has arrived, while the number it carried fades in
  flash_ms: 500,
};

export const PHASE_NAMES = { forward: "Forward", loss: "Loss", backward: "Backward", update: "Update" };
