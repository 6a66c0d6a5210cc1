#!/bin/bash
# relgraph build (cross-document resolution, --aliases, --no-resolve) and
# relgraph entities (table, csv, json) on per-document graphs written here.
set -u
RELGRAPH=${RELGRAPH:?set RELGRAPH to the relgraph binary}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $what" >&2; fi
}

# One graph per document, as the extractor would produce: one node per
# entity, its surface forms as aliases, one provenance span per mention.
doc() { # doc ID 'type|label|alias;alias' ...
    local id=$1 first=1 i=0
    shift
    {
        printf '{"graph":{"documents":[{"id":"%s"}]},"nodes":[' "$id"
        for e in "$@"; do
            IFS='|' read -r type label aliases <<<"$e"
            [ $first = 1 ] || printf ','
            first=0
            printf '{"id":"%s:%d","type":"%s","label":"%s","aliases":[' "$id" $i "$type" "$label"
            local k=0 sep=''
            IFS=';' read -ra al <<<"$aliases"
            for a in "${al[@]}"; do printf '%s{"name":"%s","count":1}' "$sep" "$a"; sep=,; done
            printf '],"provenance":['
            sep=''
            for a in "${al[@]}"; do
                printf '%s{"doc":"%s","begin":%d,"end":%d}' "$sep" "$id" $((k * 50)) $((k * 50 + ${#a}))
                sep=,
                k=$((k + 1))
            done
            printf ']}'
            i=$((i + 1))
        done
        printf '],"links":[{"source":"%s:0","target":"%s:1","type":"official_of"}]}\n' "$id" "$id"
    } >"$tmp/$id.json"
}

doc a 'person|Asaad al-Shibani|Asaad al-Shibani;Minister al-Shibani' \
    'institution|Syrian Ministry of Foreign Affairs|Syrian Ministry of Foreign Affairs' \
    'organisation|International, Impartial and Independent Mechanism|International, Impartial and Independent Mechanism;IIIM' \
    'person|Robert Petit|Robert Petit;Robert Petit'
doc b 'person|Asaad Al Shaibani|Asaad Al Shaibani' \
    'institution|Ministry of Foreign Affairs|Ministry of Foreign Affairs' \
    'organisation|IIIM|IIIM;IIIM' 'person|ASG Petit|ASG Petit' \
    'place|the Syrian Arab Republic|the Syrian Arab Republic'
doc c 'organisation|Syrian National Coalition|Syrian National Coalition' \
    'organisation|Syrian Network for Human Rights|Syrian Network for Human Rights' \
    'place|Syria|Syria;Syria' 'organisation|Syrian Coalition|Syrian Coalition'

R() { "$RELGRAPH" "$@"; }

check "build resolves" R build "$tmp"/a.json "$tmp"/b.json "$tmp"/c.json -o "$tmp/g.json"
R entities "$tmp/g.json" -f csv >"$tmp/e.csv"
row() { grep -F "$1" "$tmp/e.csv"; }
check "one Shibani node with both spellings" \
    bash -c "grep -F 'Asaad al-Shibani (1)' '$tmp/e.csv' | grep -qF 'Asaad Al Shaibani (1)'"
check "IIIM bound to its expansion, 4 mentions in 2 documents" \
    bash -c "grep -F 'International, Impartial and Independent Mechanism\",4,2,' '$tmp/e.csv' | grep -qF 'IIIM (3)'"
check "Petit: label Robert Petit, 3 mentions, 2 docs" \
    bash -c "grep -q '^person:robert-petit,person,Robert Petit,3,2,' '$tmp/e.csv'"
check "Syria = Syrian Arab Republic" \
    bash -c "grep -q '^place:syrian-arab-republic,place,Syrian Arab Republic,3,2,' '$tmp/e.csv'"
check "Syrian Coalition = Syrian National Coalition" \
    bash -c "grep -F 'Syrian National Coalition' '$tmp/e.csv' | grep -qF 'Syrian Coalition (1)'"
check "Network for Human Rights stays apart" \
    bash -c "grep -F 'Syrian Network for Human Rights' '$tmp/e.csv' | grep -vqF 'Coalition'"
check "entities csv has 8 rows" test "$(($(wc -l <"$tmp/e.csv") - 1))" -eq 8

# the edges follow their nodes: official_of from a and b both land on the
# merged pair (person, ministry)... which differ, so two edges remain
check "edges re-pointed" bash -c "/usr/bin/python3 - '$tmp/g.json' <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
ids = {n['id'] for n in g['nodes']}
assert all(l['source'] in ids and l['target'] in ids for l in g['links'])
shib = [n for n in g['nodes'] if n['label'].startswith('Asaad')][0]
assert sorted(n['doc'] for n in shib['provenance']) == ['a', 'a', 'b'], shib
assert shib['documents'] == ['a', 'b']
EOF"

# input order does not matter
R build "$tmp"/c.json "$tmp"/b.json "$tmp"/a.json -o "$tmp/g2.json"
check "same graph whatever the input order" cmp -s "$tmp/g.json" "$tmp/g2.json"

# --no-resolve keeps one node per document entity (minus equal ids)
R build --no-resolve "$tmp"/a.json "$tmp"/b.json "$tmp"/c.json -o "$tmp/n.json"
check "--no-resolve: 13 nodes" test "$(R entities "$tmp/n.json" -f csv | wc -l)" -eq 14

# --aliases: forced merge with preferred label, and a veto
cat >"$tmp/aliases.txt" <<'EOF'
# analyst's decisions
same institution: Ministry of Foreign Affairs = Syrian Ministry of Foreign Affairs
never: Asaad al-Shibani != Asaad Al Shaibani
EOF
R build --aliases "$tmp/aliases.txt" "$tmp"/a.json "$tmp"/b.json "$tmp"/c.json -o "$tmp/f.json"
R entities "$tmp/f.json" -f csv >"$tmp/f.csv"
check "forced merge takes the first name as label" \
    grep -q '^institution:ministry-of-foreign-affairs,institution,Ministry of Foreign Affairs,2,2,' "$tmp/f.csv"
check "never: keeps the two spellings apart" test "$(grep -c ',person,Asaad' "$tmp/f.csv")" -eq 2

# a malformed alias file is an error naming file:line, before any import
printf 'same: A = B\nmerge: A = B\n' >"$tmp/bad.txt"
R build --aliases "$tmp/bad.txt" "$tmp"/a.json -o "$tmp/x.json" 2>"$tmp/err"
check "bad alias file: exit 1" test $? -eq 1
check "bad alias file: names file:line" grep -qF "$tmp/bad.txt:2: unknown directive 'merge'" "$tmp/err"
check "bad alias file: no output written" test ! -e "$tmp/x.json"
R build --aliases "$tmp/missing.txt" "$tmp"/a.json -o "$tmp/x.json" 2>"$tmp/err"
check "missing alias file: exit 1" test $? -eq 1

# entities: table, json, type filter, usage errors
R entities "$tmp/g.json" >"$tmp/t.txt"
check "table header" bash -c "head -1 '$tmp/t.txt' | grep -q '^ID .*TYPE .*LABEL .*MENTIONS  DOCS  ALIASES'"
check "table most mentioned first" bash -c "sed -n 2p '$tmp/t.txt' | grep -q 'International, Impartial'"
R entities "$tmp/g.json" -f json -t person,place >"$tmp/e.json"
check "json: persons and places only, with aliases and document ids" /usr/bin/python3 -c "
import json, sys
e = json.load(open('$tmp/e.json'))
assert {x['type'] for x in e} == {'person', 'place'}, e
p = [x for x in e if x['label'] == 'Robert Petit'][0]
assert p['mentions'] == 3 and p['documents'] == 2 and p['document_ids'] == ['a', 'b']
assert {a['name']: a['count'] for a in p['aliases']} == {'Robert Petit': 2, 'ASG Petit': 1}
"
R entities "$tmp/g.json" -f xml >/dev/null 2>&1
check "unknown format: exit 2" test $? -eq 2
R entities "$tmp/g.json" -t animal >/dev/null 2>&1
check "unknown type: exit 2" test $? -eq 2
R entities "$tmp/nonexistent.json" >/dev/null 2>&1
check "missing graph: exit 1" test $? -eq 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
