package org.chipplace.offline.datasets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.chipplace.netlist.Netlist;
import org.chipplace.offline.env.DesignHash;
import org.chipplace.offline.env.EnvOptions;
import org.chipplace.offline.env.MacroEnv;
import org.chipplace.offline.env.Trajectory;

/**
 * Turns stored trajectories into training windows by replaying them on their designs (masks are
 * recomputed, never stored). Designs are matched by {@link DesignHash} with fixed nodes at their
 * {@link Netlist#initialPlacement()} positions; a trajectory without a matching design raises
 * {@link DatasetFormatException}. Not thread-safe.
 */
public final class DatasetLoader {
    private final List<Trajectory> trajectories;
    private final List<String> hashes = new ArrayList<>();
    private final Map<String, Integer> circuitId = new HashMap<>();
    private final Map<String, Netlist> designs = new HashMap<>();
    private final Map<String, MacroEnv> envs = new HashMap<>();

    /**
     * @param trajectories the dataset
     * @param netlists     the designs (more are allowed; each trajectory's must be among them)
     */
    public DatasetLoader(List<Trajectory> trajectories, List<Netlist> netlists) {
        this.trajectories = List.copyOf(trajectories);
        Map<String, Netlist> byHash = new LinkedHashMap<>();
        for (Netlist nl : netlists) {
            byHash.put(DesignHash.of(nl, nl.initialPlacement()), nl);
        }
        for (Trajectory t : this.trajectories) {
            Netlist nl = byHash.get(t.designHash());
            if (nl == null) {
                throw new DatasetFormatException("no design given matches trajectory of " + t.designName()
                        + " (hash " + t.designHash() + ")");
            }
            if (!circuitId.containsKey(t.designHash())) {
                circuitId.put(t.designHash(), hashes.size());
                hashes.add(t.designHash());
                designs.put(t.designHash(), nl);
            }
        }
    }

    /** Design hashes in circuit-id order (first appearance in the dataset). */
    public List<String> designHashes() {
        return List.copyOf(hashes);
    }

    public int numTrajectories() {
        return trajectories.size();
    }

    /** Circuit id of trajectory {@code i}. */
    public int circuitId(int i) {
        return circuitId.get(trajectories.get(i).designHash());
    }

    /**
     * Replays trajectory {@code i} up to (not including) step {@code step} and returns the
     * environment positioned there.
     */
    public MacroEnv replay(int i, int step) {
        Trajectory t = trajectories.get(i);
        String key = t.designHash() + "/" + t.grid();
        MacroEnv env = envs.get(key);
        if (env == null) {
            Netlist nl = designs.get(t.designHash());
            env = new MacroEnv(nl, nl.initialPlacement(), EnvOptions.defaults().withGrid(t.grid()));
            envs.put(key, env);
        }
        if (env.numSteps() != t.actions().length) {
            throw new DatasetFormatException("trajectory " + i + " has " + t.actions().length + " steps, design "
                    + t.designName() + " has " + env.numSteps() + " macros");
        }
        env.reset(t.order());
        for (int s = 0; s < step; s++) {
            env.step(t.actions()[s]);
        }
        return env;
    }

    /**
     * All windows of {@code length} steps in an order shuffled by {@code seed}: per trajectory the
     * starts 0, length, 2*length, ... and, when the length does not divide the episode, one more
     * window ending at the last step (trajectories shorter than {@code length} give one shorter
     * window). Windows are built lazily.
     */
    public Iterator<TrainingWindow> windows(int length, long seed) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be >= 1: " + length);
        }
        List<long[]> starts = new ArrayList<>();
        for (int i = 0; i < trajectories.size(); i++) {
            int n = trajectories.get(i).actions().length;
            if (n == 0) {
                continue;
            }
            int s = 0;
            for (; s + length <= n; s += length) {
                starts.add(new long[] {i, s});
            }
            if (s < n) {
                starts.add(new long[] {i, Math.max(0, n - length)});
            }
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = starts.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long[] tmp = starts.get(i);
            starts.set(i, starts.get(j));
            starts.set(j, tmp);
        }
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < starts.size();
            }

            @Override
            public TrainingWindow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long[] st = starts.get(next++);
                return window((int) st[0], (int) st[1], length);
            }
        };
    }

    /** The window of trajectory {@code i} from step {@code start}, at most {@code length} steps. */
    public TrainingWindow window(int i, int start, int length) {
        Trajectory t = trajectories.get(i);
        int n = t.actions().length;
        int len = Math.min(length, n - start);
        MacroEnv env = replay(i, start);
        float[] rtg = new float[len];
        double tail = 0;
        for (int s = n - 1; s >= start; s--) {
            tail += t.rewards()[s];
            if (s < start + len) {
                rtg[s - start] = (float) tail;
            }
        }
        float[][] states = new float[len][];
        int[] actions = new int[len];
        int[] steps = new int[len];
        for (int s = 0; s < len; s++) {
            states[s] = new float[MacroEnv.stateSize(t.grid())];
            env.observe(states[s]);
            actions[s] = t.actions()[start + s];
            steps[s] = start + s;
            env.step(actions[s]);
        }
        return new TrainingWindow(circuitId(i), i, start, rtg, states, actions, steps);
    }
}
