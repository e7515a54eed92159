package org.chipplace.metrics;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Splits a range into a fixed number of chunks and runs them, in parallel on the common
 * fork/join pool when allowed. The chunk count depends only on the problem size, so results
 * reduced chunk by chunk in index order are identical whether or not threads are used.
 */
final class Chunks {
    /** Problem sizes (items) below which one chunk is used. */
    static final int PARALLEL_MIN = 1 << 16;

    private Chunks() {
    }

    /** Number of chunks for {@code n} items: 1 for small problems, otherwise up to {@code max}. */
    static int count(int n, int max) {
        if (n < PARALLEL_MIN) {
            return 1;
        }
        return Math.max(1, Math.min(max, n / (PARALLEL_MIN / 4)));
    }

    /** First item of chunk {@code c} of {@code chunks} over {@code n} items. */
    static int start(int c, int chunks, int n) {
        return (int) ((long) n * c / chunks);
    }

    /** Runs {@code body} for chunk indices {@code 0..chunks-1}. */
    static void run(int chunks, boolean parallel, IntConsumer body) {
        if (!parallel || chunks <= 1 || Runtime.getRuntime().availableProcessors() < 2) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
        } else {
            IntStream.range(0, chunks).parallel().forEach(body);
        }
    }
}
