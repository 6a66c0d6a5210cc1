#!/usr/bin/env bash
# A 100 MB single-line file, generated here and deleted at the end, fed to
# every importer: exit 0 or 1 naming the file, within a time limit
# (RG_HOSTILE_TIMEOUT, default 600 s here), no crash, no stray temp files;
# and the size limit: --max-bytes below the size is a clean error.
source "$(dirname "$0")/hostile_lib.bash"
TIMEOUT=${RG_HOSTILE_TIMEOUT:-600}
mkdir -p "$T/out"
avail=$(df -Pk "$T" | awk 'NR == 2 {print $4}')
if [ "${avail:-0}" -lt 400000 ]; then
    echo "skipped: less than 400 MB free in $T"
    exit 77
fi

# Sentences without a single newline: 100,000,000 bytes, one line.
yes 'Ahmed al-Sharaa met the UN Special Envoy Geir Pedersen in Damascus on 3 May 2025, ' |
    tr -d '\n' | head -c 100000000 >"$T/big.txt"
size=$(stat -c %s "$T/big.txt")
[ "$size" -eq 100000000 ] && ok || bad "generated $size bytes"
[ "$(tr -cd '\n' <"$T/big.txt" | wc -c)" -eq 0 ] && ok || bad "not a single line"
# The same bytes under every extension (hard links: no extra space).
for x in csv json graphml html; do ln "$T/big.txt" "$T/big.$x"; done

printf '{"nodes": [{"id": "keep"}]}' >"$T/good.json"
run_rg 0 "good output first" build good.json -o out/graph.json
before=$(sha256sum <"$T/out/graph.json")
for x in txt csv json graphml html; do
    run_rg 01 "100 MB single line .$x" build "big.$x" -o "out/big.$x.json"
    [ "$rc" -eq 1 ] && names "big.$x"
    run_rg 1 "100 MB .$x over --max-bytes" build "big.$x" --max-bytes 1000000 -o out/graph.json
    names "big.$x"
    grep -q 'limit' "$ERR" && ok || bad "size limit error does not say so"
done
[ "$(sha256sum <"$T/out/graph.json")" = "$before" ] && ok || bad "good output clobbered"
no_temp "$T/out"
rm -f "$T"/big.*
finish
