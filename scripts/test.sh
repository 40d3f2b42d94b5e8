#!/usr/bin/env bash
# Install the test dependencies (Python packages into .venv, a Chromium for the browser tests,
# Node.js for the JS unit tests) and run every suite: lint, Dockerfile lint, JS units, and
# pytest (engine, API, fuzz, browser). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv
install_project test
export PATH="$VENV/bin:$PATH"

apt_install() {  # Debian packages, when we may install them
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

# A Chromium for Playwright: Debian's where apt can install it, else Playwright's own download.
if [ -z "${BACKPROP_CHROMIUM:-}" ]; then
  if ! command -v chromium >/dev/null && ! apt_install chromium; then
    python -m playwright install chromium
  fi
  if command -v chromium >/dev/null; then export BACKPROP_CHROMIUM="$(command -v chromium)"; fi
fi
command -v node >/dev/null || apt_install nodejs || { echo "Node.js is needed for the JS unit tests" >&2; exit 1; }

# openapi-typescript and typescript for tests/clients, exactly as package-lock.json pins them;
# npm ci again only when the lock file changed since the last install.
clients_stamp="tests/clients/node_modules/.installed-$(sha256sum tests/clients/package-lock.json | cut -c1-16)"
if [ ! -f "$clients_stamp" ]; then
  command -v npm >/dev/null || apt_install npm || { echo "npm is needed for tests/clients" >&2; exit 1; }
  npm ci --prefix tests/clients --no-audit --no-fund --loglevel=error </dev/null
  touch "$clients_stamp"
fi

echo "== ruff"
ruff check .
ruff format --check .
echo "== hadolint"
hadolint Dockerfile
echo "== node --test tests/js"
node --test tests/js/
echo "== pytest"
pytest "$@"
