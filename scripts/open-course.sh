#!/usr/bin/env bash
# Set up the course on this machine and open it: JupyterLab on lesson 00.
set -euo pipefail
source "$(dirname "$0")/_setup.sh" course
root_flag=()
if [ "$(id -u)" = 0 ]; then root_flag=(--allow-root); fi  # e.g. inside a container
echo "Starting JupyterLab on lesson 00: it opens in your browser, or open the address ending in"
echo "/lab/tree/00_start_here.ipynb?token=... that it prints below. Stop it with Control-C."
# JupyterLab prints its default URL (with the token): lesson 00 instead of the Launcher, which /lab would open.
exec .venv/bin/jupyter lab "${root_flag[@]}" --notebook-dir=notebooks \
  --LabApp.default_url=/lab/tree/00_start_here.ipynb "${@}" notebooks/00_start_here.ipynb
