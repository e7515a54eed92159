#!/usr/bin/env bash
# Greedy tie-break sensitivity (offline-data): macro HPWL of the greedy wire-mask placer at G = 84
# under several equally plausible ways of breaking ties of the wire mask (see
# org.chipplace.offline.TieBreakSensitivityBenchmark and docs/benchmarks.md, "Greedy tie-breaks").
# Usage: bench/tiebreak-bench.sh [--fixed-pins] [design...]   (default: ibm01, no pads)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
mvn -B -q -pl offline-data -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl offline-data dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
java -Xmx2g -cp "offline-data/target/test-classes:offline-data/target/classes:legalizer/target/classes:netlist-io/target/classes:$(cat "$cpfile")" \
    org.chipplace.offline.TieBreakSensitivityBenchmark "$@"
