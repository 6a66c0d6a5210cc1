#!/bin/sh
# make demo: the main job on examples/ in one command: build the graph, rank
# the actors, find communities, and write out/graph.json, out/graph.dot,
# out/graph.svg, out/ranking.csv and out/index.html (docs/EXPORT.md).
set -eu
RELGRAPH=${1:-build/relgraph}
"$RELGRAPH" report examples/docs -o out
echo "open out/index.html in a browser (works offline)"
