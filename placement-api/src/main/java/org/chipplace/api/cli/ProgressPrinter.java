package org.chipplace.api.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.chipplace.placer.ProgressListener;

/**
 * Prints placement progress (stage, iteration, HPWL, overflow) to stderr, at most a few lines a
 * second, and always the first report of each stage.
 */
final class ProgressPrinter implements ProgressListener {
    private static final long INTERVAL_NANOS = 500_000_000L;
    private final PrintWriter err;
    private String lastStage = "";
    private long lastPrint;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void report(String stage, int iteration, double fraction, double hpwl, double overflow) {
        long now = System.nanoTime();
        if (stage.equals(lastStage) && now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastStage = stage;
        lastPrint = now;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%-8s] iter %5d", stage, iteration));
        if (!Double.isNaN(fraction)) {
            sb.append(String.format(Locale.ROOT, "  %3.0f%%", 100 * fraction));
        }
        if (!Double.isNaN(hpwl)) {
            sb.append(String.format(Locale.ROOT, "  HPWL %.4e", hpwl));
        }
        if (!Double.isNaN(overflow)) {
            sb.append(String.format(Locale.ROOT, "  overflow %.3f", overflow));
        }
        err.println(sb);
        err.flush();
    }

    void finish() {
        err.flush();
    }
}
