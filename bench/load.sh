#!/usr/bin/env bash
# Load test against a running instance (traffic to 127.0.0.1 only):
#   bench/load.sh [POLLERS] [SECONDS] [SUBMITTERS]      defaults 100 pollers, 30 s, 2 submitters
# POLL_MS (default 0 = back to back, i.e. saturation) is the pause of each poller between two polls.
# BASE (default http://127.0.0.1:8080) names the instance; with START=1 the script starts the jar itself
# on an in-memory H2 database on port 18282 and stops it afterwards. Uploads examples/tiny, then runs
# bench/LoadClient.java (5 s warm-up, then SECONDS measured) and appends its row to target/load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
POLLERS="${1:-100}"; SECS="${2:-30}"; SUBS="${3:-2}"
BASE="${BASE:-http://127.0.0.1:8080}"
PID=""
mkdir -p target
if [ "${START:-0}" = 1 ]; then
  BASE=http://127.0.0.1:18282
  [ -f placement-api/target/placement-api.jar ] || mvn -B -q -pl placement-api -am package -DskipTests
  java -Xmx1g -jar placement-api/target/placement-api.jar serve --server.port=18282 \
    "--spring.datasource.url=jdbc:h2:mem:load;MODE=PostgreSQL;DB_CLOSE_DELAY=-1" > target/load-service.log 2>&1 &
  PID=$!
  trap '[ -n "$PID" ] && kill $PID && wait $PID 2>/dev/null' EXIT
  for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && break; sleep 0.5; done
fi
case "$BASE" in http://127.0.0.1:*|http://localhost:*) ;; *) echo "BASE must be on 127.0.0.1" >&2; exit 2 ;; esac
DESIGN=$(curl -sf -F files=@examples/tiny/tiny.aux -F files=@examples/tiny/tiny.nodes -F files=@examples/tiny/tiny.nets \
  -F files=@examples/tiny/tiny.pl -F files=@examples/tiny/tiny.scl "$BASE/api/designs" | jq -r .id)
mkdir -p target
[ -f target/load.md ] || {
  echo "| pollers | pause between polls | submitters | measured | polls | poll throughput | poll p50 / p90 / p99 / max ms | submits | submit p50 / p90 / p99 / max ms | errors |"
  echo "|---|---|---|---|---|---|---|---|---|---|"; } > target/load.md
java -Xmx512m bench/LoadClient.java "$BASE" "$DESIGN" "$POLLERS" "$SUBS" "$SECS" 5 42 "${POLL_MS:-0}" | tee -a target/load.md
