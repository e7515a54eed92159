"""Minimal Bookshelf reader shared by the bench scripts' Python checks (not the product's parser).

read(nodes, nets, pl) returns (w, h, term, x, y, nets): node width/height and lower-left x/y by
name, the set of terminal names, and nets as a list of (name, pins), each pin a tuple
(node, dx, dy, line) with the pin offset from the node centre and the .nets line it came from.
"""


def read(nodes_path, nets_path, pl_path):
    w, h, term = {}, {}, set()
    for line in open(nodes_path):
        t = line.split()
        if len(t) >= 3 and t[0] not in ("UCLA", "NumNodes", "NumTerminals") and not t[0].startswith("#"):
            w[t[0]], h[t[0]] = float(t[1]), float(t[2])
            if len(t) > 3 and t[3].startswith("terminal"):
                term.add(t[0])
    x, y = {}, {}
    for line in open(pl_path):
        t = line.split()
        if len(t) >= 3 and t[0] in w:
            x[t[0]], y[t[0]] = float(t[1]), float(t[2])
    nets = []
    for line in open(nets_path):
        t = line.split()
        if not t or t[0] in ("UCLA", "NumNets", "NumPins") or t[0].startswith("#"):
            continue
        if t[0] == "NetDegree":
            nets.append((t[-1], []))
            continue
        dx = dy = 0.0
        if ":" in t:
            i = t.index(":")
            dx, dy = float(t[i + 1]), float(t[i + 2])
        nets[-1][1].append((t[0], dx, dy, line.rstrip("\n")))
    return w, h, term, x, y, nets
