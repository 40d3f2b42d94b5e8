"""A Python client generated from the live /openapi.json by openapi-python-client (pinned in the
test extra) type-checks under mypy --strict and does what a notebook does, through its generated
functions and models only (tests/clients/use_python_client.py)."""

import importlib.util
import sys

import pytest
from fastapi.testclient import TestClient

from .conftest import HERE, documented_examples, run

USAGE = HERE / "use_python_client.py"
MYPY_CONFIG = """[mypy]
strict = True

# The generator's fixed template (not made from the document) passes *args to httpx's __exit__.
[mypy-backprop_client.client]
ignore_errors = True
"""


@pytest.fixture(scope="module")
def generated(document_file, tmp_path_factory):
    """The folder holding the generated package ``backprop_client``."""
    folder = tmp_path_factory.mktemp("python_client")
    output = run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", document_file, "--meta", "none",
         "--output-path", folder / "backprop_client"],
        cwd=folder,
    )  # fmt: skip
    assert "Warning" not in output, output  # every schema of the document made it into the client
    return folder


@pytest.fixture(scope="module")
def usage(generated, app):
    """use_python_client.py imported against the generated package, and a generated ``Client`` on the app."""
    sys.path.insert(0, str(generated))
    try:
        spec = importlib.util.spec_from_file_location("use_python_client", USAGE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        from backprop_client import Client

        with TestClient(app) as http:
            yield module, Client(base_url=str(http.base_url)).set_httpx_client(http)
    finally:
        sys.path.remove(str(generated))
        for name in [name for name in sys.modules if name.split(".")[0] == "backprop_client"]:
            del sys.modules[name]


def test_the_generated_client_and_the_code_using_it_pass_mypy_strict(generated):
    (generated / "mypy.ini").write_text(MYPY_CONFIG)
    output = run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir", generated / ".mypy_cache",
         USAGE, "backprop_client"],
        cwd=generated,
        MYPYPATH=str(generated),
    )  # fmt: skip
    assert "Success: no issues found" in output


def test_every_operation_runs_on_its_documented_example(usage, document):
    module, client = usage
    called = module.use_every_operation(client, documented_examples(document))
    operation_ids = [op["operationId"] for ops in document["paths"].values() for op in ops.values()]
    assert sorted(called) == sorted(operation_ids)


def test_three_steps_chain_through_the_optimizer_state_each_returned(usage):
    module, client = usage
    states = module.chain_steps(client, "xor-2-2-1", 3)
    assert [state.step for state in states] == [1, 2, 3]
    assert all(len(state.m) == len(state.v) == 2 for state in states)


def test_a_preset_is_a_step_body_for_the_generated_client(usage):
    module, client = usage
    answer = module.step_a_preset(client, "mazur-2-2-2")
    assert {"neuron", "loss", "output_delta", "hidden_delta", "weight_update"} <= module.read_trace(answer)


def test_a_422_and_a_404_read_their_detail_through_the_error_model(usage):
    module, client = usage
    invalid, missing = module.read_errors(client)
    assert invalid.detail[0].loc[:2] == ["body", "inputs"]
    assert "2" in invalid.detail[0].msg
    assert missing.detail.startswith("no preset named 'no-such-preset'")
