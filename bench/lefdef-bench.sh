#!/usr/bin/env bash
# Times LefDef.read on a synthetic LEF/DEF design (default 80,000 cells, 133 blocks): median of 5 warm reads.
# Usage: bench/lefdef-bench.sh [cells] [blocks]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl netlist-io -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
mvn -B -q -o -pl netlist-io dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
java -Xmx2g -cp "netlist-io/target/test-classes:netlist-io/target/classes:$(cat "$cpfile")" \
    org.chipplace.netlist.LefDefBenchmark "${1:-80000}" "${2:-133}"
