#!/usr/bin/env bash
# Greedy tie-break sensitivity (offline-data): macro HPWL of the greedy wire-mask placer at G = 84
# under several equally plausible ways of breaking ties of the wire mask (see
# org.chipplace.offline.experts.TieBreakSensitivityBenchmark and docs/benchmarks.md, "Greedy tie-breaks").
# Usage: bench/tiebreak-bench.sh [--fixed-pins] [design...]   (default: ibm01, no pads)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
source bench/classpath.sh
cp="$(bench_classpath offline-data)"
java -Xmx2g -cp "$cp" \
    org.chipplace.offline.experts.TieBreakSensitivityBenchmark "$@"
