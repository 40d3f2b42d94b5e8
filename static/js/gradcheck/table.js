// Pure helpers of the gradient-check table: how a row's numbers are written and how rows sort.
// No arithmetic on the server's numbers: only formatting and ordering.

/** The table's columns: key in a /api/gradcheck row, header, and the first direction when clicked. */
export const COLUMNS = [
  { key: "label", name: "Parameter", first: "ascending" },
  { key: "analytic", name: "Analytic", first: "descending" },
  { key: "numeric", name: "Numeric", first: "descending" },
  { key: "relative_error", name: "Relative error", first: "descending" },
];

/** The default order: worst first. */
export const DEFAULT_SORT = { key: "relative_error", direction: "descending" };

/** A gradient with enough digits to compare analytic and numeric: 7 significant, "4.385677e-4" when small. */
export function preciseNumber(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const size = Math.abs(x);
  if (size < 1e-3 || size >= 1e6) return x.toExponential(6);
  return x.toPrecision(7);
}

/** A relative error: "3.21e-11", or "0" when the two agree exactly. */
export function errorNumber(x) {
  if (typeof x !== "number" || !Number.isFinite(x)) return String(x);
  return x === 0 ? "0" : x.toExponential(2);
}

/**
 * The rows in the order of `sort` ({key, direction}). Parameter sorts in network order (the
 * server's row order), numbers by value; ties keep network order. Returns row indices.
 */
export function sortRows(rows, sort) {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const value = (k) => (sort.key === "label" ? k : rows[k][sort.key]);
  return rows.map((_, k) => k).sort((a, b) => sign * (value(a) - value(b)) || a - b);
}

/** The direction after clicking a header: flip the sorted column, else its first direction. */
export function nextSort(current, key) {
  if (current.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: COLUMNS.find((c) => c.key === key).first };
}

/** The verdict sentence, from the server's words and thresholds. */
export function verdictText(result) {
  const { pass, warn } = result.thresholds;
  const meaning = {
    pass: `pass: every gradient agrees with its estimate (≤ ${pass.toExponential(0)})`,
    warn: `warn: close but not within ${pass.toExponential(0)} (≤ ${warn.toExponential(0)}; typical near a kink or with a large ε)`,
    fail: `fail: some gradient disagrees with its estimate by more than ${warn.toExponential(0)}`,
  }[result.verdict] || result.verdict;
  const worst = result.parameters[result.worst];
  return `Max relative error ${errorNumber(result.max_relative_error)} (${worst ? worst.label : "–"}) — ${meaning}.`;
}
