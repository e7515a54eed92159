/**
 * Deterministic parallel chunking shared by the placers and the metrics:
 * {@link org.chipplace.parallel.Parallel} cuts work into chunks whose boundaries do not depend on the
 * thread count and runs them on a reusable pool ({@code new Parallel(threads)}), on the common
 * fork/join pool ({@code forEachChunk}) or on short-lived threads ({@code forRange}); callers reduce
 * per-chunk results in chunk order, so results are identical for any number of threads.
 */
package org.chipplace.parallel;
