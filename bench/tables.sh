#!/bin/bash
# Times `relgraph build` on generated tables: N nodes (default 200000) and M
# edges (default 1000000) in Gephi CSV, and the same graph as GraphML.
# Usage: bench/tables.sh [RELGRAPH] [N] [M]     (needs /usr/bin/python3)
set -eu
RELGRAPH=${1:-build/relgraph}
N=${2:-200000}
M=${3:-1000000}
T=$(mktemp -d /tmp/rg_bench_tables.XXXXXX)
trap 'rm -rf "$T"' EXIT
/usr/bin/python3 - "$T" "$N" "$M" <<'PY'
import random, sys
d, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(1)
types = ["person", "organisation", "institution", "place", "event"]
rels = ["member_of", "head_of", "cooperates_with", "related_to", "Head of"]
with open(d + "/nodes.csv", "w") as f:
    f.write("Id,Label,Type,Note\n")
    for i in range(n):
        f.write(f'n{i},"Name {i}, the {i % 7}th",{types[i % 5]},note {i}\n')
edges = []
with open(d + "/edges.csv", "w") as f:
    f.write("Source,Target,Relation,Weight,Date\n")
    for j in range(m):
        a, b = random.randrange(n), random.randrange(n)
        edges.append((a, b, rels[j % 5].lower().replace(" ", "_")))
        f.write(f"n{a},n{b},{rels[j % 5]},{random.randint(1, 5)},20{j % 25:02d}\n")
with open(d + "/g.graphml", "w") as f:
    f.write('<graphml><key id="t" for="node" attr.name="type"/>'
            '<key id="r" for="edge" attr.name="relation"/><graph edgedefault="directed">\n')
    for i in range(n):
        f.write(f'<node id="n{i}"><data key="t">{types[i % 5]}</data></node>\n')
    for a, b, r in edges:
        f.write(f'<edge source="n{a}" target="n{b}"><data key="r">{r}</data></edge>\n')
    f.write("</graph></graphml>\n")
PY
ls -l "$T"
for run in "nodes.csv" "nodes.csv edges.csv" "g.graphml"; do
    args=()
    for f in $run; do args+=("$T/$f"); done
    /usr/bin/time -f "build $run: %e s, %M KiB max RSS" "$RELGRAPH" build -q "${args[@]}" -o "$T/out.json"
done
