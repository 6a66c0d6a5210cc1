"""relgraph export read back by networkx 2.8: GraphML, GEXF, Cytoscape.js
JSON and the native node-link JSON give the same node and edge counts and
the same attributes (with their types) as the graph that was exported.

GEXF: networkx 2.8's reader knows only GEXF 1.1draft and 1.2draft and
rejects 1.3 ("No <graph> element"); the test checks that, then registers
the 1.3 namespaces the way networkx 3.x does (same reader code, new
namespace URIs) and reads the file with it."""
import json
import os
import random
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import networkx as nx
from networkx.readwrite import gexf as nxgexf

RELGRAPH = os.environ.get("RELGRAPH")
passed = failed = 0


def check(cond, what):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what, file=sys.stderr)


def make_graph(path):
    """A 40-node typed multigraph with scores, communities, evidence,
    symmetric and parallel edges, and awkward strings."""
    rnd = random.Random(7)
    types = ["person", "organisation", "institution", "place", "event"]
    nodes = []
    for i in range(40):
        t = types[i % 5]
        label = f"Actor {i} & <co> \"quoted\" Zoë" if i == 3 else f"{t.title()} {i:02d}"
        nodes.append({
            "id": f"{t}:n{i:02d}", "type": t, "label": label,
            "aliases": [{"name": label, "count": 2}, {"name": f"alias {i}", "count": 1}],
            "mentions": 3, "documents": ["doc1"],
            "pagerank": repr(round(rnd.random() / 10, 6)),
            "community": str(i % 4),
        })
    links, seen = [], set()
    for _ in range(80):
        a, b = rnd.sample(range(40), 2)
        rel = rnd.choice(["member_of", "communicated_with", "funded", "participant_in"])
        if rel == "communicated_with" and nodes[a]["id"] > nodes[b]["id"]:
            a, b = b, a
        role = "host" if rel == "participant_in" else None
        if (a, b, rel) in seen:
            continue
        seen.add((a, b, rel))
        link = {"source": nodes[a]["id"], "target": nodes[b]["id"], "type": rel,
                "weight": rnd.choice([1, 2, 3.5]),
                "evidence": [{"doc": "doc1", "begin": 0, "end": 10,
                              "text": f"Evidence sentence {len(links)} <with> markup."}]}
        if role:
            link["role"] = role
        links.append(link)
    # a parallel edge: same pair and type, another role
    links.append({"source": links[0]["source"], "target": links[0]["target"],
                  "type": "participant_in", "role": "signatory", "weight": 1, "evidence": []})
    g = {"directed": True, "multigraph": True,
         "graph": {"relgraph": "0.1.0", "documents": [{"id": "doc1", "path": "doc1.txt"}]},
         "nodes": nodes, "links": links}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(g, f, ensure_ascii=False)
    return g


def export(src, fmt, out, *extra):
    r = subprocess.run([RELGRAPH, "export", src, "--to", fmt, "-o", out, *extra],
                       capture_output=True, text=True)
    check(r.returncode == 0, f"export {fmt}: {r.stderr}")


def main():
    if not RELGRAPH:
        print("RELGRAPH not set")
        return 77
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, "g.json")
    g = make_graph(src)
    nn, ne = len(g["nodes"]), len(g["links"])
    byid = {n["id"]: n for n in g["nodes"]}
    n3 = g["nodes"][3]

    # GraphML
    p = os.path.join(tmp, "g.graphml")
    export(src, "graphml", p)
    G = nx.read_graphml(p)
    check(G.number_of_nodes() == nn and G.number_of_edges() == ne,
          f"graphml counts {G.number_of_nodes()} {G.number_of_edges()}")
    check(G.is_directed() and G.is_multigraph(), "graphml directed multigraph")
    d = G.nodes[n3["id"]]
    check(d["label"] == n3["label"], "graphml label with markup")
    check(d["type"] == "event" if n3["type"] == "event" else d["type"] == n3["type"], "type")
    check(isinstance(d["pagerank"], float) and d["pagerank"] == float(n3["pagerank"]),
          "graphml pagerank typed double")
    check(isinstance(d["mentions"], int) and d["mentions"] == 3, "graphml mentions int")
    check(d["aliases"] == f"{n3['label']}; alias 3", f"graphml aliases {d['aliases']!r}")
    ev = [e for _, _, e in G.edges(data=True) if "Evidence sentence 0 <with>" in e.get("evidence", "")]
    check(len(ev) == 1 and ev[0]["weight"] == float(g["links"][0]["weight"]), "graphml evidence")
    check(sum(1 for *_, e in G.edges(data=True) if e["symmetric"] is True)
          == sum(1 for l in g["links"] if l["type"] == "communicated_with"), "graphml symmetric")
    check(set(G.nodes) == set(byid), "graphml node ids")

    # GEXF 1.3
    p = os.path.join(tmp, "g.gexf")
    export(src, "gexf", p, "--size-by", "pagerank", "--color-by", "community")
    root = ET.parse(p).getroot()
    check(root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3", "gexf 1.3 root")
    if "1.3" in nxgexf.GEXF.versions:
        GX = nx.read_gexf(p, version="1.3")
    else:
        try:
            nx.read_gexf(p)
            check(False, "networkx 2.8 read GEXF 1.3 unexpectedly (update this test)")
        except nx.NetworkXError as e:
            check("No <graph> element" in str(e), f"networkx 2.8 rejects 1.3: {e}")
        v = dict(nxgexf.GEXF.versions["1.2draft"])
        v.update({"NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
                  "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                  "VERSION": "1.3"})
        nxgexf.GEXF.versions["1.3"] = v
        GX = nx.read_gexf(p, version="1.3")
    check(GX.number_of_nodes() == nn and GX.number_of_edges() == ne,
          f"gexf counts {GX.number_of_nodes()} {GX.number_of_edges()}")
    d = GX.nodes[n3["id"]]
    check(d["label"] == n3["label"], "gexf label")
    check(d["pagerank"] == float(n3["pagerank"]), "gexf pagerank double")
    check(d["mentions"] == 3, "gexf mentions integer")
    check(set(d["viz"]["color"]) >= {"r", "g", "b"}, "gexf viz colour")
    check(5 <= d["viz"]["size"] <= 40, "gexf viz size")
    # colour by community: all nodes of one community share a colour
    cols = {}
    for nid, nd in GX.nodes(data=True):
        c = nd["viz"]["color"]
        cols.setdefault(byid[nid]["community"], set()).add((c["r"], c["g"], c["b"]))
    check(all(len(s) == 1 for s in cols.values()) and len({next(iter(s)) for s in cols.values()}) == 4,
          f"gexf community colours {cols}")
    best = max(g["nodes"], key=lambda n: float(n["pagerank"]))["id"]
    check(GX.nodes[best]["viz"]["size"] == 40, "gexf: biggest pagerank has the biggest size")
    check(sorted(e["weight"] for *_, e in GX.edges(data=True))
          == sorted(float(l["weight"]) for l in g["links"]), "gexf weights")

    # Cytoscape.js JSON
    p = os.path.join(tmp, "g.cyjs")
    export(src, "cytoscape", p)
    with open(p, encoding="utf-8") as f:
        cj = json.load(f)
    check(set(cj["elements"]) == {"nodes", "edges"}, "cytoscape elements")
    check(all(set(e) == {"data"} for e in cj["elements"]["nodes"]), "cytoscape node form")
    GC = nx.cytoscape_graph(cj)
    check(GC.number_of_nodes() == nn and GC.number_of_edges() == ne,
          f"cytoscape counts {GC.number_of_nodes()} {GC.number_of_edges()}")
    d = GC.nodes[n3["id"]]
    check(d["label"] == n3["label"] and d["aliases"] == [n3["label"], "alias 3"]
          and d["pagerank"] == n3["pagerank"], "cytoscape node data")
    ids = [e["data"]["id"] for e in cj["elements"]["edges"]]
    check(len(set(ids)) == len(ids), "cytoscape unique edge ids")

    # native JSON through node_link_graph
    p = os.path.join(tmp, "g2.json")
    export(src, "json", p)
    with open(p, encoding="utf-8") as f:
        GJ = nx.node_link_graph(json.load(f))
    check(GJ.number_of_nodes() == nn and GJ.number_of_edges() == ne, "json counts")
    check(GJ.nodes[n3["id"]]["pagerank"] == n3["pagerank"], "json attribute")

    # --top keeps the N best by the chosen score, and only edges among them
    p = os.path.join(tmp, "top.graphml")
    export(src, "graphml", p, "--top", "10", "--size-by", "pagerank")
    GT = nx.read_graphml(p)
    want = sorted(g["nodes"], key=lambda n: (-float(n["pagerank"]), n["id"]))[:10]
    check(set(GT.nodes) == {n["id"] for n in want}, "top 10 by pagerank")
    check(GT.number_of_edges() == sum(1 for l in g["links"]
                                      if l["source"] in GT and l["target"] in GT), "top edges")

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
