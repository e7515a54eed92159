#!/usr/bin/env bash
# ICCAD04 mixed-size suite benchmark (issues: real macro-heavy designs, mixed-size speed).
# Runs `place` (defaults) on every ICCAD04 design found under $CHIPPLACE_BENCHMARKS/iccad04 (or
# ../shared/benchmarks/iccad04), one after the other, and prints per design: final HPWL, its ratio to
# RePlAce + NTUplace3's published HPWL on the same files, legality, wall seconds, peak RSS, seconds and
# HPWL per stage, and the global-placement iterations (with where the returned iterate sits).
# Optionally a second jar runs the same designs right after each one (side by side, same machine).
# With --repeat N each design runs N times, the jars interleaved, and the table shows the least wall
# time with all of them (wall times on a shared VM vary by tens of percent between runs).
#
# usage: bench/iccad04-bench.sh [--jar A.jar] [--base B.jar] [--designs "ibm01 ibm03"] [--threads N]
#                               [--repeat N] [--out DIR] [-- extra place args]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}/iccad04"
JAR=placement-api/target/placement-api.jar
BASE=""
DESIGNS="ibm01 ibm02 ibm03 ibm04 ibm05 ibm06 ibm08 ibm10 ibm12 ibm14"
THREADS=2
REPEAT=1
OUT=""
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    --designs) DESIGNS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -d "$BENCH" ] || { echo "no ICCAD04 designs under $BENCH (set CHIPPLACE_BENCHMARKS)" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT="${OUT:-$(mktemp -d /tmp/iccad04-bench.XXXXXX)}"
JAVA_OPTS="${JAVA_OPTS:--Xmx6g}"

run_one() { # tag jar design
  local tag=$1 jar=$2 d=$3 dir="$OUT/$1/$3"
  mkdir -p "$dir"
  /usr/bin/time -f "%e %M" -o "$dir/time" java $JAVA_OPTS -jar "$jar" place --aux "$BENCH/$d/$d.aux" \
    --out "$dir" --threads "$THREADS" ${EXTRA[@]+"${EXTRA[@]}"} >"$dir/stdout.txt" 2>"$dir/stderr.txt" || true
  cut -d' ' -f1 "$dir/time" | tail -1 >>"$dir/walls"
}

for d in $DESIGNS; do
  [ -f "$BENCH/$d/$d.aux" ] || { echo "skip $d (not found)" >&2; continue; }
  rm -f "$OUT/new/$d/walls" "$OUT/base/$d/walls"
  for ((k = 1; k <= REPEAT; k++)); do
    run_one new "$JAR" "$d"
    [ -n "$BASE" ] && run_one base "$BASE" "$d"
  done
  echo "done $d" >&2
done

python3 bench/iccad04_report.py "$OUT" $DESIGNS
echo "runs under $OUT" >&2
