# Shared set-up, sourced by open-course.sh, run-tests.sh and slides.sh: a virtual environment in .venv with the
# course (and, with "test", the test tools) installed. Safe to run again: it only adds what is missing.
# Usage: DEBIAN_PACKAGES="..." source scripts/_setup.sh EXTRAS   (EXTRAS: "course" or "course,test";
# DEBIAN_PACKAGES: what the calling script needs from Debian besides Python, e.g. "chromium postgresql")
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

as_root() { [ "$(id -u)" = 0 ]; }

# A Debian package counts as present when dpkg says it is installed; npm also when any npm is on the PATH
# (Node.js's own packages bring one).
debian_package_present() {
  if [ "$1" = npm ] && command -v npm >/dev/null 2>&1; then return 0; fi
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

# Install what is missing when root; otherwise say, in one sentence with one command, what to install first.
# The command names every package the calling script may need (always the same line, quoted in the README).
need_debian_packages() {
  [ $# -gt 0 ] || return 0
  if as_root; then
    echo "Installing Debian packages: $*"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    echo "Negotiation Lab needs Debian packages that are missing here ($*). Install them first, then run this again:" >&2
    echo "    sudo apt-get install python3-venv${DEBIAN_PACKAGES:+ $DEBIAN_PACKAGES}" >&2
    exit 1
  fi
}

PYTHON="${PYTHON:-python3}"
if ! version="$("$PYTHON" --version 2>&1)"; then
  echo "Negotiation Lab needs Python 3.10 or newer, and $PYTHON does not run on this machine." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
  echo "Negotiation Lab needs Python 3.10 or newer; $PYTHON is $version." >&2
  exit 1
fi

missing=()
for package in ${DEBIAN_PACKAGES:-}; do
  debian_package_present "$package" || missing+=("$package")
done
if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment in .venv ..."
  # Debian's Python lacks venv and pip until python3-venv is installed.
  "$PYTHON" -m venv .venv >/dev/null 2>&1 || { rm -rf .venv; missing=(python3-venv "${missing[@]}"); }
fi
need_debian_packages "${missing[@]}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv

# The first install of a set of extras downloads a few hundred MB: show pip's progress. Later runs only check
# that nothing is missing, quietly (a few seconds).
pip=(.venv/bin/python -m pip install --disable-pip-version-check)
installed=".venv/.negotiation-lab-installed-${1//,/-}"   # .../-course-test also covers "course"
if ! compgen -G "$installed*" >/dev/null; then
  case "$1" in
    *test*) echo "Installing the course's packages and the test tools (first time: about 3 minutes)..." ;;
    *) echo "Installing the course's packages (first time: about 2 minutes)..." ;;
  esac
  "${pip[@]}" --upgrade pip
  "${pip[@]}" -e ".[$1]"
  touch "$installed"
  echo "Installed. Running this again is quick: it only adds what is missing."
else
  "${pip[@]}" --quiet --upgrade pip
  "${pip[@]}" --quiet -e ".[$1]"
fi

# Local copies of everything a slide deck loads, so that decks work with no internet (see scripts/slides.sh):
# reveal.js, require.js, jQuery, MathJax 2 and the Jupyter widgets' HTML manager, as their npm packages ship them.
SLIDE_LIBRARIES=(reveal.js@4.0.2 requirejs@2.3.8 jquery@3.7.1 mathjax@2.7.9 @jupyter-widgets/html-manager@1.0.12)
SLIDE_LIB="$REPO/.venv/share/negotiation-lab/slides-lib"
install_slide_libraries() {
  if [ "$(cat "$SLIDE_LIB/VERSIONS" 2>/dev/null)" = "${SLIDE_LIBRARIES[*]}" ]; then return 0; fi
  echo "Fetching the slide libraries for offline decks, once (${SLIDE_LIBRARIES[*]}: about 30 MB to download)..."
  local tmp lib
  tmp="$(mktemp -d)"
  lib="$tmp/lib"
  (cd "$tmp" && npm pack --silent "${SLIDE_LIBRARIES[@]}" >/dev/null) || {
    echo "npm could not fetch the slide libraries (${SLIDE_LIBRARIES[*]}): is the npm registry reachable?" >&2
    exit 1
  }
  for archive in "$tmp"/*.tgz; do
    mkdir -p "${archive%.tgz}" && tar -xzf "$archive" -C "${archive%.tgz}"
  done
  local reveal=("$tmp"/reveal.js-*/package) requirejs=("$tmp"/requirejs-*/package) jquery=("$tmp"/jquery-*/package)
  local mathjax=("$tmp"/mathjax-*/package) manager=("$tmp"/jupyter-widgets-html-manager-*/package)
  mkdir -p "$lib"/{reveal.js/dist,reveal.js/plugin,requirejs,jquery,mathjax,html-manager}
  # reveal.js: the UMD build, its themes and fonts, and the speaker-notes plugin the deck loads.
  cp -R "$reveal"/dist/{reveal.js,reveal.css,reset.css,theme} "$lib/reveal.js/dist/"
  cp -R "$reveal"/plugin/notes "$lib/reveal.js/plugin/"
  rm -f "$lib"/reveal.js/plugin/notes/*.esm.js
  cp "$reveal/LICENSE" "$lib/reveal.js/"
  cp "$requirejs/require.js" "$requirejs/README.md" "$lib/requirejs/"   # MIT licence in require.js's header
  cp "$jquery/dist/jquery.min.js" "$jquery/LICENSE.txt" "$lib/jquery/"
  # MathJax 2 with TeX input and CommonHTML output only (the configuration nbconvert asks for), TeX fonts.
  (cd "$mathjax" && cp -R --parents MathJax.js LICENSE config/TeX-AMS_CHTML-full.js config/Safe.js extensions \
    jax/input jax/element jax/output/CommonHTML jax/output/PreviewHTML fonts/HTML-CSS/TeX/woff \
    fonts/HTML-CSS/TeX/otf localization/en "$lib/mathjax/")
  # The widget manager: one AMD bundle and the icon fonts its styles point to.
  cp "$manager/dist/embed-amd.js" "$manager"/dist/*.{woff,woff2,ttf,eot,svg} "$manager/LICENSE" "$lib/html-manager/"
  echo "${SLIDE_LIBRARIES[*]}" > "$lib/VERSIONS"
  rm -rf "$SLIDE_LIB" && mkdir -p "$(dirname "$SLIDE_LIB")" && mv "$lib" "$SLIDE_LIB"
  rm -rf "$tmp"
}

# configurable-http-proxy, the proxy JupyterHub starts, from npm: the hub test (tests/test_hub.py) runs a real hub
# with the participant app as its service. 4.x runs on Debian's Node.js 18 as well as on newer ones (5.x needs 20).
CHP_PACKAGE=configurable-http-proxy@4.6.3
CHP_DIR="$REPO/.venv/share/negotiation-lab/configurable-http-proxy"
install_http_proxy() {
  if [ "$(cat "$CHP_DIR/VERSION" 2>/dev/null)" = "$CHP_PACKAGE" ]; then return 0; fi
  echo "Installing $CHP_PACKAGE from npm, once, for the JupyterHub test..."
  rm -rf "$CHP_DIR" && mkdir -p "$CHP_DIR"
  npm install --silent --no-audit --no-fund --prefix "$CHP_DIR" "$CHP_PACKAGE" >/dev/null || {
    echo "npm could not install $CHP_PACKAGE: is the npm registry reachable?" >&2
    exit 1
  }
  echo "$CHP_PACKAGE" > "$CHP_DIR/VERSION"
}
