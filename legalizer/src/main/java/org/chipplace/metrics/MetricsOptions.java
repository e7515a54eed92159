package org.chipplace.metrics;

/**
 * Options of the placement metrics ({@link Metrics}, {@link Density}, {@link Rudy},
 * {@link LegalityChecker}). All lengths are in the design's database units (Bookshelf units).
 *
 * @param binSize         edge length of a density/RUDY bin. {@code 0} (default) means automatic:
 *                        {@code sqrt(coreArea / numMovable) * 4}, then the bin count per side is
 *                        clamped to {@code 16..512}. An explicit size gives
 *                        {@code max(1, ceil(coreWidth / binSize))} bins across (likewise in y); the
 *                        bins always tile the core exactly, so their size is adjusted slightly
 *                        (a design without a core uses the bounding box of all nodes).
 * @param targetDensity   target utilisation of the free area of a bin in {@code (0, 1]} (default 1.0),
 *                        as in ePlace/DREAMPlace overflow.
 * @param rudyCapacity    routing capacity per unit area, in wirelength units per area unit
 *                        (default 1.0); a RUDY map value of 1 means demand equals capacity.
 * @param legalityEpsilon tolerance for the legality checks (coordinates closer than this are
 *                        treated as equal; default 1e-6).
 * @param parallel        whether large designs may use the common fork/join pool (default true);
 *                        results do not depend on this flag.
 */
public record MetricsOptions(double binSize, double targetDensity, double rudyCapacity, double legalityEpsilon,
                             boolean parallel) {

    /** Default tolerance of the legality checks. */
    public static final double DEFAULT_EPSILON = 1e-6;

    public MetricsOptions {
        if (!(binSize >= 0) || Double.isInfinite(binSize)) {
            throw new IllegalArgumentException("binSize must be finite and >= 0 (0 = auto), got " + binSize);
        }
        if (!(targetDensity > 0 && targetDensity <= 1)) {
            throw new IllegalArgumentException("targetDensity must be in (0, 1], got " + targetDensity);
        }
        if (!(rudyCapacity > 0) || Double.isInfinite(rudyCapacity)) {
            throw new IllegalArgumentException("rudyCapacity must be finite and > 0, got " + rudyCapacity);
        }
        if (!(legalityEpsilon >= 0) || Double.isInfinite(legalityEpsilon)) {
            throw new IllegalArgumentException("legalityEpsilon must be finite and >= 0, got " + legalityEpsilon);
        }
    }

    /** Options with the given bin size, target density and RUDY capacity, other fields at their defaults. */
    public MetricsOptions(double binSize, double targetDensity, double rudyCapacity) {
        this(binSize, targetDensity, rudyCapacity, DEFAULT_EPSILON, true);
    }

    /** Automatic bins, target density 1.0, RUDY capacity 1.0, epsilon 1e-6, parallel. */
    public static MetricsOptions defaults() {
        return new MetricsOptions(0, 1.0, 1.0, DEFAULT_EPSILON, true);
    }

    public MetricsOptions withBinSize(double v) {
        return new MetricsOptions(v, targetDensity, rudyCapacity, legalityEpsilon, parallel);
    }

    public MetricsOptions withTargetDensity(double v) {
        return new MetricsOptions(binSize, v, rudyCapacity, legalityEpsilon, parallel);
    }

    public MetricsOptions withRudyCapacity(double v) {
        return new MetricsOptions(binSize, targetDensity, v, legalityEpsilon, parallel);
    }

    public MetricsOptions withLegalityEpsilon(double v) {
        return new MetricsOptions(binSize, targetDensity, rudyCapacity, v, parallel);
    }

    public MetricsOptions withParallel(boolean v) {
        return new MetricsOptions(binSize, targetDensity, rudyCapacity, legalityEpsilon, v);
    }
}
