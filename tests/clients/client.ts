// What a TypeScript front end writes against the types openapi-typescript generates from
// /openapi.json ("./api" is generated into a temporary folder by test_typescript_client.py,
// which type-checks this file with tsc --strict, then runs it with node against a live server).
import type { components, operations } from "./api";

type Schemas = components["schemas"];
type OperationId = keyof operations;
type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : never;
type BodyOf<Op extends OperationId> = operations[Op] extends { requestBody: infer R } ? Json<R> : never;
type Statuses<Op extends OperationId> = keyof operations[Op]["responses"];
/** Every answer an operation documents, told apart by its status. */
type Reply<Op extends OperationId> = {
  [S in Statuses<Op>]: { status: S; body: Json<operations[Op]["responses"][S]> };
}[Statuses<Op>];

/** Where each operation lives: tsc fails if the document gains or loses an operation. */
const ROUTES = {
  health: ["GET", "/healthz"],
  getCatalog: ["GET", "/api/catalog"],
  listPresets: ["GET", "/api/presets"],
  getPreset: ["GET", "/api/presets/{name}"],
  listDatasets: ["GET", "/api/datasets"],
  getDataset: ["GET", "/api/datasets/{name}"],
  parseCsv: ["POST", "/api/datasets/csv"],
  forward: ["POST", "/api/forward"],
  backward: ["POST", "/api/backward"],
  update: ["POST", "/api/update"],
  step: ["POST", "/api/step"],
  randomNetwork: ["POST", "/api/networks/random"],
  train: ["POST", "/api/train"],
  graph: ["POST", "/api/graph"],
  gradcheck: ["POST", "/api/gradcheck"],
} as const satisfies Record<OperationId, readonly ["GET" | "POST", string]>;

async function call<Op extends OperationId>(
  base: string,
  op: Op,
  request: { body?: BodyOf<Op>; name?: string },
): Promise<Reply<Op>> {
  const [method, template] = ROUTES[op];
  const path = template.replace("{name}", encodeURIComponent(request.name ?? ""));
  const init: RequestInit = { method };
  if (request.body !== undefined) {
    init.headers = { "content-type": "application/json" };
    init.body = JSON.stringify(request.body);
  }
  const response = await fetch(base + path, init);
  return { status: response.status, body: await response.json() } as Reply<Op>;
}

/** The 200 answer of an operation, or an Error naming what came instead. */
async function ok<Op extends OperationId>(
  base: string,
  op: Op,
  request: { body?: BodyOf<Op>; name?: string } = {},
): Promise<Json<operations[Op]["responses"][200]>> {
  const reply = await call(base, op, request);
  if (reply.status !== 200) throw new Error(`${op}: ${String(reply.status)} ${JSON.stringify(reply.body)}`);
  return reply.body as Json<operations[Op]["responses"][200]>;
}

/** The kinds of a step's trace, each entry read through its own type (narrowed by kind). */
function traceKinds(answer: Schemas["StepResponse"]): string[] {
  const kinds = new Set<string>();
  for (const entry of answer.trace ?? []) {
    switch (entry.kind) {
      case "neuron":
        if (typeof entry.z !== "number" || entry.inputs.length !== entry.weights.length) throw new Error("neuron");
        break;
      case "loss":
        if (entry.value !== answer.loss) throw new Error("loss");
        break;
      case "output_delta":
        if (typeof entry.target !== "number") throw new Error("output_delta");
        break;
      case "hidden_delta":
        if (entry.next_weights.length !== entry.next_deltas.length) throw new Error("hidden_delta");
        break;
      case "weight_gradient":
      case "bias_gradient":
        if (typeof entry.grad !== "number") throw new Error(entry.kind);
        break;
      case "weight_update":
      case "bias_update":
        if (entry.optimizer === "adam" && typeof entry.m_hat !== "number") throw new Error("adam");
        break;
    }
    kinds.add(entry.kind);
  }
  return [...kinds].sort();
}

export async function main(base: string, examples: { [op: string]: unknown }): Promise<{ [what: string]: unknown }> {
  const called: string[] = [];
  for (const op of Object.keys(ROUTES) as OperationId[]) {
    const example = examples[op];
    const request = typeof example === "string" ? { name: example } : { body: example as BodyOf<typeof op> };
    await ok(base, op, example === undefined ? {} : request);
    called.push(op);
  }

  // A preset is a step body as it is: the same types, no conversion.
  const preset: Schemas["Preset"] = await ok(base, "getPreset", { name: "xor-2-2-1" });
  let body: Schemas["StepRequest"] = { ...preset, optimizer: { name: "adam", learning_rate: 0.1 } };
  const first = await ok(base, "step", { body: preset });

  // Three steps, each sending back the network and optimizer state the last one returned.
  const steps: number[] = [];
  for (let i = 0; i < 3; i++) {
    const answer = await ok(base, "step", { body });
    steps.push(answer.optimizer_state.step ?? 0); // optional in a request (0), always in an answer
    body = { ...body, network: answer.network, optimizer_state: answer.optimizer_state };
  }

  const invalid = await call(base, "step", { body: { ...preset, inputs: [[0.0]] } });
  const missing = await call(base, "getPreset", { name: "no-such-preset" });
  if (invalid.status !== 422 || missing.status !== 404) throw new Error("expected a 422 and a 404");
  const problems: Schemas["ErrorItem"][] = typeof invalid.body.detail === "string" ? [] : invalid.body.detail;
  const sentence: string = typeof missing.body.detail === "string" ? missing.body.detail : "";
  return { called, kinds: traceKinds(first), steps, invalid_loc: problems[0]?.loc, missing: sentence };
}
