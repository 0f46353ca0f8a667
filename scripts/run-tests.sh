#!/usr/bin/env bash
# Set up everything the tests need on this machine and run the whole suite (this is what CI runs).
# Extra arguments go to pytest, e.g. `bash scripts/run-tests.sh -k zopa`.
set -euo pipefail
# From Debian: the Chromium (and its driver) that the browser tests drive, never a browser downloaded by
# Playwright; PostgreSQL, for a throwaway server that the results store is tested against; npm, which fetches
# the slide libraries an offline deck loads and configurable-http-proxy, the proxy of the JupyterHub test.
# Installed when missing and run as root; otherwise the set-up says what to install first.
DEBIAN_PACKAGES="chromium chromium-driver postgresql npm"
source "$(dirname "$0")/_setup.sh" "course,test"
install_slide_libraries
install_http_proxy
# One worker per core; each test file stays in one worker, in order (a file's servers and fixtures are its own).
# Files are handed out in the order tests/conftest.py gives them (longest first), not by their number of tests.
exec .venv/bin/python -m pytest -n auto --dist loadfile --no-loadscope-reorder "$@"
