#!/usr/bin/env bash
# Dashboard screenshots for the README: starts the service jar on an in-memory database, submits ibm01
# (from the benchmarks folder) with the greedy macro placer and without one (seeds 1 and 2), and a sweep
# (ibm01 and the tiny design x none/greedy x 2 seeds), waits for them, and photographs with headless
# Chromium: the greedy ibm01 job page with RUDY on and a macro selected, the two seeds of ibm01 compared,
# the sweep page and the models page.
#
#   bench/screenshots.sh [OUT_DIR]     (default docs/screenshots)
#
# Needs: the jar (built here when missing; rebuild it after changing the dashboard), /usr/bin/chromium,
# curl, the benchmarks in $CHIPPLACE_BENCHMARKS or ../shared/benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-docs/screenshots}"
PORT="${PORT:-18089}"
JAR=placement-api/target/placement-api.jar
CHROMIUM="${CHROMIUM_BIN:-/usr/bin/chromium}"
BENCH="${CHIPPLACE_BENCHMARKS:-$(cd .. && pwd)/shared/benchmarks}"
[ -d "$BENCH/ibm01" ] || { echo "no ibm01 under $BENCH (set CHIPPLACE_BENCHMARKS)" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "no $CHROMIUM (apt-get install chromium)" >&2; exit 2; }
[ -f "$JAR" ] || mvn -B -q -pl placement-api -am package -DskipTests
mkdir -p "$OUT"
BASE="http://localhost:$PORT"
LOG="$(mktemp)"

java -Xmx3g -jar "$JAR" serve --server.port="$PORT" \
  "--spring.datasource.url=jdbc:h2:mem:screenshots;MODE=PostgreSQL;DB_CLOSE_DELAY=-1" \
  --chipplace.benchmarks-dir="$BENCH" --jobrunr.background-job-server.poll-interval-in-seconds=5 \
  --chipplace.render.image-width=800 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 120); do
  curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break
  kill -0 $PID 2>/dev/null || { cat "$LOG" >&2; exit 1; }
  sleep 1
done

field() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' | sed -n 1p; }
await() { # job id -> waits until final, prints the status
  for _ in $(seq 1 1800); do
    s="$(curl -sf "$BASE/api/jobs/$1" | field status)"
    case "$s" in DONE|FAILED|CANCELLED) echo "$s"; return;; esac
    sleep 2
  done
  echo TIMEOUT
}

job() { # design macroPlacer seed -> job id
  curl -sf -H 'Content-Type: application/json' -d '{"design":"'"$1"'","macroPlacer":"'"$2"'","seed":'"$3"'}' \
    "$BASE/api/jobs" | field id
}
IBM=$(job bench:ibm01 greedy 1)
NONE1=$(job bench:ibm01 none 1)
NONE2=$(job bench:ibm01 none 2)
TINY=$(curl -sf $(for f in examples/tiny/*; do printf -- '-F files=@%s ' "$f"; done) "$BASE/api/designs" | field id)
SWEEP=$(curl -sf -H 'Content-Type: application/json' "$BASE/api/sweeps" -d '{"designs":["bench:ibm01","'"$TINY"'"],
  "configs":[{"name":"none","macroPlacer":"none"},{"name":"greedy","macroPlacer":"greedy"}],
  "seeds":[1,2]}' | field id)
echo "ibm01 jobs $IBM (greedy), $NONE1 and $NONE2 (none), sweep $SWEEP"
for j in $IBM $NONE1 $NONE2 $(curl -sf "$BASE/api/sweeps/$SWEEP" | grep -o '"job":"[^"]*"' | cut -d'"' -f4); do
  echo "job $j: $(await "$j")"
done

# the first macro of ibm01 is selected, so that its nets show
# (sed reads to the end: head would end the pipe early, and pipefail would stop the script)
MACRO=$(curl -sf "$BASE/api/jobs/$IBM/layout.json?maxCells=0" | grep -o '"name":"[^"]*","kind":"MACRO"' \
  | sed -n 1p | cut -d'"' -f4)
shot() { # url file height
  local profile; profile="$(mktemp -d)"
  "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --force-device-scale-factor=1 --window-size="1440,$3" --virtual-time-budget=30000 --screenshot="$2" "$1" \
    >/dev/null 2>&1
  rm -rf "$profile"
  echo "wrote $2"
}
shot "$BASE/#/jobs/$IBM?select=$MACRO&layers=rudy" "$OUT/ibm01-job.png" 2230
shot "$BASE/#/compare?a=$NONE1&b=$NONE2" "$OUT/compare.png" 1320
shot "$BASE/#/sweeps/$SWEEP" "$OUT/sweep.png" 1060
shot "$BASE/#/models" "$OUT/models.png" 1500
