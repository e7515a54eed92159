#!/usr/bin/env bash
# OpenROAD-like synthetic stand-in for ariane133 (80,000 cells incl. ~10 % double- and ~2 % triple-height,
# 133 fixed SRAMs, cut N/FS rows, a noisy unlegalized placement in the DEF): generate it, time LefDef.read,
# run `place --lef ... --def ...` end to end, and evaluate the input, the noise-free reference and the result.
# Usage: bench/lefdef-place-bench.sh [cells] [macros] [noise] [threads]    (writes under target/lefdef-place-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
cells="${1:-80000}"; macros="${2:-133}"; noise="${3:-0.03}"; threads="${4:-2}"
out=target/lefdef-place-bench
rm -rf "$out" && mkdir -p "$out"
mvn -B -q package -DskipTests -pl placement-api -am   # also compiles the netlist-io test classes
echo "load before: $(uptime)"
java -Xmx2g -cp "netlist-io/target/test-classes:netlist-io/target/classes" \
    org.chipplace.netlist.lefdef.OpenRoadLikeBenchmark "$out/design" "$cells" "$macros" "$noise" 1
jar=placement-api/target/placement-api.jar
lefs=(--lef "$out/design/tech.lef" --lef "$out/design/cells.lef")
java -Xmx4g -jar "$jar" evaluate "${lefs[@]}" --def "$out/design/design.def" --json > "$out/input.json"
java -Xmx4g -jar "$jar" evaluate "${lefs[@]}" --def "$out/design/reference.def" --json > "$out/reference.json"
/usr/bin/time -f "place: %e s wall, %M KB peak RSS" java -Xmx6g -jar "$jar" place "${lefs[@]}" \
    --def "$out/design/design.def" --out "$out/place" --threads "$threads" > "$out/place.out" 2> "$out/place.log" || { tail -20 "$out/place.log"; exit 1; }
tail -1 "$out/place.log"
java -Xmx4g -jar "$jar" evaluate "${lefs[@]}" --def "$out/place/ariane_like.def" --json > "$out/final.json"
echo "load after: $(uptime)"
python3 - "$out" <<'PY'
import json, sys
d = sys.argv[1]
inp, ref, fin = (json.load(open(f"{d}/{n}.json")) for n in ("input", "reference", "final"))
rep = json.load(open(f"{d}/place/report.json"))
print(f"input DEF placement:     HPWL {inp['hpwl']:.4e}  legal {inp['legal']}  overlapPairs {inp['overlapPairs']}  cellsOffRow {inp['cellsOffRow']}")
print(f"noise-free reference:    HPWL {ref['hpwl']:.4e}  legal {ref['legal']}")
print(f"placed DEF (evaluate):   HPWL {fin['hpwl']:.4e}  legal {fin['legal']}  overlapPairs {fin['overlapPairs']}  "
      f"cellsOffRow {fin['cellsOffRow']}  cellsOffSite {fin['cellsOffSite']}  outsideCore {fin['outsideCore']}  "
      f"cellsWrongParity {fin['cellsWrongParity']}")
print("stages: " + ", ".join(f"{k} {v:.1f} s (HPWL {rep['stageHpwl'][k]:.4e})" for k, v in rep['stageSeconds'].items())
      + f"; total {rep['totalSeconds']:.1f} s; written-DEF HPWL {rep.get('defHpwl', float('nan')):.4e}")
print(f"final / input HPWL: {fin['hpwl'] / inp['hpwl']:.3f}")
PY
