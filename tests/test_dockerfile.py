"""The Dockerfile's essentials, checked statically (no Docker engine here): a regression fails."""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE = (REPO / "Dockerfile").read_text()
ENTRYPOINT = (REPO / "scripts/docker-entrypoint.sh").read_text()
DOCKERIGNORE = (REPO / ".dockerignore").read_text().split("\n")


def instructions(text):
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n", " ", "\n".join(l for l in text.split("\n") if not l.lstrip().startswith("#")))
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
        for line in map(str.strip, joined.split("\n"))
        if line
    ]


def arguments(name):
    return [args for instruction, args in instructions(DOCKERFILE) if instruction == name]


def test_image_is_built_on_python_311_slim():
    assert arguments("FROM") == ["python:3.11-slim"]


def test_server_runs_as_a_user_other_than_root():
    users = arguments("USER")
    assert users, "no USER: the server would run as root"
    assert users[-1].split(":")[0] not in {"root", "0"}


def test_healthcheck_asks_healthz_without_curl():
    (check,) = arguments("HEALTHCHECK")
    assert "/healthz" in check
    assert "urllib" in check
    assert "curl" not in check and "wget" not in check


def test_container_exposes_port_8000_and_uvicorn_listens_on_all_interfaces():
    assert arguments("EXPOSE") == ["8000"]
    assert "--host 0.0.0.0 --port 8000" in ENTRYPOINT


def test_only_runtime_dependencies_are_installed():
    install = " ".join(arguments("RUN"))
    assert "[test]" not in DOCKERFILE and "optional-dependencies" not in DOCKERFILE
    assert "['project']['dependencies']" in install
    assert "pip install --no-cache-dir -r" in install


def test_entrypoint_execs_uvicorn_with_workers_proxy_headers_and_a_graceful_stop():
    assert arguments("ENTRYPOINT") == ['["sh", "/app/scripts/docker-entrypoint.sh"]']
    assert re.search(r"^exec uvicorn app\.main:app", ENTRYPOINT, re.MULTILINE), "uvicorn must replace the shell"
    assert 'workers="${WEB_CONCURRENCY:-$(cpus)}"' in ENTRYPOINT
    # nproc obeys OMP_NUM_THREADS, which the image sets to 1: a bare nproc would start 1 worker.
    assert "env -u OMP_NUM_THREADS -u OMP_THREAD_LIMIT nproc" in ENTRYPOINT
    assert "OMP_NUM_THREADS=1" in DOCKERFILE
    assert '--workers "$workers"' in ENTRYPOINT
    assert '--proxy-headers --forwarded-allow-ips "${BACKPROP_FORWARDED_ALLOW_IPS:-127.0.0.1}"' in ENTRYPOINT
    assert "--timeout-graceful-shutdown" in ENTRYPOINT


def test_entrypoint_refuses_to_start_with_a_bad_setting():
    env = {**os.environ, "BACKPROP_MAX_NEURONS": "lots", "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(
        ["sh", "scripts/docker-entrypoint.sh"], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "BACKPROP_MAX_NEURONS='lots'" in result.stderr
    assert "Uvicorn running" not in result.stderr


def test_dockerignore_shuts_out_everything_but_what_the_server_needs():
    rules = [l.strip() for l in DOCKERIGNORE if l.strip() and not l.startswith("#")]
    assert rules[0] == "*", "start from nothing: .git, .venv, tests, caches stay out"
    allowed = {rule[1:].rstrip("/") for rule in rules if rule.startswith("!")}
    assert allowed == {"pyproject.toml", "app", "static", "templates", "scripts/docker-entrypoint.sh"}
    assert "**/__pycache__" in rules


def test_every_folder_the_app_reads_at_run_time_goes_into_the_image():
    allowed = {l.strip()[1:].rstrip("/") for l in DOCKERIGNORE if l.startswith("!")}
    read = set()
    for source in (REPO / "app").rglob("*.py"):
        read |= set(re.findall(r'(?:ROOT|parents\[\d\]|parent\.parent)\s*/\s*"([^"/]+)', source.read_text()))
    assert read, "expected the app to name the folders it serves (static, templates)"
    assert read <= allowed, f"{read - allowed} would be missing from the image"
