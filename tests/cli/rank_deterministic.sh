#!/usr/bin/env bash
# Determinism of the ranking whatever the thread count: PageRank (igraph's
# PRPACK, an OpenMP loop) and betweenness (threaded Brandes) print the same
# bytes on every run and with any OMP_NUM_THREADS.
set -u
: "${RELGRAPH:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1" >&2; fi; }

# preferential-attachment graphs (generated here, deterministic): 30k nodes
# for PageRank, large enough for OpenMP to split the work; 2k for betweenness
ba() {
    awk -v n="$1" 'BEGIN { srand(7); print "Source,Target"; m = 0;
      for (v = 1; v < n; v++) for (k = 0; k < 3; k++) {
        t = (m > 0 && rand() < 0.8) ? ends[int(rand() * m)] : int(rand() * v);
        print "n" v ",n" t; ends[m++] = v; ends[m++] = t } }'
}
ba 30000 >"$tmp/pagerank.csv"
ba 2000 >"$tmp/betweenness.csv"

for measure in pagerank betweenness; do
    "$RELGRAPH" rank "$tmp/$measure.csv" --measure "$measure" --format csv -q >"$tmp/$measure.0"
    check "$measure runs" '[ -s "$tmp/$measure.0" ]'
    for threads in 1 2 4; do
        for run in 1 2; do
            OMP_NUM_THREADS=$threads "$RELGRAPH" rank "$tmp/$measure.csv" --measure "$measure" \
                --format csv -q >"$tmp/$measure.$threads.$run"
            check "$measure, $threads threads, run $run: same bytes" \
                'cmp -s "$tmp/$measure.0" "$tmp/$measure.$threads.$run"'
        done
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
