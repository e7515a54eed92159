package org.chipplace.api.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBarConsumer;

/** Draws a progress bar on the command's error stream, one carriage-return-refreshed line. */
final class StderrConsumer implements ProgressBarConsumer {
    private final PrintWriter err;

    StderrConsumer(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int getMaxRenderedLength() {
        return 100;
    }

    @Override
    public void accept(String rendered) {
        err.print('\r');
        err.print(rendered);
        err.flush();
    }

    @Override
    public void close() {
        err.println();
        err.flush();
    }
}
