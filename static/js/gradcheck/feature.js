// The "Gradient check" panel joins the page, in the side column.

import { registerFeature } from "../core/main.js";
import * as panel from "./panel.js";

registerFeature({ panels: [{ id: "gradcheck", module: panel }] });
