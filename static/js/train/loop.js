// Live training: /api/train in a loop, one chunk of epochs per request, the network and the
// optimizer's state of one answer sent with the next request. The loop awaits each answer (the
// page stays responsive: fetch yields) and stops cleanly between two requests.

import { postTrain } from "./api.js";

/**
 * A trainer for one run. `body` is the first /api/train request; `nextChunk()` returns the
 * fields that may change between requests (epochs, batch_size, loss, optimizer; when the
 * optimizer's name changes its state starts over: another optimizer's slots would not fit);
 * `onChunk(answer)` gets every answer, `onError(error)` the error that ended the run;
 * `epochsPerSecond()` the most epochs a second to train (null: as fast as the server answers),
 * so the learner can watch: the next request waits until the epochs done have had their time.
 */
export function createTrainer({ body, nextChunk, onChunk, onError, epochsPerSecond = () => null }) {
  let running = false;
  let finished = Promise.resolve();
  let wake = null; // ends the wait between two requests (stop)

  /** Waits until `ms` after `since`, or until stop. */
  function waitUntil(since, ms) {
    const left = since + ms - performance.now();
    if (left <= 0) return null;
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, left);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
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
      const sent = performance.now();
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
      const rate = epochsPerSecond();
      if (running && rate) await waitUntil(sent, (1000 * answer.epochs_done) / rate);
      wake = null;
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
      if (wake) wake();
      await finished;
      return current;
    },
  };
}
