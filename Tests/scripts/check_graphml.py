#!/usr/bin/env python3
"""Reads a GraphML written by `tsunagari export` with networkx and checks it against the
per-agency CSV of `tsunagari analyze` and against networkx's own measures on the graph read back.

    python3 check_graphml.py NETWORK.graphml ANALYZE.csv

Prints "OK <nodes> nodes <ties> ties" and exits 0, or prints the mismatches and exits 1.
"""
import csv
import sys

import networkx as nx

graph_file, csv_file = sys.argv[1], sys.argv[2]
g = nx.read_graphml(graph_file)
with open(csv_file, encoding="utf-8-sig") as f:  # analyze writes a BOM for Excel
    rows = {r["id"]: r for r in csv.DictReader(f)}

problems = []
if set(g.nodes) != set(rows):
    problems.append(f"nodes differ: {sorted(set(g.nodes) ^ set(rows))}")
betweenness = nx.betweenness_centrality(g, normalized=True)
closeness = nx.closeness_centrality(g, wf_improved=True)
for node, data in g.nodes(data=True):
    row = rows.get(node)
    if row is None:
        continue
    if g.degree(node) != int(row["degree"]) or data["degree"] != int(row["degree"]):
        problems.append(f"{node}: degree {g.degree(node)} / {data['degree']} vs CSV {row['degree']}")
    if data["name"] != row["name"] or data["field"] != row["field"]:
        problems.append(f"{node}: name or field differ")
    for measure, theirs in (("betweenness", betweenness), ("closeness", closeness)):
        if abs(data[measure] - theirs[node]) > 1e-9:
            problems.append(f"{node}: {measure} {data[measure]} vs networkx {theirs[node]}")
        if abs(data[measure] - float(row[measure])) > 1e-6:
            problems.append(f"{node}: {measure} {data[measure]} vs CSV {row[measure]}")
for u, v, data in g.edges(data=True):
    if not {"confirmed", "strength", "person_dependent"} <= set(data):
        problems.append(f"tie {u}-{v} lacks attributes: {sorted(data)}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"OK {g.number_of_nodes()} nodes {g.number_of_edges()} ties")
