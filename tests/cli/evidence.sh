#!/usr/bin/env bash
# relgraph evidence: the sentences behind the links between two actors, on a
# graph written here (a direct relation and a shared event, each with evidence).
set -u
: "${RELGRAPH:?}"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }

cat >"$t/g.json" <<'JSON'
{"directed": true, "multigraph": true,
 "graph": {"documents": [{"id": "d1", "title": "Talks"}, {"id": "d2"}]},
 "nodes": [
  {"id": "person:lena-berg", "type": "person", "label": "Lena Berg", "aliases": [{"name": "Berg", "count": 2}]},
  {"id": "institution:water-board", "type": "institution", "label": "Water Board"},
  {"id": "person:omar-zein", "type": "person", "label": "Omar Zein"},
  {"id": "event:meeting-2026", "type": "event", "label": "Meeting 2026-03-03", "date": "2026-03-03"},
  {"id": "person:tom-ash", "type": "person", "label": "Tom Ash"}],
 "links": [
  {"source": "person:lena-berg", "target": "institution:water-board", "type": "head_of",
   "evidence": [{"doc": "d1", "begin": 0, "end": 40, "text": "Lena Berg, the head of the Water Board, spoke."}]},
  {"source": "person:lena-berg", "target": "event:meeting-2026", "type": "participant_in", "role": "host",
   "evidence": [{"doc": "d2", "begin": 10, "end": 52, "text": "Berg received Omar Zein in the capital."}]},
  {"source": "person:omar-zein", "target": "event:meeting-2026", "type": "participant_in", "role": "visitor",
   "evidence": [{"doc": "d2", "begin": 10, "end": 52, "text": "Berg received Omar Zein in the capital."}]}]}
JSON

out=$("$RELGRAPH" evidence "$t/g.json" "Lena Berg" "Water Board"); rc=$?
check "direct relation found" '[ $rc = 0 ]'
check "head_of shown with its sentence" 'grep -q "head_of" <<<"$out" && grep -q "the head of the Water Board" <<<"$out"'
check "document and offsets shown" 'grep -q "d1 \[0-40\]" <<<"$out"'

out=$("$RELGRAPH" evidence "$t/g.json" berg "omar zein" --format json); rc=$?
check "shared event links them (alias and folded names resolve)" '[ $rc = 0 ]'
check "json lists both roles" '/usr/bin/python3 -c "
import json,sys; a=json.loads(sys.argv[1]); r=sorted(e.get(\"role\") for e in a)
assert r==[\"host\",\"visitor\"], r
assert all(e[\"evidence\"][0][\"doc\"]==\"d2\" for e in a)" "$out"'

"$RELGRAPH" evidence "$t/g.json" "Lena Berg" "Tom Ash" >/dev/null 2>"$t/err"; rc=$?
check "no link: exit 1 with a message" '[ $rc = 1 ] && grep -q "no relation" "$t/err"'
"$RELGRAPH" evidence "$t/g.json" "Nobody Here" "Tom Ash" >/dev/null 2>"$t/err"; rc=$?
check "unknown name: exit 1 naming it" '[ $rc = 1 ] && grep -q "Nobody Here" "$t/err"'
"$RELGRAPH" evidence "$t/g.json" "Tom Ash" >/dev/null 2>&1; rc=$?
check "missing argument: usage error" '[ $rc = 2 ]'
"$RELGRAPH" evidence "$t/missing.json" a b >/dev/null 2>"$t/err"; rc=$?
check "missing graph file: exit 1 naming it" '[ $rc = 1 ] && grep -q "missing.json" "$t/err"'

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
