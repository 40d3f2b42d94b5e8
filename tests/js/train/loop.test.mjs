import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { createTrainer } from "../../../static/js/train/loop.js";
import "../core/catalog.mjs";

const ADAM = { name: "adam", learning_rate: 0.03 };
const SGD = { name: "sgd", learning_rate: 0.5 };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The /api/train bodies a run sends when request k carries optimizers[k] (fetch stubbed; each answer's state is {step: k + 1}). */
async function requestsFor(optimizers) {
  const sent = [];
  let trainer;
  const done = new Promise((resolve) => {
    globalThis.fetch = async (path, options) => {
      sent.push(JSON.parse(options.body));
      if (sent.length === optimizers.length) resolve(trainer.stop());
      const answer = { network: { layers: [] }, optimizer_state: { step: sent.length }, history: { train_loss: [], test_loss: [] }, epochs_done: 1 };
      return { ok: true, status: 200, json: async () => answer };
    };
  });
  let chunk = 0;
  trainer = createTrainer({
    body: { network: { layers: [] }, optimizer: optimizers[0], optimizer_state: { step: 0 }, epochs: 1 },
    nextChunk: () => ({ epochs: 1, optimizer: optimizers[chunk++] }),
    onChunk: () => {},
    onError: (error) => assert.fail(error.message),
  });
  trainer.start();
  await done;
  return sent;
}

test("each request carries the optimizer state of the previous answer while the optimizer stays the same", async () => {
  const sent = await requestsFor([ADAM, ADAM, ADAM]);
  assert.deepEqual(sent.map((b) => b.optimizer_state), [{ step: 0 }, { step: 1 }, { step: 2 }]);
});

test("after the optimizer changes the next request carries no optimizer state, the ones after it the new state", async () => {
  const sent = await requestsFor([ADAM, ADAM, SGD, SGD]);
  assert.deepEqual(sent.map((b) => b.optimizer.name), ["adam", "adam", "sgd", "sgd"]);
  assert.deepEqual(sent.map((b) => b.optimizer_state), [{ step: 0 }, { step: 1 }, undefined, { step: 3 }]);
  assert.equal("optimizer_state" in sent[2], false);
});

test("a changed learning rate alone keeps the optimizer state", async () => {
  const sent = await requestsFor([ADAM, { ...ADAM, learning_rate: 0.1 }]);
  assert.deepEqual(sent[1].optimizer_state, { step: 1 });
});
