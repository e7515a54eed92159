#!/usr/bin/env bash
# Macro placement benchmark (offline-data): random, greedy (three tie-breaks) and EA macro HPWL and
# time on ibm01 and ibm02_ms, plus the time of one environment episode.
# Usage: bench/macro-bench.sh [--ea-seconds S] [--threads T] [--grid G] [--no-fixed-pins] [design...]
#        (defaults: 300 s, 2 threads, grid 84, ibm01 ibm02_ms; CHIPPLACE_BENCHMARKS defaults to ../shared/benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
source bench/classpath.sh
cp="$(bench_classpath offline-data)"
java -Xmx2g -cp "$cp" \
    org.chipplace.offline.experts.MacroPlacementBenchmark "$@"
