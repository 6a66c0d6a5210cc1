#!/usr/bin/env bash
# No data loss: outputs are written to a temporary file in the target
# directory and renamed into place, so a failing run never leaves a partial
# file and never clobbers a good earlier output; in a multi-file build a
# failing input is reported, and with --keep-going the rest is still built
# and the run exits 1. Every input is generated here.
source "$(dirname "$0")/hostile_lib.bash"

cat >"$T/good.json" <<'J'
{"nodes": [{"id": "person:a", "type": "person", "label": "A"},
           {"id": "org:b", "type": "organisation", "label": "B"}],
 "links": [{"source": "person:a", "target": "org:b", "type": "member_of"}]}
J
printf '{"nodes": [{"id": "person:c", "type": "person"}]}\n' >"$T/good2.json"
printf '{"nodes": [{"id": "x", "type": "person"}], "links": [' >"$T/truncated.json"
mkdir -p "$T/out"

# A good build, then a failing one to the same output: untouched.
run_rg 0 "good build" build good.json -o out/graph.json
[ -s "$T/out/graph.json" ] && ok || bad "no output written"
grep -q '"person:a"' "$T/out/graph.json" && ok || bad "output lacks person:a"
before=$(sha256sum <"$T/out/graph.json")
run_rg 1 "failing input, same output" build truncated.json -o out/graph.json
names truncated.json
grep -q -E 'truncated.json:[0-9]+' "$ERR" && ok || bad "error has no line number"
[ "$(sha256sum <"$T/out/graph.json")" = "$before" ] && ok || bad "good output was changed"
no_temp "$T/out"

# Several inputs, one bad: without --keep-going nothing is written.
run_rg 1 "multi-file, one bad" build good.json truncated.json good2.json -o out/multi.json
names truncated.json
[ ! -e "$T/out/multi.json" ] && ok || bad "output written although an input failed"
no_temp "$T/out"

# With --keep-going the rest is built, and the run still exits 1.
run_rg 1 "multi-file, --keep-going" build good.json truncated.json good2.json -k -o out/multi.json
names truncated.json
grep -q -E '1 input\(s\) failed' "$ERR" && ok || bad "no failure count"
grep -q '"person:c"' "$T/out/multi.json" && grep -q '"person:a"' "$T/out/multi.json" && ok ||
    bad "--keep-going output lacks the good inputs"
grep -q '"x"' "$T/out/multi.json" && bad "part of the failed input was kept" || ok

# A missing input is a failing input too.
run_rg 1 "missing input, --keep-going" build good.json missing.json -k -o out/missing.json
names missing.json
grep -q '"person:a"' "$T/out/missing.json" 2>/dev/null && ok || bad "good input not built"
run_rg 1 "missing input" build missing.json -o out/missing2.json
names missing.json
[ ! -e "$T/out/missing2.json" ] && ok || bad "output written for a missing input"

# A type conflict between two files is a failing input, and the graph keeps
# nothing of the failed file (merges are all or nothing).
printf '{"nodes": [{"id": "org:b", "type": "place"}, {"id": "person:z", "type": "person"}]}\n' \
    >"$T/conflict.json"
run_rg 1 "conflicting node types, -k" build good.json conflict.json -k -o out/conflict.json
grep -q "org:b" "$ERR" && ok || bad "conflict message does not name the node"
grep -q '"person:z"' "$T/out/conflict.json" && bad "half of a failed merge kept" || ok

# Output in a missing directory, or onto a directory.
run_rg 1 "output in a missing directory" build good.json -o no/such/dir/graph.json
names no/such/dir/graph.json
[ ! -e "$T/no" ] && ok || bad "missing directory was created"
run_rg 1 "output path is a directory" build good.json -o out
[ -d "$T/out" ] && ok || bad "directory replaced"
no_temp "$T"
run_rg 1 "export into a missing directory" export out/graph.json --to dot -o nodir/g.dot
names nodir/g.dot

# A write that fails half-way (file size limit: EFBIG) leaves the earlier
# output as it was, and no temporary file.
python3 - "$T/bigish.json" <<'P'
import json, sys
nodes = [{"id": "person:%05d" % i, "type": "person", "label": "P%d" % i} for i in range(3000)]
json.dump({"nodes": nodes}, open(sys.argv[1], "w"))
P
cp "$T/out/graph.json" "$T/out/keep.json"
before=$(sha256sum <"$T/out/keep.json")
(
    cd "$T" && trap '' XFSZ && ulimit -f 16 && ulimit -c 0 &&
        timeout "$TIMEOUT" "$RELGRAPH" build bigish.json -o out/keep.json
) >"$OUT" 2>"$ERR"
rc=$?
printf '%-34s exit %-3s %s\n' "write fails half-way (EFBIG)" "$rc" "$(head -c 160 "$ERR")"
[ "$rc" -eq 1 ] && ok || bad "EFBIG: exit $rc, expected 1"
names out/keep.json
[ "$(sha256sum <"$T/out/keep.json")" = "$before" ] && ok || bad "earlier output clobbered"
no_temp "$T/out"

# Writing to a full device through stdout ('-o -' > /dev/full) is an error.
if [ -w /dev/full ]; then
    (cd "$T" && timeout "$TIMEOUT" "$RELGRAPH" build good.json -o - >/dev/full 2>"$ERR")
    rc=$?
    printf '%-34s exit %-3s %s\n' "stdout is /dev/full" "$rc" "$(head -c 160 "$ERR")"
    [ "$rc" -eq 1 ] && ok || bad "/dev/full: exit $rc, expected 1"
fi

# export: a failing export leaves the earlier export as it was.
run_rg 0 "good export" export out/graph.json --to dot -o out/g.dot
before=$(sha256sum <"$T/out/g.dot")
run_rg 1 "export of a truncated graph" export truncated.json --to dot -o out/g.dot
names truncated.json
[ "$(sha256sum <"$T/out/g.dot")" = "$before" ] && ok || bad "earlier export clobbered"
no_temp "$T/out"

finish
