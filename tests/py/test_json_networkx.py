"""networkx interoperability.

1. relgraph's JSON of the Florentine CSVs loads with networkx's
   node_link_graph and has exactly networkx's own florentine_families_graph
   node set and (undirected) edge set.
2. GraphML written by networkx (nx.write_graphml) builds with relgraph into a
   graph with the same nodes, edges, types and attributes.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("skipped: networkx is not installed")
    sys.exit(77)

RELGRAPH = os.environ["RELGRAPH"]
SRC = os.environ["RG_SOURCE_DIR"]
EX = os.path.join(SRC, "examples", "tables")

passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, file=sys.stderr)


def build(inputs, out):
    r = subprocess.run([RELGRAPH, "build", *inputs, "-o", out], capture_output=True, text=True)
    check(r.returncode == 0, "build %s: %s" % (inputs, r.stderr))
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def pairs(edges):
    return {frozenset((str(a), str(b))) for a, b in edges}


def test_florentine(tmp):
    data = build([os.path.join(EX, "florentine_nodes.csv"),
                  os.path.join(EX, "florentine_edges.csv")], os.path.join(tmp, "flo.json"))
    G = nx.node_link_graph(data)  # networkx reads our format as is
    ref = nx.florentine_families_graph()
    check(G.is_directed() and G.is_multigraph(), "directed multigraph")
    check(G.number_of_nodes() == ref.number_of_nodes() == 15, "15 nodes")
    check(G.number_of_edges() == ref.number_of_edges() == 20, "20 edges")
    check(set(G.nodes()) == set(ref.nodes()), "same node set")
    check(pairs(G.edges()) == pairs(ref.edges()), "same edges as undirected pairs")
    check(all(G.nodes[n]["type"] == "organisation" for n in G), "node types")
    check(all(d["type"] == "marriage" and d["directed"] == "false"
              for _, _, d in G.edges(data=True)), "edge types and directedness")
    # an analysis on the loaded graph agrees with networkx's own graph
    U = nx.Graph(G.to_undirected())
    check(nx.degree_centrality(U) == nx.degree_centrality(ref), "degree centrality agrees")


def test_graphml_from_networkx(tmp):
    ref = nx.Graph(name="test")
    ref.add_node("Anwar Raslan", type="person", born=1963)
    ref.add_node("Branch 251", type="organisation", label="Branch 251 (al-Khatib)")
    ref.add_node("Koblenz", type="place")
    ref.add_node("Syria")  # no type: organisation by default
    ref.add_edge("Anwar Raslan", "Branch 251", relation="head_of", weight=2.0)
    ref.add_edge("Branch 251", "Syria", relation="part_of")
    ref.add_edge("Anwar Raslan", "Koblenz", note="tried in")
    path = os.path.join(tmp, "nx.graphml")
    nx.write_graphml(ref, path)
    data = build([path], os.path.join(tmp, "nx.json"))
    G = nx.node_link_graph(data)
    check(set(G.nodes()) == set(ref.nodes()), "graphml: same nodes")
    check(pairs(G.edges()) == pairs(ref.edges()), "graphml: same edges")
    check(G.nodes["Anwar Raslan"]["type"] == "person", "graphml: type")
    check(G.nodes["Anwar Raslan"]["born"] == "1963", "graphml: attribute")
    check(G.nodes["Branch 251"]["label"] == "Branch 251 (al-Khatib)", "graphml: label")
    check(G.nodes["Syria"]["type"] == "organisation", "graphml: default type")
    rel = {frozenset((a, b)): d for a, b, d in G.edges(data=True)}
    check(rel[frozenset(("Anwar Raslan", "Branch 251"))]["type"] == "head_of", "relation")
    check(rel[frozenset(("Anwar Raslan", "Branch 251"))]["weight"] == 2.0, "weight")
    check(rel[frozenset(("Anwar Raslan", "Koblenz"))]["type"] == "related_to", "default relation")
    check(rel[frozenset(("Anwar Raslan", "Koblenz"))]["note"] == "tried in", "edge attribute")
    check(data["graph"].get("name") == "test", "graph attribute")

    # a bigger generated graph: counts survive
    big = nx.gnm_random_graph(300, 900, seed=7)
    path = os.path.join(tmp, "big.graphml")
    nx.write_graphml(big, path)
    G = nx.node_link_graph(build([path], os.path.join(tmp, "big.json")))
    check(G.number_of_nodes() == 300 and G.number_of_edges() == 900, "random graph counts")
    check(pairs(G.edges()) == pairs(big.edges()), "random graph edges")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_florentine(tmp)
        test_graphml_from_networkx(tmp)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
