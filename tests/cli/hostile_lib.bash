# Shared helpers for tests/cli/hostile_*.sh, sourced (the .bash name keeps
# it out of ctest's tests/cli/*.sh discovery).
#
# run_rg EXPECT LABEL ARGS...: runs $RELGRAPH ARGS in $T with a time limit,
#   stderr in $ERR, and checks: exit code in EXPECT ("0", "1" or "01"), no
#   signal/core dump, no time-out.
# names FILE: stderr names FILE.
# no_temp DIR: no temporary output file left in DIR.
set -u
: "${RELGRAPH:?RELGRAPH must name the relgraph binary}"
pass=0
fail=0
T=$(mktemp -d /tmp/rg-hostile-cli-XXXXXX)   # the test's files (cwd of relgraph)
C=$(mktemp -d /tmp/rg-hostile-cli-io-XXXXXX) # captured stdout/stderr
OUT=$C/stdout
ERR=$C/stderr
trap 'rm -rf "$T" "$C"' EXIT
TIMEOUT=${RG_HOSTILE_TIMEOUT:-120}

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*" >&2
    [ -s "$ERR" ] && sed 's/^/    stderr: /' "$ERR" | head -5 >&2
}

run_rg() {
    local expect=$1 label=$2
    shift 2
    local t0=$SECONDS
    (cd "$T" && ulimit -c 0 && timeout -k 5 "$TIMEOUT" "$RELGRAPH" "$@") >"$OUT" 2>"$ERR"
    rc=$?
    local dt=$((SECONDS - t0))
    printf '%-34s exit %-3s %3ss  %s\n' "$label" "$rc" "$dt" "$(head -c 160 "$ERR" | tr '\n' ' ')"
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        bad "$label: timed out after ${TIMEOUT}s"
    elif [ "$rc" -ge 128 ]; then
        bad "$label: killed by signal $((rc - 128))"
    elif [[ "$expect" != *"$rc"* ]]; then
        bad "$label: exit $rc, expected one of {$expect}"
    else
        ok
    fi
    if grep -q -E 'AddressSanitizer|LeakSanitizer|runtime error|Segmentation|Aborted' "$ERR"; then
        bad "$label: sanitizer or crash report"
    fi
}

names() {
    if grep -q -F -- "$1" "$ERR"; then ok; else bad "stderr does not name '$1'"; fi
}

no_temp() {
    if ls -A "$1" | grep -q '\.tmp\.'; then
        bad "temporary file left in $1: $(ls -A "$1" | grep '\.tmp\.')"
    else
        ok
    fi
}

finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
