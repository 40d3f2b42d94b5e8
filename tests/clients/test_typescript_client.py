"""TypeScript types generated from the live /openapi.json by openapi-typescript (pinned in
tests/clients/package.json) type-check tests/clients/client.ts under tsc --strict; the compiled
client then runs with node against a live server: every operation on its documented example,
a preset posted to /api/step as it is, three chained steps, a 422's and a 404's detail."""

import json
import shutil

import pytest

from .conftest import HERE, documented_examples, node_tool, run

TSCONFIG = {
    "compilerOptions": {
        "strict": True,
        "noUncheckedIndexedAccess": True,
        "target": "es2022",
        "module": "es2022",
        "moduleResolution": "bundler",
        "lib": ["es2022", "dom"],
        "outDir": "out",
    },
    "files": ["client.ts", "api.d.ts"],
}
RUNNER = """import { readFile } from "node:fs/promises";
import { main } from "./out/client.js";
const [base, examples] = process.argv.slice(2);
console.log(JSON.stringify(await main(base, JSON.parse(await readFile(examples, "utf8")))));
"""


@pytest.fixture(scope="module")
def compiled(document, document_file, tmp_path_factory):
    """A folder with the generated api.d.ts, client.ts compiled by tsc into out/, and the examples."""
    generate, tsc = node_tool("openapi-typescript/bin/cli.js"), node_tool("typescript/bin/tsc")
    folder = tmp_path_factory.mktemp("typescript_client")
    # Fields with a default are optional in a request (and Preset.optimizer leaves them out):
    # the document is read as JSON Schema says, not as "a default makes it always present".
    run(["node", generate, document_file, "--default-non-nullable", "false", "-o", folder / "api.d.ts"], cwd=folder)
    shutil.copy(HERE / "client.ts", folder / "client.ts")
    (folder / "tsconfig.json").write_text(json.dumps(TSCONFIG))
    run(["node", tsc, "-p", "tsconfig.json"], cwd=folder)
    (folder / "out" / "package.json").write_text('{"type": "module"}')
    (folder / "run.mjs").write_text(RUNNER)
    (folder / "examples.json").write_text(json.dumps(documented_examples(document)))
    return folder


def test_the_typescript_client_runs_every_operation_chains_steps_and_reads_errors(compiled, server_url, document):
    output = run(["node", "run.mjs", server_url, "examples.json"], cwd=compiled)
    result = json.loads(output.strip().splitlines()[-1])
    operation_ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert sorted(result["called"]) == sorted(operation_ids)
    assert result["steps"] == [1, 2, 3]
    assert {"neuron", "loss", "output_delta", "hidden_delta", "weight_gradient", "bias_update"} <= set(result["kinds"])
    assert result["invalid_loc"][:2] == ["body", "inputs"]
    assert result["missing"].startswith("no preset named 'no-such-preset'")
