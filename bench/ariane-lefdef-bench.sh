#!/usr/bin/env bash
# ariane133 (TILOS NanGate45: 133 fakeram45_256x16 SRAMs, 88,411 std cells) as a real LEF/DEF design:
# convert the Circuit Training .pb (+ Innovus floorplan DEF, LEFs) with PbToLefDef into an unplaced DEF and
# a DEF placed at the Cadence flow's .pb positions, evaluate the Cadence placement as the reference, then run
# `place --lef ... --def <unplaced>` end to end (macros placed by the placer) and evaluate the written DEF.
# HPWL is the real-pin net model of the DEF (evaluate reports DEF database units; UNITS DISTANCE MICRONS 2000).
# Usage: bench/ariane-lefdef-bench.sh [threads=2] [floorplan.def]   (writes under target/ariane-lefdef)
set -euo pipefail
cd "$(dirname "$0")/.."
threads="${1:-2}"
src="${ARIANE_DIR:-$(cd .. && pwd)/shared/benchmarks/tilos_ng45_ariane133}"
[ -d "$src" ] || src=/work/shared/benchmarks/tilos_ng45_ariane133
fp="${2:-$src/ariane133_fp.def}"
out=target/ariane-lefdef
rm -rf "$out" && mkdir -p "$out"
mvn -B -q package -DskipTests -pl placement-api -am   # also compiles the netlist-io test classes
jar=placement-api/target/placement-api.jar
lefs=(--lef "$src/NangateOpenCellLibrary.tech.lef" --lef "$src/NangateOpenCellLibrary.macro.mod.lef"
      --lef "$src/fakeram45_256x16.lef")
echo "load before: $(uptime)"
java -Xmx3g -cp "netlist-io/target/test-classes:netlist-io/target/classes" \
    org.chipplace.netlist.circuittraining.PbToLefDef "$src/ariane.pb.txt.gz" "$fp" \
    "$src/NangateOpenCellLibrary.tech.lef" "$src/NangateOpenCellLibrary.macro.mod.lef" \
    "$src/fakeram45_256x16.lef" "$out" | tee "$out/convert.log"
java -Xmx4g -jar "$jar" evaluate "${lefs[@]}" --def "$out/ariane133_cadence.def" --json > "$out/cadence.json"
# the same placement in Circuit Training's own model (pins of std cells at their centres), for comparison
java -Xmx4g -jar "$jar" evaluate --pb "$src/ariane.pb.txt.gz" "${lefs[@]}" --def "$fp" --json > "$out/cadence-pb.json"
rc=0
/usr/bin/time -f "%e %M" -o "$out/place.time" java -Xmx6g -jar "$jar" place "${lefs[@]}" \
    --def "$out/ariane133_unplaced.def" --out "$out/place" --threads "$threads" \
    > "$out/place.out" 2> "$out/place.log" || rc=$?
echo "place exit status $rc"; tail -3 "$out/place.log"
placed=$(ls "$out"/place/*.def 2>/dev/null | head -1 || true)
if [ -n "$placed" ]; then
    java -Xmx4g -jar "$jar" evaluate "${lefs[@]}" --def "$placed" --json > "$out/final.json"
fi
echo "load after: $(uptime)"
python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
def load(n):
    p = f"{d}/{n}"
    return json.load(open(p)) if os.path.exists(p) and os.path.getsize(p) else None
ref, refpb, fin, rep = load("cadence.json"), load("cadence-pb.json"), load("final.json"), load("place/report.json")
dbu = (rep or {}).get("dbuPerMicron", 2000.0)
secs, rss = open(f"{d}/place.time").read().split()[-2:]
def legality(m):
    return "  ".join(f"{k} {m[k]}" for k in ("legal", "overlapPairs", "overlapArea", "outsideCore", "cellsOffRow",
                                                "cellsOffSite", "cellsWrongParity") if k in m)
print(f"Cadence (.pb positions), real pins:  HPWL {ref['hpwl'] / dbu:,.0f} um  {legality(ref)}")
if refpb:
    print(f"Cadence, .pb model (cell centres):    HPWL {refpb['hpwlMicrons']:,.0f} um")
if fin:
    print(f"ours (place, evaluate on its DEF):    HPWL {fin['hpwl'] / dbu:,.0f} um  {legality(fin)}")
    print(f"ours / Cadence: {fin['hpwl'] / ref['hpwl']:.4f}")
print(f"place: {float(secs):.1f} s wall, {int(rss) / 1024:.0f} MB peak RSS")
if rep:
    print("stages: " + ", ".join(f"{s['name']} {s['seconds']:.1f} s (HPWL {s['hpwl'] / dbu:,.0f} um)" for s in rep["stages"])
          + f"; total {rep['totalSeconds']:.1f} s; written-DEF HPWL {rep.get('defHpwl', float('nan')) / dbu:,.0f} um")
    m = rep["metrics"]
    print(f"report.json metrics: HPWL {m['hpwl'] / dbu:,.0f} um  {legality(m)}")
PY
