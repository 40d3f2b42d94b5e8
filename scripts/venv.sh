# Sourced by the other scripts: a virtual environment in .venv (or $VENV), made on first use.
VENV="${VENV:-$PWD/.venv}"

find_python() {  # the first interpreter that runs and is Python >= 3.11
  for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.11 python; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    local python
    python="$(find_python)" || { echo "Backprop Lab needs Python >= 3.11 (set PYTHON=/path/to/python3.11)" >&2; exit 1; }
    "$python" -m venv "$VENV"
  fi
}
