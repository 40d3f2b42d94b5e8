// Entry point: builds the store, mounts every view and panel the features registered, loads the state.
//
// PLUG-IN INTERFACE (how a feature joins the page: network/, graph/, train/, gradcheck/):
//   A feature's `feature.js` calls registerFeature({slice, views, panels}) when the page loads it
//   (templates/index.html lists the features' scripts); the page starts once every script has run
//   (DOMContentLoaded). Nothing in core/ imports a feature.
//   slice  = {name, defaults(), parse(raw) → {value, notes}}: the feature's part of the one state
//            (state.js registerSlice), e.g. the training lab's settings under state.train.
//   views  = [{id, name, module | load, stylesheet}]: a VIEW gets a toggle button ("Network",
//            "Graph", …) and shares the main area with the others (only one shown); its id is what
//            state.view.shown may hold. `load: () => import("./view.js")` instead of `module`: it is
//            fetched and mounted the first time it is shown, so it costs nothing on first load (the
//            page's JS + CSS budget is 400 KB, KaTeX alone is ~290 KB); its `stylesheet` (a path
//            under static/) is linked at the same moment.
//   panels = [{id, module}]: a PANEL is always shown; it mounts into the element with its id (see
//            templates/index.html).
//   A view's or panel's module exports `mount(root, store)`. `root` is the element it owns; it
//   builds its DOM inside with createElement/textContent. `store` (store.js):
//     store.get()            → {state, step, presets, error, notes, busy, choosing, animating (entry being animated),
//                              undo (a replaced state Undo brings back), history (steps taken, for Step back)}
//                              state = the one serializable state (state.js); step = the last
//                              /api/step response for it (trace, loss, gradients, network, …)
//     store.state            → the state alone
//     store.subscribe(fn)    → fn(app, reason) after every change; returns an unsubscribe
//     store.update(patch, reason) → shallow merge (patch.state and patch.state.view one level deeper);
//                              use it for view-only changes
//     store.lesson           → lesson.js: {preset, lock, hide} from a teacher's lesson link; mark a
//                              control with data-control="<name>" (listed in lesson.js CONTROLS)
//                              so a lesson link can hide it; respect lesson.lock (no editing)
//     store.actions          → actions.js: edit(statePatch) (change the state, save it and fetch
//                              the new trace), goTo(position), stepForward(), stepBack(),
//                              jumpToPhase(phase), loadPreset(name), reset(), importState(state), undoReplace(),
//                              entries(), refresh(), save(),
//                              takeSteps(viewId, {forward, back, toPhase}): a view that walks the step its
//                              own way takes the stepping controls while shown, and publishes where it is
//                              as store.get().walk = {view, count, total, phase, phases} (graph/view.js)
//   Names, defaults and limits come from catalog.js (GET /api/catalog), never from a copy here.
//   Every number a module shows must come from the API, never computed in the browser.

import { createActions } from "./actions.js";
import { listPresets } from "./api.js";
import { el } from "./dom.js";
import { applyLesson, parseLesson, sessionKey, startingState } from "./lesson.js";
import * as persist from "./persist.js";
import { loadCatalog } from "./catalog.js";
import { defaultState, registerShownView, registerSlice } from "./state.js";
import { fromFragment, loadLocal } from "./storage.js";
import { createStore } from "./store.js";

/** Views share #views; one is shown at a time, picked by the "View" toggle (in the order registered). */
export const VIEWS = [];

/** Panels mount into the element with their id (see templates/index.html); the state bar is the core's own. */
export const PANELS = [{ id: "state-panel", module: persist }];

/** Adds a feature to the page: its slice of the state, its views and its panels (see the top of this file). */
export function registerFeature({ slice = null, views = [], panels = [] }) {
  if (slice) registerSlice(slice.name, slice);
  for (const view of views) {
    VIEWS.push(view);
    registerShownView(view.id);
  }
  PANELS.push(...panels);
}

function linkStylesheet(href) {
  return new Promise((resolve) => {
    const link = el("link", { rel: "stylesheet", href });
    link.addEventListener("load", resolve);
    link.addEventListener("error", resolve);
    document.head.append(link);
  });
}

/** Mounts a view, first fetching its module (and stylesheet) when it is registered lazily. */
async function mountView(view, root, store) {
  try {
    if (view.stylesheet) await linkStylesheet(`static/${view.stylesheet}`);
    const module = view.module || (await view.load());
    module.mount(root, store);
  } catch (error) {
    store.update({ error: `the ${view.name} view could not load: ${error.message}` }, "error");
  }
}

/**
 * The "View" toggle. The view shown is part of the state (view.shown), so a reload, a Share
 * link or an imported file opens the same one; a click saves it.
 */
function mountViews(store) {
  const host = document.getElementById("views");
  const toggle = document.getElementById("view-toggle");
  const roots = VIEWS.map((v) => el("div", { class: "view", id: `view-${v.id}`, "data-view": v.id }));
  host.append(...roots);
  const indexOf = (id) => Math.max(0, VIEWS.findIndex((v) => v.id === id));
  const choose = (i) => {
    store.update({ state: { view: { shown: VIEWS[i].id } } }, "view");
    store.actions.save();
  };
  const buttons = VIEWS.map((v, i) => el("button", { type: "button", text: v.name, "aria-pressed": "false", onclick: () => choose(i) }));
  const mounted = VIEWS.map(() => null);
  let wanted = -1; // the view last asked for: a slower view that finishes loading later stays hidden
  async function show(index) {
    if (wanted === index) return mounted[index];
    wanted = index;
    mounted[index] ??= mountView(VIEWS[index], roots[index], store);
    await mounted[index];
    if (wanted !== index) return;
    roots.forEach((r, i) => (r.hidden = i !== index));
    buttons.forEach((b, i) => b.setAttribute("aria-pressed", i === index ? "true" : "false"));
  }
  toggle.append(...buttons);
  toggle.hidden = VIEWS.length < 2;
  roots.forEach((r, i) => (r.hidden = i !== indexOf(store.state.view.shown)));
  store.subscribe((app) => show(indexOf(app.state.view.shown)));
  return show(indexOf(store.state.view.shown));
}

/** The state to start from: a shared link, the last session or the defaults (lesson.js startingState). */
function initialState(lesson) {
  const fresh = { ...defaultState(), preset: lesson.preset || "seed-neuron" };
  const key = sessionKey(lesson);
  const saved = key ? loadLocal(undefined, key) : { state: null, notes: [] };
  return startingState(lesson, fromFragment(location.hash), saved, fresh);
}

/** Names, defaults and limits first: the state cannot be read without them; without them the page says why. */
async function fetchCatalog() {
  try {
    await loadCatalog();
    return true;
  } catch (error) {
    document.getElementById("state-panel").append(el("p", { class: "status", role: "alert", text: `Error: the page cannot start: ${error.message}` }));
    return false;
  }
}

async function start() {
  const [presets, ready] = await Promise.all([listPresets().catch(() => []), fetchCatalog()]);
  if (!ready) return;
  const lesson = parseLesson(location.search, presets.length ? presets.map((p) => p.name) : null);
  const { state, notes } = initialState(lesson);
  const store = createStore(state);
  store.lesson = lesson;
  store.actions = createActions(store);
  // While a request for a new trace is in flight the stage says so (screen readers and tests wait on it).
  const stage = document.querySelector(".stage");
  store.subscribe((app) => stage.setAttribute("aria-busy", app.busy ? "true" : "false"));
  for (const panel of PANELS) panel.module.mount(document.getElementById(panel.id), store);
  await mountViews(store);
  applyLesson(lesson);
  store.update({ notes: [...lesson.notes, ...notes], presets }, "notes");
  if (state.network && state.inputs) await store.actions.refresh();
  else await store.actions.loadPreset(state.preset || "seed-neuron");
  document.body.dataset.ready = "true";
}

// The page's module scripts all run before DOMContentLoaded: by then every feature it lists has registered.
document.addEventListener("DOMContentLoaded", start);
