#!/usr/bin/env bash
# Dashboard screenshots for the README: starts the service jar on an in-memory database, submits
# ibm01 (from the benchmarks folder) and a small sweep (tiny design x 2 configs x 2 seeds), waits for
# them, and photographs the ibm01 job page and the sweep page with headless Chromium.
#
#   bench/screenshots.sh [OUT_DIR]     (default docs/screenshots)
#
# Needs: the jar (built here when missing), /usr/bin/chromium, curl, the benchmarks in
# $CHIPPLACE_BENCHMARKS or ../shared/benchmarks.
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

field() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' | head -n1; }
await() { # job id -> waits until final, prints the status
  for _ in $(seq 1 1800); do
    s="$(curl -sf "$BASE/api/jobs/$1" | field status)"
    case "$s" in DONE|FAILED|CANCELLED) echo "$s"; return;; esac
    sleep 2
  done
  echo TIMEOUT
}

IBM=$(curl -sf -H 'Content-Type: application/json' -d '{"design":"bench:ibm01","macroPlacer":"none","seed":1}' \
  "$BASE/api/jobs" | field id)
TINY=$(curl -sf $(for f in examples/tiny/*; do printf -- '-F files=@%s ' "$f"; done) "$BASE/api/designs" | field id)
SWEEP=$(curl -sf -H 'Content-Type: application/json' "$BASE/api/sweeps" -d '{"designs":["'"$TINY"'"],
  "configs":[{"name":"plain","macroPlacer":"none"},{"name":"no-dp","options":{"detailedPlacement":false}}],
  "seeds":[1,2]}' | field id)
echo "ibm01 job $IBM, sweep $SWEEP"
for j in $(curl -sf "$BASE/api/sweeps/$SWEEP" | grep -o '"job":"[^"]*"' | cut -d'"' -f4); do
  echo "sweep job $j: $(await "$j")"
done
echo "ibm01: $(await "$IBM")"

# the first macro of ibm01 is selected, so that its nets show
MACRO=$(curl -sf "$BASE/api/jobs/$IBM/layout.json?maxCells=0" | grep -o '"name":"[^"]*","kind":"MACRO"' \
  | head -n1 | cut -d'"' -f4)
shot() { # url file height
  local profile; profile="$(mktemp -d)"
  "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" \
    --force-device-scale-factor=1 --window-size="1440,$3" --virtual-time-budget=30000 --screenshot="$2" "$1" \
    >/dev/null 2>&1
  rm -rf "$profile"
  echo "wrote $2"
}
shot "$BASE/#/jobs/$IBM?select=$MACRO" "$OUT/ibm01-job.png" 1420
shot "$BASE/#/sweeps/$SWEEP" "$OUT/sweep.png" 1000
