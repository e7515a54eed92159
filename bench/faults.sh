#!/usr/bin/env bash
# Fault injection against the service on the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres).
#   bench/faults.sh [N]      N jobs per phase (default 6) on examples/tiny
# Phase A: submit N jobs, kill -9 the service while they run, restart it, wait.
# Phase B: submit N jobs, restart PostgreSQL (pg_ctlcluster ... restart) while they run, wait.
# Checks per phase: every job reaches a final state; each DONE job has exactly one DONE run record
# (job_execution) and a result whose .pl lists every node; no job has two runs at the same time; while
# a job is not DONE its placement.pl answers 409 (never a partial result served as complete).
# A fresh database chipplace_faults_<time> is created (and dropped unless KEEP_DB=1). The outcome is
# written to target/faults.md and between the faults markers of docs/reliability.md.
set -uo pipefail
cd "$(dirname "$0")/.."
N="${1:-6}"
PORT="${PORT:-18181}"
DB="chipplace_faults_$(date +%s)"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
JAR=placement-api/target/placement-api.jar
BASE="http://127.0.0.1:$PORT"
OUT=target/faults.md
LOG=target/faults-service.log
mkdir -p target
[ -f "$JAR" ] || mvn -B -q -pl placement-api -am package -DskipTests || exit 2
"${PSQL[@]}" -d postgres -c "create database $DB" || exit 2
PID=""
start() {
  CHIPPLACE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" java -Xmx1g -jar "$JAR" serve \
    --spring.profiles.active=postgres --server.port="$PORT" --chipplace.jobs.worker-name="faults-$1" \
    --chipplace.jobs.progress-interval=50ms >> "$LOG" 2>&1 &
  PID=$!
  for _ in $(seq 1 120); do
    curl -sf "$BASE/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "service did not start" >&2; return 1
}
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  [ "${KEEP_DB:-0}" = 1 ] || "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
q() { "${PSQL[@]}" -d "$DB" -c "$1"; }

submit_jobs() { # $1 = first seed
  local ids=""
  for s in $(seq "$1" $(( $1 + N - 1 ))); do
    ids="$ids $(curl -sf -H 'Content-Type: application/json' -d "{\"design\":\"$DESIGN\",\"seed\":$s}" "$BASE/api/jobs" | jq -r .id)"
  done
  echo $ids
}
# Polls until every job is final (or $2 s pass); meanwhile checks that a non-DONE job never serves a result.
wait_final() {
  local ids="$1" deadline=$(( $(date +%s) + $2 )) bad=0
  while [ "$(date +%s)" -lt "$deadline" ]; do
    local open=0
    for j in $ids; do
      code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/jobs/$j/placement.pl")
      st=$(curl -s "$BASE/api/jobs/$j" | jq -r .status 2>/dev/null)
      if [ "$code" = 200 ] && [ "$st" != DONE ]; then bad=$((bad + 1)); fi
      case "$st" in DONE|FAILED|CANCELLED) ;; *) open=$((open + 1)) ;; esac
    done
    [ "$open" = 0 ] && { echo "$bad"; return 0; }
    sleep 1
  done
  echo "$bad"; return 1
}
wait_running() {
  for _ in $(seq 1 120); do
    [ "$(q "select count(*) from placement_job where status = 'RUNNING'")" -gt 0 ] && return 0
    sleep 0.25
  done
  return 1
}
check() { # $1 = phase name, $2 = ids, $3 = partial-result violations, $4 = seconds
  local ids="$1" list final done failed twice overlap noresult badpl execs
  list=$(printf "'%s'," $2); list="(${list%,})"
  final=$(q "select count(*) from placement_job where id in $list and status in ('DONE','FAILED','CANCELLED')")
  done=$(q "select count(*) from placement_job where id in $list and status = 'DONE'")
  failed=$(q "select count(*) from placement_job where id in $list and status = 'FAILED'")
  twice=$(q "select count(*) from (select job_id from job_execution where job_id in $list and outcome = 'DONE' group by job_id having count(*) > 1) t")
  overlap=$(q "select count(*) from job_execution a join job_execution b on a.job_id = b.job_id and a.id < b.id where a.job_id in $list and a.started_at < coalesce(b.finished_at, now()) and b.started_at < coalesce(a.finished_at, now()) and a.outcome is not null and b.outcome is not null")
  noresult=$(q "select count(*) from placement_job j where j.id in $list and j.status = 'DONE' and not exists (select 1 from job_result r where r.job_id = j.id)")
  partial=$(q "select count(*) from job_result r join placement_job j on j.id = r.job_id where j.id in $list and j.status <> 'DONE'")
  execs=$(q "select count(*) from job_execution where job_id in $list")
  badpl=0
  for j in $2; do
    lines=$(curl -sf "$BASE/api/jobs/$j/placement.pl" | grep -cvE '^(UCLA|#|\s*$)')
    [ "$lines" = "$NODES" ] || badpl=$((badpl + 1))
  done
  echo "| $1 | $N | $final | $done | $failed | $execs | $twice | $overlap | $noresult / $partial / $3 | $badpl | $4 |" >> "$OUT"
  [ "$final" = "$N" ] && [ "$done" = "$N" ] && [ "$twice" = 0 ] && [ "$overlap" = 0 ] && [ "$noresult" = 0 ] \
    && [ "$partial" = 0 ] && [ "$3" = 0 ] && [ "$badpl" = 0 ]
}

: > "$LOG"
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores: \`bench/faults.sh $N\` (database $DB, tiny design, $N jobs per phase)."
  echo
  echo "| phase | jobs | final | DONE | FAILED | runs recorded | jobs DONE twice | overlapping runs | DONE w/o result / result w/o DONE / partial .pl served | .pl with wrong node count | seconds |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
} > "$OUT"
start a || exit 1
DESIGN=$(curl -sf -F files=@examples/tiny/tiny.aux -F files=@examples/tiny/tiny.nodes -F files=@examples/tiny/tiny.nets \
  -F files=@examples/tiny/tiny.pl -F files=@examples/tiny/tiny.scl "$BASE/api/designs" | jq -r .id)
NODES=$(curl -sf "$BASE/api/designs/$DESIGN" | jq -r .nodes)
ok=0

# Phase A: kill -9 while jobs run, restart.
t0=$(date +%s)
IDS=$(submit_jobs 1)
wait_running || echo "no job started running" >&2
sleep 1
kill -9 "$PID"; wait "$PID" 2>/dev/null; PID=""
echo "killed the service with $(q "select count(*) from placement_job where status = 'RUNNING'") job(s) RUNNING"
start b || exit 1
bad=$(wait_final "$IDS" 300)
check "A: kill -9 + restart" "$IDS" "$bad" $(( $(date +%s) - t0 )) || ok=1

# Phase B: PostgreSQL restarted under load.
t0=$(date +%s)
IDS=$(submit_jobs 101)
wait_running || echo "no job started running" >&2
CLUSTER=$(pg_lsclusters --no-header | awk '$4 == "online" {print $1; exit}')
pg_ctlcluster --skip-systemctl-redirect "$CLUSTER" main restart
echo "restarted PostgreSQL $CLUSTER/main"
bad=$(wait_final "$IDS" 300)
check "B: PostgreSQL restart" "$IDS" "$bad" $(( $(date +%s) - t0 )) || ok=1

{
  echo
  echo "Result: $([ $ok = 0 ] && echo PASS || echo FAIL). Service log: target/faults-service.log."
} >> "$OUT"
cat "$OUT"
source bench/splice-doc.sh
splice_doc docs/reliability.md faults "$OUT"
exit $ok
