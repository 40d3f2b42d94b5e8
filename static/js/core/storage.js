// How the one state (state.js) round-trips through JSON ⇄ localStorage ⇄ URL. Pure except for
// the two storage helpers at the bottom; reading always goes through parseState.

import { parseState } from "./state.js";

export const STORAGE_KEY = "backprop-lab-state";
export const URL_KEY = "state";

/** The state as plain JSON text (what Export saves and Import reads). */
export function toJSON(state) {
  return JSON.stringify(state);
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The URL fragment that carries a state: "state=<base64url JSON>". */
export function toFragment(state) {
  return `${URL_KEY}=${toBase64Url(toJSON(state))}`;
}

/** Reads a fragment made by toFragment; {state: null} when there is none, notes when broken. */
export function fromFragment(fragment) {
  const params = new URLSearchParams(fragment.replace(/^#/, ""));
  const encoded = params.get(URL_KEY);
  if (!encoded) return { state: null, notes: [] };
  try {
    return parseState(JSON.parse(fromBase64Url(encoded)));
  } catch {
    return { state: null, notes: ["the link's state could not be read; it was ignored"] };
  }
}

/** Saves to localStorage under `key`; false when storage is unavailable (private mode, quota). */
export function saveLocal(state, storage = globalThis.localStorage, key = STORAGE_KEY) {
  try {
    storage.setItem(key, toJSON(state));
    return true;
  } catch {
    return false;
  }
}

export function loadLocal(storage = globalThis.localStorage, key = STORAGE_KEY) {
  try {
    const text = storage.getItem(key);
    return text ? parseState(JSON.parse(text)) : { state: null, notes: [] };
  } catch {
    return { state: null, notes: ["the saved state could not be read; starting fresh"] };
  }
}
