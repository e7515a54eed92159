package org.chipplace.offline.env;

import java.util.Arrays;

/** Deterministic macro orders of {@link MacroOrder} (indices into {@link EnvModel#macroNode}). */
final class MacroOrdering {
    private MacroOrdering() {
    }

    static int[] order(EnvModel md, MacroOrder kind) {
        int m = md.numMacros;
        int[] order = new int[m];
        switch (kind) {
            case INDEX -> {
                for (int k = 0; k < m; k++) {
                    order[k] = k;
                }
            }
            case AREA -> {
                Integer[] idx = new Integer[m];
                for (int k = 0; k < m; k++) {
                    idx[k] = k;
                }
                Arrays.sort(idx, (p, q) -> {
                    int c = Double.compare(md.area(q), md.area(p));
                    if (c != 0) {
                        return c;
                    }
                    c = Integer.compare(md.netCount(q), md.netCount(p));
                    return c != 0 ? c : Integer.compare(p, q);
                });
                for (int k = 0; k < m; k++) {
                    order[k] = idx[k];
                }
            }
            default -> connectivity(md, order);
        }
        return order;
    }

    /** Distinct macro neighbours (sharing a relevant net) of every macro, as CSR {start, list}. */
    static int[][] neighbours(EnvModel md) {
        int m = md.numMacros;
        int[] netStart = new int[md.numRel + 1];
        for (int i = 0; i < md.mnRel.length; i++) {
            netStart[md.mnRel[i] + 1]++;
        }
        for (int r = 0; r < md.numRel; r++) {
            netStart[r + 1] += netStart[r];
        }
        int[] fill = netStart.clone();
        int[] netMacros = new int[md.mnRel.length];
        for (int k = 0; k < m; k++) {
            for (int i = md.mnStart[k]; i < md.mnStart[k + 1]; i++) {
                netMacros[fill[md.mnRel[i]]++] = k;
            }
        }
        int[] mark = new int[m];
        Arrays.fill(mark, -1);
        int[] start = new int[m + 1];
        int[] list = new int[16];
        int cnt = 0;
        for (int k = 0; k < m; k++) {
            start[k] = cnt;
            mark[k] = k;
            for (int i = md.mnStart[k]; i < md.mnStart[k + 1]; i++) {
                int r = md.mnRel[i];
                for (int j = netStart[r]; j < netStart[r + 1]; j++) {
                    int o = netMacros[j];
                    if (mark[o] != k) {
                        mark[o] = k;
                        if (cnt == list.length) {
                            list = Arrays.copyOf(list, cnt * 2);
                        }
                        list[cnt++] = o;
                    }
                }
            }
        }
        start[m] = cnt;
        return new int[][] {start, Arrays.copyOf(list, cnt)};
    }

    private static void connectivity(EnvModel md, int[] order) {
        int m = md.numMacros;
        int[][] nb = neighbours(md);
        int[] start = nb[0];
        int[] list = nb[1];
        int[] placedNb = new int[m];
        boolean[] placed = new boolean[m];
        for (int t = 0; t < m; t++) {
            int best = -1;
            for (int k = 0; k < m; k++) {
                if (!placed[k] && (best < 0 || better(md, placedNb, k, best))) {
                    best = k;
                }
            }
            order[t] = best;
            placed[best] = true;
            for (int j = start[best]; j < start[best + 1]; j++) {
                placedNb[list[j]]++;
            }
        }
    }

    private static boolean better(EnvModel md, int[] placedNb, int a, int b) {
        if (placedNb[a] != placedNb[b]) {
            return placedNb[a] > placedNb[b];
        }
        if (md.netCount(a) != md.netCount(b)) {
            return md.netCount(a) > md.netCount(b);
        }
        int c = Double.compare(md.area(a), md.area(b));
        if (c != 0) {
            return c > 0;
        }
        return a < b;
    }
}
