package org.chipplace.netlist.synthetic;

/**
 * Options of the synthetic circuit generator {@link SyntheticCircuits}.
 *
 * @param macros        movable macros (&gt;= 0); default 32
 * @param cells         movable standard cells (&gt;= 0); default 2000
 * @param nets          nets in total, pad nets included (&gt;= pads); default 2600
 * @param pads          fixed 1x1 pads on the core boundary (&gt;= 0); default 64
 * @param utilisation   movable area / core area, in (0, 0.95]; default 0.7
 * @param macroFraction share of the movable area taken by macros, in [0, 0.9]; default 0.5
 * @param rentExponent  Rent exponent p in (0, 1): a net spans an aligned block of the hierarchy
 *                      {@code 2^L} times its degree with probability proportional to
 *                      {@code 2^((p-1)L)}; default 0.6
 */
public record SyntheticOptions(int macros, int cells, int nets, int pads, double utilisation,
                               double macroFraction, double rentExponent) {
    public SyntheticOptions {
        if (macros < 0 || cells < 0 || pads < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        if (macros + cells < 2) {
            throw new IllegalArgumentException("need at least two movable nodes");
        }
        if (nets < pads) {
            throw new IllegalArgumentException("nets must be >= pads (one net per pad): " + nets);
        }
        if (!(utilisation > 0 && utilisation <= 0.95)) {
            throw new IllegalArgumentException("utilisation must be in (0, 0.95]: " + utilisation);
        }
        if (!(macroFraction >= 0 && macroFraction <= 0.9)) {
            throw new IllegalArgumentException("macroFraction must be in [0, 0.9]: " + macroFraction);
        }
        if (!(rentExponent > 0 && rentExponent < 1)) {
            throw new IllegalArgumentException("rentExponent must be in (0, 1): " + rentExponent);
        }
        if (macros == 0 && macroFraction > 0) {
            throw new IllegalArgumentException("macroFraction > 0 needs macros");
        }
    }

    public static SyntheticOptions defaults() {
        return new SyntheticOptions(32, 2000, 2600, 64, 0.7, 0.5, 0.6);
    }

    /** A small design for tests: {@code macros} macros, 10x as many cells. */
    public static SyntheticOptions small(int macros) {
        return new SyntheticOptions(macros, 10 * macros, 14 * macros, Math.max(4, macros), 0.6, 0.5, 0.6);
    }
}
