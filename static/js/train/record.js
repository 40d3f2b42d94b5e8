// What the training lab shows: the data it trains on, the run's loss history and epoch count,
// and the last /api/train answer. A run goes on only on the same data from the network it
// stopped at; other data or another network start a new one. Pure: no DOM, no fetch.

export const emptyHistory = () => ({ train_loss: [], test_loss: [] });

/**
 * A fresh record. `run`: the data and the network the loss history belongs to (the network its
 * last answer gave); `updates`: heatmaps drawn so far; `pointsKey`: what the heatmap's points
 * layer shows (render.js).
 */
export function createRecord() {
  return { data: null, history: emptyHistory(), epochs: 0, run: { dataKey: null, network: null }, answer: null, updates: 0, pointsKey: null };
}

/** Starts a new run unless `data` and `network` are the ones the record's run stopped at. */
export function syncHistory(record, data, network) {
  if (data.key === record.run.dataKey && network === record.run.network) return;
  Object.assign(record, { run: { dataKey: data.key, network }, history: emptyHistory(), epochs: 0 });
}

/**
 * Is the run stuck? After `min_epochs`, the train loss fell by less than `drop` (a share) over the
 * last `window` epochs while the train accuracy is below `accuracy` (null accuracy: regression, never).
 */
export function stalled(history, accuracy, { min_epochs, window, drop, accuracy: enough }) {
  const losses = history.train_loss;
  if (losses.length < Math.max(min_epochs, window + 1) || accuracy === null || accuracy >= enough) return false;
  const [before, now] = [losses.at(-1 - window), losses.at(-1)];
  return now > (1 - drop) * before;
}

/** Adds one /api/train answer of a run: its epochs, its losses, its network. */
export function addChunk(record, answer) {
  record.epochs += answer.epochs_done;
  record.history.train_loss.push(...answer.history.train_loss);
  record.history.test_loss.push(...answer.history.test_loss);
  record.run.network = answer.network;
  record.answer = answer;
}
