#!/usr/bin/env bash
# make bench: extraction speed of `relgraph mentions` in MB/s on one core.
# The corpus is generated at run time: synthetic news paragraphs built from
# the repository's own lexicons (names, titles, organisations, places) in
# varied sentence templates (a stress case: a mention every 25 bytes), plus,
# when ../shared is present, two real corpora, each repeated to the same size
# and written as one large document: the seed articles (news and NGO
# statements, a mention every 180 bytes) and the re3d-dev documents (dense
# military and conflict reporting, a mention every 35 bytes); then the
# re3d-dev documents once more as thousands of separate files, which adds
# each document's fixed costs.
set -eu
bin=${1:-build/relgraph}
# an older relgraph binary to compare with in the same run (before/after)
base=${2:-}
mb=${BENCH_MB:-50}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$top" "$tmp/synthetic.txt" "$mb" <<'PY'
import os, random, sys
top, out, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
def lex(name):
    rows = []
    for l in open(os.path.join(top, "data", "lexicon", name), encoding="utf-8"):
        l = l.rstrip("\n")
        if l and not l.startswith("#"):
            rows.append(l.split("\t")[0])
    return rows
rnd = random.Random(42)
given, titles = lex("given-names.txt"), lex("titles.txt")
orgs, insts, places = lex("organisations.txt"), lex("institutions.txt"), lex("places.txt")
words = [w for w in lex("common-words.txt") if len(w) > 3][:20000]
surn = ["Haddad", "Khoury", "Mansour", "Nasser", "Petrov", "Smith", "Dubois", "Rahman"]
templates = [
    "{t} {g} {s} met officials of the {i} in {p} on 15 November 2018.",
    "The {o} said that {g} {s}, the head of the {i}, had visited {p} last week.",
    "According to a statement issued by the {i}, the talks in {p} focused on {w} and {w}.",
    "{s} told reporters in {p} that the {o} would {w} the {w} of {w} efforts.",
    "Members of the {o} and the {i} discussed the {w} situation near {p} with {g} {s}.",
]
target = mb * 1024 * 1024
with open(out, "w", encoding="utf-8") as f:
    size = 0
    while size < target:
        para = " ".join(rnd.choice(templates).format(
            t=rnd.choice(titles), g=rnd.choice(given), s=rnd.choice(surn), i=rnd.choice(insts),
            o=rnd.choice(orgs), p=rnd.choice(places), w=rnd.choice(words)) for _ in range(6)) + "\n\n"
        f.write(para)
        size += len(para.encode("utf-8"))
PY
files=("$tmp/synthetic.txt")
shared=${RG_SHARED:-$top/../shared}
if [ -d "$shared/corpora/seeds" ]; then
    reps=$((mb * 1024 * 1024 / $(cat "$shared"/corpora/seeds/*.txt | wc -c) + 1))
    for _ in $(seq "$reps"); do cat "$shared"/corpora/seeds/*.txt; echo; done >"$tmp/seeds.txt"
    files+=("$tmp/seeds.txt")
fi
if [ -d "$shared/corpora/re3d-dev" ] && [ -f "$shared/eval/re3d.py" ]; then
    python3 "$shared/eval/re3d.py" export "$shared"/corpora/re3d-dev/*/ --out "$tmp/re3d" >/dev/null
    reps=$((mb * 1024 * 1024 / $(cat "$tmp"/re3d/*.txt | wc -c) + 1))
    for _ in $(seq "$reps"); do cat "$tmp"/re3d/*.txt; echo; done >"$tmp/re3d-dev.txt"
    files+=("$tmp/re3d-dev.txt")
    # The same documents as separate files, as a corpus usually comes: this
    # adds each document's fixed costs (reading, hashing, per-document
    # tables) that one large document hides.
    mkdir "$tmp/re3d-docs"
    for i in $(seq "$reps"); do
        for f in "$tmp"/re3d/*.txt; do cp "$f" "$tmp/re3d-docs/${i}_$(basename "$f")"; done
    done
    files+=("$tmp/re3d-docs")
fi
# Wall time depends on the machine's load; CPU time (user + system of the
# relgraph process) is what one core costs. Both are printed, each the best
# of BENCH_RUNS runs (default 3): on a shared machine a concurrent job
# slows a run down (and inflates its CPU time too, on hyperthreads), never
# speeds it up, so the fastest run is the closest to the code's own cost.
for f in "${files[@]}"; do
    python3 - "$f" "$tmp" "${BENCH_RUNS:-3}" "$bin" ${base:+"$base"} <<'PY'
import filecmp, os, resource, subprocess, sys, time
path, tmp, runs, binaries = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
# a directory is walked by relgraph itself (too many files for one command line)
files = [os.path.join(path, f) for f in os.listdir(path)] if os.path.isdir(path) else [path]
size = sum(os.path.getsize(f) for f in files)
mb = size / 1048576
best = {b: [float("inf"), float("inf")] for b in binaries}
outs = {b: os.path.join(tmp, "out%d.jsonl" % i) for i, b in enumerate(binaries)}
# the binaries take turns, so that a change in the machine's load hits both
for _ in range(runs):
    for b in binaries:
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        with open(outs[b], "w") as fo:
            subprocess.run([b, "mentions", "-q", path], stdout=fo, check=True)
        wall = time.time() - t0
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = ru.ru_utime - r0.ru_utime + ru.ru_stime - r0.ru_stime
        best[b] = [min(best[b][0], cpu), min(best[b][1], wall)]
name = os.path.basename(path)
for b in binaries:
    cpu, wall = best[b]
    n = sum(1 for _ in open(outs[b]))
    label = name if b == binaries[0] else "  baseline"
    print("%-14s %6.1f MB %8d lines  cpu %6.2f s %6.1f MB/s  wall %6.2f s %6.1f MB/s"
          % (label, mb, n, cpu, mb / cpu, wall, mb / wall))
if len(binaries) == 2:
    same = filecmp.cmp(outs[binaries[0]], outs[binaries[1]], shallow=False)
    print("  baseline/new CPU %.2fx, output %s" % (best[binaries[1]][0] / best[binaries[0]][0],
                                                 "identical" if same else "DIFFERS"))
PY
done
