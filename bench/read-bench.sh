#!/usr/bin/env bash
# Times Bookshelf.read on ibm05 (or the design given as $1): median of 5 warm reads.
# Usage: bench/read-bench.sh [design]   (CHIPPLACE_BENCHMARKS defaults to ../shared/benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
mvn -B -q -pl netlist-io -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -pl netlist-io dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
java -Xmx2g -cp "netlist-io/target/test-classes:netlist-io/target/classes:$(cat "$cpfile")" \
    org.chipplace.netlist.ReadBenchmark "${1:-ibm05}"
