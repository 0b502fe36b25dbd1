#!/usr/bin/env python3
"""Times the same measures with igraph and networkx on the network tsunagari-bench read, and
prints them beside Tsunagari's times (one thread and all cores) with the ratios.

    python3 scripts/bench_measures.py DIR OURS_1_THREAD OURS_ALL_CORES [--sources K]

DIR is a network folder written by scripts/gen_network.py (latest year, partners by ID or name).
The graphs are rebuilt here from the CSV files the same way Tsunagari builds them: the directed
reports (reporter -> partner) and the undirected works-with network (either side named the other).
igraph and networkx run on one thread. With --sources K (for the largest networks), betweenness
runs from K random sources and closeness for K agencies in every library, and the path rows are
scaled by n/K to estimate the whole run ("est."). networkx is skipped above NETWORKX_MAX agencies
(default 3000): its betweenness alone takes minutes there.
"""
import argparse
import csv
import os
import random
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


def read_times(path):
    times = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                times[parts[0]] = float(parts[1])
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("ours_one")
    ap.add_argument("ours_all")
    ap.add_argument("--sources", type=int)
    a = ap.parse_args()
    one, everything = read_times(a.ours_one), read_times(a.ours_all)
    n, arcs = load(a.folder)
    undirected = sorted({(min(x, y), max(x, y)) for x, y in arcs})
    sources = sorted(random.Random(1).sample(range(n), a.sources)) if a.sources else None
    scale = n / a.sources if a.sources else 1.0

    import igraph
    gd = igraph.Graph(n=n, edges=arcs, directed=True)
    gu = igraph.Graph(n=n, edges=undirected, directed=False)
    ig = {
        "paths_undirected": timed(lambda: (gu.betweenness(sources=sources), gu.closeness(vertices=sources),
                                           gu.harmonic_centrality(vertices=sources))),
        "betweenness_directed": timed(lambda: gd.betweenness(sources=sources)),
        "pagerank": timed(lambda: gu.pagerank()),
        "eigenvector": timed(lambda: gu.eigenvector_centrality()),
        "core": timed(lambda: gu.coreness()),
        "clustering": timed(lambda: gu.transitivity_local_undirected()),
        "constraint_effective_size": timed(lambda: gu.constraint()),
        "components_cut_points": timed(lambda: (gu.connected_components(), gu.articulation_points(), gu.bridges())),
        "louvain": timed(lambda: gu.community_multilevel()),
    }
    ig_betweenness_alone = timed(lambda: gu.betweenness(sources=sources))

    nx_times = {}
    if n <= int(os.environ.get("NETWORKX_MAX", "3000")) and not a.sources:
        import networkx as nx
        xd = nx.DiGraph(); xd.add_nodes_from(range(n)); xd.add_edges_from(arcs)
        xu = nx.Graph(); xu.add_nodes_from(range(n)); xu.add_edges_from(undirected)
        nx_times = {
            "paths_undirected": timed(lambda: (nx.betweenness_centrality(xu), nx.closeness_centrality(xu), nx.harmonic_centrality(xu))),
            "betweenness_directed": timed(lambda: nx.betweenness_centrality(xd)),
            "pagerank": timed(lambda: nx.pagerank(xu)),
            "eigenvector": timed(lambda: nx.eigenvector_centrality(xu, max_iter=10000)),
            "core": timed(lambda: nx.core_number(xu)),
            "clustering": timed(lambda: nx.clustering(xu)),
            "constraint_effective_size": timed(lambda: (nx.constraint(xu), nx.effective_size(xu))),
            "components_cut_points": timed(lambda: (list(nx.connected_components(xu)), list(nx.articulation_points(xu)), list(nx.bridges(xu)))),
            "louvain": timed(lambda: nx.community.louvain_communities(xu, seed=1)),
        }

    labels = {
        "paths_undirected": "betweenness+closeness+harmonic",
        "betweenness_directed": "betweenness, directed",
    }
    path_rows = {"paths_undirected", "betweenness_directed"}
    print(f"{n} agencies, {len(arcs)} reports, {len(undirected)} ties"
          + (f"; path rows estimated from {a.sources} sources x {scale:.0f}" if a.sources else ""))
    print(f"{'measure':32} {'ours 1 thr':>10} {'ours all':>10} {'igraph':>10} {'networkx':>10} {'ig/ours1':>9} {'ig/all':>8}")
    for stage, theirs in ig.items():
        factor = scale if stage in path_rows else 1.0
        o1, oa, it = one.get(stage, 0) * factor, everything.get(stage, 0) * factor, theirs * factor
        nxt = nx_times.get(stage)
        name = labels.get(stage, stage) + (" (est.)" if factor != 1 else "")
        print(f"{name:32} {o1:10.6f} {oa:10.6f} {it:10.6f} {(f'{nxt:10.4f}' if nxt is not None else '         -')}"
              f" {it / o1 if o1 else 0:8.2f}x {it / oa if oa else 0:7.2f}x")
    print(f"{'  igraph betweenness alone':32} {'':10} {'':10} {ig_betweenness_alone * scale:10.6f}")
    for stage in ("import", "model", "analysis_all", "gaps", "peak_rss_mib"):
        if stage in everything:
            print(f"{stage:32} {one.get(stage, 0):10.3f} {everything[stage]:10.3f}")


if __name__ == "__main__":
    main()
