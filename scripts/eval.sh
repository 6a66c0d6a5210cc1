#!/usr/bin/env bash
# make eval: entity scores of `relgraph mentions` on the re3d-dev gold set
# (../shared/corpora/re3d-dev, scored by ../shared/eval/re3d.py). Skips cleanly
# when ../shared is not there.
set -eu
bin=${1:-build/relgraph}
top=$(cd "$(dirname "$0")/.." && pwd)
shared=${RG_SHARED:-$top/../shared}
if [ ! -f "$shared/eval/re3d.py" ] || [ ! -d "$shared/corpora/re3d-dev" ]; then
    echo "skipped: ../shared not found"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$shared/eval/re3d.py" export "$shared"/corpora/re3d-dev/*/ --out "$tmp/txt" >/dev/null
start=$(date +%s.%N)
"$bin" mentions -q "$tmp"/txt/*.txt >"$tmp/pred.jsonl"
end=$(date +%s.%N)
python3 "$shared/eval/re3d.py" score "$shared"/corpora/re3d-dev/*/ --pred "$tmp/pred.jsonl" |
    sed -n '1,12p;$p'
echo "names only (mentions with a capital letter):"
python3 "$shared/eval/re3d.py" score "$shared"/corpora/re3d-dev/*/ --pred "$tmp/pred.jsonl" \
    --names-only | tail -n 1
awk -v s="$start" -v e="$end" -v n="$(ls "$tmp"/txt | wc -l)" \
    'BEGIN { printf "extraction time: %.2f s for %d documents\n", e - s, n }'
