# Shared set-up, sourced by open-course.sh and run-tests.sh: a virtual environment in .venv with the
# course (and, with "test", the test tools) installed. Safe to run again: it only adds what is missing.
# Usage: source scripts/_setup.sh EXTRAS   (EXTRAS: "course" or "course,test")
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

as_root() { [ "$(id -u)" = 0 ]; }
apt_install() {
  if as_root; then
    echo "Installing Debian packages: $*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Please install these Debian packages first (as root): $*" >&2
    exit 1
  fi
}

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "Negotiation Lab needs Python 3.10 or newer; $PYTHON is $("$PYTHON" --version 2>&1)." >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  # Debian's Python lacks venv and pip until python3-venv is installed.
  "$PYTHON" -m venv .venv 2>/dev/null || { rm -rf .venv; apt_install python3-venv python3-pip; "$PYTHON" -m venv .venv; }
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$1]"
