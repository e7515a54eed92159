package org.chipplace.placer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.chipplace.metrics.Hpwl;
import org.chipplace.metrics.Metrics;
import org.chipplace.metrics.MetricsOptions;
import org.chipplace.metrics.MetricsReport;
import org.chipplace.netlist.Netlist;
import org.chipplace.netlist.Placement;
import org.chipplace.placer.detailed.DetailedPlacer;
import org.chipplace.placer.detailed.DetailedPlacerOptions;
import org.chipplace.placer.global.GlobalPlacementResult;
import org.chipplace.placer.global.GlobalPlacer;
import org.chipplace.placer.global.GlobalPlacerOptions;
import org.chipplace.placer.legalize.CellLegalizer;
import org.chipplace.placer.legalize.LegalizerOptions;
import org.chipplace.placer.legalize.Flipper;
import org.chipplace.placer.legalize.MacroLegalizer;

/**
 * The placement pipeline: global placement -> macro placement or legalization -> cell-only global
 * placement refinement -> cell legalization -> detailed placement -> metrics.
 *
 * <p>Without a macro placer, macros move in the mixed-size global placement (ePlace-MS style) and
 * are legalized afterwards (stages {@code global}, {@code macro-legalize}, {@code global-cells} when
 * {@link PlacerOptions#refineCellsAfterMacros()}). With one, the flow is cell-aware: the same
 * mixed-size global placement runs first ({@code global-mixed}) so that the macro placer sees the
 * standard cells at their global positions (and the macros at their analytic positions); the macro
 * placer then places the macros, they are legalized and fixed ({@code macro}), and the cells are
 * re-placed around them by global placement started from their current positions ({@code global}).
 * Then {@code legalize} and {@code detailed}. Each candidate of the macro placer (and, with
 * {@link PlacerOptions#analyticCandidate()}, the mixed-size placement's own macros) goes through those
 * stages; the least final HPWL wins. After macro legalization the macros are flipped where that
 * shortens their nets ({@link Flipper}, {@link PlacerOptions#macroFlipping()}); the stages after it
 * and the result use the netlist with the flipped pin offsets ({@link PlacementResult#netlist()}).
 * With {@link PlacerOptions#releaseMacros()} each of the macro placer's candidates is first released to
 * the analytic placer ({@link #release}) and finished from there.
 */
public final class Placer {
    /**
     * The analytic flow's early and continued iterates are detail-placed only when their legalized HPWL
     * is within this fraction of the lesser one. Detailed placement takes 1.4-5.6 % off on the ICCAD04
     * designs and about as much from two iterates of one design (ibm14: 2.6 % from each), so one further
     * behind does not catch up; it is not finished and its legalized HPWL is reported.
     */
    static final double FINISH_MARGIN = 0.02;

    private Placer() {
    }

    /**
     * Places {@code netlist} starting from its initial placement (fixed objects keep their positions).
     *
     * @param netlist     the design
     * @param options     pipeline options
     * @param macroPlacer places the macros first, or null to let global placement move them
     * @param progress    progress reports of every stage (may be null)
     * @return the final placement, its metrics and per-stage reports
     * @throws org.chipplace.placer.legalize.LegalizationException when the design cannot be legalized
     */
    public static PlacementResult place(Netlist netlist, PlacerOptions options, MacroPlacer macroPlacer,
                                        ProgressListener progress) {
        Objects.requireNonNull(netlist, "netlist");
        Objects.requireNonNull(options, "options");
        ProgressListener pl = progress == null ? ProgressListener.NONE : progress;
        options = options.resolvedFor(netlist); // the automatic target density, if asked for
        Placement p = netlist.initialPlacement();
        List<StageReport> stages = new ArrayList<>();
        int n = netlist.numNodes();
        Masks masks = Masks.of(netlist);
        boolean[] macros = masks.macros();
        boolean[] cells = masks.cells();
        boolean hasMacros = netlist.numMacros() > 0;
        LegalizerOptions lgOptions = legalizerOptions(options);
        GlobalPlacerOptions gpOptions = globalOptions(options);

        Netlist placed = netlist; // with the pin offsets of the final orientations
        double[] hpwlTrace;
        double[] overflowTrace;
        int kept;
        List<GlobalPass> passes = new ArrayList<>();
        if (hasMacros && macroPlacer != null) {
            // cell-aware macro placement: a mixed-size global placement gives the cell distribution
            // (and analytic macro positions) the macro placer starts from; cells then go back to GP
            long t = System.nanoTime();
            GlobalPlacerOptions mixed = mixedOptions(options, false);
            GlobalPlacementResult mixedGp = GlobalPlacer.place(netlist, p, masks.movable(), mixed, pl);
            passes.add(pass("global-mixed", true, mixedGp, mixed));
            stages.add(stage("global-mixed", t, netlist, p));
            t = System.nanoTime();
            List<Placement> candidates = new ArrayList<>(macroPlacer.candidates(netlist, p, options.seed(), pl));
            if (candidates.isEmpty()) {
                throw new IllegalStateException("macro placer " + macroPlacer.name() + " gave no candidate");
            }
            int placerCandidates = candidates.size();
            if (options.analyticCandidate()) {
                candidates.add(p.copy()); // the mixed-size GP's own macros, as the flow without a macro placer
                if (mixedGp.early() != null) {
                    candidates.add(mixedGp.early()); // and those of its early stop (see GlobalPlacementResult)
                }
            }
            double macroSeconds = (System.nanoTime() - t) * 1e-9;
            // each candidate goes through the cell stages; the least final HPWL wins (the first on ties)
            List<StageReport> best = null;
            GlobalPlacementResult bestGp = null;
            double bestHpwl = Double.POSITIVE_INFINITY;
            List<StageReport> tried = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                Placement q = candidates.get(k);
                long tk = System.nanoTime();
                if (options.releaseMacros() && k < placerCandidates) {
                    release(netlist, q, options, pl);
                }
                FinishedCandidate f = finish(netlist, masks, q, options, macroSeconds, pl);
                List<StageReport> own = new ArrayList<>(f.stages());
                Netlist nk = f.netlist();
                GlobalPlacementResult gp = f.cellGlobal();
                double hpwl = f.hpwl();
                if (candidates.size() > 1) {
                    String name = k < placerCandidates ? "candidate-" + (k + 1)
                            : k == placerCandidates ? "candidate-analytic" : "candidate-analytic-early";
                    tried.add(stage(name, tk, nk, q));
                }
                if (hpwl < bestHpwl) {
                    bestHpwl = hpwl;
                    best = own;
                    bestGp = gp;
                    placed = nk;
                    System.arraycopy(q.x(), 0, p.x(), 0, n);
                    System.arraycopy(q.y(), 0, p.y(), 0, n);
                    System.arraycopy(q.orient(), 0, p.orient(), 0, n);
                }
            }
            stages.addAll(tried);
            stages.addAll(best);
            passes.add(pass("global", false, bestGp, refinement(gpOptions)));
            hpwlTrace = bestGp.hpwlTrace();
            overflowTrace = bestGp.overflowTrace();
            kept = bestGp.keptIteration();
        } else {
            boolean[] gpMovable = hasMacros ? masks.movable() : cells;
            long t = System.nanoTime();
            GlobalPlacerOptions first = hasMacros ? mixedOptions(options, false) : gpOptions;
            GlobalPlacementResult gp = GlobalPlacer.place(netlist, p, gpMovable, first, pl);
            hpwlTrace = gp.hpwlTrace();
            overflowTrace = gp.overflowTrace();
            kept = gp.keptIteration();
            stages.add(stage("global", t, netlist, p));
            if (hasMacros) {
                // the returned iterate and, when the mixed-size guard's first failure was passed over, the
                // early one: each goes through macro legalization, the cell GP and cell legalization; those
                // within FINISH_MARGIN of the least legalized HPWL are detail-placed too, and the least
                // final HPWL is kept (the first on ties)
                List<Placement> variants = gp.early() == null ? List.of(p) : List.of(p, gp.early());
                double earlyHpwl = gp.early() == null ? 0 : Hpwl.total(netlist, gp.early().x(), gp.early().y());
                int nv = variants.size();
                List<List<StageReport>> own = new ArrayList<>();
                Netlist[] nets = new Netlist[nv];
                GlobalPass[] cellsPasses = new GlobalPass[nv];
                double[] seconds = new double[nv];
                double leastLegal = Double.POSITIVE_INFINITY;
                for (int k = 0; k < nv; k++) {
                    Placement q = variants.get(k);
                    List<StageReport> st = new ArrayList<>();
                    long tk = System.nanoTime();
                    MacroLegalizer.legalize(netlist, q, macros, lgOptions);
                    Netlist nk = options.macroFlipping() ? Flipper.flip(netlist, q, macros) : netlist;
                    st.add(stage("macro-legalize", tk, nk, q));
                    if (options.refineCellsAfterMacros()) {
                        long tg = System.nanoTime();
                        GlobalPlacementResult refined = GlobalPlacer.place(nk, q, cells, refinement(gpOptions), pl);
                        cellsPasses[k] = pass("global-cells", false, refined, refinement(gpOptions));
                        st.add(stage("global-cells", tg, nk, q));
                    }
                    legalizeStage(nk, q, lgOptions, st, pl);
                    leastLegal = Math.min(leastLegal, st.get(st.size() - 1).hpwl());
                    own.add(st);
                    nets[k] = nk;
                    seconds[k] = (System.nanoTime() - tk) * 1e-9;
                }
                double best = Double.POSITIVE_INFINITY;
                List<StageReport> bestStages = null;
                List<StageReport> tried = new ArrayList<>();
                GlobalPass bestCells = null;
                int bestK = 0;
                for (int k = 0; k < nv; k++) {
                    Placement q = variants.get(k);
                    List<StageReport> st = own.get(k);
                    Netlist nk = nets[k];
                    long tk = System.nanoTime();
                    boolean finish = nv == 1 || !options.detailedPlacement()
                            || st.get(st.size() - 1).hpwl() <= leastLegal * (1 + FINISH_MARGIN);
                    if (finish) {
                        nk = detailedStage(nk, q, options, st, pl);
                    }
                    double h = st.get(st.size() - 1).hpwl();
                    if (nv > 1) {
                        tried.add(new StageReport(k == 0 ? "candidate-analytic" : "candidate-analytic-early",
                                seconds[k] + (System.nanoTime() - tk) * 1e-9, h));
                    }
                    if (finish && h < best) {
                        best = h;
                        bestStages = st;
                        bestCells = cellsPasses[k];
                        bestK = k;
                        placed = nk;
                    }
                }
                if (bestK > 0) {
                    p.setFrom(variants.get(bestK));
                    kept = gp.earlyIteration();
                    StageReport g = stages.get(stages.size() - 1); // "global": report the iterate kept
                    stages.set(stages.size() - 1, new StageReport(g.stage(), g.seconds(), earlyHpwl));
                }
                passes.add(keptAt(pass("global", true, gp, first), kept));
                stages.addAll(tried);
                stages.addAll(bestStages);
                if (bestCells != null) {
                    passes.add(bestCells);
                }
            } else {
                passes.add(pass("global", false, gp, first));
                placed = cellStages(placed, p, options, lgOptions, stages, pl);
            }
        }
        MetricsReport metrics = Metrics.evaluate(placed, p,
                MetricsOptions.defaults().withTargetDensity(options.targetDensity()));
        return new PlacementResult(p, metrics, stages, hpwlTrace, overflowTrace, options, kept, passes, placed);
    }

    /**
     * The mixed-size global placement that the cell-aware flow starts from (stage {@code global-mixed} of
     * {@link #place} with a macro placer): from the netlist's initial placement, cells and macros move,
     * to {@link PlacerOptions#mixedTargetOverflow()}. The result has the cells at their global positions
     * and the macros at their analytic ones, unlegalized: the context in which a macro placement is
     * finished by {@link #finishCandidate}.
     *
     * @param start fixed nodes at their positions (typically {@link Netlist#initialPlacement()}); not changed
     * @return a new placement
     */
    public static Placement mixedGlobal(Netlist netlist, Placement start, PlacerOptions options,
                                        ProgressListener progress) {
        Placement p = start.copy();
        GlobalPlacer.place(netlist, p, Masks.of(netlist).movable(), mixedOptions(options.resolvedFor(netlist), false),
                progress == null ? ProgressListener.NONE : progress);
        return p;
    }

    /**
     * Releases a macro placement to the analytic placer: a mixed-size global placement (cells and macros
     * move) started from {@code q}'s positions, without the initial quadratic placement, to
     * {@link PlacerOptions#mixedTargetOverflow()}; {@code q} takes the result.
     */
    public static void release(Netlist netlist, Placement q, PlacerOptions options, ProgressListener progress) {
        GlobalPlacer.place(netlist, q, Masks.of(netlist).movable(), mixedOptions(options.resolvedFor(netlist), true),
                progress == null ? ProgressListener.NONE : progress);
    }

    /**
     * Finishes one macro candidate exactly as {@link #place} finishes each candidate of a macro placer:
     * macro legalization (macros then fixed), macro flips when {@link PlacerOptions#macroFlipping()}, the
     * cells' global placement started from their positions in {@code q}, cell legalization and detailed
     * placement. {@code q} (macros where the candidate puts them, cells typically at their
     * {@link #mixedGlobal} positions) becomes the final placement.
     *
     * @return the stages ({@code macro}, {@code global}, {@code legalize}, {@code detailed}) and the
     *         netlist with the final orientations' pin offsets; {@link FinishedCandidate#hpwl()} is the final HPWL
     */
    public static FinishedCandidate finishCandidate(Netlist netlist, Placement q, PlacerOptions options,
                                                    ProgressListener progress) {
        return finish(netlist, Masks.of(netlist), q, options.resolvedFor(netlist), 0,
                progress == null ? ProgressListener.NONE : progress);
    }

    /** {@link #finishCandidate} with resolved options; the {@code macro} stage reports {@code macroSeconds} more. */
    private static FinishedCandidate finish(Netlist netlist, Masks masks, Placement q, PlacerOptions options,
                                            double macroSeconds, ProgressListener pl) {
        boolean[] macros = masks.macros();
        boolean[] cells = masks.cells();
        LegalizerOptions lgOptions = legalizerOptions(options);
        long tk = System.nanoTime();
        List<StageReport> own = new ArrayList<>();
        MacroLegalizer.legalize(netlist, q, macros, lgOptions);
        Netlist nk = options.macroFlipping() ? Flipper.flip(netlist, q, macros) : netlist;
        own.add(new StageReport("macro", macroSeconds + (System.nanoTime() - tk) * 1e-9,
                Hpwl.total(nk, q.x(), q.y())));
        long tg = System.nanoTime();
        GlobalPlacementResult gp = GlobalPlacer.place(nk, q, cells, refinement(globalOptions(options)), pl);
        own.add(stage("global", tg, nk, q));
        nk = cellStages(nk, q, options, lgOptions, own, pl);
        return new FinishedCandidate(nk, List.copyOf(own), gp);
    }

    /** Per node: movable macros, movable standard cells, and either. */
    private record Masks(boolean[] macros, boolean[] cells, boolean[] movable) {
        static Masks of(Netlist netlist) {
            int n = netlist.numNodes();
            boolean[] macros = new boolean[n];
            boolean[] cells = new boolean[n];
            for (int v = 0; v < n; v++) {
                macros[v] = netlist.isMacro(v);
                cells[v] = netlist.isMovable(v) && !macros[v];
            }
            return new Masks(macros, cells, union(cells, macros));
        }
    }

    /** The mixed-size global placement's options; {@code fromPositions}: no initial quadratic placement. */
    private static GlobalPlacerOptions mixedOptions(PlacerOptions options, boolean fromPositions) {
        GlobalPlacerOptions o = globalOptions(options).withTargetOverflow(options.mixedTargetOverflow());
        return fromPositions ? refinement(o) : o;
    }

    private static LegalizerOptions legalizerOptions(PlacerOptions options) {
        return LegalizerOptions.defaults().withThreads(options.effectiveThreads());
    }

    private static GlobalPlacerOptions globalOptions(PlacerOptions options) {
        return GlobalPlacerOptions.defaults().withTargetDensity(options.targetDensity())
                .withTargetOverflow(options.targetOverflow()).withThreads(options.threads()).withSeed(options.seed());
    }

    /**
     * Cell legalization and (when enabled) detailed placement of {@code p}, appending their stages;
     * detailed placement ends by mirroring cells in x where that shortens their nets
     * ({@link Flipper#flipCells}). Returns the netlist with the pin offsets of the final orientations.
     */
    private static Netlist cellStages(Netlist netlist, Placement p, PlacerOptions options, LegalizerOptions lgOptions,
                                      List<StageReport> stages, ProgressListener pl) {
        legalizeStage(netlist, p, lgOptions, stages, pl);
        return detailedStage(netlist, p, options, stages, pl);
    }

    /** Cell legalization of {@code p}, appending its stage. */
    private static void legalizeStage(Netlist netlist, Placement p, LegalizerOptions lgOptions,
                                      List<StageReport> stages, ProgressListener pl) {
        long t = System.nanoTime();
        pl.report("legalize", 0, 0, Double.NaN, Double.NaN);
        CellLegalizer.legalize(netlist, p, lgOptions);
        stages.add(stage("legalize", t, netlist, p));
    }

    /**
     * Detailed placement of the legal {@code p} (when enabled) and the cell flips after it, appending its
     * stage; returns the netlist with the pin offsets of the final orientations.
     */
    private static Netlist detailedStage(Netlist netlist, Placement p, PlacerOptions options,
                                         List<StageReport> stages, ProgressListener pl) {
        if (options.detailedPlacement()) {
            long t = System.nanoTime();
            pl.report("detailed", 0, 0, Double.NaN, Double.NaN);
            DetailedPlacer.improve(netlist, p,
                    DetailedPlacerOptions.defaults().withThreads(options.effectiveThreads()));
            boolean[] cells = new boolean[netlist.numNodes()];
            for (int v = 0; v < cells.length; v++) {
                cells[v] = netlist.kind(v) == org.chipplace.netlist.NodeKind.CELL;
            }
            netlist = Flipper.flipCells(netlist, p, cells);
            stages.add(stage("detailed", t, netlist, p));
        }
        return netlist;
    }

    /** The same options with no initial quadratic placement: Nesterov starts from the given positions. */
    private static GlobalPlacerOptions refinement(GlobalPlacerOptions o) {
        return o.withInitialPlacementIterations(0);
    }

    /** {@code g} with kept iteration {@code kept}. */
    private static GlobalPass keptAt(GlobalPass g, int kept) {
        return g.keptIteration() == kept ? g : new GlobalPass(g.stage(), g.macrosMove(), g.hpwlTrace(),
                g.overflowTrace(), kept, g.targetOverflow(), g.stop());
    }

    private static GlobalPass pass(String stage, boolean macrosMove, GlobalPlacementResult gp, GlobalPlacerOptions o) {
        return new GlobalPass(stage, macrosMove, gp.hpwlTrace(), gp.overflowTrace(), gp.keptIteration(),
                o.targetOverflow(), GlobalPass.stopReason(gp.overflowTrace(), o.targetOverflow(), o.maxIterations()));
    }

    private static boolean[] union(boolean[] a, boolean[] b) {
        boolean[] u = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            u[i] = a[i] || b[i];
        }
        return u;
    }

    private static StageReport stage(String name, long startNanos, Netlist netlist, Placement p) {
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        return new StageReport(name, seconds, Hpwl.total(netlist, p.x(), p.y()));
    }
}
