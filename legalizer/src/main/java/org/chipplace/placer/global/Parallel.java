package org.chipplace.placer.global;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-size pool that runs numbered chunks of work. Callers partition their work into a number of
 * chunks that does not depend on the thread count and reduce per-chunk results in chunk order, so
 * that results are bitwise identical whatever the number of threads.
 */
final class Parallel implements AutoCloseable {

    /** One chunk of work; {@code worker} in [0, threads) identifies per-thread scratch buffers. */
    @FunctionalInterface
    interface Body {
        void run(int chunk, int worker);
    }

    private final int threads;
    private final ExecutorService pool;
    @SuppressWarnings("unchecked")
    private final Future<?>[] futures;

    Parallel(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, "global-placer");
            t.setDaemon(true);
            return t;
        }) : null;
        this.futures = new Future<?>[this.threads];
    }

    int threads() {
        return threads;
    }

    /** Number of chunks of at most {@code chunkSize} items covering {@code n} items (at least 1). */
    static int chunks(int n, int chunkSize) {
        return Math.max(1, (n + chunkSize - 1) / chunkSize);
    }

    /** Runs {@code body} for chunks 0..n-1 and waits for all of them. */
    void run(int n, Body body) {
        if (pool == null || n <= 1) {
            for (int c = 0; c < n; c++) {
                body.run(c, 0);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        int helpers = Math.min(threads, n) - 1;
        for (int w = 1; w <= helpers; w++) {
            final int worker = w;
            futures[w] = pool.submit(() -> drain(next, n, body, worker));
        }
        Throwable failure = null;
        try {
            drain(next, n, body, 0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int w = 1; w <= helpers; w++) {
            try {
                futures[w].get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure == null ? e : failure;
            } catch (ExecutionException e) {
                failure = failure == null ? e.getCause() : failure;
            }
            futures[w] = null;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure instanceof Error er) {
            throw er;
        } else if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static void drain(AtomicInteger next, int n, Body body, int worker) {
        for (int c = next.getAndIncrement(); c < n; c = next.getAndIncrement()) {
            body.run(c, worker);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
