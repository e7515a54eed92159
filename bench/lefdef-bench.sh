#!/usr/bin/env bash
# Times LefDef.read on a synthetic LEF/DEF design (default 80,000 cells, 133 blocks): median of 5 warm reads.
# Usage: bench/lefdef-bench.sh [cells] [blocks]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl netlist-io -am test-compile
# the benchmark and the reader need nothing beyond netlist-io's own classes (no dependency resolution offline)
java -Xmx2g -cp "netlist-io/target/test-classes:netlist-io/target/classes" \
    org.chipplace.netlist.lefdef.LefDefBenchmark "${1:-80000}" "${2:-133}"
