#!/usr/bin/env bash
# Set up the course on this machine and open it: JupyterLab on lesson 00.
set -euo pipefail
source "$(dirname "$0")/_setup.sh" course
root_flag=()
if [ "$(id -u)" = 0 ]; then root_flag=(--allow-root); fi  # e.g. inside a container
exec .venv/bin/jupyter lab "${root_flag[@]}" --notebook-dir=notebooks "${@}" notebooks/00_start_here.ipynb
