#!/usr/bin/env python3
"""Estimated betweenness beside the exact values, for `make bench`.

    python3 scripts/sample_accuracy.py EXACT.csv ESTIMATED.csv [COLUMN]

Both files have an `id` column and the betweenness COLUMN (default `betweenness`; e.g.
`betweenness_directed`): `tsunagari analyze --format csv` of the same network with --exact and
without, or `tsunagari-bench --exact-out / --adaptive-out`. Prints the largest error of any agency's
value (to set beside the bound stated), the largest exact value, and how many of the exact top ten
the estimate also puts in its top ten.
"""
import csv
import sys

column = sys.argv[3] if len(sys.argv) > 3 else "betweenness"


def betweenness(path):
    with open(path, encoding="utf-8-sig") as f:
        return {r["id"]: float(r[column]) for r in csv.DictReader(f)}


exact, sampled = betweenness(sys.argv[1]), betweenness(sys.argv[2])
top = lambda values: set(sorted(values, key=lambda k: (-values[k], k))[:10])
error = max(abs(sampled[k] - exact[k]) for k in exact)
print(f"largest error {error:.4f} (largest exact value {max(exact.values()):.4f}); "
      f"top-10 overlap {len(top(exact) & top(sampled))}/10")
