#!/bin/bash
# relgraph build / export end to end: the Florentine CSVs to JSON, JSON to
# JSON and DOT, DOT rendered by Graphviz; exit codes; atomic outputs; stdout;
# directory walking; input-order independence.
set -u
RELGRAPH=${RELGRAPH:?RELGRAPH must name the relgraph binary}
SRC=${RG_SOURCE_DIR:?}
EX=$SRC/examples/tables
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
T=$(mktemp -d /tmp/rg_cli_build.XXXXXX)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
check() { if "$@"; then ok; else bad "$*"; fi; }

# counts "nodes links" of a graph JSON file (or stdin with -)
counts() { $PY -c 'import json,sys; d=json.load(open(sys.argv[1]) if sys.argv[1]!="-" else sys.stdin); print(len(d["nodes"]), len(d["links"]))' "$1"; }

# --- build and export ------------------------------------------------------
$RELGRAPH build "$EX/florentine_nodes.csv" "$EX/florentine_edges.csv" -o "$T/flo.json" 2>"$T/err"
check [ $? -eq 0 ]
check [ ! -s "$T/err" ]
check [ "$(counts "$T/flo.json")" = "15 20" ]
check grep -q '"label": "Medici family"' "$T/flo.json"
check grep -q '"type": "marriage"' "$T/flo.json"

# JSON -> JSON is lossless: the same bytes
$RELGRAPH export "$T/flo.json" --to json -o "$T/flo2.json"
check [ $? -eq 0 ]
check cmp -s "$T/flo.json" "$T/flo2.json"

# JSON -> DOT, rendered by Graphviz
$RELGRAPH export "$T/flo.json" --to dot -o "$T/flo.dot"
check [ $? -eq 0 ]
check grep -q 'Medici' "$T/flo.dot"
if command -v dot >/dev/null; then
    dot -Tsvg "$T/flo.dot" -o "$T/flo.svg" 2>"$T/doterr"
    check [ $? -eq 0 ]
    check grep -q '<svg' "$T/flo.svg"
    # every family is drawn: one <g class="node"> per node
    check [ "$(grep -c 'class="node"' "$T/flo.svg")" -eq 15 ]
    check [ "$(grep -c 'class="edge"' "$T/flo.svg")" -eq 20 ]
else
    echo "note: Graphviz dot not found, rendering not checked"
fi

# -o - writes to stdout, nothing else
check [ "$($RELGRAPH build "$EX/florentine_edges.csv" -o - | counts -)" = "15 20" ]
$RELGRAPH export "$T/flo.json" --to json -o - >"$T/stdout.json"
check cmp -s "$T/flo.json" "$T/stdout.json"

# input order does not matter
$RELGRAPH build "$EX/florentine_edges.csv" "$EX/florentine_nodes.csv" -o "$T/flo_rev.json"
check cmp -s "$T/flo.json" "$T/flo_rev.json"

# --- directories are walked -----------------------------------------------------
mkdir -p "$T/dir/sub"
cp "$EX/florentine_nodes.csv" "$T/dir/"
cp "$EX/florentine_edges.csv" "$T/dir/sub/"
echo "not an input" >"$T/dir/README.unknown"
(cd "$T" && $RELGRAPH build dir -o walked.json && $RELGRAPH build dir/florentine_nodes.csv dir/sub/florentine_edges.csv -o listed.json)
check [ $? -eq 0 ]
check cmp -s "$T/walked.json" "$T/listed.json"
check [ "$(counts "$T/walked.json")" = "15 20" ]
$RELGRAPH build "$EX/investigation" -o "$T/inv.json"
check [ $? -eq 0 ]
check [ "$(counts "$T/inv.json")" = "13 16" ]

# --- exit codes and messages ------------------------------------------------------
$RELGRAPH build "$T/no-such.csv" -o "$T/x.json" 2>"$T/err"
check [ $? -eq 1 ]
check grep -q "no-such.csv" "$T/err"
check [ ! -e "$T/x.json" ]

$RELGRAPH build --frobnicate "$EX/florentine_nodes.csv" -o "$T/x.json" 2>"$T/err"
check [ $? -eq 2 ]
check grep -q "frobnicate" "$T/err"
$RELGRAPH build "$EX/florentine_nodes.csv" 2>/dev/null # no -o
check [ $? -eq 2 ]
$RELGRAPH export "$T/flo.json" --to gif -o "$T/x.gif" 2>/dev/null
check [ $? -eq 2 ]
$RELGRAPH no-such-command 2>/dev/null
check [ $? -eq 2 ]

printf 'Source,Target,Weight\na,b,1\nb,c,heavy\n' >"$T/bad.csv"
$RELGRAPH build "$T/bad.csv" -o "$T/x.json" 2>"$T/err"
check [ $? -eq 1 ]
check grep -q "bad.csv:3:" "$T/err"

printf 'Id,Label\nx,"never closed\n' >"$T/quote.csv"
$RELGRAPH build "$T/quote.csv" -o "$T/x.json" 2>"$T/err"
check [ $? -eq 1 ]
check grep -q "quote.csv:2: unterminated" "$T/err"

# --- a failing build neither leaves nor clobbers the output ----------------------
cp "$T/flo.json" "$T/keep.json"
$RELGRAPH build "$EX/florentine_nodes.csv" "$T/bad.csv" -o "$T/keep.json" 2>/dev/null
check [ $? -eq 1 ]
check cmp -s "$T/flo.json" "$T/keep.json"
check [ -z "$(ls "$T" | grep '\.tmp\.')" ]
$RELGRAPH build "$T/bad.csv" -o "$T/fresh.json" 2>/dev/null
check [ ! -e "$T/fresh.json" ]
# an unwritable destination: exit 1, the error names it
$RELGRAPH build "$EX/florentine_nodes.csv" -o "$T/missing-dir/out.json" 2>"$T/err"
check [ $? -eq 1 ]
check grep -q "missing-dir/out.json" "$T/err"

# --keep-going builds from the readable inputs and still exits 1
$RELGRAPH build -k -q "$EX/florentine_nodes.csv" "$T/bad.csv" -o "$T/partial.json" 2>/dev/null
check [ $? -eq 1 ]
check [ "$(counts "$T/partial.json")" = "15 0" ]

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
