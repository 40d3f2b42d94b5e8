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
  # pip, not only python: a venv whose creation failed half-way (no ensurepip) is made again.
  if [ ! -x "$VENV/bin/pip" ]; then
    local python
    python="$(find_python)" || { echo "Backprop Lab needs Python >= 3.11 (set PYTHON=/path/to/python3.11)" >&2; exit 1; }
    [ -f "$VENV/pyvenv.cfg" ] && rm -rf "$VENV"  # only ever a virtual environment
    "$python" -m venv "$VENV" || {
      [ -f "$VENV/pyvenv.cfg" ] && rm -rf "$VENV"
      echo "could not create $VENV with $python -m venv (on Debian/Ubuntu: apt-get install python3-venv)" >&2
      exit 1
    }
  fi
}

# pip-install the project (with an optional extra, e.g. "test") unless this exact pyproject.toml
# was already installed with it: a stamp in the venv remembers, so a restart takes no time.
install_project() {
  local extra="${1:-}" target="." stamp
  [ -n "$extra" ] && target=".[$extra]"
  stamp="$VENV/.installed-$(cat pyproject.toml | sha256sum | cut -c1-16)-${extra:-base}"
  if [ ! -f "$stamp" ]; then
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -e "$target"
    touch "$stamp"
  fi
}
