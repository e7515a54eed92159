"""Prints the ICCAD04 benchmark table from the runs of bench/iccad04-bench.sh.

usage: python3 bench/iccad04_report.py OUT_DIR design...
Reads OUT_DIR/{new,base}/<design>/{report.json,time,walls}; with several runs of a design (walls has
one wall time per run) the wall column is the least of them, followed by all in brackets. Works with both report.json shapes (stages as a
list of {name, seconds, hpwl}, or the older stageSeconds/stageHpwl maps).
"""
import json
import math
import os
import sys

# RePlAce (TCAD 2019) + NTUplace3 detailed placement, HPWL by UMich WLCalc, on exactly these files
# (mgwoo/RePlAce doc/result_table.png; ../shared/benchmarks/SOURCES.md).
REPLACE = {"ibm01": 2282370, "ibm02": 4759440, "ibm03": 6435680, "ibm04": 7261170, "ibm06": 5807790,
           "ibm08": 11467000, "ibm10": 27428500, "ibm12": 30633300, "ibm14": 34180200}


def stages(r):
    if isinstance(r.get("stages"), list):
        return [(s["name"], s["seconds"], s["hpwl"]) for s in r["stages"]]
    return [(k, r["stageSeconds"][k], r["stageHpwl"][k]) for k in r.get("stageSeconds", {})]


def gp_iterations(r):
    """(iterations, index of the returned iterate) of the first global placement, from its traces."""
    tr = r.get("traces", r)
    h = tr.get("globalHpwlTrace") or []
    of = tr.get("globalOverflowTrace") or []
    if not h:
        return 0, 0
    # report.json names the returned iterate; reports of older releases do not (then: the last)
    kept = tr.get("globalKeptIteration")
    if kept is None:
        kept = len(h) - 1
    return len(h), kept


def load(out, tag, d):
    p = os.path.join(out, tag, d, "report.json")
    if not os.path.exists(p):
        return None
    r = json.load(open(p))
    wall, rss = open(os.path.join(out, tag, d, "time")).read().split()[-2:]
    r["_wall"], r["_rss"] = float(wall), int(rss) / 1024
    r["_walls"] = []
    wp = os.path.join(out, tag, d, "walls")
    if os.path.exists(wp):
        r["_walls"] = [float(w) for w in open(wp).read().split()]
        if r["_walls"]:
            r["_wall"] = min(r["_walls"])
    return r


def main():
    out, designs = sys.argv[1], sys.argv[2:]
    tags = [t for t in ("new", "base") if os.path.isdir(os.path.join(out, t))]
    ratios = {t: [] for t in tags}
    print("| run | design | HPWL | / RePlAce | legal | wall s | RSS MB | GP its (kept) | stages: s (HPWL) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for d in designs:
        for t in tags:
            r = load(out, t, d)
            if r is None:
                print("| %s | %s | failed | | | | | | |" % (t, d))
                continue
            m = r["metrics"]
            ref = REPLACE.get(d)
            ratio = m["hpwl"] / ref if ref else float("nan")
            if ref:
                ratios[t].append(ratio)
            its, kept = gp_iterations(r)
            st = ", ".join("%s %.1f (%.3e)" % (n, s, h) for n, s, h in stages(r))
            walls = "%.1f" % r["_wall"]
            if len(r["_walls"]) > 1:
                walls += " (%s)" % ", ".join("%.1f" % w for w in r["_walls"])
            print("| %s | %s | %.4e | %s | %s | %s | %.0f | %d (%d) | %s |" % (
                t, d, m["hpwl"], "%.3f" % ratio if ref else "-", m["legal"], walls, r["_rss"], its, kept, st))
    for t in tags:
        if ratios[t]:
            g = math.exp(sum(math.log(x) for x in ratios[t]) / len(ratios[t]))
            print("\n%s: geometric mean of HPWL / RePlAce over %d designs with macros: %.4f" % (t, len(ratios[t]), g))


if __name__ == "__main__":
    main()
