// The explainer joins the page: the "Network" view (the diagram) and its panels — the stepping
// controls, the explanation and the editor. Its part of the state is the core's own.

import { registerFeature } from "../core/main.js";
import * as controls from "./controls.js";
import * as editor from "./editor.js";
import * as explain from "./explain.js";
import * as projector from "./projector.js";
import * as view from "./view.js";

registerFeature({
  views: [{ id: "network", name: "Network", module: view }],
  panels: [
    { id: "controls", module: controls },
    { id: "explanation", module: explain },
    { id: "editor", module: editor },
    { id: "projector-control", module: projector },
  ],
});
