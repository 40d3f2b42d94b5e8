// Every visual constant of the graph view: the sizes of its boxes and gaps (SVG units).

export const GRAPH_SIZES = {
  node_width: 106,
  node_height: 80,
  column_gap: 130, // distance between the centres of two columns
  row_gap: 92, // closest two nodes of one column may get (centre to centre)
  margin: 20,
  passes: 4, // sweeps that pull each node towards its neighbours
  min_scale: 1, // a wide graph is never shrunk (its smallest text, 12 px in graph.css, stays readable): its frame scrolls
};
