// The fetch client. URLs are relative to the page, so the app also works under a root path
// behind a reverse proxy. A 4xx answer becomes an ApiError whose message is the API's
// `detail`, written for the learner ("network → layers → 0 → weights: …").

export class ApiError extends Error {}

/** The API's `detail` (a string or a list of {loc, msg}) as one readable line. */
export function detailMessage(detail) {
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((d) => {
        const loc = Array.isArray(d.loc) ? d.loc.filter((p) => p !== "body").join(" → ") : "";
        return loc ? `${loc}: ${d.msg}` : String(d.msg);
      })
      .join("; ");
  }
  return "the server refused the request";
}

/** GET (or any method) a JSON endpoint; a non-2xx answer throws an ApiError with its `detail` (as `.message`, and the list as `.detail`). */
export async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, { headers: { "Content-Type": "application/json" }, ...options });
  } catch {
    throw new ApiError("the server cannot be reached; is it still running?");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.detail ? detailMessage(body.detail) : `HTTP ${response.status}`;
    const error = new ApiError(message);
    // The list of {loc, msg, type} itself too, for a caller that words some errors its own way.
    Object.assign(error, { status: response.status, detail: body && Array.isArray(body.detail) ? body.detail : null });
    throw error;
  }
  return body;
}

/** POST a JSON body to an endpoint. */
export const post = (path, body) => request(path, { method: "POST", body: JSON.stringify(body) });

/** The fields of the state that /api/graph and /api/gradcheck take: the problem without the optimizer. */
export const problemOf = (state) => ({ network: state.network, inputs: state.inputs, targets: state.targets, loss: state.loss });

export const listPresets = () => request("api/presets");
export const getPreset = (name) => request(`api/presets/${encodeURIComponent(name)}`);

/** One training step with its trace, for the state's network, batch, loss and optimizer. */
export function postStep(state) {
  const body = {
    network: state.network,
    inputs: state.inputs,
    targets: state.targets,
    loss: state.loss,
    optimizer: state.optimizer,
  };
  if (state.optimizer_state) body.optimizer_state = state.optimizer_state;
  return post("api/step", body);
}

/** Fresh Glorot-uniform weights (biases 0) for a shape, reproducible from the seed. */
export const postRandomNetwork = (widths, activations, seed) =>
  post("api/networks/random", { widths, activations, seed });
