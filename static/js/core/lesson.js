// Lesson links for teachers: URL query options that focus the page on one exercise.
//   ?preset=seed-neuron        start from this preset; the lesson's work is saved apart from the
//                              learner's own session (sessionKey) and resumed on the next visit
//                              with a note: Reset goes back to the preset as published
//   &lock=1                    no editing: hides the editor, the preset picker, Import, and the
//                              weight value box (selecting a weight still shows its chain rule);
//                              the page always starts from the preset as published and saves
//                              nothing (the learner could not undo its edits)
//   &hide=play,speed,share     hide chosen controls (names in CONTROLS)
//   &projector=1               start in projector mode (big diagram and equations, no editor)
// Unknown options or bad values are ignored and named in a visible note, never an error page.
// parseLesson is pure; applyLesson touches the DOM (elements marked data-control="name").

import { STORAGE_KEY } from "./storage.js";

export const CONTROLS = ["editor", "preset", "share", "export", "import", "play", "speed", "phases", "sample", "legend", "reset"];
const LOCKED = ["editor", "preset", "import"];
const OPTIONS = ["preset", "lock", "hide", "projector"];

/** A yes/no option: true, false, or null (absent or not a yes/no, then named in `notes`). */
function flag(params, name, notes) {
  const value = params.get(name);
  if (value === null) return null;
  if (["1", "true", "yes"].includes(value)) return true;
  if (["0", "false", "no"].includes(value)) return false;
  notes.push(`${name}=${value.slice(0, 20)} is not 1 or 0; ignored`);
  return null;
}

/** {preset, lock, projector, hide: [...], notes: [...]} from a query string such as location.search. */
export function parseLesson(search, presetNames = null) {
  const params = new URLSearchParams(search);
  const lesson = { preset: null, lock: false, projector: false, hide: [], notes: [] };
  for (const key of new Set(params.keys())) {
    if (!OPTIONS.includes(key)) lesson.notes.push(`unknown lesson option “${key.slice(0, 40)}” ignored`);
  }
  const preset = params.get("preset");
  if (preset !== null) {
    if (/^[a-z0-9-]{1,64}$/.test(preset) && (!presetNames || presetNames.includes(preset))) lesson.preset = preset;
    else lesson.notes.push(`unknown preset “${preset.slice(0, 40)}” ignored`);
  }
  lesson.lock = flag(params, "lock", lesson.notes) === true;
  lesson.projector = flag(params, "projector", lesson.notes) === true;
  for (const name of (params.get("hide") || "").split(",").map((s) => s.trim()).filter(Boolean)) {
    if (CONTROLS.includes(name)) lesson.hide.push(name);
    else lesson.notes.push(`hide: unknown control “${name.slice(0, 40)}” ignored`);
  }
  if (lesson.lock) lesson.hide = [...new Set([...lesson.hide, ...LOCKED])];
  return lesson;
}

/** Hides the lesson's controls: every element marked data-control="<name>". */
export function applyLesson(lesson, root = document) {
  for (const name of lesson.hide) {
    for (const node of root.querySelectorAll(`[data-control="${name}"]`)) node.classList.add("lesson-hidden");
  }
  document.body.classList.toggle("locked", lesson.lock);
}

/**
 * Where the page's session is saved (localStorage key), or null for none: a lesson link keeps its
 * own session, so opening one never overwrites the learner's own work (nor a lab run's weights
 * whatever preset they started from); a locked lesson saves nothing and always starts as published.
 */
export function sessionKey(lesson) {
  if (lesson.lock) return null;
  return lesson.preset ? `${STORAGE_KEY}:lesson:${lesson.preset}` : STORAGE_KEY;
}

/**
 * The state to start from, pure: a shared link (#state=) first, then the session saved under
 * `sessionKey(lesson)`, else `fresh` (no network yet: the page loads its preset). A locked lesson
 * always starts fresh. fromUrl and saved are {state, notes} as fromFragment and loadLocal return them.
 */
export function startingState(lesson, fromUrl, saved, fresh) {
  if (fromUrl.state && fromUrl.state.network) return fromUrl;
  if (lesson.lock || !saved.state) return { state: fresh, notes: fromUrl.notes };
  const notes = [...fromUrl.notes, ...saved.notes];
  if (lesson.preset && saved.state.network) notes.push("resumed your saved work on this lesson; Reset goes back to the preset as published");
  return { state: saved.state, notes };
}
