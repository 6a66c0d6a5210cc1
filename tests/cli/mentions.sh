#!/usr/bin/env bash
# relgraph mentions: JSON lines, offsets, ids shared with build, --lexicon,
# robustness on hostile input.
set -u
: "${RELGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi; }

cat >"$tmp/report.txt" <<'DOC'
Damascus, 16 April 2025 – Assistant Secretary-General Quentin Petrov met Foreign Minister
Zafir al-Nouri at the Ministry of Foreign Affairs. Petrov later visited Aleppo.
DOC
"$RELGRAPH" mentions "$tmp/report.txt" >"$tmp/m.jsonl"
check "exit status" '[ $? -eq 0 ]'
check "one object a line" 'python3 -c "
import json,sys
kinds=[]
for l in open(sys.argv[1]): o=json.loads(l); assert o[\"doc\"]==\"report\"; kinds.append(o[\"kind\"])
assert kinds==sorted(kinds), \"entity lines come before relation lines\"
" "$tmp/m.jsonl"'
check "offsets are UTF-8 bytes" 'python3 -c "
import json,sys
t=open(sys.argv[2],\"rb\").read()
for l in open(sys.argv[1]):
    o=json.loads(l)
    if o[\"kind\"]==\"entity\": assert t[o[\"begin\"]:o[\"end\"]].decode()==o[\"text\"], o
" "$tmp/m.jsonl" "$tmp/report.txt"'
check "ordered by begin" 'python3 -c "
import json,sys
b=[o[\"begin\"] for o in map(json.loads, open(sys.argv[1])) if o[\"kind\"]==\"entity\"]; assert b==sorted(b)
" "$tmp/m.jsonl"'
printf '%s\n' "Berlin, 2 May 2026 – The envoy Quentin Petrov met Zafir al-Nouri, the head of the Water Council, in Berlin." >"$tmp/talks.txt"
"$RELGRAPH" mentions "$tmp/talks.txt" >"$tmp/t.jsonl"
check "relation lines: meeting and role, with spans and sentence" 'python3 -c "
import json,sys
t=open(sys.argv[2],\"rb\").read()
rel={}
for o in map(json.loads, open(sys.argv[1])):
    if o[\"kind\"]==\"relation\":
        rel[o[\"type\"]]=(t[o[\"source\"][\"begin\"]:o[\"source\"][\"end\"]].decode(), t[o[\"target\"][\"begin\"]:o[\"target\"][\"end\"]].decode(), o[\"sentence\"])
assert rel[\"communicated_with\"][:2]==(\"Quentin Petrov\",\"Zafir al-Nouri\"), rel
assert rel[\"head_of\"][0]==\"Zafir al-Nouri\" and \"Water Council\" in rel[\"head_of\"][1], rel
assert \"met Zafir\" in rel[\"head_of\"][2]
" "$tmp/t.jsonl" "$tmp/talks.txt"'
check "person with short form" 'grep -q "\"text\":\"Petrov\",\"entity\":\"person:quentin-petrov\"" "$tmp/m.jsonl"'
check "institution" 'grep -q "\"type\":\"institution\".*Ministry of Foreign Affairs" "$tmp/m.jsonl"'
check "place" 'grep -q "\"text\":\"Aleppo\",\"entity\":\"place:aleppo\"" "$tmp/m.jsonl"'

# the same ids in the graph that build writes
"$RELGRAPH" build "$tmp/report.txt" -o "$tmp/g.json" --co-mentions
check "build reads .txt" '[ $? -eq 0 ]'
check "ids match build" 'python3 -c "
import json,sys
g=json.load(open(sys.argv[1])); ids={n[\"id\"] for n in g[\"nodes\"]}
for l in open(sys.argv[2]):
    o=json.loads(l)
    if \"entity\" in o: assert o[\"entity\"] in ids, o[\"entity\"]
" "$tmp/g.json" "$tmp/m.jsonl"'
check "co_mentioned edges" 'grep -q co_mentioned "$tmp/g.json"'

# --lexicon
printf '# test lexicon\nZafir al-Nouri\tperson\nPetrov Group\torganisation\nAleppo\tignore\n' >"$tmp/lex.txt"
echo "The Petrov Group met in Qzx." >"$tmp/lex-doc.md"
"$RELGRAPH" mentions --lexicon "$tmp/lex.txt" "$tmp/lex-doc.md" >"$tmp/l.jsonl"
check "lexicon entry found" 'grep -q "organisation:petrov-group" "$tmp/l.jsonl"'
printf 'Foo\tnonsense\n' >"$tmp/bad.txt"
"$RELGRAPH" mentions --lexicon "$tmp/bad.txt" "$tmp/lex-doc.md" >/dev/null 2>"$tmp/err"
check "bad lexicon fails" '[ $? -eq 1 ] && grep -q "bad.txt:1" "$tmp/err"'

# hostile input: binary, NUL, invalid UTF-8, one huge line; must not crash or hang
head -c 200000 /dev/urandom >"$tmp/noise.txt"
python3 -c "import sys; sys.stdout.write('Word ' * 400000 + 'A' * 3000000)" >"$tmp/long.txt"
timeout 60 "$RELGRAPH" mentions "$tmp/noise.txt" "$tmp/long.txt" >/dev/null
check "hostile input" '[ $? -eq 0 ]'
"$RELGRAPH" mentions "$tmp/missing.txt" >/dev/null 2>&1
check "missing file" '[ $? -eq 1 ]'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
