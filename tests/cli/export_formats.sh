#!/usr/bin/env bash
# relgraph export: every format written, read back by a real consumer where
# the shell has one (Graphviz for DOT, Python's XML/CSV/PNG parsing), output
# deterministic, errors with the right exit code and no partial files.
set -u
: "${RELGRAPH:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$1"; fi; }
PY=/usr/bin/python3

cat > "$T/g.json" <<'JSON'
{"directed": true, "multigraph": true,
 "graph": {"relgraph": "0.1.0", "documents": [{"id": "report1", "title": "Report", "path": "report1.txt"}]},
 "nodes": [
  {"id": "person:asaad", "type": "person", "label": "Asaad al-Shibani", "aliases": [{"name": "Asaad al-Shibani", "count": 3}, {"name": "al-Shibani", "count": 1}], "mentions": 4, "documents": ["report1"], "pagerank": "0.31", "community": "0"},
  {"id": "organisation:ministry", "type": "organisation", "label": "Ministry of \"Foreign\" Affairs & Co", "aliases": [], "mentions": 2, "documents": ["report1"], "pagerank": "0.22", "community": "0"},
  {"id": "place:damascus", "type": "place", "label": "Damascus", "aliases": [], "mentions": 1, "documents": [], "pagerank": "0.1", "community": "1"},
  {"id": "event:talks", "type": "event", "label": "Talks </script> 2024", "aliases": [], "mentions": 1, "documents": [], "pagerank": "0.05", "community": "1"},
  {"id": "person:zoe", "type": "person", "label": "Zoë Back\\slash, Jr", "aliases": [], "mentions": 1, "documents": [], "pagerank": "0.02", "community": "2"}
 ],
 "links": [
  {"source": "person:asaad", "target": "organisation:ministry", "type": "head_of", "weight": 2, "evidence": [{"doc": "report1", "begin": 0, "end": 40, "text": "Asaad al-Shibani heads the \"Ministry\" <b>now</b>."}]},
  {"source": "person:asaad", "target": "event:talks", "type": "participant_in", "role": "host", "date": "2024-05-01", "weight": 1, "evidence": []},
  {"source": "person:asaad", "target": "event:talks", "type": "participant_in", "role": "signatory", "weight": 1, "evidence": []},
  {"source": "organisation:ministry", "target": "place:damascus", "type": "located_in", "weight": 1, "evidence": []},
  {"source": "person:asaad", "target": "person:zoe", "type": "communicated_with", "weight": 1.5, "evidence": [{"doc": "report1", "begin": 50, "end": 80, "text": "They spoke,\nagain."}]}
 ]}
JSON

X() { "$RELGRAPH" export "$T/g.json" "$@"; }

# --- DOT: Graphviz itself lays it out and renders it -----------------------
check 'X --to dot -o "$T/g.dot" --size-by pagerank --color-by community --cluster type'
check 'dot -Tsvg "$T/g.dot" -o "$T/fromdot.svg"'
check '[ "$(dot -Tplain "$T/g.dot" | grep -c "^node ")" = 5 ]'
check '[ "$(dot -Tplain "$T/g.dot" | grep -c "^edge ")" = 5 ]'
check 'grep -q "tooltip=\".*heads the" "$T/g.dot"'   # evidence in the edge tooltip
check 'grep -q "subgraph cluster_person" "$T/g.dot"' # clusters by type
check 'grep -q "legend" "$T/g.dot"'
check 'grep -q "fillcolor=\"#77AADD\"" "$T/g.dot"'   # community 0 colour
check 'grep -q "Back\\\\\\\\slash" "$T/g.dot"'          # backslash escaped for escString

# --- SVG, PNG, PDF rendered in-process --------------------------------------
for l in "" dot neato sfdp fdp circo; do
    opt=${l:+--layout $l}
    check "X --to svg -o \"\$T/g$l.svg\" $opt"
    check "$PY -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); n=[g for g in r.iter(\"{http://www.w3.org/2000/svg}g\") if g.get(\"class\")==\"node\"]; sys.exit(len(n)!=5)' \"\$T/g$l.svg\""
done
check 'X --to png -o "$T/g.png" --size-by pagerank'
check '$PY -c "import sys,struct; d=open(sys.argv[1],\"rb\").read(); assert d[:8]==b\"\\x89PNG\\r\\n\\x1a\\n\" and d[12:16]==b\"IHDR\"; w,h=struct.unpack(\">II\",d[16:24]); assert w>50 and h>50 and d.endswith(b\"IEND\\xaeB\\x60\\x82\")" "$T/g.png"'
check 'X --to pdf -o "$T/g.pdf"'
check '$PY -c "import sys; d=open(sys.argv[1],\"rb\").read(); assert d.startswith(b\"%PDF-1.\") and d.rstrip().endswith(b\"%%EOF\") and b\"/Type /Page\" in d and b\"startxref\" in d" "$T/g.pdf"'

# --- determinism: same graph, same bytes (PDF dates pinned) -----------------
for f in dot svg png pdf graphml gexf cytoscape html; do
    X --to $f -o "$T/a.$f" --size-by pagerank
    sleep 0
    X --to $f -o "$T/b.$f" --size-by pagerank
    check "cmp -s \"\$T/a.$f\" \"\$T/b.$f\""
done
check 'grep -q "D:19700101000000" "$T/a.pdf"'

# --- CSV directory: Gephi headers, or neo4j-admin typed headers -------------
check 'X --to csv -o "$T/csv"'
check '[ "$(head -1 "$T/csv/nodes.csv")" = "$(printf "Id,Label,type,aliases,mentions,documents,pagerank,community\r")" ]'
check 'head -1 "$T/csv/edges.csv" | grep -q "^Source,Target,Type,Id,Label,Weight,relation"'
check '$PY -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline=\"\"))); assert len(r)==5 and r[4][\"Label\"]==\"Zoë Back\\\\slash, Jr\", r" "$T/csv/nodes.csv"'
check '$PY -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1],newline=\"\"))); assert len(r)==5 and {x[\"Type\"] for x in r}=={\"Directed\",\"Undirected\"} and \"heads the\" in r[0][\"evidence\"], r" "$T/csv/edges.csv"'
check 'X --to csv -o "$T/neo" --csv-header neo4j'
check 'head -1 "$T/neo/nodes.csv" | grep -q "^id:ID,label,:LABEL,aliases,mentions:int,documents,pagerank:double,community:double"'
check 'head -1 "$T/neo/edges.csv" | grep -q "^:START_ID,:END_ID,direction,id,label,weight:double,:TYPE"'
check '[ -z "$(ls "$T/csv" | grep -v "^nodes.csv$" | grep -v "^edges.csv$")" ]' # no temp files left

# --- --top N keeps the N most central --------------------------------------
check 'X --to graphml -o "$T/top.graphml" --top 2 --size-by pagerank'
check '[ "$(grep -c "<node " "$T/top.graphml")" = 2 ]'
check 'grep -q "person:asaad" "$T/top.graphml" && grep -q "organisation:ministry" "$T/top.graphml"'
check 'X --to graphml -o "$T/topdeg.graphml" --top 1' # by degree: asaad (4 edges)
check 'grep -q "<node id=\"person:asaad\"" "$T/topdeg.graphml"'

# --- errors -----------------------------------------------------------------
X --to nope -o "$T/x" 2>"$T/err"; check '[ $? = 2 ]'
X --to svg -o "$T/x.svg" --layout nope 2>"$T/err"; check '[ $? = 2 ] && grep -q "unknown layout" "$T/err"'
X --to dot -o "$T/x.dot" --size-by betweenness 2>"$T/err"; check '[ $? = 2 ] && grep -q "betweenness" "$T/err"'
X --to dot -o "$T/x.dot" --top zero 2>"$T/err"; check '[ $? = 2 ]'
X --to csv -o - 2>"$T/err"; check '[ $? = 2 ]'
"$RELGRAPH" export "$T/missing.json" --to dot -o "$T/x.dot" 2>"$T/err"; check '[ $? = 1 ] && grep -q "missing.json" "$T/err"'
printf '{"nodes": [' > "$T/broken.json"
"$RELGRAPH" export "$T/broken.json" --to svg -o "$T/x.svg" 2>"$T/err"; check '[ $? = 1 ] && grep -q "broken.json" "$T/err"'
check '[ ! -e "$T/x.svg" ] && [ ! -e "$T/x.dot" ]'
X --to svg -o "$T/nodir/x.svg" 2>"$T/err"; check '[ $? = 1 ] && grep -q "nodir" "$T/err"'
touch "$T/file"
X --to csv -o "$T/file" 2>"$T/err"; check '[ $? = 1 ] && grep -q "not a directory" "$T/err"'
check '[ -z "$(ls "$T" | grep tmp)" ]'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
