// The diagram's frame when the diagram is wider than the screen (a phone, a big network):
// cues at its sides say there is more to see that way, and tapping one scrolls there.

import { el } from "../core/dom.js";

const reducedMotion = () => globalThis.matchMedia && globalThis.matchMedia("(prefers-reduced-motion: reduce)").matches;

/** Adds the left and right cues to `frame` for its scrolling `scroller`; returns the function that refreshes them. */
export function scrollCues(frame, scroller) {
  const cue = (side, arrow) => {
    const by = side === "left" ? -0.8 : 0.8;
    const scroll = () => scroller.scrollBy({ left: by * scroller.clientWidth, behavior: reducedMotion() ? "auto" : "smooth" });
    // not a tab stop: keyboard users move through the diagram itself, which scrolls to what they reach
    return el("button", { type: "button", class: `scroll-cue ${side}`, tabindex: "-1", "aria-label": `Scroll the diagram ${side}`, hidden: true, text: arrow, onclick: scroll });
  };
  const left = cue("left", "‹");
  const right = cue("right", "›");
  frame.append(left, right);
  function refresh() {
    const room = scroller.scrollWidth - scroller.clientWidth;
    left.hidden = scroller.scrollLeft <= 1;
    right.hidden = scroller.scrollLeft >= room - 1;
  }
  scroller.addEventListener("scroll", refresh, { passive: true });
  if (globalThis.ResizeObserver) {
    const observer = new ResizeObserver(refresh);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
  }
  return refresh;
}
