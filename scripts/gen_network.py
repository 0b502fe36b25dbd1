#!/usr/bin/env python3
"""Generates a large, realistic agency network in Tsunagari's input format, for benchmarks.

    python3 scripts/gen_network.py --agencies 17000 --out bench-data/n17000 [--seed 1] [--year 2025]

Model (seeded, deterministic): agencies fall into the 11 fields of docs/DOMAIN.md §4 and into local
areas of about 50 agencies; each agency names on average --degree partners (geometric spread),
preferring its own area (70 %) and its own field (50 %) and, among candidates, agencies with
a higher heavy-tailed attractiveness (so hubs appear). About 2 % of agencies are isolates.
Every fifth partner is written by name instead of ID, as on real survey sheets.
"""
import argparse
import bisect
import csv
import os
import random

FIELDS = ["行政・調整", "保健", "医療", "福祉(生活困窮・地域)", "福祉(高齢)", "福祉(障害)",
          "子ども・若者・家庭", "教育", "就労", "当事者・家族・民間", "地域・その他"]
FIELD_WEIGHTS = [4, 6, 10, 10, 14, 12, 10, 12, 8, 9, 5]
KINDS = ["情報共有", "紹介", "同行", "共同支援", "ケース会議", "定例会議", "研修・交流", "委託"]
FREQS = ["年1回以下", "年数回", "月1回程度", "週1回以上"]
AREA_SIZE = 50


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, required=True)
    ap.add_argument("--degree", type=float, default=6.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", default="2025")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    n = a.agencies
    ids = [f"G{i:06d}" for i in range(n)]
    fields = rng.choices(range(len(FIELDS)), weights=FIELD_WEIGHTS, k=n)
    areas = [i // AREA_SIZE for i in range(n)]
    names = [f"第{areas[i] + 1}地区{FIELDS[fields[i]].split('(')[0]}機関{i % AREA_SIZE + 1}" for i in range(n)]
    isolate = [rng.random() < 0.02 for _ in range(n)]
    attract = [0.0 if isolate[i] else rng.paretovariate(1.5) for i in range(n)]

    # Cumulative attractiveness over all agencies and per area, for weighted choice.
    def cumulative(indices):
        total, cum = 0.0, []
        for i in indices:
            total += attract[i]
            cum.append(total)
        return cum

    everyone = list(range(n))
    cum_all = cumulative(everyone)
    by_area = {}
    for i in range(n):
        by_area.setdefault(areas[i], []).append(i)
    cum_area = {k: cumulative(v) for k, v in by_area.items()}

    def pick(pool, cum):
        return pool[bisect.bisect_left(cum, rng.random() * cum[-1])]

    out = os.path.join(a.out, a.year)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "agencies.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "field", "public_private", "age_min", "age_max"])
        for i in range(n):
            lo = rng.choice(["", "", "15", "40", "65"])
            w.writerow([ids[i], names[i], FIELDS[fields[i]], rng.choice(["公", "公設民営", "民", "任意"]), lo, ""])

    rows = 0
    with open(os.path.join(out, "survey.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["reporter", "partner", "kinds", "frequency", "familiarity", "person_dependent", "trust", "note"])
        p = 1.0 / (1.0 + a.degree)
        for i in range(n):
            if isolate[i]:
                continue
            k = 0
            while rng.random() > p:
                k += 1
            chosen = set()
            for _ in range(k * 3):
                if len(chosen) >= k:
                    break
                if rng.random() < 0.7:
                    j = pick(by_area[areas[i]], cum_area[areas[i]])
                else:
                    j = pick(everyone, cum_all)
                if fields[j] != fields[i] and rng.random() < 0.3:
                    continue  # prefer the same field
                if j != i and not isolate[j]:
                    chosen.add(j)
            for j in sorted(chosen):
                partner = names[j] if rng.random() < 0.2 else ids[j]
                kinds = ";".join(sorted(rng.sample(KINDS, rng.randint(1, 3)), key=KINDS.index))
                w.writerow([ids[i], partner, kinds, rng.choice(FREQS), rng.randint(0, 3),
                            rng.choice(["0", "0", "0", "1"]), rng.choice(["", "1", "2", "3", "4"]), ""])
                rows += 1
    print(f"{a.out}: {n} agencies, {rows} survey rows")


if __name__ == "__main__":
    main()
