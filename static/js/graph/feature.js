// The "Graph" view joins the page, fetched the first time it is shown (graph.css is linked by the
// page itself: the gradient check panel uses it too).

import { registerFeature } from "../core/main.js";

registerFeature({ views: [{ id: "graph", name: "Graph", load: () => import("./view.js") }] });
