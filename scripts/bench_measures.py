#!/usr/bin/env python3
"""Times the same measures with networkx and igraph on the network tsunagari-bench reads, and
prints them beside Tsunagari's times with the ratio.

    python3 scripts/bench_measures.py DIR TSUNAGARI_TIMINGS_FILE

DIR is a network folder written by scripts/gen_network.py (latest year, partners by ID or name).
The graphs are rebuilt here from the CSV files the same way Tsunagari builds them: the
directed reports (reporter -> partner) and the undirected works-with network (either side named
the other). igraph and networkx run single-threaded; Tsunagari uses all cores.
"""
import csv
import os
import sys
import time
import unicodedata


def key(s):
    return "".join(unicodedata.normalize("NFKC", s).split()).lower()


def load(folder):
    years = sorted(d for d in os.listdir(folder) if d.isdigit())
    year = os.path.join(folder, years[-1])
    with open(os.path.join(year, "agencies.csv"), encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    index, names = {}, {}
    for i, r in enumerate(rows):
        index[r["id"]] = i
        names[key(r["name"])] = i
    edges = set()
    with open(os.path.join(year, "survey.csv"), encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            a = index.get(r["reporter"], names.get(key(r["reporter"])))
            b = index.get(r["partner"], names.get(key(r["partner"])))
            if a is not None and b is not None and a != b:
                edges.add((a, b))
    return len(rows), sorted(edges)


def timed(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main():
    folder, ours_file = sys.argv[1], sys.argv[2]
    ours = {}
    with open(ours_file) as f:
        for line in f:
            stage, seconds = line.split()
            ours[stage] = float(seconds)
    n, arcs = load(folder)
    undirected = sorted({(min(a, b), max(a, b)) for a, b in arcs})

    import igraph
    gd = igraph.Graph(n=n, edges=arcs, directed=True)
    gu = igraph.Graph(n=n, edges=undirected, directed=False)
    igraph_times = {
        "betweenness_undirected": timed(lambda: gu.betweenness()),
        "betweenness_directed": timed(lambda: gd.betweenness()),
        "closeness_harmonic": timed(lambda: (gu.closeness(), gu.harmonic_centrality())),
        "pagerank": timed(lambda: gu.pagerank()),
        "eigenvector": timed(lambda: gu.eigenvector_centrality()),
        "core": timed(lambda: gu.coreness()),
        "clustering": timed(lambda: gu.transitivity_local_undirected()),
        "constraint_effective_size": timed(lambda: gu.constraint()),
        "components_cut_points": timed(lambda: (gu.connected_components(), gu.articulation_points(), gu.bridges())),
        "louvain": timed(lambda: gu.community_multilevel()),
    }

    networkx_times = {}
    if n <= int(os.environ.get("NETWORKX_MAX", "3000")):
        import networkx as nx
        xd = nx.DiGraph(); xd.add_nodes_from(range(n)); xd.add_edges_from(arcs)
        xu = nx.Graph(); xu.add_nodes_from(range(n)); xu.add_edges_from(undirected)
        networkx_times = {
            "betweenness_undirected": timed(lambda: nx.betweenness_centrality(xu)),
            "betweenness_directed": timed(lambda: nx.betweenness_centrality(xd)),
            "closeness_harmonic": timed(lambda: (nx.closeness_centrality(xu), nx.harmonic_centrality(xu))),
            "pagerank": timed(lambda: nx.pagerank(xu)),
            "eigenvector": timed(lambda: nx.eigenvector_centrality(xu, max_iter=10000)),
            "core": timed(lambda: nx.core_number(xu)),
            "clustering": timed(lambda: nx.clustering(xu)),
            "constraint_effective_size": timed(lambda: (nx.constraint(xu), nx.effective_size(xu))),
            "components_cut_points": timed(lambda: (list(nx.connected_components(xu)), list(nx.articulation_points(xu)), list(nx.bridges(xu)))),
            "louvain": timed(lambda: nx.community.louvain_communities(xu, seed=1)),
        }

    print(f"{n} agencies, {len(arcs)} reports, {len(undirected)} ties")
    print(f"{'measure':28} {'tsunagari':>10} {'igraph':>10} {'networkx':>10} {'igraph/ours':>12}")
    for stage, theirs in igraph_times.items():
        mine = ours.get(stage)
        nxt = networkx_times.get(stage)
        ratio = f"{theirs / mine:.2f}x" if mine else "-"
        print(f"{stage:28} {mine:10.4f} {theirs:10.4f} {(f'{nxt:10.4f}' if nxt is not None else '         -')} {ratio:>12}")
    for stage in ("import", "model", "analysis_all", "gaps"):
        if stage in ours:
            print(f"{stage:28} {ours[stage]:10.4f}")


if __name__ == "__main__":
    main()
