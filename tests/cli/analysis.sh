#!/bin/bash
# CLI behaviour of the analysis commands: rank, communities, path, ego, stats.
# Output formats, exit codes (0 ok, 1 bad input, 2 usage), messages naming the
# file, determinism, and atomic outputs.
set -u
R=${RELGRAPH:?RELGRAPH not set}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*" >&2
}
expect_rc() { # expect_rc CODE CMD...
    local want=$1
    shift
    "$@" >"$T/out" 2>"$T/err"
    local rc=$?
    if [ "$rc" = "$want" ]; then ok; else bad "exit $rc, wanted $want: $* ($(head -c 300 "$T/err"))"; fi
}

cat >"$T/g.json" <<'EOF'
{"directed": true, "multigraph": true, "graph": {"documents": [{"id": "report"}]},
 "nodes": [
  {"id": "person:a", "type": "person", "label": "Amal Haddad", "aliases": ["A. Haddad"]},
  {"id": "person:b", "type": "person", "label": "Basel Nour"},
  {"id": "person:c", "type": "person", "label": "Chadi, Jr."},
  {"id": "person:d", "type": "person", "label": "Dana"},
  {"id": "person:d2", "type": "person", "label": "Dana"},
  {"id": "organisation:x", "type": "organisation", "label": "Xenon Group"},
  {"id": "institution:court", "type": "institution", "label": "District Court"},
  {"id": "event:hearing", "type": "event", "label": "Hearing", "date": "2021-03-04"}
 ],
 "links": [
  {"source": "person:a", "target": "organisation:x", "type": "head_of", "date": "2019-01-01",
   "evidence": [{"doc": "report", "begin": 0, "end": 30, "text": "Amal Haddad heads Xenon Group."}]},
  {"source": "person:b", "target": "organisation:x", "type": "member_of"},
  {"source": "person:b", "target": "event:hearing", "type": "participant_in"},
  {"source": "person:c", "target": "event:hearing", "type": "participant_in",
   "evidence": [{"doc": "report", "begin": 40, "end": 80, "text": "Chadi testified at the hearing."}]},
  {"source": "institution:court", "target": "event:hearing", "type": "participant_in"},
  {"source": "person:d", "target": "person:c", "type": "communicated_with"}
 ]}
EOF

# rank: formats
expect_rc 0 "$R" rank "$T/g.json" --measure degree --format csv
[ "$(head -1 "$T/out")" = "rank,id,label,type,score" ] && ok || bad "csv header"
grep -q '^[0-9]*,person:c,"Chadi, Jr.",person,' "$T/out" && ok || bad "csv quoting: $(cat "$T/out")"
! grep -q event "$T/out" && ok || bad "events in the actor view"
expect_rc 0 "$R" rank "$T/g.json" -m betweenness --top 2 -f json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["measure"]=="betweenness" and len(d["ranking"])==2 and d["ranking"][0]["rank"]==1' "$T/out" && ok || bad "json ranking"
expect_rc 0 "$R" rank "$T/g.json" -m pagerank --type organisation,institution -f csv
[ "$(tail -n +2 "$T/out" | cut -d, -f4 | sort -u | tr '\n' ' ')" = "institution organisation " ] && ok || bad "--type filter: $(cat "$T/out")"
expect_rc 0 "$R" rank "$T/g.json" -m kcore
head -1 "$T/out" | grep -q "rank" && ok || bad "table header"
expect_rc 0 "$R" rank "$T/g.json" -m closeness --graph full --directed --edges head_of,member_of -o "$T/r.csv" -f csv
[ -s "$T/r.csv" ] && [ ! -s "$T/out" ] && ok || bad "-o writes the file, not stdout"
# determinism: same graph, same ranking (ties by id)
"$R" rank "$T/g.json" -m harmonic -f csv >"$T/r1"
"$R" rank "$T/g.json" -m harmonic -f csv >"$T/r2"
cmp -s "$T/r1" "$T/r2" && ok || bad "rank not deterministic"

# rank: errors
expect_rc 2 "$R" rank "$T/g.json" --measure fame
expect_rc 2 "$R" rank "$T/g.json" --type robot
expect_rc 2 "$R" rank "$T/g.json" --format xml
expect_rc 2 "$R" rank "$T/g.json" --directed
expect_rc 2 "$R" rank "$T/g.json" --since yesterday
expect_rc 2 "$R" rank "$T/g.json" --graph everything
expect_rc 2 "$R" rank
expect_rc 1 "$R" rank "$T/missing.json"
grep -q "missing.json" "$T/err" && ok || bad "missing file not named"
echo '{"nodes": [' >"$T/broken.json"
expect_rc 1 "$R" rank "$T/broken.json"
grep -q "broken.json" "$T/err" && ok || bad "broken file not named"
echo '{"nodes": [{"id": "a", "type": "person"}, {"id": "b", "type": "person"}], "links": [{"source": "a", "target": "b", "weight": -1}]}' >"$T/neg.json"
expect_rc 1 "$R" rank "$T/neg.json" -m betweenness --weighted
grep -q "neg.json" "$T/err" && ok || bad "negative weight error names the file"
expect_rc 0 "$R" rank "$T/neg.json" -m betweenness

# communities
expect_rc 0 "$R" communities "$T/g.json" -o "$T/c.json" -f csv
[ "$(head -1 "$T/out")" = "id,label,type,community" ] && ok || bad "communities csv header"
/usr/bin/python3 -c '
import json,sys
g=json.load(open(sys.argv[1]))
for n in g["nodes"]:
    assert ("community" in n) == (n["type"] != "event"), n
assert g["graph"]["community_method"] == "leiden"
' "$T/c.json" && ok || bad "communities written to the graph"
expect_rc 0 "$R" communities "$T/g.json" -m components -o "$T/c.dot" -f none
grep -q digraph "$T/c.dot" && ok || bad "communities -o .dot"
expect_rc 2 "$R" communities "$T/g.json" -m magic
expect_rc 0 "$R" communities "$T/g.json" -m louvain
head -1 "$T/out" | grep -q "modularity" && ok || bad "communities prints modularity"

# path
expect_rc 0 "$R" path "$T/g.json" "a. haddad" "Chadi, Jr."
grep -q "Amal Haddad heads Xenon Group." "$T/out" && ok || bad "path evidence: $(cat "$T/out")"
grep -q "Chadi testified at the hearing." "$T/out" && ok || bad "path evidence via the shared event"
expect_rc 1 "$R" path "$T/g.json" "Amal Haddad" Dana
grep -q "person:d2" "$T/err" && ok || bad "ambiguous name lists candidates: $(cat "$T/err")"
expect_rc 1 "$R" path "$T/g.json" "Amal Haddad" person:d2
grep -q "no path" "$T/err" && ok || bad "no path message"
expect_rc 1 "$R" path "$T/g.json" "Amal Haddad" Nobody
expect_rc 1 "$R" path "$T/g.json" "Amal Haddad" Hearing
expect_rc 0 "$R" path "$T/g.json" "Amal Haddad" Hearing --graph full -f json
/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["length"]==3 and d["paths"][0]["nodes"][-1]=="event:hearing"' "$T/out" && ok || bad "path json"
expect_rc 1 "$R" path "$T/g.json" person:a person:b --edges head_of
expect_rc 2 "$R" path "$T/g.json" person:a
expect_rc 2 "$R" path "$T/g.json" person:a person:b --max 0

# ego
expect_rc 0 "$R" ego "$T/g.json" "Basel Nour" --radius 1 -o "$T/ego.json"
/usr/bin/python3 -c '
import json,sys
g=json.load(open(sys.argv[1]))
ids=sorted(n["id"] for n in g["nodes"])
assert ids==["event:hearing","institution:court","organisation:x","person:b","person:c"], ids
' "$T/ego.json" && ok || bad "ego radius 1"
expect_rc 0 "$R" ego "$T/g.json" person:b --radius 0 -o "$T/ego0.json"
[ "$(grep -c '"type": "person"' "$T/ego0.json")" = 1 ] && ok || bad "ego radius 0"
expect_rc 2 "$R" ego "$T/g.json" person:b
expect_rc 1 "$R" ego "$T/g.json" Nobody -o "$T/nobody.json"
[ ! -e "$T/nobody.json" ] && ok || bad "failed ego left a file"

# stats
expect_rc 0 "$R" stats "$T/g.json" -f json
/usr/bin/python3 -c '
import json,sys
d=json.load(open(sys.argv[1]))
assert d["nodes"]==8 and d["node_types"]["person"]==5 and d["edge_types"]["participant_in"]==3
v=d["view"]; assert v["nodes"]==7 and v["components"]==2 and v["diameter"]==4, v
' "$T/out" && ok || bad "stats json: $(cat "$T/out")"
expect_rc 0 "$R" stats "$T/g.json" --graph full
grep -q "density" "$T/out" && ok || bad "stats table"
expect_rc 2 "$R" stats "$T/g.json" --directed

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
