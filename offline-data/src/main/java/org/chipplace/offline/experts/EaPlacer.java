package org.chipplace.offline.experts;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;
import org.chipplace.placer.ProgressListener;

/**
 * Evolutionary macro placer in the spirit of WireMask-EA (Shi, Xue, Song, Qian; NeurIPS 2023).
 *
 * <p>Genotype: a preferred cell for every macro plus the placement order. Decoding: wire-mask
 * guided greedy placement: each macro goes to the legal cell of least HPWL increase, ties broken
 * towards its preferred cell (so the genotype picks among equally good cells); the decoded cells
 * replace the preferred cells (Lamarckian). Search: a (1+λ)-EA with λ = threads, started from the
 * best greedy solution over all {@link TieBreak}s (so it never ends worse than
 * {@link GreedyPlacer}) and, with {@link EaOptions#warmStart()}, also from the macros' current
 * positions (their grid cells as preferred cells, decoded greedily); a mutation applies
 * 1 + Geometric(1/2) moves, each either swapping the preferred cells of two macros or sending one
 * macro's preferred cell to a uniform random cell, and with probability {@code orderMutation}
 * swaps two neighbouring macros in the order. A child replaces the parent when its cost is not
 * larger. Stops at the time limit or evaluation limit.
 *
 * <p><b>Cost.</b> The macro HPWL of the environment, plus with {@link EaOptions#densityWeight()}
 * w &gt; 0 a density term: w times the standard-cell area under the macros (cells at their positions in
 * the placement the environment was built from, area split exactly over the grid cells) divided by
 * the row height. In the cell-aware flow the cells sit at their mixed-size global-placement positions,
 * so the term is the row length of cells that a macro placement displaces: macros pulled onto regions
 * the global placement filled with cells (or into narrow channels between macros, where cells were
 * spread) pay for the cells that cell placement and legalization must then move.
 *
 * <p><b>Local mode</b> ({@link EaOptions#warmStart()} with {@link EaOptions#localRadius()} r &gt;= 0):
 * a local search around the given positions, for refining an analytic (global) placement. The
 * genotype's preferred cells are positions: decoding sends each macro to the legal cell nearest its
 * preferred cell (so the start, the snapped given positions, is a legalization of them); the only
 * seed is that start; a random move shifts one macro's preferred cell by up to r cells per axis
 * (r = 0: a uniform cell) instead of sending it anywhere.
 */
public final class EaPlacer implements Expert {
    private final EnvOptions options;
    private final EaOptions ea;

    public EaPlacer(EnvOptions options, EaOptions ea) {
        this.options = options;
        this.ea = ea;
    }

    public EaPlacer() {
        this(EnvOptions.defaults(), EaOptions.defaults());
    }

    @Override
    public String name() {
        return "ea";
    }

    @Override
    public EnvOptions envOptions() {
        return options;
    }

    public EaOptions eaOptions() {
        return ea;
    }

    /**
     * A genotype (order and preferred cell per macro) with its HPWL once decoded; for a child,
     * {@code parentCells} and {@code from}: steps before {@code from} decode as in the parent.
     */
    private record Solution(int[] order, int[] cells, double hpwl, double cost, int[] parentCells, int from) {
    }

    /**
     * The density term of the objective ({@link EaOptions#densityWeight()}): {@code scale} times the
     * standard-cell area under the macros, from the prefix sums of the cells' area per grid cell.
     */
    private record Density(double[] prefix, int g, int[] gw, int[] gh, double scale) {
        static Density of(MacroEnv env, double weight) {
            if (!(weight > 0)) {
                return null;
            }
            int g = env.grid();
            Netlist nl = env.netlist();
            double[] area = CellDensityKernel.cellArea(nl, env.fixedPositions(), g, env.gridX0(), env.gridY0(),
                    env.cellWidth(), env.cellHeight());
            double[] prefix = new double[(g + 1) * (g + 1)];
            CellDensityKernel.prefixSums(area, g, prefix);
            double rowHeight = nl.rowHeight() > 0 ? nl.rowHeight() : env.cellHeight();
            int[] gw = new int[env.numSteps()];
            int[] gh = new int[env.numSteps()];
            for (int k = 0; k < gw.length; k++) {
                gw[k] = env.gridWidth(k);
                gh[k] = env.gridHeight(k);
            }
            return new Density(prefix, g, gw, gh, weight / rowHeight);
        }

        double penalty(int[] cells) {
            return scale * CellDensityKernel.areaUnder(prefix, g, cells, gw, gh);
        }
    }

    /** Decodes a genotype: greedily when {@code radius < 0}, else each macro to the nearest legal cell. */
    private static Solution decode(MacroEnv env, Experts.Scratch s, int[] order, int[] pref, TieBreak tie,
                                   int radius, Density dens) {
        return decode(env, s, order, pref, tie, radius, null, 0, dens);
    }

    /**
     * Decodes a genotype. The first {@code from} steps replay {@code replay} (the parent's decoded
     * cells): a greedy step whose state and preferred cell equal the parent's picks the parent's cell,
     * because the parent's preferred cells are its own decoded cells, so only the steps from the
     * first mutated macro on need the masks. With {@code radius >= 0} (local mode) every step takes
     * the legal cell nearest the preferred cell instead of the greedy one.
     */
    private static Solution decode(MacroEnv env, Experts.Scratch s, int[] order, int[] pref, TieBreak tie,
                                   int radius, int[] replay, int from, Density dens) {
        env.reset(order);
        if (replay != null) {
            for (int t = 0; t < from; t++) {
                env.step(replay[order[t]]);
            }
        }
        while (!env.done()) {
            int k = env.nextMacro();
            env.step(radius >= 0 ? Experts.nearest(env, s, pref[k])
                    : Experts.greedy(env, s, pref == null ? -1 : pref[k], tie));
        }
        int[] cells = new int[env.numSteps()];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = env.cellOf(k);
        }
        double cost = env.hpwl() + (dens == null ? 0 : dens.penalty(cells));
        return new Solution(order, cells, env.hpwl(), cost, null, 0);
    }

    private Solution mutate(Solution p, SplittableRandom rnd, int g, int radius) {
        int[] cells = p.cells().clone();
        int[] order = p.order();
        int m = cells.length;
        int[] pos = new int[m];
        for (int t = 0; t < m; t++) {
            pos[order[t]] = t;
        }
        int from = m;
        int moves = 1;
        while (moves < m && rnd.nextBoolean()) {
            moves++;
        }
        for (int i = 0; i < moves; i++) {
            int a = rnd.nextInt(m);
            if (rnd.nextBoolean()) {
                int b = rnd.nextInt(m);
                int tmp = cells[a];
                cells[a] = cells[b];
                cells[b] = tmp;
                from = Math.min(from, Math.min(pos[a], pos[b]));
            } else if (radius > 0) {
                int ix = Math.max(0, Math.min(g - 1, cells[a] / g + rnd.nextInt(2 * radius + 1) - radius));
                int iy = Math.max(0, Math.min(g - 1, cells[a] % g + rnd.nextInt(2 * radius + 1) - radius));
                cells[a] = ix * g + iy;
                from = Math.min(from, pos[a]);
            } else {
                cells[a] = rnd.nextInt(g * g);
                from = Math.min(from, pos[a]);
            }
        }
        if (m > 1 && rnd.nextDouble() < ea.orderMutation()) {
            order = order.clone();
            int a = rnd.nextInt(m - 1);
            int tmp = order[a];
            order[a] = order[a + 1];
            order[a + 1] = tmp;
            from = Math.min(from, a);
        }
        return new Solution(order, cells, Double.NaN, Double.NaN, p.cells(), from);
    }

    @Override
    public Trajectory rollout(MacroEnv env, long seed, ProgressListener progress) {
        if (env.numSteps() == 0) {
            return Experts.rollout(env, (e, s, r) -> 0, new SplittableRandom(seed), name());
        }
        long deadline = System.nanoTime() + (long) (ea.timeLimitSeconds() * 1e9);
        int lambda = ea.threads();
        MacroEnv[] envs = new MacroEnv[lambda];
        Experts.Scratch[] scratch = new Experts.Scratch[lambda];
        for (int i = 0; i < lambda; i++) {
            envs[i] = i == 0 ? env : env.fork();
            scratch[i] = new Experts.Scratch(env.grid());
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Solution parent = null;
        int evals = 0;
        // local mode: genotype cells are positions, decoded by the nearest legal cell
        int radius = ea.warmStart() ? ea.localRadius() : -1;
        Density dens = Density.of(env, ea.densityWeight());
        if (radius < 0) {
            for (TieBreak tie : TieBreak.values()) {
                Solution sol = decode(env, scratch[0], env.defaultOrder(), null, tie, -1, dens);
                if (parent == null || sol.cost() < parent.cost()) {
                    parent = sol;
                }
            }
            evals += TieBreak.values().length;
        }
        if (ea.warmStart()) {
            int[] pref = new int[env.numSteps()];
            for (int k = 0; k < pref.length; k++) {
                pref[k] = env.snappedCell(k);
            }
            Solution warm = decode(env, scratch[0], env.defaultOrder(), pref, TieBreak.LOWER_LEFT, radius, dens);
            if (parent == null || warm.cost() < parent.cost()) {
                parent = warm;
            }
            evals++;
        }
        int gen = 0;
        ExecutorService pool = lambda > 1 ? Executors.newFixedThreadPool(lambda, r -> {
            Thread t = new Thread(r, "ea-decode");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (System.nanoTime() < deadline && (ea.maxEvaluations() == 0 || evals < ea.maxEvaluations())) {
                Solution[] children = new Solution[lambda];
                for (int i = 0; i < lambda; i++) {
                    children[i] = mutate(parent, rnd, env.grid(), radius);
                }
                Solution[] decoded = evaluate(pool, envs, scratch, children, radius, dens);
                evals += lambda;
                gen++;
                Solution bestChild = decoded[0];
                for (Solution c : decoded) {
                    if (c.cost() < bestChild.cost()) {
                        bestChild = c;
                    }
                }
                if (bestChild.cost() <= parent.cost()) {
                    parent = bestChild;
                }
                double remaining = (deadline - System.nanoTime()) / 1e9;
                progress.report("macro", gen, Math.min(1, Math.max(0, 1 - remaining / ea.timeLimitSeconds())),
                        parent.cost(), Double.NaN);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        final int[] best = parent.cells();
        env.reset(parent.order());
        // replay the best decoded cells (a greedy decode of them would not reproduce a nearest-cell seed)
        return Experts.continueRollout(env, (e, s, r) -> best[e.nextMacro()], rnd, name());
    }

    private static Solution[] evaluate(ExecutorService pool, MacroEnv[] envs, Experts.Scratch[] scratch,
                                       Solution[] children, int radius, Density dens) {
        Solution[] out = new Solution[children.length];
        if (pool == null) {
            out[0] = decode(envs[0], scratch[0], children[0].order(), children[0].cells(), TieBreak.LOWER_LEFT,
                    radius, children[0].parentCells(), children[0].from(), dens);
            return out;
        }
        List<Future<Solution>> futures = new ArrayList<>(children.length);
        for (int i = 0; i < children.length; i++) {
            final int j = i;
            futures.add(pool.submit(() -> decode(envs[j], scratch[j], children[j].order(), children[j].cells(),
                    TieBreak.LOWER_LEFT, radius, children[j].parentCells(), children[j].from(), dens)));
        }
        try {
            for (int i = 0; i < out.length; i++) {
                out[i] = futures.get(i).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("EA interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("EA decoding failed", e.getCause());
        }
        return out;
    }
}
