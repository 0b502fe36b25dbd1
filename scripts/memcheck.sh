#!/usr/bin/env bash
# Runs map rendering (the code that calls the Graphviz C library) under valgrind and fails on any
# memory error, and on any definite leak whose allocation passes through Tsunagari's own code.
# (fontconfig, Pango and cairo keep caches for the life of the process that valgrind reports as
# lost; they are not ours and are listed but do not fail the check.)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; }
swift build -c release --product tsunagari
out=$(mktemp -d)
status=0
for variant in fields network; do
    log="$out/$variant.log"
    if ! valgrind --leak-check=full --errors-for-leak-kinds=none --error-exitcode=1 --num-callers=30 --log-file="$log" \
        .build/release/tsunagari map SampleData/midori --variant "$variant" --format svg -o "$out/$variant.svg"; then
        echo "valgrind found memory errors rendering the $variant map:" >&2
        grep -A12 -E "Invalid|uninitialised|Conditional jump" "$log" >&2 || true
        status=1
    fi
    # A leak is ours when the first frame past the allocators (malloc, the Swift runtime) is our code.
    ours=$(awk '
        /definitely lost in loss record/ { record = $0; looking = 1; next }
        looking && /(at|by) 0x/ {
            if ($0 ~ /vgpreload|libswiftCore|libc\.so|ContiguousArrayBuffer|allocateUninitialized/) next
            if ($0 ~ /TsunagariKit|TsunagariMaps|\$s9tsunagari/) print record
            looking = 0
        }' "$log")
    if [ -n "$ours" ]; then
        echo "definite leaks through Tsunagari's code ($variant map):" >&2
        echo "$ours" >&2
        status=1
    fi
    echo "$variant map: $(grep -c 'definitely lost in loss record' "$log") definite leak records, all in system libraries" \
        "($(grep -o 'lib[a-z0-9]*\.so' "$log" | grep -E 'fontconfig|pango|cairo|expat' | sort -u | tr '\n' ' '))"
done
[ $status -eq 0 ] && echo "valgrind: no memory errors and no leaks through Tsunagari's code in map rendering"
exit $status
