#!/usr/bin/env bash
# The learned macro placer's acceptance measurements on the validation designs (docs/benchmarks.md,
# "Flow labels and released candidates"): per design, `place --macro-placer dt` with its own macros kept
# (--no-release-macros: the gate) and released (the default: the headline), and the analytic flow
# (`place`, no macro placer) with seeds 1..S; then the gate (dt's best own candidate / the analytic
# candidate, the same seed and cell stages), dt released / seed 1 and / the best of the seeds, the wall
# times and the geometric means.
# usage: bench/dt-gate.sh [--designs "ibm01 ibm04 ibm08 ibm12"] [--seeds S] [--checkpoint DIR] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}/iccad04"
DESIGNS="ibm01 ibm04 ibm08 ibm12"   # the validation split
SEEDS=3; THREADS=2; CKPT=()
while [ $# -gt 0 ]; do
  case "$1" in
    --designs) DESIGNS="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --checkpoint) CKPT=(--checkpoint "$2"); shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$BENCH" ] || { echo "no ICCAD04 designs under $BENCH (set CHIPPLACE_BENCHMARKS)" >&2; exit 2; }
JAR=placement-api/target/placement-api.jar
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT=target/dt-gate
rm -rf "$OUT" && mkdir -p "$OUT"
cp "$JAR" "$OUT/placement-api.jar" # a rebuild during the run must not pull the classes from under it
JAR="$OUT/placement-api.jar"
run() { # dir, place args...
  local dir="$1"; shift
  mkdir -p "$dir"
  /usr/bin/time -f "%e" -o "$dir/time" java -Xmx6g -jar "$JAR" place --out "$dir" --threads "$THREADS" "$@" \
      >"$dir/log" 2>&1 || true
}
for d in $DESIGNS; do
  aux="$BENCH/$d/$d.aux"
  run "$OUT/$d/own" --aux "$aux" --macro-placer dt ${CKPT[@]+"${CKPT[@]}"} --no-release-macros
  run "$OUT/$d/released" --aux "$aux" --macro-placer dt ${CKPT[@]+"${CKPT[@]}"}
  for ((s = 1; s <= SEEDS; s++)); do run "$OUT/$d/seed$s" --aux "$aux" --seed "$s"; done
  echo "done $d" >&2
done
rm -f "$JAR"
python3 - "$OUT" "$SEEDS" $DESIGNS <<'PY'
import json, math, sys
out, seeds, designs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def rep(d, k): return json.load(open(f"{out}/{d}/{k}/report.json"))
def wall(d, k): return float(open(f"{out}/{d}/{k}/time").read().split()[-1])
g = lambda v: math.exp(sum(map(math.log, v)) / len(v))
rows, gate, rel1, relb, wins = [], [], [], [], 0
print("| design | analytic seed 1 | dt own best (gate) | dt released | best of seeds 1-%d | released / best | wall dt released / analytic |" % seeds)
print("|---|---|---|---|---|---|---|")
for d in designs:
    own = rep(d, "own"); rel = rep(d, "released")
    analytic = [c["hpwl"] for c in own["candidates"] if c["source"] == "analytic"][0]
    own_best = min(c["hpwl"] for c in own["candidates"] if c["source"] != "analytic")
    seeds_h = [rep(d, f"seed{s}")["metrics"]["hpwl"] for s in range(1, seeds + 1)]
    legal = all(rep(d, k)["metrics"]["legal"] for k in ["own", "released"] + [f"seed{s}" for s in range(1, seeds + 1)])
    r = rel["metrics"]["hpwl"]; best = min(seeds_h)
    gate.append(own_best / analytic); rel1.append(r / seeds_h[0]); relb.append(r / best); wins += r < best
    print(f"| {d} | {seeds_h[0]:.4e} | {own_best:.4e} ({own_best / analytic:.3f}) | {r:.4e} ({r / seeds_h[0]:.3f}) "
          f"| {best:.4e} | {r / best:.3f} | {wall(d, 'released'):.1f} / {wall(d, 'seed1'):.1f} s "
          f"({wall(d, 'released') / wall(d, 'seed1'):.2f}x){'' if legal else ' NOT LEGAL'} |")
print(f"\ngeometric means: gate {g(gate):.3f} (target 1.00), released / seed 1 {g(rel1):.3f}, "
      f"released / best of {seeds} seeds {g(relb):.3f} (target 0.97), wins {wins} of {len(designs)}")
PY
echo "runs under $OUT" >&2
