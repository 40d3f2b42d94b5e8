# Sourced by the other scripts: a virtual environment in .venv (or $VENV), made on first use.
VENV="${VENV:-$PWD/.venv}"

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    PYTHON="${PYTHON:-$(command -v python3.13 || command -v python3.12 || command -v python3.11 || command -v python3)}"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
      || { echo "Backprop Lab needs Python >= 3.11; found $("$PYTHON" --version)" >&2; exit 1; }
    "$PYTHON" -m venv "$VENV"
  fi
}
