#!/usr/bin/env bash
# Install Backprop Lab into .venv (first run only) and serve it on http://127.0.0.1:8000.
# Settings come from BACKPROP_* environment variables (see README); HOST and PORT move the server.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv
install_project
# One BLAS thread per server process, as in the Docker image: the matrices here are small, and a
# second thread only fights the other requests for the cores (see benchmarks/README.md).
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
log_level="$(echo "${BACKPROP_LOG_LEVEL:-info}" | tr '[:upper:]' '[:lower:]')"
exec "$VENV/bin/uvicorn" app.main:app --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" --log-level "$log_level"
