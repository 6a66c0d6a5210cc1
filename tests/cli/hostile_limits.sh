#!/bin/bash
# The explicit limits of docs/LIMITS.md that repair rather than refuse:
# --max-name (long node ids, labels and aliases are cut at a UTF-8 boundary
# with a warning naming the file and line; ids that become equal are
# refused) and --max-depth on HTML (deeper elements are flattened: their text
# is kept, with a warning naming the file and line). Inputs generated here.
. "$(dirname "$0")/hostile_lib.bash"
mkdir -p "$T/in" "$T/out"

# Byte length of a JSON node's field, and whether it is a prefix of a string.
field_len() { # FILE ID-PREFIX FIELD
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
n = [n for n in d["nodes"] if n["id"].startswith(sys.argv[2])]
print(len(n[0][sys.argv[3]].encode()) if n else -1)' "$@"
}

# --- --max-name -----------------------------------------------------------

# A node table: a 10,000-byte id and a label of 2,000 three-byte characters
# (6,000 bytes; byte 4096 is inside a character), on line 3.
python3 - "$T/in/long.csv" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("Id,Label,Type\n")
    f.write("short,Short Name,person\n")
    f.write("I" * 10000 + "," + "\u20ac" * 2000 + ",person\n")
PY
run_rg 0 "10 kB id, 6 kB label (default 4096)" build in/long.csv -o out/long.json
grep -q -E 'in/long.csv:3: node id of 10000 bytes cut to 4096 bytes' "$ERR" && ok ||
    bad "no warning naming long.csv:3 for the id"
grep -q -E 'in/long.csv:3: label of 6000 bytes cut to 4096 bytes' "$ERR" && ok ||
    bad "no warning naming long.csv:3 for the label"
[ "$(field_len "$T/out/long.json" III id)" = 4096 ] && ok || bad "id not cut to 4096 bytes"
# cut before the character byte 4096 is in: 4095 bytes, valid UTF-8
# (json.load above would fail otherwise)
[ "$(field_len "$T/out/long.json" III label)" = 4095 ] && ok ||
    bad "label not cut at the UTF-8 boundary below 4096"
[ "$(field_len "$T/out/long.json" short label)" = 10 ] && ok || bad "short label changed"

# A larger limit keeps them whole, without a warning.
run_rg 0 "--max-name 20000" build in/long.csv --max-name 20000 -o out/long2.json
grep -q 'max-name' "$ERR" && bad "warning with a limit above the names" || ok
[ "$(field_len "$T/out/long2.json" III id)" = 10000 ] && ok || bad "id cut under --max-name 20000"

# Every importer: JSON (id, label, alias), GraphML, edge-table endpoints.
printf '{"nodes": [{"id": "abcdefghijklmnop", "type": "person", "label": "Ann Long-Name",
 "aliases": ["Ann Long-Name", "A. Long-Named-Person"]}], "links": []}\n' >"$T/in/names.json"
run_rg 0 "JSON names, --max-name 8" build in/names.json --max-name 8 --no-resolve -o out/names.json
names "in/names.json:1: node id of 16 bytes"
names "in/names.json:1: label of 13 bytes"
names "in/names.json:2: alias of 20 bytes"
python3 -c 'import json,sys
n = json.load(open(sys.argv[1]))["nodes"][0]
assert n["id"] == "abcdefgh", n["id"]
assert n["label"] == "Ann Long", n["label"]
names = [a["name"] if isinstance(a, dict) else a for a in n.get("aliases", [])]
assert all(len(a.encode()) <= 8 for a in names), names
' "$T/out/names.json" && ok || bad "JSON names not cut to 8 bytes"

printf '<graphml><graph edgedefault="directed">\n<node id="%s"/>\n<node id="b"/>\n<edge source="%s" target="b"/>\n</graph></graphml>\n' \
    "$(head -c 300 /dev/zero | tr '\0' g)" "$(head -c 300 /dev/zero | tr '\0' g)" >"$T/in/long.graphml"
run_rg 0 "GraphML 300-byte id, --max-name 100" build in/long.graphml --max-name 100 -o out/gml.json
names "in/long.graphml:2: node id of 300 bytes cut to 100 bytes"
[ "$(field_len "$T/out/gml.json" ggg id)" = 100 ] && ok || bad "GraphML id not cut"
grep -q '"links": \[$' "$T/out/gml.json" && ok || bad "GraphML edge lost"

# Two ids equal in their first N bytes: refused (which one would an edge
# mean?), naming the file, and nothing written.
printf 'Source,Target\nlongprefix-one,x\nlongprefix-two,x\n' >"$T/in/clash.csv"
run_rg 1 "ids equal after the cut" build in/clash.csv --max-name 10 -o out/clash.json
names "in/clash.csv"
names "same in their first 10 bytes"
[ ! -e "$T/out/clash.json" ] && ok || bad "output written for a refused input"
# ... and with --keep-going the other inputs are built, exit 1.
run_rg 1 "ids equal after the cut, -k" build -k in/clash.csv in/names.json --max-name 10 \
    -o out/clash-k.json
grep -q 'input(s) failed' "$ERR" && ok || bad "-k: no failure count"
grep -q '"abcdefghij"' "$T/out/clash-k.json" 2>/dev/null && ok || bad "-k: other input not built"

run_rg 2 "--max-name 0" build in/names.json --max-name 0 -o out/x.json
run_rg 2 "--max-name abc" build in/names.json --max-name abc -o out/x.json
no_temp "$T/out"

# --- --max-depth on HTML ----------------------------------------------------

# 300 nested <div> opened on line 3, the sentence inside them on line 4.
python3 - "$T/in/deep.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body>\n<p>Introduction.</p>\n" + "<div>" * 300 + "\n")
    f.write("Ahmed met Pedersen in Geneva.\n" + "</div>" * 300 + "\n<p>After.</p></body></html>\n")
PY
run_rg 0 "HTML 300 levels (default 256)" build in/deep.html -o out/deep.json
names "in/deep.html:3: elements nested deeper than 256 levels"
grep -q '"Geneva"' "$T/out/deep.json" && ok || bad "text below the limit lost (default)"
run_rg 0 "HTML 300 levels, --max-depth 5" build in/deep.html --max-depth 5 -o out/deep5.json
names "in/deep.html:3: elements nested deeper than 5 levels"
grep -q '"Geneva"' "$T/out/deep5.json" && ok || bad "text below the limit lost (--max-depth 5)"
run_rg 0 "HTML 300 levels, --max-depth 1000" build in/deep.html --max-depth 1000 -o out/deep1k.json
grep -q 'nested deeper' "$ERR" && bad "warning under a limit above the depth" || ok
cmp -s "$T/out/deep.json" "$T/out/deep1k.json" && ok ||
    bad "flattening changed the extracted graph of a plain sentence"
# 200,000 levels: flattened in time, text kept
python3 -c 'print("<html><body>" + "<div>" * 200000 + "Ahmed met Pedersen in Geneva.")' >"$T/in/deeper.html"
run_rg 0 "HTML 200,000 levels" build in/deeper.html -o out/deeper.json
names "in/deeper.html:1: elements nested deeper than 256 levels"
grep -q '"Geneva"' "$T/out/deeper.json" && ok || bad "text lost at 200,000 levels"
no_temp "$T/out"

finish
