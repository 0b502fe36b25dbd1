#!/usr/bin/env python3
"""Write the networkx reference values that Tsunagari's graph metrics are tested against.

    python3 scripts/make_metric_fixtures.py            # writes Tests/TsunagariKitTests/Fixtures/metrics/
    python3 scripts/make_metric_fixtures.py --out DIR  # writes DIR/ instead

Needs networkx (3.6.1 was used for the committed files), numpy and scipy.

One JSON file per graph, <name>.json, keys sorted:
    name, directed, weighted, n,
    labels   node labels as strings, sorted (Python code-point order); node i is labels[i]
    edges    [u, v] index pairs (u < v when undirected), or [u, v, w] with integer w when weighted;
             sorted; every edge once
    groups   optional integer group per node
    metrics  per-node metrics are arrays indexed like labels; whole-graph metrics are scalars
             or lists. NaN and +-inf are written as null; a metric whose networkx call fails
             (eigenvector power iteration not converging) is null as a whole.

The networkx graph is always built from exactly these indices (0..n-1, all nodes added before
the edges), so what is written is what was measured. Weighted graphs carry `weight` = w and the
integer `length` = L/w on every edge, L the least common multiple of the weights: the `*_weighted`
path metrics are those of the distance 1/w = length/L. networkx compares float path lengths
exactly, and sums of 1/w in another order differ in their last bits, so it would split equal
shortest paths; integer lengths sum exactly. Betweenness does not change when every length is
scaled; closeness and harmonic centrality are scaled back by L.

Deterministic: the random graphs come from random.Random seeded with fixed strings (networkx's
own generators are not used, so the graphs do not depend on the networkx version) and all
networkx computations run on integer nodes, so set iteration order does not depend on
PYTHONHASHSEED. Two runs give byte-identical files.
"""

import argparse
import json
import math
import random
import sys
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "Tests" / "TsunagariKitTests" / "Fixtures" / "metrics"

KITE_NAMES = ["Andre", "Beverley", "Carol", "Diane", "Ed",
              "Fernando", "Garth", "Heather", "Ike", "Jane"]  # networkx's "traditional labeling"

PR_KW = dict(alpha=0.85, tol=1e-15, max_iter=100000)
EV_KW = dict(max_iter=100000, tol=1e-15)


# ---------------------------------------------------------------------------
# Graph specs: (name, directed, labels, edges, groups)
#   labels: list of str, sorted; edges: list of (u, v) or (u, v, w) over indices


def spec_from_nx(name, G, label_of, weight=None, groups_of=None):
    """Index an existing networkx graph by sorted label."""
    labels = sorted(label_of(v) for v in G)
    assert len(set(labels)) == len(labels)
    index = {lab: i for i, lab in enumerate(labels)}
    idx = {v: index[label_of(v)] for v in G}
    edges = []
    for u, v, d in G.edges(data=True):
        a, b = idx[u], idx[v]
        if not G.is_directed() and a > b:
            a, b = b, a
        edges.append((a, b, int(d[weight])) if weight else (a, b))
    groups = None
    if groups_of is not None:
        groups = [None] * len(labels)
        for v in G:
            groups[idx[v]] = groups_of(v)
    return dict(name=name, directed=G.is_directed(), labels=labels,
                edges=sorted(edges), groups=groups)


def named_graphs():
    specs = []
    kite = nx.krackhardt_kite_graph()
    specs.append(spec_from_nx("krackhardt_kite", kite, lambda v: KITE_NAMES[v]))

    flo = nx.florentine_families_graph()  # 15 families; networkx ships it without Pucci
    specs.append(spec_from_nx("florentine_families", flo, str))

    karate = nx.karate_club_graph()  # its `weight` attributes are deliberately dropped
    club = {"Mr. Hi": 0, "Officer": 1}
    specs.append(spec_from_nx("karate_club", karate, lambda v: f"{v:02d}",
                              groups_of=lambda v: club[karate.nodes[v]["club"]]))

    davis = nx.davis_southern_women_graph()
    women = [v for v, d in davis.nodes(data=True) if d["bipartite"] == 0]
    proj = nx.bipartite.weighted_projected_graph(davis, women)  # weight = shared events
    specs.append(spec_from_nx("davis_women", proj, str, weight="weight"))
    return specs


def random_undirected(n, rng):
    """gnp with average degree ~4, then 2-3 isolates and a pendant path c - a - b."""
    p = 4.0 / (n - 1)
    edges = set()
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p:
                edges.add((i, j))
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    lcc = min(nx.connected_components(G), key=lambda c: (-len(c), min(c)))
    c = rng.choice(sorted(v for v in lcc if G.degree(v) > 0))
    a, b = n, n + 1
    edges |= {(c, a), (a, b)}
    total = n + 2 + rng.choice([2, 3])  # the last 2-3 nodes stay isolated
    return total, edges


def random_directed(n, rng):
    """Directed gnp with average out-degree ~3, then 2-3 isolates."""
    p = 3.0 / (n - 1)
    edges = set()
    for i in range(n):
        for j in range(n):
            if i != j and rng.random() < p:
                edges.add((i, j))
    total = n + rng.choice([2, 3])
    return total, edges


def random_graphs(sizes_weighted):
    specs = []
    for directed in (False, True):
        kind = "directed" if directed else "undirected"
        for n, with_weighted in sizes_weighted:
            rng = random.Random(f"tsunagari-metrics-{kind}-{n}")
            total, edges = (random_directed if directed else random_undirected)(n, rng)
            # Shuffle the indices so isolates and the pendant path are not always last.
            perm = list(range(total))
            rng.shuffle(perm)
            edges = [(perm[u], perm[v]) for u, v in sorted(edges)]
            if not directed:
                edges = [(min(u, v), max(u, v)) for u, v in edges]
            edges.sort()
            groups = [rng.randrange(4) for _ in range(total)]
            weights = [rng.randint(1, 3) for _ in edges]
            width = len(str(total - 1))
            labels = [f"v{i:0{width}d}" for i in range(total)]
            name = f"gnp_{kind}_{n}"
            specs.append(dict(name=name, directed=directed, labels=labels,
                              edges=edges, groups=groups))
            if with_weighted:
                specs.append(dict(name=name + "_weighted", directed=directed, labels=labels,
                                  edges=[(u, v, w) for (u, v), w in zip(edges, weights)],
                                  groups=groups))
    return specs


# ---------------------------------------------------------------------------
# Metrics


def build(spec):
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    n = len(spec["labels"])
    G.add_nodes_from(range(n))
    weights = [e[2] for e in spec["edges"] if len(e) == 3]
    G.graph["L"] = math.lcm(*weights) if weights else 1
    for e in spec["edges"]:
        if len(e) == 3:
            G.add_edge(e[0], e[1], weight=e[2], length=G.graph["L"] // e[2])
        else:
            G.add_edge(e[0], e[1])
    if spec["groups"] is not None:
        for v in range(n):
            G.nodes[v]["groups"] = spec["groups"][v]
    assert G.number_of_nodes() == n and G.number_of_edges() == len(spec["edges"])
    assert nx.number_of_selfloops(G) == 0
    return G


def num(x):
    x = float(x)
    return x if math.isfinite(x) else None


def per_node(G, d, conv=num):
    return [conv(d[v]) for v in range(G.number_of_nodes())]


def component_list(comps):
    return sorted((sorted(c) for c in comps), key=lambda c: (-len(c), c[0]))


def try_power(fn, name, spec, notes):
    try:
        return fn()
    except nx.PowerIterationFailedConvergence as exc:
        notes.append(f"{spec['name']}: {name} did not converge ({exc}); written as null")
        return None


def metrics(spec, G, notes):
    weighted = len(spec["edges"]) > 0 and len(spec["edges"][0]) == 3
    has_groups = spec["groups"] is not None
    wkey = "weight" if weighted else None
    m = {}

    m["betweenness"] = per_node(G, nx.betweenness_centrality(G, normalized=True))
    m["closeness"] = per_node(G, nx.closeness_centrality(G, wf_improved=True))
    m["harmonic"] = per_node(G, nx.harmonic_centrality(G))
    pr = try_power(lambda: nx.pagerank(G, weight=wkey, **PR_KW), "pagerank", spec, notes)
    m["pagerank"] = None if pr is None else per_node(G, pr)
    ev = try_power(lambda: nx.eigenvector_centrality(G, weight=wkey, **EV_KW),
                   "eigenvector", spec, notes)
    m["eigenvector"] = None if ev is None else per_node(G, ev)
    if weighted:
        L = G.graph["L"]
        m["betweenness_weighted"] = per_node(
            G, nx.betweenness_centrality(G, normalized=True, weight="length"))
        m["harmonic_weighted"] = per_node(
            G, {v: L * h for v, h in nx.harmonic_centrality(G, distance="length").items()})
        m["closeness_weighted"] = per_node(
            G, {v: L * c for v, c in nx.closeness_centrality(G, distance="length", wf_improved=True).items()})
    m["density"] = num(nx.density(G))
    if has_groups:
        m["assortativity_groups"] = num(nx.attribute_assortativity_coefficient(G, "groups"))

    if G.is_directed():
        m["in_degree"] = per_node(G, dict(G.in_degree()), int)
        m["out_degree"] = per_node(G, dict(G.out_degree()), int)
        m["weak_components"] = component_list(nx.weakly_connected_components(G))
        return m

    m["degree"] = per_node(G, dict(G.degree()), int)
    if weighted:
        m["strength"] = per_node(G, dict(G.degree(weight="weight")), int)
    m["core"] = per_node(G, nx.core_number(G), int)
    m["clustering"] = per_node(G, nx.clustering(G))
    m["constraint"] = per_node(G, nx.constraint(G))
    m["effective_size"] = per_node(G, nx.effective_size(G))
    arts = set(nx.articulation_points(G))
    m["articulation"] = [v in arts for v in range(G.number_of_nodes())]
    m["bridges"] = sorted([min(u, v), max(u, v)] for u, v in nx.bridges(G))
    comps = component_list(nx.connected_components(G))
    m["components"] = comps
    m["transitivity"] = num(nx.transitivity(G))
    lcc = G.subgraph(comps[0])
    m["diameter_lcc"] = nx.diameter(lcc)
    m["average_path_length_lcc"] = num(nx.average_shortest_path_length(lcc))
    m["degree_assortativity"] = num(nx.degree_assortativity_coefficient(G))
    if has_groups:
        parts = {}
        for v in range(G.number_of_nodes()):
            parts.setdefault(spec["groups"][v], set()).add(v)
        partition = [parts[k] for k in sorted(parts)]
        # networkx's default weight="weight": weighted graphs use w, unweighted ones 1 per edge
        m["modularity_groups"] = num(nx.community.modularity(G, partition))
    return m


# ---------------------------------------------------------------------------
# Output


def dumps(obj):
    return json.dumps(obj, sort_keys=True, allow_nan=False)


def render(doc):
    """Valid JSON, keys sorted; one top-level key (and one metric) per line."""
    lines = ["{"]
    keys = sorted(doc)
    for i, k in enumerate(keys):
        comma = "," if i < len(keys) - 1 else ""
        if k == "metrics":
            mk = sorted(doc[k])
            lines.append(f'  "metrics": {{')
            for j, name in enumerate(mk):
                c2 = "," if j < len(mk) - 1 else ""
                lines.append(f"    {dumps(name)}: {dumps(doc[k][name])}{c2}")
            lines.append("  }" + comma)
        else:
            lines.append(f"  {dumps(k)}: {dumps(doc[k])}{comma}")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == json.loads(dumps(doc))
    return text


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    # (n, also write a weighted version)
    sizes = [(12, True), (40, True), (150, True)]
    specs = named_graphs() + random_graphs(sizes)

    args.out.mkdir(parents=True, exist_ok=True)
    notes = []
    for spec in specs:
        G = build(spec)
        doc = {
            "name": spec["name"],
            "directed": spec["directed"],
            "weighted": bool(spec["edges"]) and len(spec["edges"][0]) == 3,
            "n": len(spec["labels"]),
            "labels": spec["labels"],
            "edges": [list(e) for e in spec["edges"]],
            "metrics": metrics(spec, G, notes),
        }
        if spec["groups"] is not None:
            doc["groups"] = spec["groups"]
        path = args.out / f"{spec['name']}.json"
        path.write_text(render(doc), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
              f"  n={doc['n']} m={len(doc['edges'])}")
    for note in notes:
        print("note:", note, file=sys.stderr)
    print(f"networkx {nx.__version__}")


if __name__ == "__main__":
    main()
