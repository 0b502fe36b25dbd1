#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (AddressSanitizer, coverage instrumentation, libFuzzer's
# driver) and runs each for FUZZ_SECONDS (default 60) from the seed corpus in Fuzz/Corpus.
# FUZZ_CI=1 runs instead a fixed number of inputs per target with a fixed seed from the seed corpus
# alone (about 50 s each here), so that CI replays the same campaign every time.
# A crash or a hang fails the run and leaves the input in Fuzz/.work/<target>/: turn it into a
# regression test. Leak reports are off here (they come from Foundation and fontconfig);
# scripts/memcheck.sh checks leaks at the Graphviz boundary with valgrind.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"
seconds=${FUZZ_SECONDS:-60}
fuzzer_lib=$(find "$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib" -name 'libclang_rt.fuzzer_no_main-x86_64.a' | head -1)
[ -n "$fuzzer_lib" ] || { echo "error: libFuzzer (libclang_rt.fuzzer_no_main) not found in the Swift toolchain" >&2; exit 1; }
swift build -c debug -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table \
    -Xlinker "$fuzzer_lib" -Xlinker -lstdc++
status=0
declare -A ci_runs=([FuzzCSV]=300000 [FuzzImport]=12000 [FuzzForms]=12000 [FuzzDOT]=8000 [FuzzWorkbook]=12000)
for target in FuzzCSV FuzzImport FuzzForms FuzzDOT FuzzWorkbook; do
    corpus=Corpus/$(echo "${target#Fuzz}" | tr '[:upper:]' '[:lower:]')
    work=.work/$target
    if [ "${FUZZ_CI:-0}" = 1 ]; then
        rm -rf "$work"
        limit=(-runs="${ci_runs[$target]}" -seed=1)
        echo "== $target: ${ci_runs[$target]} inputs, seed 1"
    else
        limit=(-max_total_time="$seconds")
        echo "== $target: $seconds s"
    fi
    mkdir -p "$work/corpus"
    if ! (cd "$work" && ASAN_OPTIONS=detect_leaks=0 "../../.build/debug/$target" "${limit[@]}" -timeout=20 \
            -rss_limit_mb=4096 -detect_leaks=0 -print_final_stats=1 corpus "../../$corpus" > log.txt 2>&1); then
        echo "$target FAILED: see Fuzz/$work/log.txt and the crash-* or timeout-* file beside it" >&2
        tail -30 "$work/log.txt" >&2
        status=1
    else
        grep -E "^Done|stat::number_of_executed_units" "$work/log.txt" | head -2
    fi
done
exit $status
