#!/usr/bin/env bash
# Decision-transformer macro placer on circuits left out of pretraining (ibm01, syn30..syn33):
# random, greedy, DT zero-shot, best of K samples and online fine-tuning (macro HPWL, wall time).
# Usage: bench/dt-bench.sh [DtBenchmark args...]   e.g. --fine-tune-seconds 300 --samples 8 ibm01
# Pretraining of the bundled model: bench/dt-bench.sh --pretrain --out DIR [Pretrain args...]
# (CHIPPLACE_BENCHMARKS defaults to ../shared/benchmarks)
set -euo pipefail
cd "$(dirname "$0")/.."
export CHIPPLACE_BENCHMARKS="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
source bench/classpath.sh
cp="$(bench_classpath policy-transformer)"
main=org.chipplace.policy.DtBenchmark
if [[ "${1:-}" == "--pretrain" ]]; then
    main=org.chipplace.policy.Pretrain
    shift
fi
java -Xmx3g -cp "$cp" "$main" "$@"
