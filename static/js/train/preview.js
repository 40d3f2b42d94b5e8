// The lab's preview: without training, the current network's (or the proposed one's) predictions
// on the data, via /api/train with 0 epochs — shortly after a setting or the network changes.

import { postTrain } from "./api.js";
import { syncHistory } from "./record.js";
import { defaultNetwork, describeNetwork, fits, trainBody } from "./session.js";

const PREVIEW_DELAY_MS = 150;

/** The preview of a lab = {root, store, ui, record, source, messages, draw, runner} (view.js). */
export function createPreview(lab) {
  const { store, record } = lab;
  let timer = null;
  let latest = 0; // the latest preview request; an answer to an older one is dropped
  const idle = () => !lab.root.hidden && !lab.runner.running;

  async function preview() {
    if (!idle()) return;
    const id = ++latest;
    let { loss } = store.state; // the loss of the request, for wording its error
    try {
      const data = await lab.source.current();
      const { state } = store;
      const setup = fits(state.network, data) ? null : await defaultNetwork(data, state.seed);
      if (setup) loss = setup.loss;
      lab.ui.showNetwork(describeNetwork(state, data, setup));
      const body = { ...trainBody(state, data, setup ? setup.network : state.network, setup || state), epochs: 0 };
      const answer = await postTrain(body);
      if (id !== latest || lab.runner.running) return;
      syncHistory(record, data, body.network);
      record.answer = answer;
      lab.messages.clear("preview");
      lab.draw();
    } catch (error) {
      if (id === latest) lab.messages.failTraining(error, { source: "preview", loss });
    }
  }

  return {
    /** A preview in PREVIEW_DELAY_MS, replacing one not yet sent; none while hidden or training. */
    schedule() {
      clearTimeout(timer);
      if (idle()) timer = setTimeout(preview, PREVIEW_DELAY_MS);
    },
    /** Drops the answer of a preview in flight (Train has started). */
    cancel() {
      latest += 1;
    },
  };
}
