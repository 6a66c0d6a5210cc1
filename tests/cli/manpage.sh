#!/bin/bash
# docs/relgraph.1: renders without groff warnings and documents every
# subcommand the binary has (so a new cmd_*.c without a man entry fails).
set -u
RELGRAPH=${RELGRAPH:?}
MAN=${RG_SOURCE_DIR:?}/docs/relgraph.1
pass=0 fail=0
check() { if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $*" >&2; fi; }
check [ -s "$MAN" ]
if command -v groff >/dev/null; then
    warn=$(groff -man -ww -z "$MAN" 2>&1)
    check [ -z "$warn" ]
    [ -z "$warn" ] || echo "$warn" >&2
fi
cmds=$($RELGRAPH --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
check [ -n "$cmds" ]
for c in $cmds; do
    if grep -Eq "^\.BI? $c( |\$)" "$MAN"; then pass=$((pass + 1)); else
        fail=$((fail + 1)); echo "FAIL: subcommand '$c' is not in docs/relgraph.1" >&2; fi
done
for code in 0 1 2; do check grep -q "^\.B $code\$" "$MAN"; done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
