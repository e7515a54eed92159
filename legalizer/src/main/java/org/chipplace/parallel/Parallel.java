package org.chipplace.parallel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Deterministic parallel work in numbered chunks, the one helper that global placement, legalization,
 * detailed placement and the metrics share.
 *
 * <p>Callers cut their work into chunks with one of the chunking rules below, compute per chunk
 * independently, and reduce per-chunk results in chunk order. Since the chunk boundaries never depend on
 * how the chunks are scheduled, results are bitwise identical however many threads run them.
 *
 * <p>Chunking rules:
 * <ul>
 *   <li>{@link #chunks(int, int)}: chunks of a fixed number of items; chunk {@code c} covers
 *       {@code [c*size, min(n, (c+1)*size))}.</li>
 *   <li>{@link #evenChunks(int, int, int, int)} with {@link #start(int, int, int)}: a given number of
 *       near-equal contiguous chunks; chunk {@code c} covers {@code [start(c), start(c+1))}.</li>
 * </ul>
 *
 * <p>Ways to run them:
 * <ul>
 *   <li>an instance, {@link #Parallel(int)}: a pool of {@code threads - 1} daemon threads plus the
 *       caller, reused across many {@link #run} calls; chunks are handed out dynamically and each body
 *       is told its worker index for per-thread scratch buffers (global placement);</li>
 *   <li>{@link #forEachChunk}: one-off runs on the common fork/join pool (metrics);</li>
 *   <li>{@link #forRange}: one-off runs of an index range split into at most {@code threads} even
 *       chunks (legalization and detailed placement).</li>
 * </ul>
 */
public final class Parallel implements AutoCloseable {
    /** Items per chunk below which {@link #forRange} does not split. */
    public static final int RANGE_MIN_PER_CHUNK = 256;

    /** One chunk of work; {@code worker} in [0, threads) identifies per-thread scratch buffers. */
    @FunctionalInterface
    public interface Body {
        void run(int chunk, int worker);
    }

    /** Work on indices {@code [lo, hi)}. */
    @FunctionalInterface
    public interface RangeTask {
        void run(int lo, int hi);
    }

    private final int threads;
    private final ExecutorService pool;
    private final Future<?>[] futures;

    /** A pool running chunks on up to {@code threads} threads (the caller included); 1 or less: none. */
    public Parallel(int threads) {
        this(threads, "placer-worker");
    }

    /** As {@link #Parallel(int)}, naming the pool's threads {@code threadName}. */
    public Parallel(int threads, String threadName) {
        this.threads = Math.max(1, threads);
        this.pool = this.threads > 1 ? Executors.newFixedThreadPool(this.threads - 1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        }) : null;
        this.futures = new Future<?>[this.threads];
    }

    /** Number of threads (at least 1), the caller included. */
    public int threads() {
        return threads;
    }

    /** Number of chunks of at most {@code chunkSize} items covering {@code n} items (at least 1). */
    public static int chunks(int n, int chunkSize) {
        return Math.max(1, (n + chunkSize - 1) / chunkSize);
    }

    /**
     * Number of even chunks for a problem of size {@code n}: 1 when {@code n < minSize}, otherwise
     * {@code n / perChunk} clamped to {@code [1, maxChunks]}.
     */
    public static int evenChunks(int n, int minSize, int perChunk, int maxChunks) {
        if (n < minSize) {
            return 1;
        }
        return Math.max(1, Math.min(maxChunks, n / perChunk));
    }

    /** First item of even chunk {@code c} of {@code chunks} over {@code n} items. */
    public static int start(int c, int chunks, int n) {
        return (int) ((long) n * c / chunks);
    }

    /**
     * Runs {@code body} for chunks 0..n-1 on this pool and waits for all of them. The first failure
     * is rethrown (unchecked ones as they are) after every chunk has finished or failed.
     */
    public void run(int n, Body body) {
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

    /**
     * Runs {@code body} for chunk indices {@code 0..chunks-1}: on the common fork/join pool when
     * {@code parallel} and more than one processor is available, otherwise in order on the caller.
     */
    public static void forEachChunk(int chunks, boolean parallel, IntConsumer body) {
        if (!parallel || chunks <= 1 || Runtime.getRuntime().availableProcessors() < 2) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        } else {
            IntStream.range(0, chunks).parallel().forEach(body);
        }
    }

    /**
     * Runs {@code task} over {@code [0, n)} split into {@code t = evenChunks(n, 0,}
     * {@value #RANGE_MIN_PER_CHUNK}{@code , threads)} even chunks, each on its own thread (a pool of
     * {@code t} threads, the caller included, that lives for this call only).
     */
    public static void forRange(int threads, int n, RangeTask task) {
        int t = evenChunks(n, 0, RANGE_MIN_PER_CHUNK, threads);
        if (t == 1) {
            task.run(0, n);
            return;
        }
        try (Parallel par = new Parallel(t)) {
            par.run(t, (c, w) -> task.run(start(c, t, n), start(c + 1, t, n)));
        }
    }
}
