"""Cross-checks every `relgraph rank` measure against networkx.

Graphs: Zachary's karate club (weighted in networkx 2.8), Padgett's
Florentine families, Les Miserables (weighted), a disconnected variant of
the Florentine families (closeness' Wasserman-Faust correction), a directed
random graph (--graph full --directed) and an actor/event graph whose actor
projection is rebuilt here with networkx. Each is exported to relgraph JSON,
ranked by relgraph, and compared with networkx at tolerance 1e-6 after the
scaling documented in docs/ANALYSIS.md.

networkx's iterative measures (eigenvector, PageRank) stop at tol=1e-6 by
default, which is an error of that order in the reference itself; they are
run here with tol=1e-12 (same definition, tighter convergence).
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("skipped: networkx not installed")
    sys.exit(77)

RELGRAPH = os.environ.get("RELGRAPH", "relgraph")
TOL = 1e-6
passed = failed = 0


def check(cond, msg):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", msg, file=sys.stderr)


def export(G, path, node_type=lambda n: "person", edge_type="related_to"):
    """networkx graph -> relgraph JSON (node-link with "type" on nodes)."""
    d = nx.node_link_data(G)
    for n in d["nodes"]:
        n["type"] = node_type(n["id"])
        n["id"] = str(n["id"])
        n["label"] = n["id"]
    for l in d["links"]:
        l["source"], l["target"] = str(l["source"]), str(l["target"])
        l.setdefault("type", edge_type)
    with open(path, "w") as f:
        json.dump(d, f)


def rank(path, measure, *extra):
    out = subprocess.run([RELGRAPH, "rank", path, "--measure", measure, "--format", "csv", *extra],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"relgraph rank {measure} {extra}: {out.stderr}")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    return rows, {r["id"]: float(r["score"]) for r in rows}


def reference(G, measure, weighted):
    w = "weight" if weighted else None
    if measure == "degree":
        return nx.degree_centrality(G)
    if measure == "strength":
        return dict(G.degree(weight="weight"))
    if measure == "betweenness":
        return nx.betweenness_centrality(G, weight=w)
    if measure == "closeness":
        return nx.closeness_centrality(G, distance=w)
    if measure == "harmonic":
        return nx.harmonic_centrality(G, distance=w)
    if measure == "eigenvector":
        return nx.eigenvector_centrality(G, max_iter=100000, tol=1e-12, weight=w)
    if measure == "pagerank":
        return nx.pagerank(G, alpha=0.85, weight=w, tol=1e-12, max_iter=100000)
    if measure == "kcore":
        return nx.core_number(G)
    raise ValueError(measure)


MEASURES = ["degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
            "pagerank", "kcore"]


def compare(name, G, path, measures, extra=(), weighted_too=True):
    for measure in measures:
        for weighted in ([False, True] if weighted_too else [False]):
            if measure in ("degree", "kcore", "strength") and weighted:
                continue  # these ignore --weighted (strength always weighs)
            args = list(extra) + (["--weighted"] if weighted else [])
            rows, got = rank(path, measure, *args)
            ref = {str(k): v for k, v in reference(G, measure, weighted).items()}
            tag = f"{name} {measure}{' weighted' if weighted else ''}"
            check(set(got) == set(ref), f"{tag}: node sets differ")
            worst = max((abs(got[k] - ref[k]) / max(1.0, abs(ref[k])) for k in ref if k in got),
                        default=0.0)
            check(worst <= TOL, f"{tag}: max deviation {worst:.3g}")
            # The ranking is by score descending, ties by id ascending.
            keys = [(-float(r["score"]), r["id"]) for r in rows]
            check(keys == sorted(keys), f"{tag}: ranking order")
            print(f"{'ok' if worst <= TOL else 'FAIL'} {tag}: max deviation {worst:.2e}")


def florentine_disconnected():
    G = nx.florentine_families_graph()
    G.add_node("Pucci")
    G.add_edge("Alpha", "Beta")
    G.add_edge("Beta", "Gamma")
    return G


def directed_graph():
    G = nx.gnp_random_graph(40, 0.12, seed=7, directed=True)
    for u, v in G.edges:
        G[u][v]["weight"] = 1 + (u * 7 + v * 3) % 5
    return G


def events_graph():
    """Actors and events; the actor projection is computed here: actors
    sharing an event are linked (+1 per event), direct relations add their
    weight."""
    T = nx.MultiDiGraph()
    people = [f"p{i}" for i in range(12)]
    events = [f"e{i}" for i in range(6)]
    parts = {"e0": [0, 1, 2], "e1": [2, 3, 4, 5], "e2": [5, 6], "e3": [6, 7, 8, 0],
             "e4": [9, 10], "e5": [1, 2, 3]}
    for e, ps in parts.items():
        for p in ps:
            T.add_edge(people[p], e, type="participant_in", weight=1.0)
    T.add_edge("p0", "p4", type="head_of", weight=2.0)
    T.add_edge("p7", "p11", type="member_of", weight=1.0)
    T.add_edge("p1", "p2", type="allied_with", weight=3.0)
    P = nx.Graph()
    P.add_nodes_from(people)
    for e, ps in parts.items():
        for i in ps:
            for j in ps:
                if i < j:
                    a, b = people[i], people[j]
                    w = P[a][b]["weight"] + 1 if P.has_edge(a, b) else 1
                    P.add_edge(a, b, weight=w)
    for a, b, w in [("p0", "p4", 2.0), ("p7", "p11", 1.0), ("p1", "p2", 3.0)]:
        P.add_edge(a, b, weight=(P[a][b]["weight"] if P.has_edge(a, b) else 0) + w)
    return T, P, set(events)


def export_typed(T, events, path):
    d = {"directed": True, "multigraph": True, "graph": {},
         "nodes": [{"id": n, "type": "event" if n in events else "person", "label": n}
                   for n in sorted(T.nodes)],
         "links": [{"source": u, "target": v, "type": a["type"], "weight": a["weight"]}
                   for u, v, a in T.edges(data=True)]}
    with open(path, "w") as f:
        json.dump(d, f)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        graphs = [("karate", nx.karate_club_graph()),
                  ("florentine", nx.florentine_families_graph()),
                  ("lesmis", nx.les_miserables_graph())]
        for name, G in graphs:
            path = os.path.join(tmp, name + ".json")
            export(G, path)
            compare(name, G, path, MEASURES)

        # Disconnected: eigenvector centrality is not defined there.
        G = florentine_disconnected()
        path = os.path.join(tmp, "flor-disc.json")
        export(G, path)
        compare("florentine+isolated", G, path, [m for m in MEASURES if m != "eigenvector"])

        # Directed, on the full graph, with a non-symmetric relation type.
        D = directed_graph()
        path = os.path.join(tmp, "directed.json")
        export(D, path, edge_type="member_of")
        ms = list(MEASURES)
        if not nx.is_strongly_connected(D):
            ms.remove("eigenvector")
        compare("directed", D, path, ms, extra=["--graph", "full", "--directed"])

        # Actor projection of an actor/event graph.
        T, P, events = events_graph()
        path = os.path.join(tmp, "events.json")
        export_typed(T, events, path)
        compare("actors-projection", P, path,
                [m for m in MEASURES if m != "eigenvector"])
        # --type keeps only the asked types; events never appear in the actor view.
        rows, got = rank(path, "degree", "--graph", "full", "--type", "event")
        check(set(got) == events, "--type event on the full graph lists the events")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
