// Live training: /api/train in a loop, one chunk of epochs per request, the network and the
// optimizer's state of one answer sent with the next request. The loop awaits each answer (the
// page stays responsive: fetch yields) and stops cleanly between two requests.

import { postTrain } from "./api.js";

/**
 * A trainer for one run. `body` is the first /api/train request; `nextChunk()` returns the
 * fields that may change between requests (epochs, batch_size, loss, optimizer; when the
 * optimizer's name changes its state starts over: another optimizer's slots would not fit);
 * `onChunk(answer)` gets every answer, `onError(error)` the error that ended the run.
 */
export function createTrainer({ body, nextChunk, onChunk, onError }) {
  let running = false;
  let finished = Promise.resolve();
  // optimizer: the optimizer of the request that gave optimizer_state (its slots fit that one only).
  let current = { network: body.network, optimizer_state: body.optimizer_state ?? null, optimizer: body.optimizer };
  let previous = body;

  async function loop() {
    while (running) {
      const changes = nextChunk();
      if (changes.optimizer && changes.optimizer.name !== previous.optimizer.name) current.optimizer_state = null;
      const request = { ...body, ...changes, network: current.network };
      previous = request;
      if (current.optimizer_state) request.optimizer_state = current.optimizer_state;
      else delete request.optimizer_state;
      let answer;
      try {
        answer = await postTrain(request);
      } catch (error) {
        running = false;
        onError(error);
        return;
      }
      current = { network: answer.network, optimizer_state: answer.optimizer_state, optimizer: request.optimizer };
      onChunk(answer);
    }
  }

  return {
    get running() {
      return running;
    },
    /** The network and optimizer state after the last answer, and the optimizer they came from. */
    get current() {
      return current;
    },
    start() {
      if (running) return;
      running = true;
      finished = loop();
    },
    /** Stops after the request in flight; resolves once its answer is applied. */
    async stop() {
      running = false;
      await finished;
      return current;
    },
  };
}
