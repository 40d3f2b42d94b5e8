// A tiny subscribe/notify store. It holds the serializable `state` (see state.js) and what
// the page derived from the API for it: `step` (the /api/step response with its trace),
// `presets` (the list from /api/presets), `error` (a message for the user), `notes`, `busy`
// (a trace is on its way), `choosing` (the name of a preset on its way, else null) and `undo`
// (a replaced state the learner can bring back: {note, state}, else null) and `history` (the
// steps taken before this one, for Step back; see actions.js). Neither is saved.
// Modules change it with update(); every subscriber is called after each update.

export function createStore(initial) {
  let app = { state: initial, step: null, presets: [], error: null, notes: [], busy: false, choosing: null, undo: null, history: [] };
  const listeners = new Set();
  return {
    get: () => app,
    get state() {
      return app.state;
    },
    /** update({state: {...}}) merges one level deep into app and app.state. */
    update(patch, reason = "") {
      const next = { ...app, ...patch };
      if (patch.state) next.state = { ...app.state, ...patch.state };
      if (patch.state && patch.state.view) next.state.view = { ...app.state.view, ...patch.state.view };
      app = next;
      for (const listener of listeners) listener(app, reason);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
