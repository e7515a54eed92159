#!/usr/bin/env bash
# Flow-labelled macro-placement trajectories on the ICCAD04 designs (learned macro placer issue, data):
# per design, `dataset generate --expert real --flow-labels` (analytic seeds, greedy, EA; each trajectory
# labelled with the final HPWL of the flow's cell stages with its macros kept) into
# target/flow-labels/<design>.cptraj, then `dataset info --json`, and a table of the least label per
# expert next to the default `place` run's final HPWL when bench/iccad04-bench.sh output is given.
# usage: bench/flow-labels.sh [--designs "ibm01 ibm02"] [--trajectories K] [--grid G] [--threads N] [--seed S]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}/iccad04"
DESIGNS="ibm01 ibm02 ibm03 ibm04 ibm06 ibm08 ibm10 ibm12 ibm14"
K=8; GRID=48; THREADS=2; SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --designs) DESIGNS="$2"; shift 2 ;;
    --trajectories) K="$2"; shift 2 ;;
    --grid) GRID="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$BENCH" ] || { echo "no ICCAD04 designs under $BENCH (set CHIPPLACE_BENCHMARKS)" >&2; exit 2; }
JAR=placement-api/target/placement-api.jar
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT=target/flow-labels
mkdir -p "$OUT"
cp "$JAR" "$OUT/placement-api.jar" # a rebuild during the run must not pull the classes from under it
JAR="$OUT/placement-api.jar"
for d in $DESIGNS; do
  start=$(date +%s)
  java -Xmx6g -jar "$JAR" dataset generate --aux "$BENCH/$d/$d.aux" --expert real --trajectories "$K" \
      --flow-labels --grid "$GRID" --threads "$THREADS" --seed "$SEED" --out "$OUT/$d.cptraj" 2>"$OUT/$d.err"
  java -jar "$JAR" dataset info "$OUT/$d.cptraj" --json >"$OUT/$d.json"
  echo "$d $(( $(date +%s) - start )) s" | tee -a "$OUT/times.txt"
done
rm -f "$JAR"
python3 - "$OUT" $DESIGNS <<'PY'
import json, struct, sys, math
out, designs = sys.argv[1], sys.argv[2:]
def read(path):  # dataset format v2 (docs/dataset-format.md): per trajectory expert and flow label
    b = open(path, 'rb').read(); p = 20
    def i():
        nonlocal p; v = struct.unpack('>i', b[p:p+4])[0]; p += 4; return v
    def s():
        n = i(); nonlocal p; v = b[p:p+n].decode(); p += n; return v
    res = []
    for _ in range(i()):
        s(); p += 32; i(); e = s(); n = i(); p += n * 16 + 8
        f = struct.unpack('>d', b[p:p+8])[0]; p += 8
        res.append((e, f))
    return res
print("| design | analytic (snapped, least of seeds) | greedy | EA | all labels |")
print("|---|---|---|---|---|")
for d in designs:
    try:
        ts = read(f"{out}/{d}.cptraj")
    except OSError:
        continue
    best = {}
    for e, f in ts:
        key = e.split(':')[0].replace('stochastic-greedy', 'greedy')
        best[key] = min(best.get(key, math.inf), f)
    print(f"| {d} | {best.get('analytic', math.nan):.4e} | {best.get('greedy', math.nan):.4e} | "
          f"{best.get('ea', math.nan):.4e} | {', '.join(f'{e}={f:.4e}' for e, f in ts)} |")
PY
