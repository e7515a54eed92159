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
  PYTHONPATH=bench python3 - "$src/$name.nodes" "$src/$name.nets" "$OUT/$name/$name.pl" "$name" <<'PY'
import sys
import bookshelf
nodes, nets_path, pl, name = sys.argv[1:5]
w, h, term, x, y, named = bookshelf.read(nodes, nets_path, pl)
nets = [[(a, dx, dy) for a, dx, dy, _ in pins] for _, pins in named]
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
