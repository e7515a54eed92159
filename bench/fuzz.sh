#!/usr/bin/env bash
# Long fuzzing run of the Jazzer fuzz targets (default 10 minutes each), through Jazzer's command line
# driver on the module's test classpath (the JUnit run of .ci/run fuzzes only 20 s per target).
#   bench/fuzz.sh                    all four targets, FUZZ_SECONDS=600 each
#   FUZZ_SECONDS=60 bench/fuzz.sh upload
# Corpus: <module>/.cifuzz-corpus/<class>/<method> (shared with the JUnit runs, git-ignored);
# findings: target/fuzz-findings/<target>/crash-* (copy one into src/test/resources/<pkg>/<Class>Inputs/<method>/
# to make it a regression input of `mvn test`). Exit status 1 when any target found something.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${FUZZ_SECONDS:-600}"
ONLY="${1:-all}"
# target name | module | class | method
TARGETS="bookshelf|netlist-io|org.chipplace.netlist.bookshelf.BookshelfFuzzTarget|readAux
lefdef|netlist-io|org.chipplace.netlist.lefdef.LefDefFuzzTarget|readLefDef
dataset|offline-data|org.chipplace.offline.datasets.DatasetFuzzTarget|readDataset
upload|placement-api|org.chipplace.api.service.designs.UploadFuzzTarget|extractUpload"

mvn -B -q -pl placement-api -am test-compile -DskipTests >/dev/null || { echo "build failed" >&2; exit 2; }
status=0
mkdir -p target
printf '| target | seconds | runs | execs/s | corpus | findings |\n|---|---|---|---|---|---|\n' > target/fuzz-summary.md
while IFS='|' read -r name module class method; do
  [ "$ONLY" = all ] || [ "$ONLY" = "$name" ] || continue
  cp_file="$module/target/fuzz-classpath.txt"
  mvn -B -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=fuzz-classpath.txt.tmp \
      -Dmdep.includeScope=test >/dev/null && mv "$module/fuzz-classpath.txt.tmp" "$cp_file"
  out="$PWD/target/fuzz-findings/$name"
  mkdir -p "$out/previous"
  find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -exec mv {} "$out/previous/" \;
  log="$out/fuzz.log"
  echo "== $name: $SECONDS_EACH s (log $log)"
  ( cd "$module" && java -Xmx1g -cp "target/test-classes:target/classes:$(cat "target/fuzz-classpath.txt")" \
      com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
      -max_total_time="$SECONDS_EACH" -artifact_prefix="$out/" -print_final_stats=1 ) > "$log" 2>&1
  rc=$?
  runs=$(grep -o 'Done [0-9]* runs' "$log" | awk '{print $2}' | tail -1)
  corpus=$(ls "$module/.cifuzz-corpus/$class/$method" 2>/dev/null | wc -l)
  findings=$(ls "$out" | grep -c '^crash-\|^timeout-\|^oom-')
  eps=$(( ${runs:-0} / (SECONDS_EACH > 0 ? SECONDS_EACH : 1) ))
  echo "| $name | $SECONDS_EACH | ${runs:-?} | $eps | $corpus | $findings |" >> target/fuzz-summary.md
  if [ "$rc" != 0 ] || [ "$findings" != 0 ]; then
    status=1
    grep -A12 'Uncaught exception\|== Java Exception' "$log" | head -30
  fi
done <<< "$TARGETS"
cat target/fuzz-summary.md
exit $status
