// Projector mode, for a class: one button (and the lesson-link option projector=1) that enlarges
// the diagram and the equations, draws bolder flows and hides the editor. The look is app.css's
// (body.projector); the app's `projector` flag tells the views (the pinned equation).

import { el } from "../core/dom.js";

export function mount(root, store) {
  const button = el("button", { type: "button", class: "projector-toggle", "aria-pressed": "false", "data-control": "projector", text: "Projector" });
  function set(on) {
    document.body.classList.toggle("projector", on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    store.update({ projector: on }, "projector");
  }
  button.addEventListener("click", () => set(!store.get().projector));
  root.append(button);
  set(!!(store.lesson && store.lesson.projector));
}
