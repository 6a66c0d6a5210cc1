#!/bin/sh
# relgraph's analysis benchmark (`make bench`): relgraph rank vs networkx vs a
# bare igraph C program on the same Barabasi-Albert graphs, same run.
#   bench/run.sh [BUILD_DIR] [--large] [--no-networkx] [--baseline OLD_RELGRAPH]
# --baseline OLD_RELGRAPH runs an older binary too (before/after, same run).
# --large adds betweenness on 100k nodes (networkx sampled and extrapolated)
# and PageRank on 1M nodes / 10M edges; --no-100k-betweenness leaves out the
# longest row (--no-bare-100k-betweenness only the bare program's half hour
# on it), --no-small-betweenness the 3k and 10k rows. Graphs are cached
# in BUILD_DIR/bench-work.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
case "$build" in --*) build=$here/../build ;; *) shift 2>/dev/null || true ;; esac
cmake --build "$build" --target relgraph_cli bare_igraph engine_large >/dev/null
exec /usr/bin/python3 "$here/bench.py" "$build/relgraph" "$build/bench/bare_igraph" \
    "$build/bench-work" "$@"
