#!/usr/bin/env bash
# Benchmarks (release build). Prints wall-clock times; the figures go to docs/PERFORMANCE.md.
# Not a test: timings depend on the machine (and a virtual machine's neighbours).
#   SIZES="100 1000 10000 100000"  networks to measure beside igraph (and networkx up to 3,000)
#   BENCH_FULL=1                   also the exact analysis of 100,000 agencies (about an hour)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/tsunagari
bench=.build/release/tsunagari-bench
data=bench-data
runs=${RUNS:-3}
sizes=${SIZES:-"100 1000 10000 100000"}
threads=$(nproc)

python3 -c "import igraph, networkx" 2>/dev/null || pip install -q igraph networkx

network() {  # network N: generates bench-data/nN once (seeded, so always the same files)
    [ -f "$data/n$1/2025/survey.csv" ] || python3 scripts/gen_network.py --agencies "$1" --out "$data/n$1" >/dev/null
    echo "$data/n$1"
}

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

once() {  # runs a command once; prints its wall-clock time and peak resident memory
    python3 -c '
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{time.perf_counter() - start:.1f} s, peak memory {peak:.0f} MiB")' "$@"
}

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(swift --version 2>/dev/null | head -1)"
echo

# Import: a 1,000,000-row survey.csv (170,000 agencies naming about 6 partners each).
big=$(network 170000)
rows=$(($(wc -l < "$big/2025/survey.csv") - 1))
echo "tsunagari check, $rows-row survey.csv, 170,000 agencies (target: import under 5 s):"
echo "  $(time_runs "$bin" check "$big")"
echo "  import alone (tsunagari-bench): $("$bench" "$big" --sources 1 --paths-only | awk '/^import/ { print $2 " s" }')"
echo "python3 csv module, reading the same survey.csv (reference, no checks):"
echo "  $(time_runs python3 -c "import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8')))" "$big/2025/survey.csv")"

# A 300-agency city: one map, and the whole report, end to end.
city=$(network 300)
echo
echo "tsunagari map, 300 agencies, SVG (target: under 1 s):"
echo "  $(time_runs "$bin" map "$city" -o "$data/n300.svg")"
echo "tsunagari report, 300 agencies (target: under 2 s):"
echo "  $(time_runs "$bin" report "$city" -o "$data/n300-report" --quiet)"

# The meeting report of larger areas: 3,000 agencies (the core map and grouped lists) and a dense
# network of 2,000 agencies naming about 300 partners each.
size() { python3 -c 'import os, sys; print(f"{os.path.getsize(sys.argv[1]) / 1e6:.2f} MB")' "$1"; }
area=$(network 3000)
echo "tsunagari report, 3,000 agencies (targets: under 2 s, at most 3 MB):"
echo "  $(time_runs "$bin" report "$area" -o "$data/n3000-report" --quiet), report.html $(size "$data/n3000-report/report.html")"
[ -f "$data/dense2000/2025/survey.csv" ] ||
    python3 scripts/gen_network.py --agencies 2000 --degree 600 --out "$data/dense2000" >/dev/null
echo "tsunagari report, dense 2,000 agencies (target: at most 10 MB):"
echo "  $(once "$bin" report "$data/dense2000" -o "$data/dense2000-report" --quiet), report.html $(size "$data/dense2000-report/report.html")"

# Sampled betweenness beside the exact values on 10,000 agencies: the achieved error beside the
# stated bound, and the stability of the top ten.
sampled=$(network 10000)
"$bin" analyze "$sampled" --format csv --exact --quiet > "$data/n10000.exact.csv"
echo
echo "estimated path measures (analyze --sample K: closeness from K sources, betweenness adaptive), 10,000 agencies:"
for k in 100 1000; do
    "$bin" analyze "$sampled" --format csv --sample "$k" --quiet > "$data/n10000.sample$k.csv"
    bound=$("$bin" analyze "$sampled" --sample "$k" --quiet | grep -o '±[0-9.]*' | head -1)
    echo "  K = $k: stated bound $bound; works with: $(python3 scripts/sample_accuracy.py "$data/n10000.exact.csv" "$data/n10000.sample$k.csv"); directed: $(python3 scripts/sample_accuracy.py "$data/n10000.exact.csv" "$data/n10000.sample$k.csv" betweenness_directed)"
done

# Betweenness by adaptive sampling (KADABRA) alone, to two errors: the bound achieved beside the
# largest error against the exact values, and the top ten.
adaptive() {  # adaptive DIR EXACT.csv: both errors, both networks
    for e in 0.01 0.005; do
        result=$("$bench" "$1" --adaptive "$e" --adaptive-out "$data/adaptive.csv")
        for net in "" _directed; do
            column=betweenness$net
            echo "  error $e${net:+, directed}: $(echo "$result" | awk -v p="adaptive$net" '$1 == p { t = $2 } $1 == p "_samples" { k = $2 }
                $1 == p "_bound" { b = $2 } $1 == p "_certain_top10" { c = $2 } END { printf "%.2f s, %d paths, bound achieved ±%s, %d of the top 10 certain", t, k, b, c }'); $(python3 scripts/sample_accuracy.py "$2" "$data/adaptive.csv" "$column")"
        done
    done
}
echo "adaptive betweenness alone, 10,000 agencies:"
adaptive "$sampled" "$data/n10000.exact.csv"

# Every command at national scale (100,000 agencies, one year): above 20,000 agencies the path
# measures are estimated (gaps computes none).
nation=$(network 100000)
# The exact betweenness of both networks, once (about 26 minutes on two cores; kept in bench-data/).
exact100k=$data/n100000.exact-betweenness.csv
if [ "${BENCH_FULL:-0}" = 1 ] || [ -f "$exact100k" ]; then
    [ -f "$exact100k" ] || "$bench" "$nation" --exact-out "$exact100k" >/dev/null
    echo
    echo "adaptive betweenness alone, 100,000 agencies (target: top-10 overlap at least 8/10 at 0.005):"
    adaptive "$nation" "$exact100k"
    "$bin" analyze "$nation" --format csv --quiet > "$data/n100000.default.csv"
    echo "  analyze's default: works with: $(python3 scripts/sample_accuracy.py "$exact100k" "$data/n100000.default.csv"); directed: $(python3 scripts/sample_accuracy.py "$exact100k" "$data/n100000.default.csv" betweenness_directed)"
fi

# Exact directed Brandes per source on one thread, beside the same algorithm in plain C over the
# same CSR and the same 300 sources (scripts/brandes.c); best of three, interleaved.
cc -O3 -march=native -o "$data/brandes" scripts/brandes.c
"$bench" "$nation" --graph-out "$data/n100000.graph" >/dev/null
echo
echo "exact directed Brandes, 100,000 agencies, ms per source on one thread (target: 1.3x faster than C):"
for _ in 1 2 3; do
    "$data/brandes" "$data/n100000.graph" 300
    "$bench" "$nation" --per-source 300
done | awk '/ms_per_source/ { if (!($1 in best) || $2 < best[$1]) best[$1] = $2 } /dependency_sum/ { sum[$1] = $2 }
    END { printf "  plain C %.3f ms, tsunagari %.3f ms: %.2fx (dependency sums %s, %s)\n", best["c_brandes_ms_per_source"],
        best["brandes_ms_per_source"], best["c_brandes_ms_per_source"] / best["brandes_ms_per_source"],
        sum["c_brandes_dependency_sum"], sum["brandes_dependency_sum"] }'

# Import of the same network beside Python's csv.DictReader reading its survey.
echo
echo "import, 100,000 agencies ($(($(wc -l < "$nation/2025/survey.csv") - 1)) survey rows; target: 3x faster than csv.DictReader):"
echo "  tsunagari-bench import (both files, every check): $("$bench" "$nation" --per-source 1 | awk '/^import/ { print $2 " s" }')"
echo "  python3 csv.DictReader, survey.csv alone: $(time_runs python3 -c "import csv,sys; sum(1 for _ in csv.DictReader(open(sys.argv[1], encoding='utf-8')))" "$nation/2025/survey.csv")"
echo
echo "commands on 100,000 agencies (targets: gaps under 1 min, report under 2 min):"
for command in gaps analyze export map report; do
    out=()
    case $command in export) out=(-o "$data/n100000.graphml") ;; map) out=(-o "$data/n100000.svg") ;;
        report) out=(-o "$data/n100000-report") ;; esac
    echo "  $command: $(once "$bin" "$command" "$nation" "${out[@]}" --quiet)"
done

# Measures beside igraph and networkx on the same generated networks, one thread and all cores.
for n in $sizes; do
    dir=$(network "$n")
    extra=(--runs 3) sources=()
    [ "$n" -ge 100000 ] && extra=(--runs 1) sources=(--sources 1000)
    maps=(--no-maps)
    [ "$n" = 1000 ] && maps=()  # the map renderer's memory check, once
    "$bench" "$dir" --threads 1 --no-maps "${extra[@]}" "${sources[@]}" > "$data/n$n.one.txt"
    "$bench" "$dir" --threads "$threads" "${maps[@]}" "${extra[@]}" "${sources[@]}" > "$data/n$n.all.txt"
    echo
    python3 -W ignore scripts/bench_measures.py "$dir" "$data/n$n.one.txt" "$data/n$n.all.txt" "${sources[@]}"
    grep render_1000 "$data/n$n.all.txt" | sed 's/^/  /' || true
done

# 100,000 agencies with sampled path measures: the whole analysis and the gaps, with peak memory.
if [[ " $sizes " == *" 100000 "* ]]; then
    dir=$(network 100000)
    echo
    echo "tsunagari analyze --sample 1000, 100,000 agencies, load to CSV (target: under a minute, under 1 GiB):"
    echo "  $(once "$bin" analyze "$dir" --sample 1000 --quiet --format csv)"
    if [ "${BENCH_FULL:-0}" = 1 ]; then
        echo "tsunagari analyze, exact, 100,000 agencies (target: 3x faster than igraph's betweenness alone, under 1 GiB):"
        echo "  $(once "$bin" analyze "$dir" --quiet --format csv)"
    fi
fi
