#!/usr/bin/env python3
"""Weighted betweenness computed in exact rational arithmetic, as fixtures for the Swift tests.

    python3 scripts/make_exact_weighted_fixtures.py   # writes Tests/TsunagariKitTests/Fixtures/exact/

Edge lengths are 1/strength with strength 1 + familiarity (1 to 4), so equal shortest paths can sum
to different floating-point numbers (1 + 1 + 1/3 and 1 + 1/3 + 1 differ in the last bit); networkx
compares float lengths exactly and shares that flaw. Here every length and sum is a Fraction, and
Brandes' algorithm (Brandes 2001) runs on exact distances. Betweenness is normalised as networkx
does for undirected graphs: 2 / ((n - 1)(n - 2)) times the pair sum counted once per unordered pair.
Graphs: the 6-cycle S-A-B-T-D-C with familiarity 0,0,2,0,2,0 (both S-T routes 7/3 long), and a
seeded random 60-agency graph with familiarities 0-3.
"""
import heapq
import json
import os
import random
from fractions import Fraction


def betweenness(n, edges):
    adj = [[] for _ in range(n)]
    for a, b, strength in edges:
        length = Fraction(1, strength)
        adj[a].append((b, length))
        adj[b].append((a, length))
    cb = [Fraction(0)] * n
    for s in range(n):
        dist = [None] * n
        sigma = [0] * n
        preds = [[] for _ in range(n)]
        dist[s], sigma[s] = Fraction(0), 1
        order, heap, seen = [], [(Fraction(0), s)], set()
        while heap:
            d, v = heapq.heappop(heap)
            if v in seen or d != dist[v]:
                continue
            seen.add(v)
            order.append(v)
            for w, length in adj[v]:
                dw = d + length
                if dist[w] is None or dw < dist[w]:
                    dist[w], sigma[w], preds[w] = dw, sigma[v], [v]
                    heapq.heappush(heap, (dw, w))
                elif dw == dist[w]:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = [Fraction(0)] * n
        for w in reversed(order):
            for v in preds[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                cb[w] += delta[w]
    scale = Fraction(1, (n - 1) * (n - 2)) if n > 2 else Fraction(0)  # pairs counted twice, undirected: 2/2
    return [float(c * scale) for c in cb]


def write(name, n, edges, out):
    doc = {"name": name, "nodes": n, "edges": [[a, b, s] for a, b, s in edges],
           "betweenness_weighted": betweenness(n, edges)}
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "Tests", "TsunagariKitTests", "Fixtures", "exact")
    os.makedirs(out, exist_ok=True)
    # S=0, A=1, B=2, T=3, D=4, C=5; strength = 1 + familiarity.
    write("cycle6", 6, [(0, 1, 1), (1, 2, 1), (2, 3, 3), (3, 4, 1), (4, 5, 3), (5, 0, 1)], out)
    rng = random.Random(7)
    edges = set()
    while len(edges) < 150:
        a, b = rng.randrange(60), rng.randrange(60)
        if a != b:
            edges.add((min(a, b), max(a, b)))
    write("random60", 60, [(a, b, 1 + rng.randrange(4)) for a, b in sorted(edges)], out)


main()
