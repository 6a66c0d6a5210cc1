#!/bin/sh
# Installs relgraph's build and test dependencies from Debian packages, only
# when something is missing, so repeated `make` runs cost nothing. Called by
# the Makefile; safe to run by hand. Needs root (or sudo) on a Debian system.
set -eu

PKGS="build-essential cmake pkg-config libigraph-dev libgraphviz-dev graphviz \
libjansson-dev libutf8proc-dev libxml2-dev iso-codes wamerican \
python3 python3-networkx clang libclang-rt-14-dev"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
