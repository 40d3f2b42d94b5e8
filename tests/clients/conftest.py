"""The live OpenAPI document, and how to run the pinned client generators on it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.uvicorn_server import uvicorn_server

HERE = Path(__file__).resolve().parent
NODE_TOOLS = HERE / "node_modules"
"""openapi-typescript and typescript, as pinned in package.json (scripts/test.sh runs npm ci)."""


@pytest.fixture(scope="module")
def app():
    return create_app(Settings())


@pytest.fixture(scope="module")
def document(app):
    """/openapi.json as the server serves it."""
    with TestClient(app) as client:
        response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def document_file(document, tmp_path_factory):
    path = tmp_path_factory.mktemp("openapi") / "openapi.json"
    path.write_text(json.dumps(document))
    return path


def documented_examples(document):
    """operationId → its documented example: the request body's, or else its path parameter's."""
    examples = {}
    for operations in document["paths"].values():
        for operation in operations.values():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if body is not None:
                examples[operation["operationId"]] = body["examples"]["example"]["value"]
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    examples[operation["operationId"]] = parameter["schema"]["examples"][0]
    return examples


def run(command, cwd, **env):
    """Run a tool; fail the test with its output when it fails."""
    bin_dir = str(Path(sys.executable).parent)  # the venv's: ruff for the generator's post-hooks
    environment = {**os.environ, "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""), **env}
    result = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(map(str, command))} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


def node_tool(relative):
    """A pinned npm tool's script, or a skip outside CI (scripts/test.sh installs them; in CI, a failure)."""
    path = NODE_TOOLS / relative
    if not path.exists() or shutil.which("node") is None:
        message = f"{path} missing: run scripts/test.sh (npm ci --prefix tests/clients)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def server_url():
    """The app served by uvicorn in a subprocess on a free port; stopped by its PID at the end."""
    with uvicorn_server(pytest.fail) as url:
        yield url
