#!/usr/bin/env python3
"""Sampled betweenness beside the exact values, for `make bench`.

    python3 scripts/sample_accuracy.py EXACT.csv SAMPLED.csv

Both files are `tsunagari analyze --format csv` of the same network (one with --exact, one with
--sample K). Prints the largest error of any agency's betweenness (to set beside the bound the
command states), the largest exact value, and how many of the exact top ten the sample also puts in
its top ten.
"""
import csv
import sys


def betweenness(path):
    with open(path, encoding="utf-8-sig") as f:
        return {r["id"]: float(r["betweenness"]) for r in csv.DictReader(f)}


exact, sampled = betweenness(sys.argv[1]), betweenness(sys.argv[2])
top = lambda values: set(sorted(values, key=lambda k: (-values[k], k))[:10])
error = max(abs(sampled[k] - exact[k]) for k in exact)
print(f"largest error {error:.4f} (largest exact value {max(exact.values()):.4f}); "
      f"top-10 overlap {len(top(exact) & top(sampled))}/10")
