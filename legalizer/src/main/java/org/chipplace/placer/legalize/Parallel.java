package org.chipplace.placer.legalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an index range into contiguous chunks run on plain threads (shared by the legalizer and
 * the detailed placer; not part of the placement API).
 */
public final class Parallel {
    private Parallel() {
    }

    /** Work on indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int lo, int hi);
    }

    /** Runs {@code task} over {@code [0, n)} split into at most {@code threads} chunks. */
    public static void forRange(int threads, int n, RangeTask task) {
        int t = Math.max(1, Math.min(threads, n / 256));
        if (t == 1) {
            task.run(0, n);
            return;
        }
        List<Thread> ts = new ArrayList<>(t);
        Throwable[] err = new Throwable[1];
        for (int i = 0; i < t; i++) {
            int a = (int) ((long) n * i / t);
            int b = (int) ((long) n * (i + 1) / t);
            Thread th = new Thread(() -> task.run(a, b), "placer-worker-" + i);
            th.setUncaughtExceptionHandler((x, e) -> {
                synchronized (err) {
                    err[0] = e;
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            try {
                th.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (err[0] != null) {
            throw new IllegalStateException("worker failed", err[0]);
        }
    }
}
