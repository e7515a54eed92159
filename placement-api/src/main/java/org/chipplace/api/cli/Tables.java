package org.chipplace.api.cli;

import java.util.Locale;
import java.util.Map;

/** Plain-text tables for the command line. */
final class Tables {
    private Tables() {
    }

    /** Two aligned columns, one entry a line; doubles in a readable engineering format. */
    static String keyValue(Map<?, ?> entries) {
        int width = 0;
        for (Object k : entries.keySet()) {
            width = Math.max(width, k.toString().length());
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %s%n", e.getKey(), format(e.getValue())));
        }
        return sb.toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            double a = Math.abs(d);
            if (d == Math.rint(d) && a < 1e15) {
                return String.format(Locale.ROOT, "%.0f", d);
            }
            return a >= 1e5 || (a < 1e-3 && a > 0) ? String.format(Locale.ROOT, "%.6e", d)
                    : String.format(Locale.ROOT, "%.6f", d);
        }
        return String.valueOf(v);
    }
}
