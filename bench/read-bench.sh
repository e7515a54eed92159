#!/usr/bin/env bash
# Times Bookshelf.read on ibm05 (or the design given as $1): median of 5 warm reads.
# Usage: bench/read-bench.sh [design]   (CHIPPLACE_BENCHMARKS defaults to ../shared/benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
source bench/classpath.sh
cp="$(bench_classpath netlist-io)"
java -Xmx2g -cp "$cp" \
    org.chipplace.netlist.bookshelf.ReadBenchmark "${1:-ibm05}"
