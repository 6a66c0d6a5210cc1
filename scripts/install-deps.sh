#!/bin/sh
# Installs relgraph's build and test dependencies from Debian packages, only
# when something is missing, so repeated `make` runs cost nothing. Called by
# the Makefile; safe to run by hand. Needs root (or sudo) on a Debian system.
set -eu

PKGS="build-essential cmake pkg-config libigraph-dev libgraphviz-dev graphviz \
libjansson-dev libutf8proc-dev libxml2-dev libssl-dev iso-codes wamerican \
python3 python3-networkx python3-scipy clang libclang-rt-14-dev"
# Headless Chromium runs the HTML export's browser test; it is large, so
# RG_WITH_CHROMIUM=0 leaves it out (that test then skips).
if [ "${RG_WITH_CHROMIUM:-1}" = 1 ]; then PKGS="$PKGS chromium"; fi
# npm fetches the HTML viewer's JS library (js/package-lock.json); Debian's
# npm is only needed when no npm is on PATH (e.g. NodeSource's nodejs has one).
if ! command -v npm >/dev/null 2>&1; then PKGS="$PKGS npm"; fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
if [ -n "$missing" ]; then
    echo "install-deps: installing$missing" >&2
    SUDO=""
    if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The JS graph library embedded into the HTML export, at the version pinned by
# js/package-lock.json; fetched only when missing.
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -f "$root/js/node_modules/cytoscape/dist/cytoscape.min.js" ]; then
    echo "install-deps: npm ci in js/" >&2
    (cd "$root/js" && npm ci --no-audit --no-fund --loglevel=error)
fi
