#!/usr/bin/env bash
# Set up the course on this machine and open it: JupyterLab on lesson 00.
set -euo pipefail
source "$(dirname "$0")/_setup.sh" course
exec .venv/bin/jupyter lab --notebook-dir=notebooks "${@}" notebooks/00_start_here.ipynb
