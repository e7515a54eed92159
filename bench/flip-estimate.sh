#!/usr/bin/env bash
# How much HPWL cell flipping could still give (issue: analytic placement, ibm05's target).
# Places the design with `place` (2 threads), then, on that final placement, mirrors standard cells
# about their vertical axis (orientation FN: each pin's x offset from the cell centre negated) one
# at a time, keeping a flip only when the x-span of the cell's nets strictly drops; three greedy
# passes. Cells do not move, so legality is unchanged. Our placer does not flip cells; this is an
# upper-bound style estimate of what adding the move would be worth, not a feature.
# Usage: bench/flip-estimate.sh [design...]   (default: ibm05/ibm05; designs under CHIPPLACE_BENCHMARKS)
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH="${CHIPPLACE_BENCHMARKS:-../shared/benchmarks}"
JAR=placement-api/target/placement-api.jar
[ -f "$JAR" ] || mvn -B -q install -DskipTests
OUT=$(mktemp -d /tmp/flip-estimate.XXXXXX)
designs=("$@")
[ ${#designs[@]} -gt 0 ] || designs=(ibm05/ibm05)

for d in "${designs[@]}"; do
  name=$(basename "$d")
  src="$BENCH/$(dirname "$d")"
  [ -f "$src/$name.aux" ] || { echo "skip $d: $src/$name.aux not found (set CHIPPLACE_BENCHMARKS)" >&2; continue; }
  java -jar "$JAR" place --aux "$src/$name.aux" --out "$OUT/$name" --threads 2 >/dev/null 2>&1
  python3 - "$src/$name.nodes" "$src/$name.nets" "$OUT/$name/$name.pl" "$name" <<'PY'
import sys
nodes, nets_path, pl, name = sys.argv[1:5]
w, h, term = {}, {}, set()
for line in open(nodes):
    t = line.split()
    if len(t) >= 3 and t[0] not in ("UCLA", "NumNodes", "NumTerminals") and not t[0].startswith("#"):
        w[t[0]], h[t[0]] = float(t[1]), float(t[2])
        if len(t) > 3 and t[3].startswith("terminal"):
            term.add(t[0])
x, y = {}, {}
for line in open(pl):
    t = line.split()
    if len(t) >= 3 and t[0] in w:
        x[t[0]], y[t[0]] = float(t[1]), float(t[2])
nets = []
for line in open(nets_path):
    t = line.split()
    if not t or t[0] in ("UCLA", "NumNets", "NumPins") or t[0].startswith("#"):
        continue
    if t[0] == "NetDegree":
        nets.append([])
        continue
    dx = dy = 0.0
    if ":" in t:
        i = t.index(":")
        dx, dy = float(t[i + 1]), float(t[i + 2])
    nets[-1].append((t[0], dx, dy))
flipped = set()
def pin_x(a, dx):
    return x[a] + w[a] / 2 + (-dx if a in flipped else dx)
def span_x(net):
    xs = [pin_x(a, dx) for a, dx, _ in net]
    return max(xs) - min(xs)
def hpwl():
    total = 0.0
    for net in nets:
        ys = [y[a] + h[a] / 2 + dy for a, _, dy in net]
        total += span_x(net) + max(ys) - min(ys)
    return total
on_cell = {}
for net in nets:
    for a, _, _ in net:
        on_cell.setdefault(a, []).append(net)
before = hpwl()
for _ in range(3):
    for a in w:
        if a in term or a not in on_cell:
            continue
        old = sum(span_x(n) for n in on_cell[a])
        flipped ^= {a}
        if sum(span_x(n) for n in on_cell[a]) >= old - 1e-9:
            flipped ^= {a}
after = hpwl()
print(f"{name}: final HPWL {before:.4e}; with {len(flipped)} cells flipped (FN) {after:.4e} "
      f"({(after - before) / before * 100:+.2f} %)")
PY
done 2>&1
echo "outputs in $OUT" >&2
