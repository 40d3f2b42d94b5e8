// The training lab joins the page: its settings as the state's `train` slice (read with every
// state, so a link or a file carries them), and the "Training" view, fetched with its stylesheet
// the first time it is shown.

import { registerFeature } from "../core/main.js";
import { trainSlice } from "./state.js";

registerFeature({
  slice: trainSlice,
  views: [{ id: "training", name: "Training", load: () => import("./view.js"), stylesheet: "css/train.css" }],
});
