#!/usr/bin/env bash
# Set up everything the tests need on this machine and run the whole suite (this is what CI runs).
# Extra arguments go to pytest, e.g. `bash scripts/run-tests.sh -k zopa`.
set -euo pipefail
source "$(dirname "$0")/_setup.sh" "course,test"
# Browser tests drive Debian's Chromium (never a browser downloaded by Playwright).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  apt_install chromium chromium-driver
fi
# The results store is tested against a real PostgreSQL server: Debian's, in a throwaway cluster.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt_install postgresql
fi
exec .venv/bin/python -m pytest "$@"
