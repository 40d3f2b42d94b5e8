// The state bar: the "Preset" picker, "Share" (the state, weights included, into the URL),
// "Export" / "Import" of the state as a JSON file, the status line that shows API errors
// and notes about ignored fields, and the Undo offered when a preset or a file replaced the
// learner's changed network. Implements the panel interface mount(root, store).

import { el } from "./dom.js";
import { parseState } from "./state.js";
import { toFragment, toJSON } from "./storage.js";

const SHARE_MESSAGE_MS = 4000; // how long "Link copied" stays (the next change clears it sooner)

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function importFile(store, file) {
  try {
    const { state, notes } = parseState(JSON.parse(await file.text()));
    if (!state.network || !state.inputs) throw new Error("the file has no valid network with inputs and targets");
    await store.actions.importState(state);
    store.update({ notes }, "notes");
  } catch (error) {
    store.update({ error: `Import failed: ${error.message}` }, "error");
  }
}

async function share(store, status) {
  const url = `${location.origin}${location.pathname}${location.search}#${toFragment(store.state)}`;
  history.replaceState(null, "", url);
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = false;
  }
  status.textContent = copied ? "Link copied: it holds the whole state, weights included." : "The address bar now holds a link to this state, weights included.";
  clearTimeout(status.clearTimer);
  status.clearTimer = setTimeout(() => (status.textContent = ""), SHARE_MESSAGE_MS);
}

export function mount(root, store) {
  const picker = el("select", { id: "preset" });
  picker.addEventListener("change", () => {
    const name = picker.value; // read first: any store update re-syncs the picker to the state
    if (!name) return;
    store.update({ notes: [] }, "notes"); // notes about the page before this choice
    store.actions.loadPreset(name);
  });
  const fileInput = el("input", { type: "file", accept: "application/json,.json", hidden: true });
  fileInput.addEventListener("change", () => fileInput.files[0] && importFile(store, fileInput.files[0]).then(() => (fileInput.value = "")));
  const shareStatus = el("span", { class: "share-status", role: "status" });
  const buttons = [
    el("button", { type: "button", text: "Share", "data-control": "share", onclick: () => share(store, shareStatus) }),
    el("button", { type: "button", text: "Export", "data-control": "export", onclick: () => download("backprop-lab-state.json", toJSON(store.state)) }),
    el("button", { type: "button", text: "Import", "data-control": "import", onclick: () => fileInput.click() }),
  ];
  const status = el("p", { class: "status", role: "alert" });
  const notes = el("p", { class: "notes", role: "status" });
  const undoText = el("span");
  const undo = el("p", { class: "notes undo", role: "status", hidden: true }, [undoText, " ", el("button", { type: "button", text: "Undo", onclick: () => store.actions.undoReplace() })]);
  root.append(el("div", { class: "state-bar" }, [el("label", { for: "preset", class: "field", "data-control": "preset" }, [el("span", { text: "Preset" }), picker]), ...buttons, fileInput, shareStatus]), status, notes, undo);

  let shownPresets = null;
  store.subscribe((app, reason) => {
    if (reason === "edit") shareStatus.textContent = ""; // the link no longer holds this state
    if (app.presets !== shownPresets) {
      shownPresets = app.presets;
      picker.replaceChildren(el("option", { value: "", text: "(custom)" }), ...app.presets.map((p) => el("option", { value: p.name, text: p.title })));
    }
    const shown = app.choosing || app.state.preset; // a preset on its way, else the state's
    picker.value = app.presets.some((p) => p.name === shown) ? shown : "";
    status.textContent = app.error ? `Error: ${app.error}` : "";
    status.hidden = !app.error;
    notes.textContent = app.notes.length ? `Note: ${app.notes.join("; ")}` : "";
    notes.hidden = !app.notes.length;
    undoText.textContent = app.undo ? `Note: ${app.undo.note}` : "";
    undo.hidden = !app.undo;
  });
}
