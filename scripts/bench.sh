#!/usr/bin/env bash
# Benchmarks (release build). Prints wall-clock times; the figures go to docs/PERFORMANCE.md.
# Not a test: timings depend on the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/tsunagari
data=bench-data
runs=${RUNS:-5}

# 17,000 agencies naming about 6 partners each: a 100,000-row survey.csv.
[ -f "$data/n17000/2025/survey.csv" ] || python3 scripts/gen_network.py --agencies 17000 --out "$data/n17000"

# Times one command $runs times; prints the fastest and the median run in seconds.
time_runs() {
    local times=()
    for _ in $(seq "$runs"); do
        local start=$EPOCHREALTIME
        "$@" >/dev/null
        times+=("$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print b - a }')")
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { printf "best %.2f s, median %.2f s (%d runs)\n", t[1], t[int((NR + 1) / 2)], NR }'
}

rows=$(($(wc -l < "$data/n17000/2025/survey.csv") - 1))
echo "tsunagari check, $rows-row survey.csv (target: under 2 s):"
echo "  $(time_runs "$bin" check "$data/n17000")"
echo "python3 csv module, reading the same survey.csv (reference, no checks):"
echo "  $(time_runs python3 -c "import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8')))" "$data/n17000/2025/survey.csv")"

# A 300-agency city's map, end to end (load, analyse, lay out, render SVG): target under 1 s.
[ -f "$data/n300/2025/survey.csv" ] || python3 scripts/gen_network.py --agencies 300 --out "$data/n300"
echo
echo "tsunagari map, 300 agencies, SVG (target: under 1 s):"
echo "  $(time_runs "$bin" map "$data/n300" -o "$data/n300.svg")"

# Measures beside igraph and networkx on the same generated networks (igraph installed with pip when missing).
python3 -c "import igraph, networkx" 2>/dev/null || pip install -q igraph networkx
for n in 1000 10000; do
    [ -f "$data/n$n/2025/survey.csv" ] || python3 scripts/gen_network.py --agencies "$n" --out "$data/n$n"
    .build/release/tsunagari-bench "$data/n$n" > "$data/n$n.tsunagari.txt"
    echo
    python3 scripts/bench_measures.py "$data/n$n" "$data/n$n.tsunagari.txt" 2>/dev/null
done
