#!/usr/bin/env bash
# relgraph report: tables in, five files and a summary out; every file read
# back (JSON by Python, DOT by Graphviz, SVG as XML, CSV by Python's csv);
# deterministic; errors exit 1 (bad input, naming the file) or 2 (usage).
set -u
: "${RELGRAPH:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
check() { if eval "$1"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi; }
PY=/usr/bin/python3

mkdir -p "$T/in/sub"
cat > "$T/in/nodes.csv" <<'CSV'
Id,Label,Type,Aliases
p-karimov,Rustam Karimov-Dale,person,R. Karimov-Dale|Karimov-Dale
p-osei,Adjoa Osei,person,Osei
p-varga,"Varga, Imre",person,
o-halden,Halden Logistics Ltd,organisation,Halden
o-north,Northgate Security,organisation,
i-ministry,Ministry of Interior,institution,
x-lake,Lakeside,place,
CSV
cat > "$T/in/edges.csv" <<'CSV'
Source,Target,Relation,Role,Date,Weight
p-karimov,o-halden,head_of,,2016-03,1
p-osei,i-ministry,official_of,,,1
p-varga,o-north,head_of,,,1
o-halden,o-north,cooperates_with,,,2
p-karimov,p-osei,communicated_with,,,3
i-ministry,x-lake,located_in,,,1
CSV
# a second source as relgraph JSON, merged with the tables
cat > "$T/in/sub/extra.json" <<'JSON'
{"directed": true, "multigraph": true, "graph": {"documents": []},
 "nodes": [{"id": "o-halden", "type": "organisation", "label": "Halden Logistics Ltd"},
           {"id": "o-bright", "type": "organisation", "label": "Brightwater Holdings"}],
 "links": [{"source": "o-halden", "target": "o-bright", "type": "part_of", "weight": 1}]}
JSON

"$RELGRAPH" report "$T/in" -o "$T/out" >"$T/stdout" 2>"$T/stderr"
check '[ $? = 0 ]' || cat "$T/stderr" >&2
for f in graph.json graph.dot graph.svg ranking.csv index.html; do check "[ -s \"\$T/out/$f\" ]"; done
check 'grep -q "8 nodes, 7 links" "$T/stdout"'
check 'grep -q "top actors by pagerank" "$T/stdout"'
check 'grep -q "communit" "$T/stdout"'
check 'grep -q "Halden Logistics Ltd" "$T/stdout"'

# graph.json carries the scores and communities the engine stored
check '$PY -c "
import json,sys; g=json.load(open(sys.argv[1]))
assert len(g[\"nodes\"])==8 and len(g[\"links\"])==7
assert all(\"pagerank\" in n and \"community\" in n for n in g[\"nodes\"] if n[\"type\"]!=\"event\")
assert abs(sum(float(n[\"pagerank\"]) for n in g[\"nodes\"])-1)<1e-6
" "$T/out/graph.json"'
# graph.dot: Graphviz renders it, 8 nodes
check '[ "$(dot -Tplain "$T/out/graph.dot" | grep -c "^node ")" = 8 ]'
check 'grep -q "community 0" "$T/out/graph.dot"'
# graph.svg: XML with 8 node groups
check '$PY -c "import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); sys.exit(len([g for g in r.iter(\"{http://www.w3.org/2000/svg}g\") if g.get(\"class\")==\"node\"])!=8)" "$T/out/graph.svg"'
# ranking.csv: every actor once, scores descending, ties by id
check '$PY -c "
import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline=\"\")))
assert list(r[0])==[\"rank\",\"id\",\"label\",\"type\",\"pagerank\",\"degree\",\"community\"], list(r[0])
assert len(r)==8 and [int(x[\"rank\"]) for x in r]==list(range(1,9))
keys=[(-float(x[\"pagerank\"]),x[\"id\"]) for x in r]; assert keys==sorted(keys)
d={x[\"id\"]:x for x in r}; assert d[\"p-varga\"][\"label\"]==\"Varga, Imre\" and d[\"o-halden\"][\"degree\"]==\"3\"
" "$T/out/ranking.csv"'
check 'grep -q "<script type=\"application/json\" id=\"rg-graph\">" "$T/out/index.html"'

# same inputs, same bytes
"$RELGRAPH" report "$T/in" -o "$T/out2" >"$T/stdout2" 2>/dev/null
for f in graph.json graph.dot graph.svg ranking.csv index.html; do
    check "cmp -s \"\$T/out/$f\" \"\$T/out2/$f\""
done
check '[ "$(sed "s|$T/out2|$T/out|" "$T/stdout2")" = "$(cat "$T/stdout")" ]'

# a readable diagram of a bigger graph: --diagram-top
"$RELGRAPH" report "$T/in" -o "$T/top" --diagram-top 3 --measure degree -c components >"$T/stdout3" 2>&1
check '[ $? = 0 ]'
check '[ "$(dot -Tplain "$T/top/graph.dot" | grep -c "^node ")" = 3 ]'
check 'grep -q "show the 3 most central of 8 nodes" "$T/stdout3"'
check 'head -1 "$T/top/ranking.csv" | grep -q "^rank,id,label,type,degree,degree,community"'

# errors
"$RELGRAPH" report "$T/in" 2>"$T/err"; check '[ $? = 2 ]'
"$RELGRAPH" report "$T/in" -o "$T/e1" --measure fame 2>"$T/err"; check '[ $? = 2 ] && grep -q fame "$T/err"'
"$RELGRAPH" report "$T/in" -o "$T/e1" -c magic 2>"$T/err"; check '[ $? = 2 ]'
"$RELGRAPH" report "$T/nothere" -o "$T/e2" 2>"$T/err"; check '[ $? = 1 ] && grep -q nothere "$T/err"'
printf '{"nodes": [' > "$T/bad.json"
"$RELGRAPH" report "$T/in" "$T/bad.json" -o "$T/e3" 2>"$T/err" >/dev/null
check '[ $? = 1 ] && grep -q "bad.json" "$T/err"'
check '[ ! -e "$T/e1" ] && [ ! -e "$T/e2" ] && [ ! -e "$T/e3" ]'
# --keep-going: the readable inputs still make a report, the exit code says one failed
"$RELGRAPH" report "$T/in" "$T/bad.json" -o "$T/kg" -k >"$T/kgout" 2>"$T/err"
check '[ $? = 1 ] && grep -q "bad.json" "$T/err" && grep -q "1 input(s) failed" "$T/err"'
check '[ -s "$T/kg/index.html" ] && grep -q "8 nodes, 7 links" "$T/kgout"'
touch "$T/afile"
"$RELGRAPH" report "$T/in" -o "$T/afile" 2>"$T/err"; check '[ $? = 1 ] && grep -q "not a directory" "$T/err"'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
