#!/usr/bin/env bash
# Protocol check for the published ibm05 / ibm01 figures (issue: analytic placement).
# For each design: place it as shipped (with its I/O pads), report the final HPWL of all nets and of
# the nets without a terminal pin; then write a variant whose nets lose their terminal pins (nets
# left with fewer than 2 pins are dropped), place that, and report its HPWL. Where the benchmark folder
# holds the release's own placement (ibm05.iccad04_header.pl), also report that one's HPWL and legality.
# Usage: bench/io-protocol-bench.sh [design...]   (default: ibm05/ibm05 ibm01/ibm01; --threads 2)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}"
JAR=placement-api/target/placement-api.jar
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT=$(mktemp -d /tmp/io-protocol.XXXXXX)
designs=("$@")
[ ${#designs[@]} -gt 0 ] || designs=(ibm05/ibm05 ibm01/ibm01)

for d in "${designs[@]}"; do
  name=$(basename "$d")
  src="$BENCH/$(dirname "$d")"
  [ -f "$src/$name.aux" ] || { echo "skip $d: $src/$name.aux not found (set CHIPPLACE_BENCHMARKS)" >&2; continue; }
  mkdir -p "$OUT/$name/noio"
  cp "$src/$name".{aux,nodes,pl,scl,wts} "$OUT/$name/noio/" && chmod u+w "$OUT/$name/noio/"*
  java -jar "$JAR" place --aux "$src/$name.aux" --out "$OUT/$name/pads" --threads 2 >/dev/null 2>&1
  PYTHONPATH=bench python3 - "$src/$name.nodes" "$src/$name.nets" "$OUT/$name/pads/$name.pl" "$OUT/$name/noio/$name.nets" "$name" <<'PY'
import sys
import bookshelf
nodes, nets_path, pl, out, name = sys.argv[1:6]
w, h, term, x, y, nets = bookshelf.read(nodes, nets_path, pl)
def span(pins):
    xs = [x[a] + w[a] / 2 + dx for a, dx, dy, _ in pins]
    ys = [y[a] + h[a] / 2 + dy for a, dx, dy, _ in pins]
    return max(xs) - min(xs) + max(ys) - min(ys)
total = sum(span(p) for _, p in nets)
inner = sum(span(p) for _, p in nets if not any(a in term for a, *_ in p))
io = sum(1 for _, p in nets if any(a in term for a, *_ in p))
print(f"{name}: with pads: final HPWL {total:.4e}; nets without a terminal pin {inner:.4e} ({io} nets touch a terminal)")
kept = [(n, [q for q in p if q[0] not in term]) for n, p in nets]
kept = [(n, p) for n, p in kept if len(p) >= 2]
with open(out, "w") as f:
    f.write("UCLA nets 1.0\n\nNumNets : %d\nNumPins : %d\n" % (len(kept), sum(len(p) for _, p in kept)))
    for n, p in kept:
        f.write("NetDegree : %d  %s\n" % (len(p), n))
        for q in p:
            f.write(q[3] + "\n")
PY
  java -jar "$JAR" place --aux "$OUT/$name/noio/$name.aux" --out "$OUT/$name/noio-out" --threads 2 >/dev/null 2>&1
  echo "$name: $(python3 -c "import json;r=json.load(open('$OUT/$name/noio-out/report.json'));print('variant without terminal pins: final HPWL %.4e, legal %s'%(r['metrics']['hpwl'],r['metrics']['legal']))")"
  # a reference placement from the benchmark's release, where there is one (ibm05: the ICCAD04 .pl)
  if [ -f "$src/$name.iccad04_header.pl" ]; then
    mkdir -p "$OUT/$name/release"
    cp "$src/$name".{aux,nodes,nets,scl,wts} "$OUT/$name/release/" && cp "$src/$name.iccad04_header.pl" "$OUT/$name/release/$name.pl"
    chmod u+w "$OUT/$name/release/"*
    java -jar "$JAR" evaluate --aux "$OUT/$name/release/$name.aux" --json 2>/dev/null | python3 -c "
import json, sys
r = json.load(sys.stdin)
print('$name: the release .pl (ICCAD04, 2004): HPWL %.4e, legal %s (%d overlapping pairs, %d cells off row, %d outside the core)'
      % (r['hpwl'], r['legal'], r['overlapPairs'], r['cellsOffRow'], r['outsideCore']))"
  fi
done 2>&1
echo "outputs in $OUT" >&2
