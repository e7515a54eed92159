package org.chipplace.gnn;

/**
 * The PyTorch engine of DJL could not start on this machine: its native library did not load.
 * The usual cause is a build made with the {@code cuda} Maven profile (it bundles only
 * {@code pytorch-native-cu124}) run on a machine without an NVIDIA driver for CUDA 12.4; DJL then
 * looks for the CPU library and, being offline, cannot fetch it. The message names DJL's reason
 * and what to do; the cause is DJL's exception.
 */
public final class EngineUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** Wraps DJL's exception (or linkage error) {@code cause}. */
    public EngineUnavailableException(Throwable cause) {
        super(message(cause), cause);
    }

    private static String message(Throwable cause) {
        StringBuilder why = new StringBuilder(String.valueOf(cause.getMessage()));
        for (Throwable c = cause.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            why.append(": ").append(c.getMessage());
        }
        return "the PyTorch engine cannot start (" + why + "). A build with the cuda Maven profile "
                + "(pytorch-native-cu124) runs only where an NVIDIA driver for CUDA 12.4 or newer is "
                + "installed; on other machines use the default CPU build (mvn install without -Pcuda)";
    }
}
