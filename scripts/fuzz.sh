#!/usr/bin/env bash
# Runs every libFuzzer harness for a bounded time (make fuzz).
#
#   scripts/fuzz.sh [TARGET...]         default: every harness that was built
#   FUZZ_TIME=60  seconds per harness   FUZZ_BUILD=build-fuzz  build tree
#   FUZZ_JOBS=1   parallel fuzzing jobs per harness
#
# Builds the fuzz tree (clang, libFuzzer, ASan+UBSan) when needed. Each
# harness starts from its seed corpus tests/fuzz/corpus/<target>/ plus what
# earlier runs found (kept in $FUZZ_BUILD/corpus/<target>/, never in the
# source tree). A crash, leak, timeout or broken promise stops that harness
# and leaves the input in $FUZZ_BUILD/artifacts/<target>/; minimise it
# (fuzz_<target> -minimize_crash=1 -runs=10000 FILE) and add it to
# tests/fuzz/regressions/<target>/, which ctest replays on every build.
# Exit status: 0 when every harness ran clean, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD:-build-fuzz}
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
TIME=${FUZZ_TIME:-60}
JOBS=${FUZZ_JOBS:-1}

if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    CC=clang cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRG_FUZZ=ON \
        -DRG_SANITIZE=ON || exit 1
fi
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" || exit 1

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in "$BUILD"/tests/fuzz/fuzz_*; do
        t=${f##*/fuzz_}
        [ "$t" = regress ] || [ ! -x "$f" ] || targets+=("$t")
    done
fi

status=0
summary=""
for t in "${targets[@]}"; do
    bin="$BUILD/tests/fuzz/fuzz_$t"
    if [ ! -x "$bin" ]; then
        echo "fuzz.sh: no harness '$t' in $BUILD" >&2
        status=1
        continue
    fi
    work="$BUILD/corpus/$t"
    art="$BUILD/artifacts/$t"
    mkdir -p "$work" "$art"
    extra=()
    [ -f "tests/fuzz/$t.dict" ] && extra+=(-dict="$PWD/tests/fuzz/$t.dict")
    # parallel jobs write fuzz-N.log into the working directory: $BUILD
    [ "$JOBS" -gt 1 ] && extra+=(-jobs="$JOBS" -workers="$JOBS")
    log="$BUILD/fuzz-$t.log"
    echo "== fuzz_$t: ${TIME}s" >&2
    seeds=$PWD/tests/fuzz/corpus/$t
    (cd "$BUILD" && ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$bin" "$work" "$seeds" "${extra[@]}" \
        -max_total_time="$TIME" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$art/") >"$log" 2>&1
    rc=$?
    execs=$(grep -h 'stat::number_of_executed_units' "$log" | awk '{s += $2} END {print s + 0}')
    line="fuzz_$t: exit $rc, $execs executions in ${TIME}s"
    if [ $rc -ne 0 ]; then
        status=1
        line="$line -- FAILED, see $log and $art/"
        grep -m3 -E 'ERROR|broken promise|SUMMARY' "$log" >&2
    fi
    echo "$line" >&2
    summary="$summary$line"$'\n'
done
printf '\n%s' "$summary"
exit $status
