#!/usr/bin/env bash
# A lesson as a slide deck that works with no internet:
#   bash scripts/slides.sh notebooks/04_zopa.ipynb [more lessons] [nbconvert options, e.g. --no-input]
# Executes each lesson and writes slides/LESSON.slides.html (or into --output-dir DIR), with slides/lib/: local
# copies of what the deck loads (reveal.js, require.js, jQuery, MathJax, the widget manager). Open the deck from
# the file system or serve the folder on localhost; copy the whole folder to present on another machine.
set -euo pipefail
HERE="$PWD"
DEBIAN_PACKAGES="npm"   # fetches the libraries, once
source "$(dirname "$0")/_setup.sh" course
install_slide_libraries
cd "$HERE"

out="$REPO/slides"
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --output-dir) out="$2"; shift 2 ;;
    --output-dir=*) out="${1#--output-dir=}"; shift ;;
    -*) args+=("$1"); shift ;;
    *)  # a lesson: a path, or a name such as 04_zopa
      if [ ! -e "$1" ] && [ -e "$REPO/notebooks/$1.ipynb" ]; then args+=("$REPO/notebooks/$1.ipynb")
      else args+=("$1"); fi
      shift ;;
  esac
done
if [ ${#args[@]} = 0 ]; then
  echo "Name a lesson, e.g. bash scripts/slides.sh notebooks/04_zopa.ipynb" >&2
  exit 1
fi

# The deck finds its libraries in lib/ beside it. Only a lib/ made here is ever replaced.
mkdir -p "$out"
if ! cmp -s "$SLIDE_LIB/VERSIONS" "$out/lib/VERSIONS"; then
  if [ -e "$out/lib" ] && [ ! -e "$out/lib/VERSIONS" ]; then
    echo "$out/lib exists and is not a folder of slide libraries: choose another --output-dir." >&2
    exit 1
  fi
  rm -rf "$out/lib"
  cp -R "$SLIDE_LIB" "$out/lib"
fi
# Widgets made with anywidget load its front-end module with require.js: a copy of the module that comes with
# the Python package (when the lessons' kernel has it) saves asking a CDN.
anywidget="$("$REPO/.venv/bin/python" -c 'import anywidget, pathlib
print(pathlib.Path(anywidget.__file__).parent / "nbextension/index.js")' 2>/dev/null || true)"
if [ -f "$anywidget" ] && ! cmp -s "$anywidget" "$out/lib/anywidget/index.js"; then
  mkdir -p "$out/lib/anywidget" && cp "$anywidget" "$out/lib/anywidget/index.js"
fi

exec "$REPO/.venv/bin/jupyter" nbconvert --config "$REPO/scripts/slides/nbconvert_config.py" \
  --to slides --execute --output-dir "$out" "${args[@]}"
