#!/bin/sh
# make demo: the main job on examples/: build the graph, export it, draw it.
set -eu
RELGRAPH=${1:-build/relgraph}
mkdir -p out
"$RELGRAPH" build examples -o out/graph.json
"$RELGRAPH" export out/graph.json --to dot -o out/graph.dot
dot -Tsvg out/graph.dot -o out/graph.svg
echo "wrote out/graph.json out/graph.dot out/graph.svg"
