// The graph's frame scrolls when the graph is wider (or taller) than the page gives it: its text
// stays readable (config.js min_scale) instead of shrinking. A cue at each edge says there is
// more that way — a fading edge with an arrow button that scrolls by most of the frame — and a
// line above the frame says so in words.

import { el } from "../core/dom.js";

const SIDES = [
  { side: "left", text: "◀", label: "Scroll the graph left", sign: -1 },
  { side: "right", text: "▶", label: "Scroll the graph right (towards the loss)", sign: 1 },
];

/** Wraps `frame` with its cues; update() after the drawing or the frame's size changed. */
export function scrollCues(frame) {
  const hint = el("p", { class: "graph-scroll-hint", hidden: true, text: "The graph is wider than this frame: scroll sideways or use ◀ ▶ to see all of it, up to the loss L on the right." });
  const cues = SIDES.map(({ side, text, label, sign }) =>
    el("button", { type: "button", class: `graph-cue ${side}`, "aria-label": label, title: label, hidden: true, text, onclick: () => frame.scrollBy({ left: sign * frame.clientWidth * 0.8, behavior: "smooth" }) }),
  );
  const root = el("div", { class: "graph-scroll" }, [hint, el("div", { class: "graph-scroll-area" }, [frame, ...cues])]);
  function update() {
    const more = frame.scrollWidth - frame.clientWidth;
    const left = frame.scrollLeft > 1;
    const right = frame.scrollLeft < more - 1;
    cues[0].hidden = !left;
    cues[1].hidden = !right;
    hint.hidden = more <= 1;
    // the cues sit over the frame's visible area, not over its scrollbar
    const bar = `${frame.offsetHeight - frame.clientHeight}px`;
    for (const cue of cues) cue.style.bottom = bar;
  }
  frame.addEventListener("scroll", update, { passive: true });
  new ResizeObserver(update).observe(frame);
  return { root, update };
}
