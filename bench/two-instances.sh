#!/usr/bin/env bash
# Scale-out check on the local PostgreSQL (127.0.0.1:5432, trust auth, user postgres):
#   bench/two-instances.sh [JOBS]     default 20 jobs (a sweep of the tiny design over JOBS seeds)
# Run 1: one instance (1 JobRunr worker, 1 placer thread) runs the sweep. Run 2: two instances on the
# same fresh database run a second sweep of the same size. Each instance uses one worker and one thread,
# so that one instance uses one core and two use two. Checks: every job DONE, exactly one DONE run per
# job, no overlapping runs of a job; reports wall time of each sweep and the jobs per instance. Writes
# target/two-instances.md and the two-instances section of docs/reliability.md.
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS="${1:-20}"
DB="chipplace_scale_$(date +%s)"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qtA)
JAR=placement-api/target/placement-api.jar
OUT=target/two-instances.md
mkdir -p target
[ -f "$JAR" ] || mvn -B -q -pl placement-api -am package -DskipTests || exit 2
"${PSQL[@]}" -d postgres -c "create database $DB" || exit 2
PIDS=()
start() { # $1 = name, $2 = port
  CHIPPLACE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" java -Xmx1g -jar "$JAR" serve \
    --spring.profiles.active=postgres --server.port="$2" --chipplace.jobs.worker-name="$1" \
    --jobrunr.background-job-server.worker-count=1 >> "target/two-instances-$1.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/actuator/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  return 1
}
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  [ "${KEEP_DB:-0}" = 1 ] || "${PSQL[@]}" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
q() { "${PSQL[@]}" -d "$DB" -c "$1"; }
sweep() { # $1 = port, $2 = first seed; prints the sweep id and the seconds until all its jobs are final
  local seeds t0 id
  seeds=$(seq -s, "$2" $(( $2 + JOBS - 1 )))
  t0=$(date +%s.%N)
  id=$(curl -s -H 'Content-Type: application/json' "http://127.0.0.1:$1/api/sweeps" \
    -d "{\"designs\":[\"$DESIGN\"],\"configs\":[{\"name\":\"gp\",\"options\":{\"threads\":1}}],\"seeds\":[$seeds]}" | tee -a target/two-instances-api.log | jq -r .id)
  [ "$(q "select count(*) from placement_job where sweep_id = '$id'")" = "$JOBS" ] || { echo "sweep not created: $id" >&2; return 1; }
  while [ "$(q "select count(*) from placement_job where sweep_id = '$id' and status not in ('DONE','FAILED','CANCELLED')")" != 0 ]; do
    sleep 0.5
  done
  echo "$id $(echo "$(date +%s.%N) - $t0" | bc)"
}
row() { # $1 = label, $2 = seconds
  local done twice overlap per
  done=$(q "select count(*) from placement_job where sweep_id = '$SWEEP' and status = 'DONE'")
  twice=$(q "select count(*) from (select e.job_id from job_execution e join placement_job j on j.id = e.job_id where j.sweep_id = '$SWEEP' and e.outcome = 'DONE' group by e.job_id having count(*) > 1) t")
  overlap=$(q "select count(*) from job_execution a join job_execution b on a.job_id = b.job_id and a.id < b.id join placement_job j on j.id = a.job_id where j.sweep_id = '$SWEEP' and a.started_at < coalesce(b.finished_at, now()) and b.started_at < coalesce(a.finished_at, now())")
  per=$(q "select string_agg(worker || ': ' || n, ', ' order by worker) from (select e.worker, count(*) n from job_execution e join placement_job j on j.id = e.job_id where j.sweep_id = '$SWEEP' and e.outcome = 'DONE' group by e.worker) t")
  echo "| $1 | $JOBS | $done | $twice | $overlap | $per | $(printf %.1f "$2") |" >> "$OUT"
  [ "$done" = "$JOBS" ] && [ "$twice" = 0 ] && [ "$overlap" = 0 ]
}
{
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores (load average before: $(cut -d' ' -f1 /proc/loadavg)): \`bench/two-instances.sh $JOBS\`."
  echo
  echo "| instances | jobs | DONE | jobs DONE twice | overlapping runs | DONE runs per instance | wall seconds |"
  echo "|---|---|---|---|---|---|---|"
} > "$OUT"
start a 18191 || exit 1
DESIGN=$(curl -sf -F files=@examples/tiny/tiny.aux -F files=@examples/tiny/tiny.nodes -F files=@examples/tiny/tiny.nets \
  -F files=@examples/tiny/tiny.pl -F files=@examples/tiny/tiny.scl "http://127.0.0.1:18191/api/designs" | jq -r .id)
ok=0
read -r SWEEP s1 < <(sweep 18191 1); row "1 (a)" "$s1" || ok=1
start b 18192 || exit 1
read -r SWEEP s2 < <(sweep 18192 1001); row "2 (a, b)" "$s2" || ok=1
echo >> "$OUT"
echo "Result: $([ $ok = 0 ] && echo PASS || echo FAIL); two instances / one instance = $(echo "scale=2; $s2 / $s1" | bc)." >> "$OUT"
cat "$OUT"
source bench/splice-doc.sh
splice_doc docs/reliability.md two-instances "$OUT"
exit $ok
