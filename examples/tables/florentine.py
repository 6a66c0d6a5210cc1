#!/usr/bin/python3
"""Writes florentine_nodes.csv and florentine_edges.csv from networkx's copy of
Padgett's Florentine families (marriage ties only; Pucci, a family without
marriage ties, is absent from networkx's graph and so from ours).

Run from this directory: /usr/bin/python3 florentine.py
"""
import csv

import networkx as nx

G = nx.florentine_families_graph()
with open("florentine_nodes.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Id", "Label", "Type"])
    for n in sorted(G.nodes()):
        w.writerow([n, n + " family", "organisation"])
with open("florentine_edges.csv", "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["Source", "Target", "Type", "Relation", "Weight"])
    for a, b in sorted(tuple(sorted(e)) for e in G.edges()):
        w.writerow([a, b, "Undirected", "marriage", 1])
