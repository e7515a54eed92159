#!/usr/bin/env bash
# Placement quality/speed benchmark (issue: analytic mixed-size placement).
# Runs `place` on ibm02_stdcell, ibm03_stdcell, ibm05 and ibm01 (movable macros, --macro-placer none)
# and optionally a synthetic scaling series, then writes the tables into docs/benchmarks.md
# between the placement-bench markers.
#
# usage: bench/placement-bench.sh [--scaling "10000 100000 1000000"] [--threads N]
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}"
JAR=placement-api/target/placement-api.jar
SCALING=""
THREADS=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scaling) SCALING="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT=$(mktemp -d /tmp/placement-bench.XXXXXX)
JAVA_OPTS="${JAVA_OPTS:--Xmx6g}"

run_one() { # name aux extra-args...
  local name=$1 aux=$2; shift 2
  mkdir -p "$OUT/$name"
  /usr/bin/time -v java $JAVA_OPTS -jar "$JAR" place --aux "$aux" --out "$OUT/$name" --threads "$THREADS" "$@" \
    >"$OUT/$name/stdout.txt" 2>"$OUT/$name/stderr.txt" || true
  grep "Maximum resident set size" "$OUT/$name/stderr.txt" | awk '{print $6}' >"$OUT/$name/rss_kb"
  grep "Elapsed (wall clock)" "$OUT/$name/stderr.txt" | awk '{print $8}' >"$OUT/$name/wall"
  echo "$name: $(python3 -c "import json;r=json.load(open('$OUT/$name/report.json'));print('HPWL %.4e legal %s %.1fs'%(r['metrics']['hpwl'],r['metrics']['legal'],r['totalSeconds']))" 2>/dev/null || echo FAILED)" >&2
}

for d in ibm02_stdcell/ibm02 ibm03_stdcell/ibm03 ibm05/ibm05 ibm01/ibm01; do
  if [ -f "$BENCH/$d.aux" ]; then run_one "$(basename "$d")" "$BENCH/$d.aux"; fi
done
for n in $SCALING; do
  java -jar "$JAR" generate --out "$OUT/gen$n" --name "syn$n" --cells "$n" --macros 0 --pads 256 --seed 1 >/dev/null
  run_one "syn$n" "$OUT/gen$n/syn$n.aux"
done

python3 - "$OUT" "$SCALING" <<'PY'
import json, os, sys, re, datetime, platform
out, scaling = sys.argv[1], sys.argv[2].split()
published = {
  "ibm02": "Capo 4.06, Dragon 3.68, FastPlace 3.93, FastPlace-Domino 3.69 (x1e6); target <= 3.60e6 in < 30 s",
  "ibm03": "Capo 5.11, Dragon 4.81, FastPlace 5.27, FastPlace-Domino 4.95 (x1e6); target <= 4.75e6 in < 30 s",
  "ibm05": "DREAMPlace 7.60e6, MaskPlace+DP 7.67e6; target <= 7.60e6 in < 60 s",
  "ibm01": "DREAMPlace 2.23e6, diffusion placer 2.09e6 (ICCAD04 ibm01 with pin offsets); target <= 2.3e6",
}
def load(name):
    p = os.path.join(out, name, "report.json")
    if not os.path.exists(p): return None
    r = json.load(open(p))
    rss = open(os.path.join(out, name, "rss_kb")).read().strip()
    r["_rss_mb"] = int(rss) / 1024 if rss else float("nan")
    r["_wall"] = open(os.path.join(out, name, "wall")).read().strip()
    return r
def fmt(v): return "%.4e" % v if isinstance(v, (int, float)) else "-"
lines = []
cpu = re.sub(r"\s+", " ", [l for l in open("/proc/cpuinfo") if l.startswith("model name")][0].split(":")[1].strip())
lines.append(f"Measured {datetime.date.today()} on {os.cpu_count()} cores ({cpu}), `bench/placement-bench.sh`, default options "
             "(target density 1.0, target overflow 0.07, seed 1). HPWL is unweighted, pins at cell centre + offset; "
             "`legal` is the project's own `evaluate`.")
lines.append("")
lines.append("| design | HPWL after GP | after LG | after DP (final) | GP overflow | legal | GP s | LG s | DP s | total s | wall | peak RSS MB | published / target |")
lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for name in ["ibm02", "ibm03", "ibm05", "ibm01"]:
    r = load(name)
    if r is None: continue
    s, h = r["stageSeconds"], r["stageHpwl"]
    gp = h.get("global-cells", h.get("global"))
    gps = s.get("global", 0) + s.get("global-cells", 0) + s.get("macro-legalize", 0)
    ov = r["globalOverflowTrace"][-1] if r["globalOverflowTrace"] else float("nan")
    lines.append(f"| {name} | {fmt(gp)} | {fmt(h['legalize'])} | {fmt(r['metrics']['hpwl'])} | {ov:.3f} | {r['metrics']['legal']} "
                 f"| {gps:.1f} | {s['legalize']:.2f} | {s.get('detailed', 0):.1f} | {r['totalSeconds']:.1f} | {r['_wall']} | {r['_rss_mb']:.0f} | {published[name]} |")
if scaling:
    lines.append("")
    lines.append("Scaling on synthetic standard-cell designs (`generate --cells N --macros 0 --pads 256 --seed 1`, utilisation 0.7):")
    lines.append("")
    lines.append("| cells | pins | final HPWL | legal | GP s | LG s | DP s | total s | s per (n log2 n / 1e6) | peak RSS MB |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|")
    import math
    for n in scaling:
        r = load("syn" + n)
        if r is None:
            lines.append(f"| {n} | - | failed | | | | | | | |"); continue
        s = r["stageSeconds"]; n_ = int(n)
        lines.append(f"| {n} | {r['metrics']['pins']} | {fmt(r['metrics']['hpwl'])} | {r['metrics']['legal']} | {s['global']:.1f} | {s['legalize']:.2f} | "
                     f"{s.get('detailed', 0):.1f} | {r['totalSeconds']:.1f} | {r['totalSeconds'] / (n_ * math.log2(n_) / 1e6):.2f} | {r['_rss_mb']:.0f} |")
table = "\n".join(lines)
doc = "docs/benchmarks.md"
text = open(doc).read() if os.path.exists(doc) else "# Benchmarks\n"
start, end = "<!-- placement-bench:start -->", "<!-- placement-bench:end -->"
block = f"{start}\n{table}\n{end}"
if start in text:
    text = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda m: block, text, flags=re.S)
else:
    text = text.rstrip() + "\n\n## Placement (legalizer)\n\n" + block + "\n"
open(doc, "w").write(text)
print(table)
PY
