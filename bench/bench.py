"""relgraph's analysis engine against networkx and a bare igraph C program.

Same run, same Barabasi-Albert graphs, end to end (process start, reading the
graph, computing, writing the scores), wall clock and CPU time:

  relgraph rank GRAPH --measure M     (reads relgraph JSON or a CSV edge table)
  networkx: read_edgelist + betweenness_centrality / pagerank
  bare_igraph: igraph_read_graph_edgelist + igraph_betweenness / igraph_pagerank

The scores are compared too (relgraph vs bare igraph vs networkx), so a fast
wrong answer cannot pass. Default sizes run in a few minutes on 2 cores;
--large adds betweenness on 100k nodes and PageRank on 1M nodes / 10M edges.
networkx betweenness on 100k nodes would take hours: there it runs on a
k-source sample and its full time is extrapolated (time x n/k), said so in
the table.

--baseline OLD_RELGRAPH also runs an older relgraph binary on the same
inputs in the same run (before/after ratios on a busy machine).

usage: bench.py RELGRAPH BARE_IGRAPH WORKDIR [--large] [--no-networkx]
                [--baseline OLD_RELGRAPH] [--no-100k-betweenness]
"""
import json
import os
import resource
import subprocess
import sys
import time

import networkx as nx


def run(cmd, **kw):
    """Runs cmd; returns (wall seconds, CPU seconds of the child, stderr)."""
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, **kw)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{p.stderr}")
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, p.stderr


def gen_ba(work, n, m=3, seed=42):
    """networkx's BA graph as an edge list (networkx, bare igraph) and
    relgraph JSON."""
    base = os.path.join(work, f"ba{n}")
    if not os.path.exists(base + ".json"):
        G = nx.barabasi_albert_graph(n, m, seed=seed)
        with open(base + ".txt", "w") as f:
            for u, v in G.edges:
                f.write(f"{u} {v}\n")
        d = {"directed": False, "multigraph": False, "graph": {},
             "nodes": [{"id": str(u), "type": "person", "label": str(u)} for u in sorted(G)],
             "links": [{"source": str(u), "target": str(v), "type": "related_to"}
                       for u, v in G.edges]}
        with open(base + ".json", "w") as f:
            json.dump(d, f)
    return base


def read_scores(path, sep=","):
    out = {}
    with open(path) as f:
        for line in f:
            if line.startswith("rank,"):
                continue
            parts = line.rstrip("\n").split(sep)
            if len(parts) == 5:  # relgraph csv: rank,id,label,type,score
                out[parts[1].lstrip("n")] = float(parts[4])
            else:  # bare: id,score
                out[parts[0]] = float(parts[1])
    return out


NX_SCRIPT = r"""
import sys, time, json, networkx as nx
path, measure, k, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
t0 = time.perf_counter()
G = nx.read_edgelist(path, nodetype=int)
t1 = time.perf_counter()
if measure == "betweenness":
    s = nx.betweenness_centrality(G, k=k if k else None, seed=1)
else:
    s = nx.pagerank(G, alpha=0.85, weight=None)
t2 = time.perf_counter()
with open(out, "w") as f:
    for u, v in s.items():
        f.write(f"{u},{v!r}\n")
print(json.dumps({"load": t1 - t0, "compute": t2 - t1}), file=sys.stderr)
"""


def deviation(a, b):
    keys = set(a) & set(b)
    if len(keys) != len(a) or len(keys) != len(b):
        return float("inf")
    return max(abs(a[k] - b[k]) / max(1.0, abs(b[k])) for k in keys)


BASELINE = None  # --baseline: an older relgraph binary, run on the same inputs


def best_of(cmd, **kw):
    """run(), repeated: the fastest of up to three runs (wall clock), each
    counted in full. On a shared machine another job only ever slows a run
    down, so the fastest is the closest to the program's own cost. Runs
    that take over 30 s are not repeated."""
    best = run(cmd, **kw)
    for _ in range(2):
        if best[0] > 30:
            break
        r = run(cmd, **kw)
        if r[0] < best[0]:
            best = r
    return best


def rank_run(relgraph, graph_file, measure, out):
    """relgraph rank end to end: (wall, cpu, load, project, compute) seconds."""
    w, c, err = best_of([relgraph, "rank", graph_file, "--measure", measure, "--format", "csv",
                         "-o", out, "--timing", "--quiet"])
    # --timing: "timing: load X s, project Y s, MEASURE Z s (...)"
    load = float(err.split("load ")[1].split(" s")[0])
    project = float(err.split("project ")[1].split(" s")[0])
    compute = float(err.split(f"{measure} ")[1].split(" s")[0])
    return w, c, load, project, compute


def bench_one(rows, relgraph, bare, work, label, graph_file, edges_txt, measure, n,
              nx_mode="full", nx_k=0):
    rg_out = os.path.join(work, "rg.csv")
    bare_out = os.path.join(work, "bare.csv")
    nx_out = os.path.join(work, "nx.csv")
    rw, rc, rg_load, rg_project, rg_measure = rank_run(relgraph, graph_file, measure, rg_out)
    rg_compute = rg_project + rg_measure
    # relgraph runs igraph's PageRank (PRPACK) on one OpenMP thread, so that
    # its scores are the same to the last digit whatever the thread count;
    # the bare program gets the same single thread, like for like.
    # bare None: the bare program is left out of this row (nan in the table)
    bw = bc = bare_compute = dev_bare = float("nan")
    rg = read_scores(rg_out)
    if bare:
        bw, bc, berr = best_of([bare, measure, edges_txt, bare_out],
                               env=dict(os.environ, OMP_NUM_THREADS="1"))
        bare_compute = float(berr.split("compute ")[1])
        dev_bare = deviation(rg, read_scores(bare_out))
    row = {"graph": label, "measure": measure, "rg_wall": rw, "rg_cpu": rc,
           "rg_load": rg_load, "rg_compute": rg_compute, "bare_wall": bw, "bare_cpu": bc,
           "bare_compute": bare_compute, "dev_bare": dev_bare,
           "rg_project": rg_project, "rg_measure": rg_measure}
    if BASELINE:
        old_out = os.path.join(work, "old.csv")
        ow, oc, ol, op, om = rank_run(BASELINE, graph_file, measure, old_out)
        row.update(old_wall=ow, old_cpu=oc, old_load=ol, old_project=op, old_measure=om,
                   dev_old=deviation(rg, read_scores(old_out)))
    if nx_mode != "none":
        script = os.path.join(work, "nx_run.py")
        with open(script, "w") as f:
            f.write(NX_SCRIPT)
        nw, nc, nerr = best_of(["/usr/bin/python3", script, edges_txt, measure, str(nx_k), nx_out])
        t = json.loads(nerr.strip().splitlines()[-1])
        if nx_k:
            # k sources cost k/n of the full computation: extrapolate.
            full = t["compute"] * n / nx_k
            row["nx_wall"] = nw - t["compute"] + full
            row["nx_cpu"] = nc - t["compute"] + full
            row["nx_note"] = f"extrapolated from k={nx_k} sources"
            row["dev_nx"] = None  # a sample estimates different values
        else:
            row["nx_wall"], row["nx_cpu"] = nw, nc
            row["nx_note"] = "full"
            row["dev_nx"] = deviation(rg, read_scores(nx_out))
    rows.append(row)
    print_row(row)


HEADER = (f"{'graph':<20} {'measure':<12} {'relgraph':>9} {'networkx':>9} {'bare C':>8} "
          f"{'nx/rg':>6} {'(cpu)':>6} {'rg/bare':>7} {'(cpu)':>6} {'engine/bare':>11}  "
          f"max deviation / note")


def print_row(r):
    nxw, nxc = r.get("nx_wall"), r.get("nx_cpu")
    ratio_nx = f"{nxw / r['rg_wall']:.0f}x" if nxw else "-"
    ratio_nxc = f"{nxc / r['rg_cpu']:.0f}x" if nxc else "-"
    dev = f"vs bare {r['dev_bare']:.1e}"
    if r.get("dev_nx") is not None:
        dev += f", vs nx {r['dev_nx']:.1e}"
    if r.get("nx_note") and r["nx_note"] != "full":
        dev += f"; networkx {r['nx_note']}"
    print(f"{r['graph']:<20} {r['measure']:<12} {r['rg_wall']:>8.2f}s "
          f"{(f'{nxw:.1f}s' if nxw else '-'):>9} {r['bare_wall']:>7.2f}s {ratio_nx:>6} "
          f"{ratio_nxc:>6} {r['rg_wall'] / r['bare_wall']:>6.2f}x "
          f"{r['rg_cpu'] / max(r['bare_cpu'], 1e-9):>5.2f}x "
          f"{r['rg_compute'] / max(r['bare_compute'], 1e-9):>10.2f}x  {dev}", flush=True)
    print(f"{'':<20} relgraph: load {r['rg_load']:.2f} s, project {r['rg_project']:.2f} s, "
          f"{r['measure']} {r['rg_measure']:.2f} s, cpu {r['rg_cpu']:.2f} s", flush=True)
    if "old_wall" in r:
        print(f"{'':<20} baseline: {r['old_wall']:.2f} s (cpu {r['old_cpu']:.2f} s; load "
              f"{r['old_load']:.2f} s, project {r['old_project']:.2f} s, {r['measure']} "
              f"{r['old_measure']:.2f} s): before/after {r['old_wall'] / r['rg_wall']:.1f}x "
              f"(cpu {r['old_cpu'] / max(r['rg_cpu'], 1e-9):.1f}x), max deviation "
              f"{r['dev_old']:.1e}", flush=True)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    global BASELINE
    relgraph, bare, work = sys.argv[1:4]
    if "--baseline" in sys.argv:
        BASELINE = sys.argv[sys.argv.index("--baseline") + 1]
    large = "--large" in sys.argv
    use_nx = "--no-networkx" not in sys.argv
    os.makedirs(work, exist_ok=True)
    print(f"relgraph bench, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
          "wall-clock seconds, end to end; (cpu) = same ratio in CPU seconds")
    print("each program: the fastest of three runs (one when a run takes over 30 s)")
    print("engine/bare: relgraph's projection (building igraph's graph) + computation, after "
          "loading the file, vs the bare program's igraph_create + call, after reading the edge "
          "list; igraph's OpenMP on one thread in both")
    print(HEADER, flush=True)
    rows = []
    for n in [] if "--no-small-betweenness" in sys.argv else [3000, 10000]:
        base = gen_ba(work, n)
        bench_one(rows, relgraph, bare, work, f"BA n={n} m=3", base + ".json", base + ".txt",
                  "betweenness", n, "full" if use_nx else "none")
    base = gen_ba(work, 100000)
    bench_one(rows, relgraph, bare, work, "BA n=100000 m=3", base + ".json", base + ".txt",
              "pagerank", 100000, "full" if use_nx else "none")
    if large:
        if "--no-100k-betweenness" not in sys.argv:  # an hour of CPU on 2 busy cores
            # the bare program alone takes half an hour on this row
            bare_100k = None if "--no-bare-100k-betweenness" in sys.argv else bare
            bench_one(rows, relgraph, bare_100k, work, "BA n=100000 m=3", base + ".json",
                      base + ".txt", "betweenness", 100000, "sample" if use_nx else "none",
                      nx_k=100)
        txt, csv = os.path.join(work, "ba1m.txt"), os.path.join(work, "ba1m.csv")
        if not os.path.exists(csv):
            run([bare, "generate", "1000000", "10", "1", txt, csv])
        # The engine alone (view + PageRank) vs igraph alone, same process,
        # then relgraph end to end from the CSV edge table.
        engine_large = os.path.join(os.path.dirname(bare), "engine_large")
        out = subprocess.run([engine_large, "pagerank", txt], capture_output=True, text=True)
        print("engine_large:", out.stdout.strip() or out.stderr.strip(), flush=True)
        bench_one(rows, relgraph, bare, work, "BA n=1M m=10 (CSV)", csv, txt, "pagerank",
                  1000000, "full" if use_nx else "none")
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    # Networkx's PageRank stops at tol=1e-6: deviations of that order are its own.
    print("\nTargets: betweenness >= 30x faster than networkx; rg/bare <= 1.3x. "
          f"Results also in {os.path.join(work, 'results.json')}")


if __name__ == "__main__":
    main()
