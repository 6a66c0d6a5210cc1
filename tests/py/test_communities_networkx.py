"""Cross-checks `relgraph communities` against networkx.

For each method, on the karate club, the Florentine families and Les
Miserables: the partition written to the graph covers every actor, the
reported modularity equals networkx's modularity() of that partition (1e-6),
the numbering is by decreasing size, reruns give the same partition, and the
modularity reached is in the range networkx's own Louvain reaches.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
    from networkx.algorithms import community as nxc
except ImportError:
    print("skipped: networkx not installed")
    sys.exit(77)

RELGRAPH = os.environ.get("RELGRAPH", "relgraph")
passed = failed = 0


def check(cond, msg):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", msg, file=sys.stderr)


def export(G, path):
    d = nx.node_link_data(G)
    for n in d["nodes"]:
        n["id"] = str(n["id"])
        n["type"] = "person"
        n["label"] = n["id"]
    for l in d["links"]:
        l["source"], l["target"] = str(l["source"]), str(l["target"])
        l["type"] = "related_to"
    with open(path, "w") as f:
        json.dump(d, f)


def communities(path, method, out, *extra):
    r = subprocess.run([RELGRAPH, "communities", path, "--method", method, "--format", "json",
                        "-o", out, *extra], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr)
    printed = json.loads(r.stdout)
    with open(out) as f:
        g = json.load(f)
    return printed, {n["id"]: int(n["community"]) for n in g["nodes"]}, g


def main():
    with tempfile.TemporaryDirectory() as tmp:
        for name, G in [("karate", nx.karate_club_graph()),
                        ("florentine", nx.florentine_families_graph()),
                        ("lesmis", nx.les_miserables_graph())]:
            H = nx.relabel_nodes(G, str)
            path = os.path.join(tmp, name + ".json")
            export(G, path)
            best_nx = max(nxc.modularity(H, nxc.louvain_communities(H, seed=s, weight=None),
                                         weight=None) for s in range(5))
            for method in ["leiden", "louvain", "label-propagation", "components"]:
                for weighted in [False, True]:
                    w = "weight" if weighted else None
                    extra = ["--weighted"] if weighted else []
                    tag = f"{name} {method}{' weighted' if weighted else ''}"
                    out = os.path.join(tmp, "out.json")
                    printed, mem, g = communities(path, method, out, *extra)
                    check(set(mem) == set(H.nodes), f"{tag}: every node has a community")
                    parts = {}
                    for n, c in mem.items():
                        parts.setdefault(c, set()).add(n)
                    sizes = [len(parts[c]) for c in sorted(parts)]
                    check(sorted(parts) == list(range(len(parts))), f"{tag}: numbered 0..k-1")
                    check(sizes == sorted(sizes, reverse=True), f"{tag}: numbered by size")
                    q = nxc.modularity(H, parts.values(), weight=w)
                    check(abs(printed["modularity"] - q) <= 1e-6,
                          f"{tag}: modularity {printed['modularity']} vs networkx {q}")
                    check(abs(float(g["graph"]["modularity"]) - q) <= 1e-6,
                          f"{tag}: stored modularity")
                    check(printed["communities"] == len(parts), f"{tag}: community count")
                    again = communities(path, method, out, *extra)[1]
                    check(again == mem, f"{tag}: same partition on rerun")
                    if method in ("leiden", "louvain") and not weighted:
                        check(q >= best_nx - 0.02, f"{tag}: modularity {q} far below "
                                                   f"networkx louvain {best_nx}")
                    if method == "components":
                        ncc = nx.number_connected_components(H)
                        check(len(parts) == ncc, f"{tag}: {len(parts)} components vs {ncc}")
                    print(f"{tag}: {len(parts)} communities, modularity {q:.6f}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
