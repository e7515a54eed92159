#!/usr/bin/env bash
# Decision-transformer macro placer on circuits left out of pretraining (ibm01, syn30..syn33):
# random, greedy, DT zero-shot, best of K samples and online fine-tuning (macro HPWL, wall time).
# Usage: bench/dt-bench.sh [DtBenchmark args...]   e.g. --fine-tune-seconds 300 --samples 8 ibm01
# Pretraining of the bundled model: bench/dt-bench.sh --pretrain --out DIR [Pretrain args...]
# (CHIPPLACE_BENCHMARKS defaults to ../shared/benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
mvn -B -q -pl policy-transformer -am test-compile
cpfile="$(mktemp)"
trap 'rm -f "$cpfile"' EXIT
if mvn -B -q -pl policy-transformer dependency:build-classpath -Dmdep.outputFile="$cpfile" \
        -Dmdep.includeScope=test >/dev/null 2>&1; then
    cp="policy-transformer/target/test-classes:policy-transformer/target/classes:offline-data/target/classes"
    cp="$cp:gnn-encoder/target/classes:legalizer/target/classes:netlist-io/target/classes:$(cat "$cpfile")"
else
    # the dependency plugin is not always in the offline repository: take surefire's test class path
    mvn -B -q test -pl policy-transformer -am -Dtest=SaveLoadTest -Dsurefire.failIfNoSpecifiedTests=false \
        >/dev/null 2>&1
    cp="$(grep -o 'name="surefire.test.class.path" value="[^"]*"' \
        policy-transformer/target/surefire-reports/TEST-org.chipplace.policy.SaveLoadTest.xml | sed 's/.*value="//; s/"$//')"
fi
main=org.chipplace.policy.DtBenchmark
if [[ "${1:-}" == "--pretrain" ]]; then
    main=org.chipplace.policy.Pretrain
    shift
fi
java -Xmx3g -cp "$cp" "$main" "$@"
